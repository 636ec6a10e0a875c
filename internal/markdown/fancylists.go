package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Recommendations are lettered and bracketed as councils write them:
// "(a)", "a.", "(1)", "i.", "(iv)", "A)". CommonMark (and goldmark) knows
// only "1." and "1)". As pandoc's fancy_lists extension reads them, such a
// marker at the start of a line opens or continues an ordered list; here
// the marker is replaced, before goldmark parses the body, by a decimal
// one of the same width ("(a)" by "01)", "iv." by "04."), so that every
// column after it, and so every position an error names, stays where the
// author wrote it. The marker's style is kept by line, and the reader
// gives it to the list goldmark made (see fancyMarker).

// fancyMarker is a marker the body was written with.
type fancyMarker struct {
	style string // model.List's Style: "a", "A", "i", "I" or "1"
	delim string // "." , ")" or "()"
	value int
}

// fancyLists replaces the fancy list markers of body (outside fenced code
// and table and chart blocks) and returns the body to parse and the
// markers by 0-based line. body itself is left as it is; nil markers
// mean no line had one, and the body is returned unchanged.
func fancyLists(body []byte) ([]byte, map[int]fancyMarker) {
	var out []byte
	var marks map[int]fancyMarker
	fence := "" // the fence being read, "" outside one
	line := 0
	for start := 0; start < len(body); line++ {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		text := body[start:end]
		trimmed := bytes.TrimLeft(text, " ")
		indent := len(text) - len(trimmed)
		switch {
		case fence != "":
			if indent < 4 && bytes.HasPrefix(trimmed, []byte(fence)) && len(bytes.Trim(trimmed, fence[:1]+" \t\r")) == 0 {
				fence = ""
			}
		case indent < 4 && (bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~"))):
			n := 0
			for n < len(trimmed) && trimmed[n] == trimmed[0] {
				n++
			}
			fence = string(trimmed[:n])
		default:
			// A list may be quoted: "> (a) …".
			at := indent
			for at < len(text) && text[at] == '>' {
				at++
				for at < len(text) && text[at] == ' ' {
					at++
				}
			}
			if m, width, ok := parseFancy(text[at:]); ok {
				if out == nil {
					out = append([]byte(nil), body...)
					marks = map[int]fancyMarker{}
				}
				copy(out[start+at:], decimalMarker(m, width))
				marks[line] = m
			}
		}
		start = end + 1
	}
	if out == nil {
		return body, nil
	}
	return out, marks
}

// decimalMarker is the CommonMark marker of the same width as a fancy
// one: its value, zero-padded (or, when that does not fit, as much of it
// as does; only the first item's number counts, and the reader takes that
// from the marker as written), then "." or ")".
func decimalMarker(m fancyMarker, width int) []byte {
	delim := byte(')')
	if m.delim == "." {
		delim = '.'
	}
	digits := width - 1
	v := m.value
	limit := 1
	for i := 0; i < digits; i++ {
		limit *= 10
	}
	v %= limit
	s := strconv.Itoa(v)
	return append([]byte(strings.Repeat("0", digits-len(s))+s), delim)
}

// parseFancy reads a fancy marker at the start of text, followed by a
// space, a tab or the end of the line, and returns it and its width. A
// decimal marker with "." or ")" is CommonMark's own and left alone. As
// in pandoc, a capital letter with a full stop needs two spaces after it,
// so that "A. N. Other was appointed" stays a sentence.
func parseFancy(text []byte) (fancyMarker, int, bool) {
	var m fancyMarker
	i := 0
	if len(text) > 0 && text[0] == '(' {
		m.delim, i = "()", 1
	}
	j := i
	for j < len(text) && j-i < 9 && isAlnum(text[j]) {
		j++
	}
	word := string(text[i:j])
	if word == "" || j >= len(text) {
		return m, 0, false
	}
	switch {
	case m.delim == "()" && text[j] == ')':
		j++
	case m.delim == "" && (text[j] == '.' || text[j] == ')'):
		m.delim = string(text[j])
		j++
	default:
		return m, 0, false
	}
	if j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '\r' {
		return m, 0, false
	}
	switch {
	case allDigits(word):
		if m.delim != "()" {
			return m, 0, false // CommonMark's own
		}
		m.style = "1"
		m.value, _ = strconv.Atoi(word)
	case roman(word) > 0 && (len(word) > 1 || word == "i" || word == "I"):
		m.style, m.value = "i", roman(word)
		if word[0] < 'a' {
			m.style = "I"
		}
	case len(word) == 1:
		c := word[0]
		m.style, m.value = "a", int(c-'a')+1
		if c < 'a' {
			m.style, m.value = "A", int(c-'A')+1
		}
	default:
		return m, 0, false
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' && m.delim == "." && !bytes.HasPrefix(text[j:], []byte("  ")) {
		return m, 0, false
	}
	return m, j, true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// roman is the value of a lower- or upper-case roman numeral up to 50
// written in its usual form, 0 for anything else: words made of the same
// letters ("mix", "civil", "did") are not list markers.
func roman(s string) int {
	lower := strings.ToLower(s)
	if lower != s && strings.ToUpper(s) != s {
		return 0
	}
	for v := 1; v <= 50; v++ {
		if model.Roman(v) == lower {
			return v
		}
	}
	return 0
}
