package pdf

import (
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
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
	cells [][]textset.Line
	// spans is how many of the part's columns each cell covers: 1 for a
	// cell of its own, more for one spanning the next, 0 for a column a
	// cell before it covers. Nil means every cell is its own.
	spans  []int
	status []model.Status // per cell; nil when none is rated
	kind   model.RowKind
	h      float64
	head   bool
	notes  []*model.Note
	tag    *rowTag // its structure elements, shared by the parts of a split row
}

// span is how many columns cell k covers.
func (r tableRow) span(k int) int {
	if r.spans == nil {
		return 1
	}
	return r.spans[k]
}

// tableLayout is a table measured for a column.
type tableLayout struct {
	x       float64
	widths  []float64
	head    []tableRow
	rows    []tableRow
	caption []textset.Line
	style   tableStyle
	id      string
	// next is the table's next part, for a table set in parts.
	next *tableLayout

	// Tagging (tag.go): whether the first column holds row headers; for
	// the cover's questions, each row's answer, which its two boxes are
	// read as; and the Table's elements once placing has begun.
	rowHeads bool
	answers  []string
	// titleRow is 1 + the body row whose value is the paper's subject (its
	// H1, in the cover's table style); 0 for none.
	titleRow                   int
	tagTable, tagHead, tagBody int
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
	return captionGap + textset.Height(t.caption)
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

// cellWords measures a cell's text in its style.
type cellWords struct {
	words  textset.Words
	ts     textset.Style
	align  model.Align
	head   bool
	status model.Status
	// span is the columns the cell covers: 1 for most, more for a group
	// heading; 0 for a column covered by the cell at start.
	span  int
	start int
}

// layoutTable measures a table's cells, chooses column widths from their
// content (as a browser does: each column between its longest word and its
// text on one line, shrunk in proportion to fit) and sets every cell.
//
// A table too wide for the page is first set in smaller type, down to
// minTableSize; then its words of text are cut between characters, each
// column keeping room for minCellChars characters; a figure is never cut,
// since a figure broken over two lines reads as two figures. A table that
// still does not fit is set in parts, one below the other, each with as
// many of its columns as fit, the first column (which names the rows)
// repeated in each, and each captioned "(part 2 of 3)". Only a figure
// wider than the page by itself is cut: a part of that one column.
func (w *writer) layoutTable(t *model.Table, col column, st tableStyle) *tableLayout {
	ncol := 0
	for _, r := range t.Head {
		ncol = max(ncol, model.Columns(r))
	}
	for _, r := range t.Rows {
		ncol = max(ncol, model.Columns(r))
	}
	align := func(i int) model.Align {
		if i < len(t.Align) {
			return t.Align[i]
		}
		return model.AlignDefault
	}
	// A row is measured column by column: a cell spanning columns fills
	// the first, and the columns it covers name it as their start.
	measureRow := func(r []model.Cell, head bool, kind model.RowKind) []cellWords {
		out := make([]cellWords, 0, ncol)
		for i, c := range r {
			ts := textset.Style{Size: st.size}
			if head || kind != model.RowPlain || (i == 0 && (t.RowHeaders || st.rowHeaders)) || c.Status != model.StatusNone {
				ts.Font = textset.Bold
			}
			col := len(out)
			a := align(col)
			if c.Align != model.AlignDefault {
				a = c.Align
			}
			span := max(c.Span, 1)
			out = append(out, cellWords{words: textset.Split(c.Inlines, ts, &w.links), ts: ts, align: a, head: head, status: c.Status, span: span, start: col})
			for k := 1; k < span; k++ {
				out = append(out, cellWords{start: col})
			}
		}
		return out
	}
	var head, body [][]cellWords
	for _, r := range t.Head {
		head = append(head, measureRow(r, true, model.RowPlain))
	}
	for i, r := range t.Rows {
		body = append(body, measureRow(r, false, t.Kind(i)))
	}

	// Each column has three widths: its longest word (hardMin), the same
	// but with figures unbroken (softMin: "847 (57.6%)" should not be split
	// between number and share), and its widest text on one line (maxW);
	// and the narrowest it may be made by cutting words (floor): its
	// widest figure, or minCellChars characters, or its longest word if
	// that is narrower.
	hardMin := make([]float64, ncol)
	softMin := make([]float64, ncol)
	maxW := make([]float64, ncol)
	figMin := make([]float64, ncol)
	for _, rows := range [][][]cellWords{head, body} {
		for _, r := range rows {
			for i, c := range r {
				if c.span != 1 {
					// A spanning cell has the width of its columns.
					continue
				}
				lo, hi := c.words.Extents()
				hardMin[i] = max(hardMin[i], lo+2*cellPadX)
				if c.align == model.AlignRight && !c.head {
					lo = hi
				}
				softMin[i] = max(softMin[i], lo+2*cellPadX)
				maxW[i] = max(maxW[i], hi+2*cellPadX)
				if f := c.words.WidestFigure(); f > 0 {
					figMin[i] = max(figMin[i], f+2*cellPadX)
				}
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
	cellText := textset.Width(textset.Primary(0), st.size, "0")*minCellChars + 2*cellPadX
	floor := make([]float64, ncol)
	for i := range floor {
		floor[i] = max(figMin[i], min(hardMin[i], cellText))
	}

	all := make([]int, ncol)
	for i := range all {
		all[i] = i
	}
	parts := [][]int{all}
	if sum(floor) > avail {
		// Parts as wide as their columns' words and figures unbroken,
		// text of up to a quarter of the page on one line, but no column
		// wider than the page.
		room := make([]float64, ncol)
		for i := range room {
			room[i] = min(max(softMin[i], min(maxW[i], avail/4)), max(floor[i], avail))
		}
		parts = tableParts(room, avail)
	}
	pick := func(v []float64, cols []int) []float64 {
		if len(cols) == len(v) {
			return v // the whole table: one part
		}
		out := make([]float64, len(cols))
		for k, i := range cols {
			out[k] = v[i]
		}
		return out
	}
	var first, last *tableLayout
	for k, cols := range parts {
		widths := columnWidths(pick(hardMin, cols), pick(softMin, cols), pick(maxW, cols), pick(floor, cols), avail, st.fullWidth)
		tl := w.setTable(head, body, t, cols, widths, x, st)
		tl.rowHeads = t.RowHeaders || st.rowHeaders
		e := t.Exhibit
		if len(parts) > 1 {
			e = partExhibit(e, k+1, len(parts))
		}
		tl.caption = w.captionLines(e, st.size, textset.Box{X: x, Width: avail})
		if first == nil {
			first = tl
			tl.id = t.Attr.ID
		} else {
			last.next = tl
		}
		last = tl
	}
	return first
}

// minCellChars is how many characters of text a table column keeps room
// for when its words must be cut.
const minCellChars = 8

// columnWidths chooses the widths of columns whose narrowest (floor),
// longest word (hardMin), longest word with figures whole (softMin) and
// widest line (maxW) are given, to fill avail. Columns that cannot all
// have their floor are a part of a table in parts holding a column wider
// than the page, whose figures are then cut.
func columnWidths(hardMin, softMin, maxW, floor []float64, avail float64, fullWidth bool) []float64 {
	widths := make([]float64, len(maxW))
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
		if fullWidth && sumMax > 0.6*avail {
			for i := range widths {
				widths[i] = maxW[i] * avail / sumMax
			}
		}
	case sum(softMin) <= avail:
		between(softMin, maxW)
	case sum(hardMin) <= avail:
		between(hardMin, softMin)
	case sum(floor) <= avail:
		// Words of text are cut, as few as may be.
		between(floor, hardMin)
	default:
		// A column wider than the page, by itself or after the first:
		// the others have their text on one line if it takes at most a
		// third of the page, else their floor, and it has the rest.
		wide := 0
		for i := range floor {
			if floor[i] > floor[wide] {
				wide = i
			}
		}
		others := maxW
		if sum(maxW)-maxW[wide] > avail/3 {
			others = floor
		}
		rest := avail
		for i := range widths {
			if i != wide {
				widths[i] = others[i]
				rest -= others[i]
			}
		}
		widths[wide] = rest
		if rest <= 0 {
			for i := range widths {
				widths[i] = floor[i] * avail / sum(floor)
			}
		}
	}
	return widths
}

// tableParts groups the columns of a table too wide for avail, in order,
// into parts that fit, each column given its width: each part takes as
// many columns as fit after the first column, which is repeated in every
// part when it leaves room for more (it takes at most a third of avail).
// A column that fits in no part with others is a part by itself, with
// the first column if that is repeated. Every column is in one part, but
// a repeated first column is in all.
func tableParts(width []float64, avail float64) [][]int {
	repeat := len(width) > 1 && width[0] <= avail/3
	var parts [][]int
	var cur []int
	var used float64
	for i := range width {
		onlyFirst := repeat && len(cur) == 1 && cur[0] == 0
		if len(cur) > 0 && used+width[i] > avail && !onlyFirst {
			parts = append(parts, cur)
			cur, used = nil, 0
		}
		if len(cur) == 0 && repeat && i > 0 {
			cur, used = []int{0}, width[0]
		}
		cur = append(cur, i)
		used += width[i]
	}
	return append(parts, cur)
}

// partExhibit is the label and caption of part k of n of a table set in
// parts: the table's own, with "(part k of n)".
func partExhibit(e model.Exhibit, k, n int) model.Exhibit {
	of := "part " + itoa(k) + " of " + itoa(n)
	switch {
	case len(e.Caption) > 0:
		e.Caption = append(append([]model.Inline{}, e.Caption...), model.Text(" ("+of+")"))
	case e.Label != "":
		e.Label += " (" + of + ")"
	default:
		e.Caption = []model.Inline{model.Text("P" + of[1:])}
	}
	return e
}

// setTable sets the cells of the columns cols (of rows measured in
// cellWords) in columns of the given widths, from x.
func (w *writer) setTable(head, body [][]cellWords, t *model.Table, cols []int, widths []float64, x float64, st tableStyle) *tableLayout {
	tl := &tableLayout{x: x, widths: widths, style: st}
	setRow := func(r []cellWords, head bool, kind model.RowKind) tableRow {
		row := tableRow{cells: make([][]textset.Line, len(cols)), head: head, kind: kind, tag: &rowTag{tr: -1}}
		cx := x
		var tallest float64
		owner := -1 // the cell the last column drawn belongs to
		for k, i := range cols {
			if i >= len(r) {
				cx += widths[k]
				owner = -1
				continue
			}
			o := r[i].start
			if o == owner {
				// Covered by the cell set before it.
				row.spans[k] = 0
				cx += widths[k]
				continue
			}
			owner = o
			c := r[o]
			n := 1
			for k+n < len(cols) && cols[k+n] < len(r) && r[cols[k+n]].start == o {
				n++
			}
			if n > 1 || c.span != 1 || c.status != model.StatusNone {
				if row.spans == nil {
					row.spans = make([]int, len(cols))
					row.status = make([]model.Status, len(cols))
					for j := range row.spans {
						row.spans[j] = 1
					}
				}
				row.spans[k] = n
				row.status[k] = c.status
			}
			cw := 0.0
			for _, wd := range widths[k : k+n] {
				cw += wd
			}
			box := textset.Box{X: cx + cellPadX, Width: cw - 2*cellPadX, Align: c.align}
			row.cells[k] = c.words.Break(box, c.ts.Size)
			for _, l := range row.cells[k] {
				row.notes = append(row.notes, l.Notes...)
			}
			tallest = max(tallest, textset.Height(row.cells[k]))
			cx += widths[k]
		}
		if tallest == 0 {
			tallest = st.size * textset.Leading * textset.PtMM
		}
		row.h = tallest + 2*cellPadY
		return row
	}
	for _, r := range head {
		tl.head = append(tl.head, setRow(r, true, model.RowPlain))
	}
	for i, r := range body {
		tl.rows = append(tl.rows, setRow(r, false, t.Kind(i)))
		tl.rows[i].tag.index = i
	}
	if tl.headHeight() > (w.bottom-w.top)/3 {
		// Header rows this tall are not repeated on each page: they are
		// the table's first rows, split over pages as any row is.
		tl.rows = append(tl.head, tl.rows...)
		tl.head = nil
	}
	return tl
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

// captionLines sets "Table Two: caption", the label bold.
func (w *writer) captionLines(e model.Exhibit, size float64, box textset.Box) []textset.Line {
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
	return w.layoutText(in, textset.Style{Size: size}, box)
}

// table writes a table in a column: header rows repeated on every page it
// runs onto, rows never split unless taller than a page, the caption kept
// with the last row.
func (w *writer) table(t *model.Table, col column) {
	st := w.bodyTable()
	if t.Landscape {
		w.landscapeTable(t, st)
		return
	}
	if m := &w.measured; m.layout != nil && m.table == t && m.col == col && m.st == st {
		tl := m.layout
		m.table, m.layout = nil, nil // taken once: placing uses it up
		w.placeTable(tl)
		return
	}
	w.placeTable(w.layoutTable(t, col, st))
}

// landscapeTable sets a table that asks for it on pages turned sideways,
// across their whole width, starting a page unless one is open already
// (two such tables in a row share pages); the next block that is not one
// turns back to portrait (portrait). Page numbers run on through them.
func (w *writer) landscapeTable(t *model.Table, st tableStyle) {
	if !w.landscape {
		w.nextLandscape = true
		w.newPage()
	}
	w.nextLandscape = true // a table running on goes on to landscape pages
	w.placeTable(w.layoutTable(t, column{x: w.left, width: w.right - w.left}, st))
	w.nextLandscape = false
	w.turnBack = true
}

// portrait starts a portrait page after a landscape table, before what
// comes next.
func (w *writer) portrait() {
	if w.turnBack {
		w.turnBack = false
		if w.landscape {
			w.newPage()
		}
	}
}

// measureTable lays out a table ahead of its drawing (see writer.measured).
func (w *writer) measureTable(t *model.Table, col column, st tableStyle) *tableLayout {
	tl := w.layoutTable(t, col, st)
	m := &w.measured
	m.table, m.col, m.st, m.layout = t, col, st, tl
	return tl
}

func (w *writer) placeTable(tl *tableLayout) {
	for p := tl; p != nil; p = p.next {
		if p != tl {
			w.space(paraGap)
		}
		w.placePart(p)
	}
}

// placePart places a table (or one part of it). The loop ends: each turn
// draws a row, or draws at least one line of every cell of a row that
// has lines left and keeps the rest, after at most one new page; so a
// table of r rows and l lines of cells takes at most r+l turns and pages.
func (w *writer) placePart(tl *tableLayout) {
	w.pendingAnchors = append(w.pendingAnchors, tl.id)
	tl.tagTable, tl.tagHead, tl.tagBody = w.open("Table", fpdf.TagAttrs{}), -1, -1
	defer w.close()
	headH := tl.headHeight()
	capH := tl.captionHeight()
	page := w.bottom - w.top
	if !w.atTop() && !w.fits(tl.height(), allNotes(tl.rows)) {
		// Start on a new page rather than split a short table, or leave
		// fewer than two rows at the foot of this one.
		short := len(tl.rows) <= 6 && tl.height() <= page
		firstTwo := headH
		for i := 0; i < len(tl.rows) && i < 2; i++ {
			// A row taller than a page will be split anyway: count a few
			// of its lines.
			firstTwo += min(tl.rows[i].h, 4*tl.style.size*textset.Leading*textset.PtMM)
		}
		if short || !w.fits(firstTwo, nil) {
			w.newPage()
		}
	}
	w.flushPending(w.y)
	w.drawHead(tl, false)
	for i := 0; i < len(tl.rows); {
		row := tl.rows[i]
		need := row.h
		if i == len(tl.rows)-1 && headH+row.h+capH <= page {
			need += capH // the caption stays with the last row if it can
		}
		if w.fits(need, row.notes) {
			w.drawRow(tl, row)
			i++
			continue
		}
		// A row taller than a page is split where it stands, if a few of
		// its lines fit here; any other row moves to the next page.
		tall := row.h > page-headH
		if !tall || !w.fits(4*tl.style.size*textset.Leading*textset.PtMM+2*cellPadY, nil) {
			placedHere := w.y > w.top+headH+eps
			if placedHere || !w.atTop() {
				w.newPage()
				w.drawHead(tl, true)
				if w.fits(need, row.notes) {
					w.drawRow(tl, row)
					i++
					continue
				}
			}
		}
		// The row is taller than the room left: split it between lines.
		first, rest := splitRow(row, w.bottom-w.notesH-w.y)
		w.drawRow(tl, first)
		if rest.empty() {
			i++
		} else {
			tl.rows[i] = rest
		}
	}
	if len(tl.rows) == 0 && headH == 0 && capH > 0 && !w.fits(capH, nil) {
		w.newPage()
	}
	if capH > 0 {
		w.y += captionGap
		w.open("Caption", fpdf.TagAttrs{})
		w.flow(tl.caption)
		w.close()
	}
}

func allNotes(rows []tableRow) []*model.Note {
	var ns []*model.Note
	for _, r := range rows {
		ns = append(ns, r.notes...)
	}
	return ns
}

// drawHead draws the header rows; again, on a page a table runs onto, as
// an artifact, since they were read where the table began.
func (w *writer) drawHead(tl *tableLayout, again bool) {
	if again && len(tl.head) > 0 {
		w.artifact("Pagination", "Header", func() { w.drawHead(tl, false) })
		return
	}
	for _, r := range tl.head {
		w.drawRow(tl, r)
	}
}

// drawRow draws a row's cell borders, header shading and text at the
// current height: a group row lightly shaded, a total with a heavier rule
// above it, a rated cell filled with its rating's tint (its word is in
// it too, bold, so the tint never carries the rating alone).
func (w *writer) drawRow(tl *tableLayout, row tableRow) {
	x := tl.x
	cells := w.rowTags(tl, row)
	w.pdf.SetLineWidth(tableRule)
	w.pdf.SetDrawColor(0x60, 0x60, 0x60)
	for k := 0; k < len(tl.widths); k++ {
		n := row.span(k)
		if n == 0 {
			x += tl.widths[k]
			continue
		}
		cw := 0.0
		for _, wd := range tl.widths[k : k+n] {
			cw += wd
		}
		style := "D"
		fill, ok := rowFill(tl, row, k)
		if ok {
			w.pdf.SetFillColor(fill[0], fill[1], fill[2])
			style = "FD"
		}
		// Borders and shading are artifacts; the text its cell's.
		w.artifact("Layout", "", func() { w.pdf.Rect(x, w.y, cw, row.h, style) })
		w.bound(x, w.y, x+cw, w.y+row.h, "table cell")
		ly := w.y + cellPadY
		cell := -1
		if k < len(cells) {
			cell = cells[k]
		}
		w.inTag(cell, func() {
			for _, l := range row.cells[k] {
				w.drawLineAt(l, ly)
				ly += l.Height
			}
		})
		x += cw
		k += n - 1
	}
	if row.kind == model.RowTotal {
		w.artifact("Layout", "", func() {
			w.pdf.SetLineWidth(3 * tableRule)
			w.pdf.SetDrawColor(0, 0, 0)
			w.pdf.Line(tl.x, w.y, tl.x+tl.width(), w.y)
			w.pdf.SetLineWidth(tableRule)
		})
	}
	w.y += row.h
	w.low = max(w.low, w.y)
}

// Tints of the ratings and of a group row, light enough for black text.
var (
	ragTint = map[model.Status][3]int{
		model.StatusRed:   {0xf4, 0xb6, 0xb2},
		model.StatusAmber: {0xfc, 0xd9, 0x8c},
		model.StatusGreen: {0xb5, 0xdf, 0xc4},
	}
	headTint  = [3]int{0xe6, 0xe6, 0xe6}
	groupTint = [3]int{0xf2, 0xf2, 0xf2}
)

// rowFill is the fill of cell k of row, if it has one.
func rowFill(tl *tableLayout, row tableRow, k int) ([3]int, bool) {
	if row.status != nil {
		if c, ok := ragTint[row.status[k]]; ok {
			return c, true
		}
	}
	switch {
	case row.head && tl.style.headFill:
		return headTint, true
	case row.kind == model.RowGroup:
		return groupTint, true
	}
	return [3]int{}, false
}

// empty reports whether a row has no lines left in any cell.
func (r tableRow) empty() bool {
	for _, ls := range r.cells {
		if len(ls) > 0 {
			return false
		}
	}
	return true
}

// splitRow cuts a row too tall for a page: what fits in avail, and the rest.
func splitRow(row tableRow, avail float64) (first, rest tableRow) {
	first = tableRow{cells: make([][]textset.Line, len(row.cells)), head: row.head, spans: row.spans, status: row.status, kind: row.kind, tag: row.tag}
	rest = tableRow{cells: make([][]textset.Line, len(row.cells)), head: row.head, spans: row.spans, status: row.status, kind: row.kind, tag: row.tag}
	room := avail - 2*cellPadY
	var fh, rh float64
	for i, ls := range row.cells {
		var h float64
		n := 0
		for n < len(ls) && h+ls[n].Height <= room+eps {
			h += ls[n].Height
			n++
		}
		if n == 0 && len(ls) > 0 && room < ls[0].Height {
			// Not even one line fits the room: take one anyway, so a
			// split always makes progress.
			n = 1
		}
		first.cells[i], rest.cells[i] = ls[:n], ls[n:]
		fh = max(fh, textset.Height(ls[:n]))
		rh = max(rh, textset.Height(ls[n:]))
		for _, l := range ls[:n] {
			first.notes = append(first.notes, l.Notes...)
		}
		for _, l := range ls[n:] {
			rest.notes = append(rest.notes, l.Notes...)
		}
	}
	first.h, rest.h = fh+2*cellPadY, rh+2*cellPadY
	return first, rest
}
