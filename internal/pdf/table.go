package pdf

import (
	"github.com/boardpaper/boardpaper/internal/chart"
	"github.com/boardpaper/boardpaper/internal/model"
)

// Table geometry, in millimetres.
const (
	cellPadX   = 1.6
	cellPadY   = 1.1
	captionGap = 2.0
	tableRule  = 0.2
	// minTableSize is the smallest type a wide table is shrunk to, points.
	minTableSize = 8.0
)

// tableStyle is how a table is set: the body's tables and the cover's
// Yes/No rows differ in size and in what is bold.
type tableStyle struct {
	size       float64 // points
	headFill   bool
	fullWidth  bool // stretch columns to fill the column
	rowHeaders bool // force the first column bold (tables say so themselves)
}

func (w *writer) bodyTable() tableStyle {
	return tableStyle{size: max(w.base-1, 8), headFill: true, fullWidth: true}
}

// tableRow is a laid-out row: each cell's lines, and the row's height.
type tableRow struct {
	cells [][]line
	h     float64
	head  bool
	notes []*model.Note
}

// tableLayout is a table measured for a column.
type tableLayout struct {
	x       float64
	widths  []float64
	head    []tableRow
	rows    []tableRow
	caption []line
	style   tableStyle
	id      string
}

func (t *tableLayout) width() float64 {
	var s float64
	for _, c := range t.widths {
		s += c
	}
	return s
}

func (t *tableLayout) headHeight() float64 {
	var h float64
	for _, r := range t.head {
		h += r.h
	}
	return h
}

func (t *tableLayout) captionHeight() float64 {
	if len(t.caption) == 0 {
		return 0
	}
	return captionGap + linesHeight(t.caption)
}

// startHeight is what must follow a heading onto its page: the header and
// the first row (and the caption, if that is the only row).
func (t *tableLayout) startHeight() float64 {
	h := t.headHeight()
	if len(t.rows) > 0 {
		h += t.rows[0].h
	}
	if len(t.rows) <= 1 {
		h += t.captionHeight()
	}
	return h
}

func (t *tableLayout) height() float64 {
	h := t.headHeight() + t.captionHeight()
	for _, r := range t.rows {
		h += r.h
	}
	return h
}

// chartAspect is a chart's height over its width in the PDF: wide enough
// for a year of monthly bars, short enough to sit beside its paragraph.
const chartAspect = 0.5

// chart draws a chart as vectors across the text column, its caption below
// it, the two kept on one page. Its figures are not repeated as a table in
// print: the HTML page carries them, with a CSV file, for those who need
// them.
func (w *writer) chart(c *model.Chart, col column) {
	h := col.width * chartAspect
	size := w.bodyTable().size
	caption := w.captionLines(c.Exhibit, size, lineBox{x: col.x, width: col.width})
	if !w.atTop() && !w.fits(h+captionGap+linesHeight(caption), nil) {
		w.newPage()
	}
	w.pendingAnchors = append(w.pendingAnchors, c.Attr.ID)
	w.flushPending(w.y)
	st := chart.Style{Colours: w.doc.Style.ChartColours, FontSize: w.base}
	if err := drawChart(w.pdf, c, st, col.x, w.y, col.width, h); err != nil {
		w.pdf.SetError(err)
		return
	}
	// fpdf cannot say which font a chart left set, so forget ours: the
	// next text sets its font again.
	w.curFace, w.curSize = nil, 0
	w.y += h
	if len(caption) > 0 {
		w.y += captionGap
		w.drawLines(caption)
	}
}

// cellWords measures a cell's text in its style.
type cellWords struct {
	words []word
	ts    textStyle
	align model.Align
	head  bool
}

// layoutTable measures a table's cells, chooses column widths from their
// content (as a browser does: each column between its longest word and its
// text on one line, shrunk in proportion to fit) and sets every cell.
func (w *writer) layoutTable(t *model.Table, col column, st tableStyle) *tableLayout {
	ncol := 0
	for _, r := range t.Head {
		ncol = max(ncol, len(r))
	}
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	align := func(i int) model.Align {
		if i < len(t.Align) {
			return t.Align[i]
		}
		return model.AlignDefault
	}
	measureRow := func(r []model.Cell, head bool) []cellWords {
		out := make([]cellWords, len(r))
		for i, c := range r {
			ts := textStyle{size: st.size}
			if head || (i == 0 && (t.RowHeaders || st.rowHeaders)) {
				ts.st = styleBold
			}
			out[i] = cellWords{words: words(w.runs(c.Inlines, ts, nil, nil)), ts: ts, align: align(i), head: head}
		}
		return out
	}
	var head, body [][]cellWords
	for _, r := range t.Head {
		head = append(head, measureRow(r, true))
	}
	for _, r := range t.Rows {
		body = append(body, measureRow(r, false))
	}

	// Each column has three widths: its longest word (hardMin), the same
	// but with figures unbroken (softMin: "847 (57.6%)" should not be split
	// between number and share), and its widest text on one line (maxW).
	hardMin := make([]float64, ncol)
	softMin := make([]float64, ncol)
	maxW := make([]float64, ncol)
	for _, rows := range [][][]cellWords{head, body} {
		for _, r := range rows {
			for i, c := range r {
				lo, hi := wordExtents(c.words)
				hardMin[i] = max(hardMin[i], lo+2*cellPadX)
				if c.align == model.AlignRight && !c.head {
					lo = hi
				}
				softMin[i] = max(softMin[i], lo+2*cellPadX)
				maxW[i] = max(maxW[i], hi+2*cellPadX)
			}
		}
	}
	x, avail := col.x, col.width
	if sum(maxW) > avail && col.x > w.left {
		// A wide table may use the gutter too.
		x, avail = w.left, w.right-w.left
	}
	if sum(softMin) > avail && st.size-0.5 >= minTableSize {
		// Figures would have to wrap: a slightly smaller type reads better.
		st.size -= 0.5
		return w.layoutTable(t, col, st)
	}
	widths := make([]float64, ncol)
	// between sets each column between lo and hi, the same share of the
	// way for all, so that the columns fill avail.
	between := func(lo, hi []float64) {
		f := 1.0
		if d := sum(hi) - sum(lo); d > 0 {
			f = (avail - sum(lo)) / d
		}
		for i := range widths {
			widths[i] = lo[i] + (hi[i]-lo[i])*f
		}
	}
	switch sumMax := sum(maxW); {
	case sumMax <= avail:
		copy(widths, maxW)
		// Stretch a table that nearly fills the column to fill it; a
		// narrow one (two short columns) keeps its natural width rather
		// than spreading its figures far from their labels.
		if st.fullWidth && sumMax > 0.6*avail {
			for i := range widths {
				widths[i] = maxW[i] * avail / sumMax
			}
		}
	case sum(softMin) <= avail:
		between(softMin, maxW)
	case sum(hardMin) <= avail:
		between(hardMin, softMin)
	default:
		// Even the longest words do not fit: shrink them all; words are
		// then cut where they must be.
		for i := range widths {
			widths[i] = hardMin[i] * avail / sum(hardMin)
		}
	}

	tl := &tableLayout{x: x, widths: widths, style: st, id: t.Attr.ID}
	setRow := func(r []cellWords, head bool) tableRow {
		row := tableRow{cells: make([][]line, ncol), head: head}
		cx := x
		var tallest float64
		for i := 0; i < ncol; i++ {
			if i < len(r) {
				box := lineBox{x: cx + cellPadX, width: widths[i] - 2*cellPadX, align: r[i].align}
				row.cells[i] = breakLines(r[i].words, box, r[i].ts.size)
				for _, l := range row.cells[i] {
					row.notes = append(row.notes, l.notes...)
				}
			}
			tallest = max(tallest, linesHeight(row.cells[i]))
			cx += widths[i]
		}
		if tallest == 0 {
			tallest = st.size * leading * ptMM
		}
		row.h = tallest + 2*cellPadY
		return row
	}
	for _, r := range head {
		tl.head = append(tl.head, setRow(r, true))
	}
	for _, r := range body {
		tl.rows = append(tl.rows, setRow(r, false))
	}
	tl.caption = w.captionLines(t.Exhibit, st.size, lineBox{x: x, width: avail})
	return tl
}

// wordExtents is the widest word and the width of all the words on one
// line (the widest line between hard breaks).
func wordExtents(ws []word) (lo, hi float64) {
	var ln float64
	for i, wd := range ws {
		lo = max(lo, wd.w)
		if wd.brk {
			ln = 0
		} else if i > 0 {
			ln += wd.spaceW
		}
		ln += wd.w
		hi = max(hi, ln)
	}
	return lo, hi
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

// captionLines sets "Table Two: caption", the label bold.
func (w *writer) captionLines(e model.Exhibit, size float64, box lineBox) []line {
	var in []model.Inline
	switch {
	case e.Label != "" && len(e.Caption) > 0:
		in = append([]model.Inline{&model.Strong{Inlines: []model.Inline{model.Text(e.Label + ":")}}, model.Text(" ")}, e.Caption...)
	case e.Label != "":
		in = []model.Inline{&model.Strong{Inlines: []model.Inline{model.Text(e.Label)}}}
	case len(e.Caption) > 0:
		in = e.Caption
	default:
		return nil
	}
	return w.layoutText(in, textStyle{size: size}, box)
}

// table writes a table in a column: header rows repeated on every page it
// runs onto, rows never split unless taller than a page, the caption kept
// with the last row.
func (w *writer) table(t *model.Table, col column) {
	st := w.bodyTable()
	if m := &w.measured; m.layout != nil && m.table == t && m.col == col && m.st == st {
		tl := m.layout
		m.table, m.layout = nil, nil // taken once: placing uses it up
		w.placeTable(tl)
		return
	}
	w.placeTable(w.layoutTable(t, col, st))
}

// measureTable lays out a table ahead of its drawing (see writer.measured).
func (w *writer) measureTable(t *model.Table, col column, st tableStyle) *tableLayout {
	tl := w.layoutTable(t, col, st)
	m := &w.measured
	m.table, m.col, m.st, m.layout = t, col, st, tl
	return tl
}

func (w *writer) placeTable(tl *tableLayout) {
	w.pendingAnchors = append(w.pendingAnchors, tl.id)
	headH := tl.headHeight()
	capH := tl.captionHeight()
	if !w.atTop() && !w.fits(tl.height(), allNotes(tl.rows)) {
		// Start on a new page rather than split a short table, or leave
		// fewer than two rows at the foot of this one.
		short := len(tl.rows) <= 6 && tl.height() <= w.bottom-w.top
		firstTwo := headH
		for i := 0; i < len(tl.rows) && i < 2; i++ {
			// A row taller than a page will be split anyway: count a few
			// of its lines.
			firstTwo += min(tl.rows[i].h, 4*tl.style.size*leading*ptMM)
		}
		if short || !w.fits(firstTwo, nil) {
			w.newPage()
		}
	}
	w.flushPending(w.y)
	w.drawHead(tl)
	for i := 0; i < len(tl.rows); i++ {
		row := tl.rows[i]
		need := row.h
		if i == len(tl.rows)-1 {
			need += capH
		}
		if w.fits(need, row.notes) {
			w.drawRow(tl, row)
			continue
		}
		// A row taller than a page is split where it stands, if a few of
		// its lines fit here; any other row moves to the next page.
		tall := row.h > w.bottom-w.top-headH
		if tall && w.fits(4*tl.style.size*leading*ptMM+2*cellPadY, nil) {
			first, rest := splitRow(row, w.bottom-w.notesH-w.y)
			w.drawRow(tl, first)
			tl.rows[i] = rest
			i--
			continue
		}
		placedHere := w.y > w.top+headH+eps
		if placedHere || !w.atTop() {
			w.newPage()
			w.drawHead(tl)
			if w.fits(need, row.notes) {
				w.drawRow(tl, row)
				continue
			}
		}
		// The row is taller than a page: split it between lines.
		first, rest := splitRow(row, w.bottom-w.notesH-w.y)
		w.drawRow(tl, first)
		tl.rows[i] = rest
		i--
	}
	if len(tl.rows) == 0 && headH == 0 && capH > 0 && !w.fits(capH, nil) {
		w.newPage()
	}
	if capH > 0 {
		w.y += captionGap
		w.drawLines(tl.caption)
	}
}

func allNotes(rows []tableRow) []*model.Note {
	var ns []*model.Note
	for _, r := range rows {
		ns = append(ns, r.notes...)
	}
	return ns
}

func (w *writer) drawHead(tl *tableLayout) {
	for _, r := range tl.head {
		w.drawRow(tl, r)
	}
}

// drawRow draws a row's cell borders, header shading and text at the
// current height.
func (w *writer) drawRow(tl *tableLayout, row tableRow) {
	x := tl.x
	w.pdf.SetLineWidth(tableRule)
	w.pdf.SetDrawColor(0x60, 0x60, 0x60)
	for i, cw := range tl.widths {
		style := "D"
		if row.head && tl.style.headFill {
			w.pdf.SetFillColor(0xe6, 0xe6, 0xe6)
			style = "FD"
		}
		w.pdf.Rect(x, w.y, cw, row.h, style)
		ly := w.y + cellPadY
		for _, l := range row.cells[i] {
			w.drawLineAt(l, ly)
			ly += l.height
		}
		x += cw
	}
	w.y += row.h
}

// splitRow cuts a row too tall for a page: what fits in avail, and the rest.
func splitRow(row tableRow, avail float64) (first, rest tableRow) {
	first = tableRow{cells: make([][]line, len(row.cells)), head: row.head}
	rest = tableRow{cells: make([][]line, len(row.cells)), head: row.head}
	room := avail - 2*cellPadY
	var fh, rh float64
	for i, ls := range row.cells {
		var h float64
		n := 0
		for n < len(ls) && h+ls[n].height <= room+eps {
			h += ls[n].height
			n++
		}
		if n == 0 && len(ls) > 0 && room < ls[0].height {
			// Not even one line fits the room: take one anyway, so a
			// split always makes progress.
			n = 1
		}
		first.cells[i], rest.cells[i] = ls[:n], ls[n:]
		fh = max(fh, linesHeight(ls[:n]))
		rh = max(rh, linesHeight(ls[n:]))
		for _, l := range ls[:n] {
			first.notes = append(first.notes, l.notes...)
		}
		for _, l := range ls[n:] {
			rest.notes = append(rest.notes, l.notes...)
		}
	}
	first.h, rest.h = fh+2*cellPadY, rh+2*cellPadY
	return first, rest
}
