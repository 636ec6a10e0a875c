package model

import "strings"

// PlainText flattens inlines to their text, as used for bookmarks, titles
// and text alternatives. Footnote markers are left out.
func PlainText(in []Inline) string {
	var b strings.Builder
	plain := func(n Node, entering bool) WalkStatus {
		if entering {
			switch x := n.(type) {
			case Text:
				b.WriteString(string(x))
			case Code:
				b.WriteString(string(x))
			case *Ref:
				b.WriteString(x.Text)
			case LineBreak:
				b.WriteByte(' ')
			}
		}
		return WalkContinue
	}
	for _, x := range in {
		Walk(x, plain)
	}
	return b.String()
}

// Sections returns every section of the document in reading order, front
// part first, subsections after their parent's own blocks.
func (d *Document) Sections() []*Section {
	var out []*Section
	Walk(d, func(n Node, entering bool) WalkStatus {
		switch n := n.(type) {
		case *Document:
			return WalkContinue
		case *Section:
			if entering {
				out = append(out, n)
			}
			return WalkContinue
		}
		return WalkSkipChildren
	})
	return out
}

// NotForPublication reports whether this rendering holds exempt material:
// the full rendering of a paper that is exempt as a whole or has exempt
// sections. Writers mark every page of such a rendering NOT FOR
// PUBLICATION.
func (d *Document) NotForPublication() bool {
	return d.ExemptNotice != "" && !d.Redacted
}

// Roman is n (1 to 3999) as a lower-case roman numeral: "iv".
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return ""
	}
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
