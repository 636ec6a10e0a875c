package transform

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
)

// A cross-reference that starts a sentence is given a capital: "Section
// 3 sets out…", "Paragraph 3.11 shows…", "The exempt part of section
// 9…". A sentence starts a paragraph, heading, list item, table cell or
// caption, and follows a full stop, question or exclamation mark and a
// space (with any closing quotation mark or bracket between). A full stop
// after an abbreviation ("e.g.", "para.") or an initial ends no sentence.
// It is decided once, as references are resolved (Labels), so both
// outputs print the same.

// follow reads node n, met in reading order, and reports whether a
// sentence starts at it.
func (s *sentence) follow(n model.Node) bool {
	switch n := n.(type) {
	case *model.Section, *model.Para, *model.CrossHeading, *model.Cell,
		*model.Table, *model.Chart, *model.Image:
		*s = sentence{start: true}
	case model.Text:
		s.read(string(n))
	case model.Code, *model.Ref:
		starts := s.start
		*s = sentence{}
		return starts
	}
	return false
}

// sentence follows the text read so far: whether what comes next starts
// a sentence, and whether a sentence's last mark has been read and waits
// for a space.
type sentence struct{ start, ended bool }

// abbreviations end in a full stop that ends no sentence.
var abbreviations = []string{
	"e.g", "i.e", "eg", "ie", "cf", "viz", "etc", "approx", "incl", "no", "nos",
	"para", "paras", "vs", "v", "mr", "mrs", "ms", "dr", "cllr",
}

// read follows the sentence through text. Only the end of the text
// decides what follows it, so it is read from its end back: a paper's
// text is long, and its references few.
func (s *sentence) read(text string) {
	i := len(text)
	spaced := false
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		spaced, i = true, i-n
	}
	closed := i
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !strings.ContainsRune(closers, r) {
			break
		}
		i -= n
	}
	if i == 0 {
		// Spaces and closing marks only: what was read before decides.
		if spaced && s.ended {
			s.start = true
		}
		if spaced {
			s.ended = false
		} else if closed > 0 && !s.ended {
			s.start = false
		}
		return
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	ended := false
	switch r {
	case '?', '!':
		ended = true
	case '.':
		word := strings.LastIndexFunc(text[:i-1], unicode.IsSpace) + 1
		ended = !abbreviated(text[word : i-1])
	}
	// A closing mark after a word that ends no sentence is part of it,
	// and so is not read apart.
	s.start = spaced && ended
	s.ended = !spaced && ended
}

// closers are the marks that may close a sentence after its full stop.
const closers = `"'”’)]`

// abbreviated reports whether a full stop after w marks an abbreviation
// or an initial rather than a sentence's end.
func abbreviated(w string) bool {
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true
	}
	for _, a := range abbreviations {
		if strings.EqualFold(w, a) {
			return true
		}
	}
	return false
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
