package markdown

import (
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Heading attributes are read by boardpaper rather than left to goldmark
// alone: goldmark reads one well-formed {#id .class key=value} list at the
// end of a heading and leaves anything else as text, so "{- .exempt}",
// "{.exempt -}" and "Title {.exempt} {-}" once lost their {.exempt} and
// published what followed. Here every attribute list that ends a heading
// is read, as many as are written, and all of them count: "{.exempt} {-}"
// is the same as "{.exempt -}". "-" is pandoc's short form of
// ".unnumbered".

// peelAttrs splits the attribute lists off the end of a heading's text. It
// returns the text without them, the attributes they held, and the first
// list it could not read ("" when none): a closing "{…}" that is not a list
// of attributes stays in the text.
func peelAttrs(text string) (rest string, a model.Attr, bad string) {
	rest = strings.TrimRight(text, " \t")
	var groups []model.Attr
	for strings.HasSuffix(rest, "}") {
		open := strings.LastIndexByte(rest, '{')
		if open < 0 {
			break
		}
		g, ok := parseAttrList(rest[open+1 : len(rest)-1])
		if !ok {
			bad = rest[open:]
			break
		}
		groups = append(groups, g)
		rest = strings.TrimRight(rest[:open], " \t")
	}
	// Lists are merged in the order written (they were peeled last first).
	for i := len(groups) - 1; i >= 0; i-- {
		a = mergeAttr(a, groups[i])
	}
	return rest, a, bad
}

// parseAttrList reads the inside of one {…}: "#id", ".class", "-",
// "key=value" and key="quoted value", separated by spaces.
func parseAttrList(s string) (model.Attr, bool) {
	var a model.Attr
	toks, ok := attrTokens(s)
	if !ok || len(toks) == 0 {
		return a, false
	}
	for _, tok := range toks {
		switch {
		case tok == "-":
			a.Classes = append(a.Classes, "unnumbered")
		case strings.HasPrefix(tok, "#") && isName(tok[1:]):
			a.ID = tok[1:]
		case strings.HasPrefix(tok, ".") && isName(tok[1:]):
			a.Classes = append(a.Classes, tok[1:])
		default:
			key, val, ok := strings.Cut(tok, "=")
			if !ok || !isName(key) {
				return a, false
			}
			if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
				val = val[1 : len(val)-1]
			}
			a.KV = append(a.KV, model.KV{Key: key, Value: val})
		}
	}
	return a, true
}

// attrTokens splits s at spaces outside double quotes; an unclosed quote
// is not a list of attributes.
func attrTokens(s string) ([]string, bool) {
	var toks []string
	var cur strings.Builder
	inQuote := false
	for _, c := range s {
		switch {
		case c == '"':
			inQuote = !inQuote
			cur.WriteRune(c)
		case (c == ' ' || c == '\t') && !inQuote:
			if cur.Len() > 0 {
				toks = append(toks, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(c)
		}
	}
	if cur.Len() > 0 {
		toks = append(toks, cur.String())
	}
	return toks, !inQuote
}

// isName reports whether s can be an id, class or key: a letter, then
// letters, digits, "-", "_", ":" or ".".
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if i == 0 && !letter {
			return false
		}
		if !letter && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != ':' && c != '.' {
			return false
		}
	}
	return true
}

// mergeAttr adds b's attributes to a. A second id replaces the first, as
// the last written wins in pandoc.
func mergeAttr(a, b model.Attr) model.Attr {
	if b.ID != "" {
		a.ID = b.ID
	}
	for _, c := range b.Classes {
		if !a.HasClass(c) {
			a.Classes = append(a.Classes, c)
		}
	}
	a.KV = append(a.KV, b.KV...)
	return a
}
