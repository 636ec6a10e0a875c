package transform

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Capitalise gives a cross-reference that starts a sentence a capital:
// "Section 3 sets out…", "Paragraph 3.11 shows…", "The exempt part of
// section 9…". A sentence starts a paragraph, heading, list item, table
// cell or caption, and follows a full stop, question or exclamation mark
// and a space (with any closing quotation mark or bracket between). A
// full stop after an abbreviation ("e.g.", "para.") or an initial ends
// no sentence. It is decided here once, on the references' text, so both
// outputs print the same.
func Capitalise(d *model.Document) {
	var s sentence
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			return model.WalkContinue
		}
		switch n := n.(type) {
		case *model.Section, *model.Para, *model.CrossHeading, *model.Cell,
			*model.Table, *model.Chart, *model.Image:
			s = sentence{start: true}
		case model.Text:
			s.read(string(n))
		case model.Code:
			s = sentence{}
		case *model.Ref:
			if s.start {
				n.Text, n.PublicText = upperFirst(n.Text), upperFirst(n.PublicText)
			}
			s = sentence{}
		}
		return model.WalkContinue
	})
}

// sentence follows the text read so far: whether what comes next starts
// a sentence, and whether a sentence's last mark has been read and waits
// for a space.
type sentence struct {
	start, ended bool
	word         strings.Builder // the word being read, for abbreviations
}

// abbreviations end in a full stop that ends no sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "eg": true, "ie": true, "cf": true, "viz": true, "etc": true,
	"approx": true, "incl": true, "no": true, "nos": true, "para": true, "paras": true,
	"vs": true, "v": true, "mr": true, "mrs": true, "ms": true, "dr": true, "cllr": true,
}

func (s *sentence) read(text string) {
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			if s.ended {
				s.start = true
			}
			s.ended = false
			s.word.Reset()
		case r == '.' || r == '?' || r == '!':
			w := s.word.String()
			initial := utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])
			s.ended = r != '.' || !(abbreviations[strings.ToLower(w)] || initial)
			s.start = false
			s.word.WriteRune(r)
		case strings.ContainsRune(`"'”’)]`, r) && s.ended:
			// A closing mark after the sentence's end.
		default:
			s.start, s.ended = false, false
			s.word.WriteRune(r)
		}
	}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
