package textset

import (
	"strings"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Frag is text placed on a line: what one text operation draws.
type Frag struct {
	Face *Face
	Size float64 // points
	Rise float64 // mm above the baseline
	Text string
	X    float64 // absolute, mm
	W    float64
	Link *Link
}

// Line is one laid-out line of text at an absolute x; its y is decided
// when it is placed on a page.
type Line struct {
	Frags  []Frag
	Height float64 // mm
	Base   float64 // baseline below the line's top, mm
	// Notes are the footnotes referred to on the line, which go at the
	// foot of the page it is placed on.
	Notes []*model.Note
}

// Width is the drawn width of a line set at x = 0.
func (l Line) Width() float64 {
	if len(l.Frags) == 0 {
		return 0
	}
	last := l.Frags[len(l.Frags)-1]
	return last.X + last.W - l.Frags[0].X
}

// Text is the line's text, with a space between fragments that do not
// touch.
func (l Line) Text() string {
	var b strings.Builder
	for i, f := range l.Frags {
		if i > 0 && f.X > l.Frags[i-1].X+l.Frags[i-1].W+0.01 {
			b.WriteByte(' ')
		}
		b.WriteString(f.Text)
	}
	return b.String()
}

// Height is the total height of lines.
func Height(ls []Line) float64 {
	var h float64
	for _, l := range ls {
		h += l.Height
	}
	return h
}

// Box is where lines are set: left edge, width and alignment.
type Box struct {
	X, Width float64
	Align    model.Align
}

// Set sets inlines, styled from st, into lines in a box, resolving their
// links in links (nil for none).
func Set(in []model.Inline, st Style, box Box, links *Links) []Line {
	return Split(in, st, links).Break(box, st.Size)
}

// Plain sets a string on one line (headers, footers, list markers).
func Plain(s string, st Style, x float64) Line {
	return setLine(words([]run{{text: s, st: st.Font, size: st.Size}}), Box{X: x, Width: 1e6}, st.Size)
}

// Code sets preformatted text line by line in Liberation Mono, its spaces
// kept (as no-break spaces, which the line breaker never breaks at).
func Code(text string, size float64, box Box) []Line {
	var ls []Line
	for _, src := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		src = strings.ReplaceAll(strings.ReplaceAll(src, "\t", "    "), " ", "\u00a0")
		ls = append(ls, words([]run{{text: src, st: Mono, size: size}}).Break(box, size)...)
	}
	return ls
}

// Break sets words into lines no wider than the box, greedily: ragged
// right reads more easily than justified text with uneven spaces. Each
// line is at least base points high. A word wider than the line is cut
// between characters, at least one character a line however narrow the
// box, so the loop ends for any box: each turn puts a word on the line,
// ends a line that holds something, or sets a line of at least the next
// character of a word that is too wide. Words w with r characters in all
// make at most w+r lines in at most 2(w+r) turns.
func (ws Words) Break(box Box, base float64) []Line {
	// Room for the lines the words' widths need, and a line's words, so
	// neither grows a copy at a time; never more lines than words, which a
	// box narrower than anything (a width near zero) would ask for.
	total := 0.0
	for _, wd := range ws {
		total += wd.spaceW + wd.w
	}
	n := 1
	if box.Width > 0 {
		n += int(min(total/box.Width, float64(len(ws))))
	}
	var (
		out  = make([]Line, 0, n+1)
		cur  = make([]Word, 0, 16)
		curW float64
	)
	emit := func() {
		out = append(out, setLine(cur, box, base))
		cur, curW = cur[:0], 0 // setLine keeps nothing of cur
	}
	// rest is what is left of ws[i] once its head is set, when a word too
	// wide for the line is cut; ws itself is never changed, so the same
	// words can be broken again (a table's first column, repeated in each
	// of its parts).
	var (
		rest    Word
		hasRest bool
	)
	for i := 0; i < len(ws); {
		wd := ws[i]
		if hasRest {
			wd, hasRest = rest, false
		}
		if wd.brk && (len(cur) > 0 || i > 0) {
			emit()
		}
		add := wd.w
		if len(cur) > 0 {
			add += wd.spaceW
		}
		if len(cur) > 0 && curW+add > box.Width+1e-6 {
			emit()
			add = wd.w
		}
		if len(cur) == 0 && wd.w > box.Width+1e-6 {
			// A word wider than the line (a long address) is cut where it
			// must be; what is left of it starts the next line.
			head, tail := splitWord(wd, box.Width)
			cur = append(cur, head)
			curW = head.w
			emit()
			if len(tail.pieces) > 0 {
				rest, hasRest = tail, true
			} else {
				i++
			}
			continue
		}
		cur = append(cur, wd)
		curW += add
		i++
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
func splitWord(wd Word, width float64) (head, tail Word) {
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
			rw := Width(p.face, p.size, string(r))
			if used+rw > width && taken {
				break
			}
			used += rw
			cut += utf8.RuneLen(r)
			taken = true
		}
		if cut > 0 {
			hp := p
			hp.text, hp.w = p.text[:cut], Width(p.face, p.size, p.text[:cut])
			head.pieces = append(head.pieces, hp)
		}
		if cut < len(p.text) {
			rest := p
			rest.text = p.text[cut:]
			rest.w = Width(p.face, p.size, rest.text)
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
func setLine(ws []Word, box Box, base float64) Line {
	var (
		ln   Line
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
			if n := len(ln.Frags); n > 0 {
				f := &ln.Frags[n-1]
				if f.Face == p.face && f.Size == p.size && f.Rise == p.rise && f.Link == p.link {
					// Extend the previous fragment when the gap is exactly
					// nothing or one space of its own face, so a line in one
					// style is one text operation.
					gap := x - (f.X + f.W)
					sp := Width(f.Face, f.Size, " ")
					if gap < 1e-6 || (gap-sp < 1e-6 && sp-gap < 1e-6) {
						if gap >= 1e-6 {
							text.WriteByte(' ')
						}
						text.WriteString(p.text)
						f.W += gap + p.w
						x += p.w
						continue
					}
				}
			}
			starts = append(starts, text.Len())
			text.WriteString(p.text)
			ln.Frags = append(ln.Frags, Frag{Face: p.face, Size: p.size, Rise: p.rise, X: x, W: p.w, Link: p.link})
			x += p.w
		}
		ln.Notes = append(ln.Notes, wd.notes...)
	}
	all := text.String()
	for i := range ln.Frags {
		end := len(all)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		ln.Frags[i].Text = all[starts[i]:end]
	}
	var shift float64
	switch box.Align {
	case model.AlignRight:
		shift = box.Width - x
	case model.AlignCenter:
		shift = (box.Width - x) / 2
	}
	for i := range ln.Frags {
		ln.Frags[i].X += box.X + shift
	}
	ln.Height = size * Leading * PtMM
	ln.Base = (ln.Height-size*PtMM)/2 + 0.8*size*PtMM
	return ln
}
