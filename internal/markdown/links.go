package markdown

import "unicode"

// Reference-style links: "[text][ref]", "[ref][]" or "[ref]", with a line
// "[ref]: https://… "Title"" anywhere in the paper. goldmark resolves them
// to links with the definition's address, so the writers see ordinary
// links, and a definition prints nothing. As with footnotes, where a
// definition is written does not decide whether its address is published:
// the links that use it do (a link in exempt material goes with it).

// visible reports whether s holds something a reader would see: not only
// spaces, no-break spaces and invisible characters.
func visible(s string) bool {
	for _, c := range s {
		if !unicode.IsSpace(c) && !unicode.Is(unicode.Cf, c) && !unicode.IsControl(c) {
			return true
		}
	}
	return false
}
