package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// decode turns Markdown text as written into the text it stands for, as
// CommonMark reads it and goldmark's own writer prints it: a backslash
// before punctuation is dropped ("\*" is "*"), entity and numeric
// character references are the characters they name ("&amp;" "&",
// "&#163;" "£"), and NUL is U+FFFD. It is one pass, so "\&amp;" is
// "&amp;". Code is not decoded (CommonMark keeps it as written), nor raw
// HTML, which is shown as the text it is.
func decode(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, 0) < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out.WriteByte(b[i+1])
			i++
		case c == 0:
			out.WriteRune(utf8.RuneError)
		case c == '&':
			r, name, n := reference(b[i:])
			switch {
			case n == 0:
				out.WriteByte(c)
				continue
			case name != nil:
				out.Write(name)
			default:
				out.WriteRune(r)
			}
			i += n - 1
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// reference reads a character reference at the start of b: "&#35;",
// "&#x22;" (a rune) or "&copy;" (an entity's characters), and its length;
// 0 when b does not start with one. Numeric references have at most 7
// decimal or 6 hexadecimal digits, as CommonMark says; one that names no
// character is U+FFFD.
func reference(b []byte) (r rune, name []byte, n int) {
	if len(b) < 3 || b[0] != '&' {
		return 0, nil, 0
	}
	if b[1] == '#' {
		digits, base, start := util.IsNumeric, 10, 2
		if b[2] == 'x' || b[2] == 'X' {
			digits, base, start = util.IsHexDecimal, 16, 3
		}
		end := start
		for end < len(b) && digits(b[end]) {
			end++
		}
		max := 7
		if base == 16 {
			max = 6
		}
		if end == start || end-start > max || end >= len(b) || b[end] != ';' {
			return 0, nil, 0
		}
		v, err := strconv.ParseUint(string(b[start:end]), base, 32)
		if err != nil || v == 0 || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
			v = utf8.RuneError
		}
		return rune(v), nil, end + 1
	}
	end := 1
	for end < len(b) && util.IsAlphaNumeric(b[end]) {
		end++
	}
	if end == 1 || end >= len(b) || b[end] != ';' {
		return 0, nil, 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(b[1:end]))
	if !ok {
		return 0, nil, 0
	}
	return 0, e.Characters, end + 1
}
