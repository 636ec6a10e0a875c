package textset

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
)

// PtMM converts points to millimetres, the unit of every length here.
const PtMM = 25.4 / 72

// Leading is the line height as a multiple of the font size.
const Leading = 1.3

// Style is the style text starts in before its inlines change it.
type Style struct {
	Font FontStyle
	Size float64 // points
}

// Link is where a piece of text leads: an external address or an internal
// link of the PDF being made (a destination registered for an element id
// or a footnote).
type Link struct {
	URL  string
	Dest int
}

// Links are the internal link destinations of the PDF text is set for, by
// element id and by footnote. A reference to an element that has none is
// set as plain text.
type Links struct {
	IDs   map[string]int
	Notes map[*model.Note]int
}

func (l *Links) id(target string) (int, bool) {
	if l == nil || target == "" {
		return 0, false
	}
	d, ok := l.IDs[target]
	return d, ok
}

func (l *Links) note(n *model.Note) (int, bool) {
	if l == nil {
		return 0, false
	}
	d, ok := l.Notes[n]
	return d, ok
}

// run is a stretch of inline text in one style.
type run struct {
	text  string
	st    FontStyle
	size  float64
	link  *Link
	note  *model.Note // a footnote marker; text is its number
	brk   bool        // a hard line break
	super bool        // raised and smaller (footnote markers)
}

// runs flattens inlines into styled runs, resolving links: an external
// link only for http, https and mailto addresses; a cross-reference only
// when its target has a destination in links (else plain text).
func runs(in []model.Inline, ts Style, lk *Link, links *Links, out []run) []run {
	for _, x := range in {
		switch x := x.(type) {
		case model.Text:
			out = append(out, run{text: string(x), st: ts.Font, size: ts.Size, link: lk})
		case model.Code:
			out = append(out, run{text: string(x), st: ts.Font&Bold | Mono, size: ts.Size * 0.95, link: lk})
		case *model.Emph:
			out = runs(x.Inlines, Style{ts.Font ^ Italic, ts.Size}, lk, links, out)
		case *model.Strong:
			out = runs(x.Inlines, Style{ts.Font | Bold, ts.Size}, lk, links, out)
		case *model.Link:
			l := lk
			if externalURL(x.URL) {
				l = &Link{URL: x.URL}
			}
			out = runs(x.Inlines, ts, l, links, out)
		case *model.Ref:
			l := lk
			if d, ok := links.id(x.Target); ok {
				l = &Link{Dest: d}
			}
			out = append(out, run{text: x.Text, st: ts.Font, size: ts.Size, link: l})
		case *model.NoteRef:
			var l *Link
			if d, ok := links.note(x.Note); ok {
				l = &Link{Dest: d}
			}
			out = append(out, run{text: strconv.Itoa(x.Number), st: ts.Font &^ Italic, size: ts.Size, link: l, note: x.Note, super: true})
		case model.LineBreak:
			out = append(out, run{brk: true, size: ts.Size})
		}
	}
	return out
}

// Styled calls f for each stretch of in's text in one style, in order, as
// Set styles it: emphasis turns italic, code monospaced, and so on.
func Styled(in []model.Inline, st FontStyle, f func(text string, st FontStyle)) {
	for _, r := range runs(in, Style{Font: st}, nil, nil, nil) {
		f(r.text, r.st)
	}
}

// externalURL reports whether u may become a link in the PDF.
func externalURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:")
}

// piece is text drawn in one face at one size.
type piece struct {
	face  *Face
	size  float64 // points
	rise  float64 // mm above the baseline
	text  string
	w     float64 // mm
	link  *Link
	space bool // an inter-word space inside a glued word
}

// Word is what the line breaker never splits (unless it is wider than a
// line): the pieces between two spaces, with the width of the space before
// it.
type Word struct {
	pieces []piece
	w      float64
	spaceW float64
	notes  []*model.Note
	brk    bool // a hard break comes before this word
}

// Words are text split into words and measured, ready to be broken into
// lines of any width (Break).
type Words []Word

// Width is the width of s in face f at size points, in mm.
func Width(f *Face, size float64, s string) float64 {
	n := 0
	for _, r := range s {
		if f.Has(r) {
			n += f.advance(r)
		}
	}
	return float64(n) * size / 1000 * PtMM
}

// Split splits inlines set in st into measured words, resolving their
// links in links (nil for none).
func Split(in []model.Inline, st Style, links *Links) Words {
	return words(runs(in, st, nil, links, nil))
}

// words splits runs into words, each piece in the face that has its glyphs.
func words(runs []run) Words {
	n := 1 // words, at most: one more than the spaces
	for _, rn := range runs {
		n += strings.Count(rn.text, " ")
	}
	var (
		out = make(Words, 0, n)
		// The words' pieces share one array, most words having one: a
		// slice for each word cost as much fresh memory as the words.
		// Each word's share is capped, so appending to it copies.
		pieces  = make([]piece, 0, n+len(runs))
		first   int // the current word's first piece
		cur     Word
		open    bool
		spaceW  float64
		pending bool // a hard break waits for the next word
	)
	finish := func() {
		if open {
			if len(pieces) > first {
				cur.pieces = pieces[first:len(pieces):len(pieces)]
			}
			out = append(out, cur)
		}
		cur, open = Word{}, false
	}
	start := func() {
		if !open {
			cur = Word{spaceW: spaceW, brk: pending}
			spaceW, pending, open = 0, false, true
			first = len(pieces)
		}
	}
	// A piece's text is a slice of its run's text while its runes are
	// consecutive there, so a word costs no allocation; a replaced rune
	// or a piece that spans runs is copied.
	var sliced struct {
		run        int // index of the run the last piece's text is sliced from; -1 for none
		start, end int
	}
	// own: g is the text's own rune at runs[ri].text[at:end], not a
	// replacement (nor the replacement of a byte that is not UTF-8).
	add := func(f *Face, size, rise float64, g rune, lk *Link, ri, at, end int, own bool) {
		start()
		if len(pieces) > first {
			p := &pieces[len(pieces)-1]
			if p.face == f && p.size == size && p.rise == rise && p.link == lk && !p.space {
				if own && sliced.run == ri && sliced.end == at {
					sliced.end = end
					p.text = runs[ri].text[sliced.start:end]
				} else {
					p.text += string(g)
					sliced.run = -1
				}
				return
			}
		}
		text := string(g)
		sliced.run = -1
		if own {
			text = runs[ri].text[at:end]
			sliced.run, sliced.start, sliced.end = ri, at, end
		}
		pieces = append(pieces, piece{face: f, size: size, rise: rise, text: text, link: lk})
	}
	for ri, rn := range runs {
		if rn.brk {
			finish()
			pending = true
			spaceW = 0
			continue
		}
		size, rise := rn.size, 0.0
		if rn.super {
			size, rise = rn.size*0.65, rn.size*0.38*PtMM
		}
		if rn.note != nil {
			start()
			cur.notes = append(cur.notes, rn.note)
		}
		for at, r := range rn.text {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				finish()
				sp, _ := FaceFor(' ', rn.st)
				spaceW = Width(sp, rn.size, " ")
				continue
			}
			if r < ' ' || r == 0xAD { // control characters and soft hyphens are not drawn
				continue
			}
			f, g := FaceFor(r, rn.st)
			own := g == r && r != utf8.RuneError
			add(f, size, rise, g, rn.link, ri, at, at+utf8.RuneLen(g), own)
		}
	}
	finish()
	for i := range out {
		for j := range out[i].pieces {
			p := &out[i].pieces[j]
			p.w = Width(p.face, p.size, p.text)
			out[i].w += p.w
		}
	}
	return glue(out)
}

// glue joins a word made only of punctuation (a dash, a colon written after
// a space) to the word before it, so that it never starts a line.
func glue(ws Words) Words {
	out := ws[:0]
	for _, wd := range ws {
		if len(out) > 0 && !wd.brk && punctuationOnly(wd) {
			prev := &out[len(out)-1]
			sp := piece{face: wd.pieces[0].face, size: wd.pieces[0].size, text: " ", w: wd.spaceW, space: true}
			prev.pieces = append(prev.pieces, sp)
			prev.pieces = append(prev.pieces, wd.pieces...)
			prev.w += wd.spaceW + wd.w
			prev.notes = append(prev.notes, wd.notes...)
			continue
		}
		out = append(out, wd)
	}
	return out
}

func punctuationOnly(wd Word) bool {
	if len(wd.pieces) == 0 {
		return false
	}
	for _, p := range wd.pieces {
		for _, r := range p.text {
			if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
				return false
			}
		}
	}
	return true
}

// WidestFigure is the width of the widest word that is a figure (digits,
// with the signs and punctuation figures are printed with), 0 for none.
func (ws Words) WidestFigure() float64 {
	var wide float64
	for _, wd := range ws {
		if wd.w > wide && isFigure(wd) {
			wide = wd.w
		}
	}
	return wide
}

func isFigure(wd Word) bool {
	digit := false
	for _, p := range wd.pieces {
		for _, r := range p.text {
			switch {
			case r >= '0' && r <= '9':
				digit = true
			case strings.ContainsRune(",.%()+-−–/£$€", r):
			default:
				return false
			}
		}
	}
	return digit
}

// Extents are the width of the widest word and of all the words on one
// line (the widest line between hard breaks).
func (ws Words) Extents() (widest, oneLine float64) {
	var ln float64
	for i, wd := range ws {
		widest = max(widest, wd.w)
		if wd.brk {
			ln = 0
		} else if i > 0 {
			ln += wd.spaceW
		}
		ln += wd.w
		oneLine = max(oneLine, ln)
	}
	return widest, oneLine
}
