package pdf

import (
	"fmt"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
)

const eps = 1e-6

// Footnote area: the gap and short rule above the first note, and the gap
// between notes.
const (
	noteSepH   = 5.0
	noteGap    = 1.0
	noteSize   = 0.82 // footnote text size as a share of the body size
	noteIndent = 5.0
)

// atTop reports whether nothing has been placed on this page yet.
func (w *writer) atTop() bool { return w.y <= w.top+eps }

// space adds vertical space, except at the top of a page.
func (w *writer) space(h float64) {
	if !w.atTop() {
		w.y += h
	}
}

// noteTally counts the footnotes a run of lines would add to a page.
type noteTally struct {
	seen map[*model.Note]bool
	sep  bool // the separator above the notes is counted
}

func newTally() *noteTally { return &noteTally{seen: map[*model.Note]bool{}} }

// noteCost is the extra height the footnote area needs if notes are
// referred to now, beyond those already in the tally.
func (w *writer) noteCost(notes []*model.Note, t *noteTally) float64 {
	var h float64
	for _, n := range notes {
		if n == nil || w.notePlaced[n] || t.seen[n] {
			continue
		}
		t.seen[n] = true
		if w.notesH == 0 && !t.sep {
			h += noteSepH
			t.sep = true
		}
		ls := w.noteLayout(n)
		if len(ls) > 2 && textset.Height(ls) > (w.bottom-w.top)/2 {
			// A note this long is continued at the foot of the next
			// page (useNote) wherever its reference is: it asks room
			// for its first two lines here, not for a page of its own.
			ls = ls[:2]
		}
		h += textset.Height(ls) + noteGap
	}
	return h
}

// fits reports whether a block h high, referring to notes, fits on this
// page with its footnotes.
func (w *writer) fits(h float64, notes []*model.Note) bool {
	return w.y+h+w.notesH+w.noteCost(notes, newTally()) <= w.bottom+eps
}

// roomFor starts a new page for a block h high that does not fit on
// this one, unless nothing is placed here yet; and new pages while the
// footnotes carried over from earlier pages leave it no room (each page
// places some of them, so this ends).
func (w *writer) roomFor(h float64, notes []*model.Note) {
	if !w.atTop() && !w.fits(h, notes) {
		w.newPage()
	}
	for w.atTop() && w.notesH > 0 && !w.fits(h, notes) {
		w.newPage()
	}
}

// fitCount is how many of lines fit on this page, footnotes included.
func (w *writer) fitCount(lines []textset.Line) int {
	y, extra := w.y, 0.0
	t := newTally()
	for i, l := range lines {
		extra += w.noteCost(l.Notes, t)
		if y+l.Height+w.notesH+extra > w.bottom+eps {
			return i
		}
		y += l.Height
	}
	return len(lines)
}

// flow places a paragraph's lines, breaking pages between lines but never
// leaving a single line of it at the foot or the head of a page.
func (w *writer) flow(lines []textset.Line) {
	for len(lines) > 0 {
		k := w.fitCount(lines)
		if k >= len(lines) {
			w.drawLines(lines)
			return
		}
		take := k
		if len(lines)-take < 2 {
			take = len(lines) - 2
		}
		if take < 2 {
			if !w.atTop() {
				w.newPage()
				continue
			}
			// A page that cannot hold two lines: place what fits.
			take = max(k, 1)
		}
		w.drawLines(lines[:take])
		lines = lines[take:]
		w.newPage()
	}
}

// keep places lines that must stay together (a heading, a notice): on a
// new page if they do not fit here with need more below them.
func (w *writer) keep(lines []textset.Line, need float64) {
	var notes []*model.Note
	for _, l := range lines {
		notes = append(notes, l.Notes...)
	}
	if textset.Height(lines) > w.bottom-w.top {
		// Taller than a page (a heading of a thousand words): it cannot
		// be kept together, and breaks where it must.
		w.flow(lines)
		return
	}
	if !w.atTop() && !w.fits(textset.Height(lines)+need, notes) {
		w.newPage()
	}
	if w.fitCount(lines) < len(lines) {
		w.flow(lines) // its footnotes leave it no room here
		return
	}
	w.drawLines(lines)
}

// drawLines places lines at the current height.
func (w *writer) drawLines(lines []textset.Line) {
	for _, l := range lines {
		w.drawLineAt(l, w.y)
		w.y += l.Height
	}
}

// flushPending sets what waits for the next placed content at height top:
// anchors and a bookmark.
func (w *writer) flushPending(top float64) {
	for _, id := range w.pendingAnchors {
		w.anchor(id, top)
	}
	w.pendingAnchors = w.pendingAnchors[:0]
	if b := w.pendingMark; b != nil {
		w.bookmark(b.text, b.level, top)
		w.pendingMark = nil
	}
}

// drawLineAt draws a line with its top at y, its list marker if one is
// waiting, and counts its footnotes on this page.
func (w *writer) drawLineAt(l textset.Line, top float64) {
	w.flushPending(top)
	baseline := top + l.Base
	if m := w.pendingMarker; m != nil {
		ml := textset.Plain(m.text, m.ts, m.x)
		w.inTag(w.tag.marker, func() { w.drawFrags(ml.Frags, baseline) })
		w.tag.marker = -1
		w.pendingMarker = nil
		w.boundLine(ml, top)
		if len(l.Frags) > 0 && m.x+ml.Width() > l.Frags[0].X+0.01 {
			w.outside = append(w.outside, fmt.Sprintf("page %d: list marker %q over its text", w.pdf.PageNo(), m.text))
		}
	}
	w.drawFrags(l.Frags, baseline)
	w.boundLine(l, top)
	w.low = max(w.low, top+l.Height)
	for _, n := range l.Notes {
		w.useNote(n, top+l.Height)
	}
	w.linkRects(l, top)
}

// boundLine records a line that would be drawn outside the text area.
func (w *writer) boundLine(l textset.Line, top float64) {
	if len(l.Frags) == 0 {
		return
	}
	x0, x1 := l.Frags[0].X, l.Frags[0].X
	for _, f := range l.Frags {
		x0, x1 = min(x0, f.X), max(x1, f.X+f.W)
	}
	w.bound(x0, top, x1, top+l.Height, "line")
}

// bound records (for the tests) anything drawn outside the text area:
// the page less its margins. Nothing is, by construction.
func (w *writer) bound(x0, y0, x1, y1 float64, what string) {
	const slack = 0.01
	if x0 < w.left-slack || x1 > w.right+slack || y0 < w.top-slack || y1 > w.bottom+slack {
		w.outside = append(w.outside, fmt.Sprintf("page %d: %s at (%.1f, %.1f)-(%.1f, %.1f)", w.pdf.PageNo(), what, x0, y0, x1, y1))
	}
}

// drawFrags draws text fragments on a baseline, as the open element's
// content (tag.go), or as an artifact when none is open.
func (w *writer) drawFrags(frags []textset.Frag, baseline float64) {
	switch owner := w.contentTag(); {
	case owner >= 0:
		w.drawTagged(frags, baseline, owner)
	case w.tag.artifact == 0:
		w.artifact("", "", func() { w.drawFrags(frags, baseline) })
		return
	default:
		for _, f := range frags {
			w.drawFrag(f, baseline)
		}
	}
	w.pdf.SetTextColor(0, 0, 0)
}

// drawFrag draws one fragment, a link's underlined.
func (w *writer) drawFrag(f textset.Frag, baseline float64) {
	w.font(f.Face, f.Size)
	if f.Link != nil && f.Link.URL != "" {
		w.pdf.SetTextColor(linkColour())
	} else {
		w.pdf.SetTextColor(0, 0, 0)
	}
	w.pdf.Text(f.X, baseline-f.Rise, f.Text)
	if f.Link != nil && f.Link.URL != "" {
		w.pdf.SetDrawColor(linkColour())
		w.pdf.SetLineWidth(0.2)
		uy := baseline + 0.12*f.Size*textset.PtMM
		w.pdf.Line(f.X, uy, f.X+f.W, uy)
	}
}

// linkRects makes the clickable areas of a line's linked fragments.
func (w *writer) linkRects(l textset.Line, top float64) {
	for i, f := range l.Frags {
		if f.Link == nil {
			continue
		}
		if f.Link.URL != "" {
			w.linkURL(f.X, top, f.W, l.Height, f.Link.URL, i)
		} else if f.Link.Dest != 0 {
			w.link(f.X, top, f.W, l.Height, f.Link.Dest, i)
		}
	}
}

// linkColour is the dark blue of external links (underlined too, so they
// show in black-and-white print).
func linkColour() (int, int, int) { return 0x1d, 0x4f, 0x91 }

// noteChunk is a footnote's lines on one page: all of them, or as many
// as fit when the note is longer than the room below its reference.
type noteChunk struct {
	n     *model.Note
	lines []textset.Line
	first bool // the note's first lines: its destination is here
}

// useNote puts a footnote on this page when it is first referred to, by a
// line whose foot is at below. A note longer than the room between there
// and the foot of the page is continued at the foot of the next (placed
// only when the paginator could not avoid it: a note longer than a page).
func (w *writer) useNote(n *model.Note, below float64) {
	if n == nil || w.notePlaced[n] {
		return
	}
	w.notePlaced[n] = true
	w.noteTag(n) // placed in the structure after the block citing it
	ls := w.noteLayout(n)
	if len(w.carry) > 0 {
		w.carry = append(w.carry, noteChunk{n: n, lines: ls, first: true})
		return
	}
	sep := 0.0
	if w.notesH == 0 {
		sep = noteSepH
	}
	room := w.bottom - below - w.notesH - sep - noteGap
	k := len(ls)
	if textset.Height(ls) > room+eps {
		k = 0
		for h := 0.0; k < len(ls) && h+ls[k].Height <= room+eps; k++ {
			h += ls[k].Height
		}
	}
	if k > 0 {
		w.notesH += sep + textset.Height(ls[:k]) + noteGap
		w.pageNotes = append(w.pageNotes, noteChunk{n: n, lines: ls[:k], first: true})
	}
	if k < len(ls) {
		w.carry = append(w.carry, noteChunk{n: n, lines: ls[k:], first: k == 0})
	}
}

// takeCarry puts at the foot of a new page what the last could not hold
// of its footnotes, leaving room for a few lines of text above them.
func (w *writer) takeCarry() {
	room := w.bottom - w.top - 3*w.base*textset.Leading*textset.PtMM - noteSepH
	for len(w.carry) > 0 {
		c := &w.carry[0]
		k := 0
		for h := 0.0; k < len(c.lines) && w.notesH+h+c.lines[k].Height+noteGap <= room+eps; k++ {
			h += c.lines[k].Height
		}
		if k == 0 && w.notesH == 0 {
			k = 1 // a line taller than the room: it must go somewhere
		}
		if k == 0 {
			return
		}
		if w.notesH == 0 {
			w.notesH = noteSepH
		}
		w.notesH += textset.Height(c.lines[:k]) + noteGap
		w.pageNotes = append(w.pageNotes, noteChunk{n: c.n, lines: c.lines[:k], first: c.first})
		if k < len(c.lines) {
			c.lines, c.first = c.lines[k:], false
			return
		}
		w.carry = w.carry[1:]
	}
}

// finishPage draws the page's footnotes at its foot, under a short rule.
func (w *writer) finishPage() {
	if len(w.pageNotes) == 0 {
		return
	}
	if w.low > w.bottom-w.notesH+0.01 {
		w.outside = append(w.outside, fmt.Sprintf("page %d: text down to %.1f over the footnotes from %.1f", w.pdf.PageNo(), w.low, w.bottom-w.notesH))
	}
	y := w.bottom - w.notesH
	w.artifact("Layout", "", func() {
		w.pdf.SetDrawColor(0, 0, 0)
		w.pdf.SetLineWidth(0.25)
		w.pdf.Line(w.left+gutter, y+noteSepH/2, w.left+gutter+40, y+noteSepH/2)
	})
	y += noteSepH
	for _, c := range w.pageNotes {
		if d, ok := w.links.Notes[c.n]; ok && c.first && !w.destSet[d] {
			w.setDest(d, y, -1)
			w.destSet[d] = true
		}
		for _, l := range c.lines {
			w.boundLine(l, y)
			w.inTag(w.noteTag(c.n), func() { w.drawFrags(l.Frags, y+l.Base) })
			w.linkRects(l, y)
			y += l.Height
		}
		y += noteGap
	}
	w.pageNotes, w.notesH = nil, 0
}

// noteLayout sets a footnote's text, its number hanging before it.
func (w *writer) noteLayout(n *model.Note) []textset.Line {
	if ls, ok := w.noteLines[n]; ok {
		return ls
	}
	size := w.base * noteSize
	ts := textset.Style{Size: size}
	x := w.left + gutter
	box := textset.Box{X: x + noteIndent, Width: w.right - x - noteIndent}
	var ls []textset.Line
	for _, b := range n.Blocks {
		ls = append(ls, w.noteBlockLines(b, ts, box)...)
	}
	if len(ls) == 0 {
		ls = []textset.Line{textset.Plain("", ts, box.X)}
	}
	num := textset.Plain(itoa(n.Number), ts, x)
	ls[0].Frags = append(num.Frags, ls[0].Frags...)
	w.noteLines[n] = ls
	return ls
}

// noteBlockLines sets the blocks a footnote may hold.
func (w *writer) noteBlockLines(b model.Block, ts textset.Style, box textset.Box) []textset.Line {
	switch b := b.(type) {
	case *model.Para:
		return w.layoutText(b.Inlines, ts, box)
	case *model.List:
		var ls []textset.Line
		for i, it := range b.Items {
			mark := "•"
			if b.Ordered {
				mark = itoa(b.Start+i) + "."
			}
			inner, markX := textset.Box{X: box.X + 4, Width: box.Width - 4}, box.X
			if inner.Width < minMeasure {
				inner, markX = box, box.X-4 // too deep to indent (see nest)
			}
			var item []textset.Line
			for _, ib := range it {
				item = append(item, w.noteBlockLines(ib, ts, inner)...)
			}
			if len(item) > 0 {
				m := textset.Plain(mark, ts, markX)
				item[0].Frags = append(m.Frags, item[0].Frags...)
			}
			ls = append(ls, item...)
		}
		return ls
	case *model.Quote:
		var ls []textset.Line
		for _, ib := range b.Blocks {
			ls = append(ls, w.noteBlockLines(ib, textset.Style{Font: ts.Font | textset.Italic, Size: ts.Size}, box)...)
		}
		return ls
	case *model.CodeBlock:
		return textset.Code(b.Text, ts.Size, box)
	case *model.ExemptNotice:
		return w.layoutText([]model.Inline{model.Text(b.Text)}, textset.Style{Font: textset.Bold, Size: ts.Size}, box)
	}
	return nil
}

// leftoverNotes places, at the end of the document, any footnote that no
// placed text referred to, so no note is lost.
func (w *writer) leftoverNotes(doc *model.Document) {
	for _, n := range doc.Footnotes {
		if w.notePlaced[n] {
			continue
		}
		ls := w.noteLayout(n)
		if !w.fits(textset.Height(ls)+noteSepH+noteGap, nil) {
			w.newPage()
		}
		w.useNote(n, w.y)
	}
}
