package pdf

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
)

// ptMM converts points to millimetres, the unit of every length here.
const ptMM = 25.4 / 72

// leading is the line height as a multiple of the font size.
const leading = 1.3

// link is where a piece of text leads: an external address or an internal
// fpdf link (a destination registered for an element id or a footnote).
type link struct {
	url  string
	dest int
}

// textStyle is the style text starts in before its inlines change it.
type textStyle struct {
	st   fontStyle
	size float64 // points
}

// run is a stretch of inline text in one style.
type run struct {
	text  string
	st    fontStyle
	size  float64
	link  *link
	note  *model.Note // a footnote marker; text is its number
	brk   bool        // a hard line break
	super bool        // raised and smaller (footnote markers)
}

// runs flattens inlines into styled runs, resolving links: an external
// link only for http, https and mailto addresses; a cross-reference only
// when its target is an element this document places (else plain text).
func (w *writer) runs(in []model.Inline, ts textStyle, lk *link, out []run) []run {
	for _, x := range in {
		switch x := x.(type) {
		case model.Text:
			out = append(out, run{text: string(x), st: ts.st, size: ts.size, link: lk})
		case model.Code:
			out = append(out, run{text: string(x), st: ts.st&styleBold | styleMono, size: ts.size * 0.95, link: lk})
		case *model.Emph:
			out = w.runs(x.Inlines, textStyle{ts.st ^ styleItalic, ts.size}, lk, out)
		case *model.Strong:
			out = w.runs(x.Inlines, textStyle{ts.st | styleBold, ts.size}, lk, out)
		case *model.Link:
			l := lk
			if externalURL(x.URL) {
				l = &link{url: x.URL}
			}
			out = w.runs(x.Inlines, ts, l, out)
		case *model.Ref:
			l := lk
			if d, ok := w.dest[x.Target]; ok && x.Target != "" {
				l = &link{dest: d}
			}
			out = append(out, run{text: x.Text, st: ts.st, size: ts.size, link: l})
		case *model.NoteRef:
			var l *link
			if d, ok := w.noteDest[x.Note]; ok {
				l = &link{dest: d}
			}
			out = append(out, run{text: strconv.Itoa(x.Number), st: ts.st &^ styleItalic, size: ts.size, link: l, note: x.Note, super: true})
		case model.LineBreak:
			out = append(out, run{brk: true, size: ts.size})
		}
	}
	return out
}

// externalURL reports whether u may become a link in the PDF.
func externalURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:")
}

// piece is text drawn in one face at one size.
type piece struct {
	face  *face
	size  float64 // points
	rise  float64 // mm above the baseline
	text  string
	w     float64 // mm
	link  *link
	space bool // an inter-word space inside a glued word
}

// word is what the line breaker never splits (unless it is wider than a
// line): the pieces between two spaces, with the width of the space before
// it.
type word struct {
	pieces []piece
	w      float64
	spaceW float64
	notes  []*model.Note
	brk    bool // a hard break comes before this word
}

// measure is the width of s in face f at size points, in mm.
func measure(f *face, size float64, s string) float64 {
	n := 0
	for _, r := range s {
		if f.has(r) {
			n += f.advance(r)
		}
	}
	return float64(n) * size / 1000 * ptMM
}

// words splits runs into words, each piece in the face that has its glyphs.
func words(runs []run) []word {
	n := 1 // words, at most: one more than the spaces
	for _, rn := range runs {
		n += strings.Count(rn.text, " ")
	}
	var (
		out = make([]word, 0, n)
		// The words' pieces share one array, most words having one: a
		// slice for each word cost as much fresh memory as the words.
		// Each word's share is capped, so appending to it copies.
		pieces  = make([]piece, 0, n+len(runs))
		first   int // the current word's first piece
		cur     word
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
		cur, open = word{}, false
	}
	start := func() {
		if !open {
			cur = word{spaceW: spaceW, brk: pending}
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
	add := func(f *face, size, rise float64, g rune, lk *link, ri, at, end int, own bool) {
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
			size, rise = rn.size*0.65, rn.size*0.38*ptMM
		}
		if rn.note != nil {
			start()
			cur.notes = append(cur.notes, rn.note)
		}
		for at, r := range rn.text {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				finish()
				sp, _ := faceFor(' ', rn.st)
				spaceW = measure(sp, rn.size, " ")
				continue
			}
			if r < ' ' || r == 0xAD { // control characters and soft hyphens are not drawn
				continue
			}
			f, g := faceFor(r, rn.st)
			own := g == r && r != utf8.RuneError
			add(f, size, rise, g, rn.link, ri, at, at+utf8.RuneLen(g), own)
		}
	}
	finish()
	for i := range out {
		for j := range out[i].pieces {
			p := &out[i].pieces[j]
			p.w = measure(p.face, p.size, p.text)
			out[i].w += p.w
		}
	}
	return glue(out)
}

// glue joins a word made only of punctuation (a dash, a colon written after
// a space) to the word before it, so that it never starts a line.
func glue(ws []word) []word {
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

func punctuationOnly(wd word) bool {
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

// frag is text placed on a line: one fpdf Text call.
type frag struct {
	face *face
	size float64
	rise float64
	text string
	x    float64 // absolute, mm
	w    float64
	link *link
}

// line is one laid-out line of text at an absolute x; its y is decided
// when it is placed on a page.
type line struct {
	frags  []frag
	height float64 // mm
	base   float64 // baseline below the line's top, mm
	notes  []*model.Note
}

// lineBox is where lines are set: left edge, width and alignment.
type lineBox struct {
	x, width float64
	align    model.Align
}

// breakLines sets words into lines no wider than the box, greedily: ragged
// right reads more easily than justified text with uneven spaces. A word
// wider than the line is cut between characters, at least one character
// a line however narrow the box, so the loop ends for any box: each turn
// puts a word on the line, ends a line that holds something, or sets a
// line of at least the next character of a word that is too wide. Words
// w with r characters in all make at most w+r lines in at most 2(w+r)
// turns.
func breakLines(ws []word, box lineBox, base float64) []line {
	// Room for the lines the words' widths need, and a line's words, so
	// neither grows a copy at a time; never more lines than words, which a
	// box narrower than anything (a width near zero) would ask for.
	total := 0.0
	for _, wd := range ws {
		total += wd.spaceW + wd.w
	}
	n := 1
	if box.width > 0 {
		n += int(min(total/box.width, float64(len(ws))))
	}
	var (
		out  = make([]line, 0, n+1)
		cur  = make([]word, 0, 16)
		curW float64
	)
	emit := func() {
		out = append(out, setLine(cur, box, base))
		cur, curW = cur[:0], 0 // setLine keeps nothing of cur
	}
	for i := 0; i < len(ws); i++ {
		wd := ws[i]
		if wd.brk && (len(cur) > 0 || i > 0) {
			emit()
		}
		add := wd.w
		if len(cur) > 0 {
			add += wd.spaceW
		}
		if len(cur) > 0 && curW+add > box.width+1e-6 {
			emit()
			add = wd.w
		}
		if len(cur) == 0 && wd.w > box.width+1e-6 {
			// A word wider than the line (a long address) is cut where it
			// must be; what is left of it starts the next line.
			head, tail := splitWord(wd, box.width)
			cur = append(cur, head)
			curW = head.w
			emit()
			if len(tail.pieces) > 0 {
				ws[i] = tail
				i--
			}
			continue
		}
		cur = append(cur, wd)
		curW += add
	}
	if len(cur) > 0 || len(out) == 0 {
		emit()
	}
	return out
}

// splitWord cuts a word so the head fits in width, and holds at least the
// word's first character whatever the width (a width below zero included),
// so that every cut sets some of the word. The tail is the rest, with no
// pieces when nothing is left; it never starts with an empty piece.
func splitWord(wd word, width float64) (head, tail word) {
	var used float64
	taken := false // the head holds a character
	head.notes = wd.notes
	for pi, p := range wd.pieces {
		if p.text == "" {
			continue
		}
		if used+p.w <= width {
			head.pieces = append(head.pieces, p)
			used += p.w
			taken = true
			continue
		}
		cut := 0
		for _, r := range p.text {
			rw := measure(p.face, p.size, string(r))
			if used+rw > width && taken {
				break
			}
			used += rw
			cut += utf8.RuneLen(r)
			taken = true
		}
		if cut > 0 {
			hp := p
			hp.text, hp.w = p.text[:cut], measure(p.face, p.size, p.text[:cut])
			head.pieces = append(head.pieces, hp)
		}
		if cut < len(p.text) {
			rest := p
			rest.text = p.text[cut:]
			rest.w = measure(p.face, p.size, rest.text)
			tail.pieces = append(tail.pieces, rest)
		}
		tail.pieces = append(tail.pieces, wd.pieces[pi+1:]...)
		break
	}
	for _, p := range head.pieces {
		head.w += p.w
	}
	for _, p := range tail.pieces {
		tail.w += p.w
	}
	return head, tail
}

// setLine places words on one line.
func setLine(ws []word, box lineBox, base float64) line {
	var (
		ln   line
		size = base
		x    float64
		// The line's text, written once end to end: fragment i is
		// text[starts[i]:starts[i+1]]. Extending a fragment's string
		// word by word made a new string for every word.
		text     strings.Builder
		startArr [8]int
		starts   = startArr[:0]
	)
	n := 0
	for _, wd := range ws {
		for _, p := range wd.pieces {
			n += len(p.text) + 1
		}
	}
	text.Grow(n)
	for i, wd := range ws {
		if i > 0 {
			x += wd.spaceW
		}
		for _, p := range wd.pieces {
			if p.rise == 0 && p.size > size {
				size = p.size
			}
			if n := len(ln.frags); n > 0 {
				f := &ln.frags[n-1]
				if f.face == p.face && f.size == p.size && f.rise == p.rise && f.link == p.link {
					// Extend the previous fragment when the gap is exactly
					// nothing or one space of its own face, so a line in one
					// style is one Text call.
					gap := x - (f.x + f.w)
					sp := measure(f.face, f.size, " ")
					if gap < 1e-6 || (gap-sp < 1e-6 && sp-gap < 1e-6) {
						if gap >= 1e-6 {
							text.WriteByte(' ')
						}
						text.WriteString(p.text)
						f.w += gap + p.w
						x += p.w
						continue
					}
				}
			}
			starts = append(starts, text.Len())
			text.WriteString(p.text)
			ln.frags = append(ln.frags, frag{face: p.face, size: p.size, rise: p.rise, x: x, w: p.w, link: p.link})
			x += p.w
		}
		ln.notes = append(ln.notes, wd.notes...)
	}
	all := text.String()
	for i := range ln.frags {
		end := len(all)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		ln.frags[i].text = all[starts[i]:end]
	}
	var shift float64
	switch box.align {
	case model.AlignRight:
		shift = box.width - x
	case model.AlignCenter:
		shift = (box.width - x) / 2
	}
	for i := range ln.frags {
		ln.frags[i].x += box.x + shift
	}
	ln.height = size * leading * ptMM
	ln.base = (ln.height-size*ptMM)/2 + 0.8*size*ptMM
	return ln
}

// layoutText sets inlines into lines in a box.
func (w *writer) layoutText(in []model.Inline, ts textStyle, box lineBox) []line {
	if m := &w.measured; m.lines != nil && len(in) > 0 && m.text == &in[0] && m.ntext == len(in) && m.ts == ts && m.box == box {
		// Taken once: the drawing may change the lines (a paragraph
		// number goes before the first).
		ls := m.lines
		m.text, m.lines = nil, nil
		return ls
	}
	return breakLines(words(w.runs(in, ts, nil, nil)), box, ts.size)
}

// measureText lays out text ahead of its drawing (see writer.measured).
func (w *writer) measureText(in []model.Inline, ts textStyle, box lineBox) []line {
	ls := w.layoutText(in, ts, box)
	if len(in) > 0 {
		m := &w.measured
		m.text, m.ntext, m.ts, m.box, m.lines = &in[0], len(in), ts, box, ls
	}
	return ls
}

// plainLine sets a string on one line (headers, footers, list markers).
func plainLine(s string, ts textStyle, x float64) line {
	return setLine(words([]run{{text: s, st: ts.st, size: ts.size}}), lineBox{x: x, width: 1e6}, ts.size)
}

// linesHeight is the total height of lines.
func linesHeight(ls []line) float64 {
	var h float64
	for _, l := range ls {
		h += l.height
	}
	return h
}
