package pdf

import (
	"github.com/boardpaper/boardpaper/internal/model"
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
		h += linesHeight(w.noteLayout(n)) + noteGap
	}
	return h
}

// fits reports whether a block h high, referring to notes, fits on this
// page with its footnotes.
func (w *writer) fits(h float64, notes []*model.Note) bool {
	return w.y+h+w.notesH+w.noteCost(notes, newTally()) <= w.bottom+eps
}

// fitCount is how many of lines fit on this page, footnotes included.
func (w *writer) fitCount(lines []line) int {
	y, extra := w.y, 0.0
	t := newTally()
	for i, l := range lines {
		extra += w.noteCost(l.notes, t)
		if y+l.height+w.notesH+extra > w.bottom+eps {
			return i
		}
		y += l.height
	}
	return len(lines)
}

// flow places a paragraph's lines, breaking pages between lines but never
// leaving a single line of it at the foot or the head of a page.
func (w *writer) flow(lines []line) {
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
func (w *writer) keep(lines []line, need float64) {
	var notes []*model.Note
	for _, l := range lines {
		notes = append(notes, l.notes...)
	}
	if !w.atTop() && !w.fits(linesHeight(lines)+need, notes) {
		w.newPage()
	}
	w.drawLines(lines)
}

// drawLines places lines at the current height.
func (w *writer) drawLines(lines []line) {
	for _, l := range lines {
		w.drawLineAt(l, w.y)
		w.y += l.height
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
func (w *writer) drawLineAt(l line, top float64) {
	w.flushPending(top)
	baseline := top + l.base
	if m := w.pendingMarker; m != nil {
		ml := plainLine(m.text, m.ts, m.x)
		w.drawFrags(ml.frags, baseline)
		w.pendingMarker = nil
	}
	w.drawFrags(l.frags, baseline)
	for _, n := range l.notes {
		w.useNote(n)
	}
	w.linkRects(l, top)
}

// drawFrags draws text fragments on a baseline.
func (w *writer) drawFrags(frags []frag, baseline float64) {
	for _, f := range frags {
		w.font(f.face, f.size)
		if f.link != nil && f.link.url != "" {
			w.pdf.SetTextColor(linkColour())
		} else {
			w.pdf.SetTextColor(0, 0, 0)
		}
		w.pdf.Text(f.x, baseline-f.rise, f.text)
		if f.link != nil && f.link.url != "" {
			w.pdf.SetDrawColor(linkColour())
			w.pdf.SetLineWidth(0.2)
			uy := baseline + 0.12*f.size*ptMM
			w.pdf.Line(f.x, uy, f.x+f.w, uy)
		}
	}
	w.pdf.SetTextColor(0, 0, 0)
}

// linkRects makes the clickable areas of a line's linked fragments.
func (w *writer) linkRects(l line, top float64) {
	for _, f := range l.frags {
		if f.link == nil {
			continue
		}
		if f.link.url != "" {
			w.linkURL(f.x, top, f.w, l.height, f.link.url)
		} else if f.link.dest != 0 {
			w.link(f.x, top, f.w, l.height, f.link.dest)
		}
	}
}

// linkColour is the dark blue of external links (underlined too, so they
// show in black-and-white print).
func linkColour() (int, int, int) { return 0x1d, 0x4f, 0x91 }

// useNote puts a footnote on this page when it is first referred to.
func (w *writer) useNote(n *model.Note) {
	if n == nil || w.notePlaced[n] {
		return
	}
	if w.notesH == 0 {
		w.notesH = noteSepH
	}
	w.notePlaced[n] = true
	w.pageNotes = append(w.pageNotes, n)
	w.notesH += linesHeight(w.noteLayout(n)) + noteGap
}

// finishPage draws the page's footnotes at its foot, under a short rule.
func (w *writer) finishPage() {
	if len(w.pageNotes) == 0 {
		return
	}
	y := w.bottom - w.notesH
	w.pdf.SetDrawColor(0, 0, 0)
	w.pdf.SetLineWidth(0.25)
	w.pdf.Line(w.left+gutter, y+noteSepH/2, w.left+gutter+40, y+noteSepH/2)
	y += noteSepH
	for _, n := range w.pageNotes {
		if d, ok := w.noteDest[n]; ok && !w.destSet[d] {
			w.setDest(d, y, -1)
			w.destSet[d] = true
		}
		for _, l := range w.noteLayout(n) {
			w.drawFrags(l.frags, y+l.base)
			w.linkRects(l, y)
			y += l.height
		}
		y += noteGap
	}
	w.pageNotes, w.notesH = nil, 0
}

// noteLayout sets a footnote's text, its number hanging before it.
func (w *writer) noteLayout(n *model.Note) []line {
	if ls, ok := w.noteLines[n]; ok {
		return ls
	}
	size := w.base * noteSize
	ts := textStyle{size: size}
	x := w.left + gutter
	box := lineBox{x: x + noteIndent, width: w.right - x - noteIndent}
	var ls []line
	for _, b := range n.Blocks {
		ls = append(ls, w.noteBlockLines(b, ts, box)...)
	}
	if len(ls) == 0 {
		ls = []line{plainLine("", ts, box.x)}
	}
	num := plainLine(itoa(n.Number), ts, x)
	ls[0].frags = append(num.frags, ls[0].frags...)
	w.noteLines[n] = ls
	return ls
}

// noteBlockLines sets the blocks a footnote may hold.
func (w *writer) noteBlockLines(b model.Block, ts textStyle, box lineBox) []line {
	switch b := b.(type) {
	case *model.Para:
		return w.layoutText(b.Inlines, ts, box)
	case *model.List:
		var ls []line
		for i, it := range b.Items {
			mark := "•"
			if b.Ordered {
				mark = itoa(b.Start+i) + "."
			}
			inner := lineBox{x: box.x + 4, width: box.width - 4}
			var item []line
			for _, ib := range it {
				item = append(item, w.noteBlockLines(ib, ts, inner)...)
			}
			if len(item) > 0 {
				m := plainLine(mark, ts, box.x)
				item[0].frags = append(m.frags, item[0].frags...)
			}
			ls = append(ls, item...)
		}
		return ls
	case *model.Quote:
		var ls []line
		for _, ib := range b.Blocks {
			ls = append(ls, w.noteBlockLines(ib, textStyle{st: ts.st | styleItalic, size: ts.size}, box)...)
		}
		return ls
	case *model.CodeBlock:
		return codeLines(b.Text, ts.size, box)
	case *model.ExemptNotice:
		return w.layoutText([]model.Inline{model.Text(b.Text)}, textStyle{st: styleBold, size: ts.size}, box)
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
		if !w.fits(linesHeight(ls)+noteSepH+noteGap, nil) {
			w.newPage()
		}
		w.useNote(n)
	}
}
