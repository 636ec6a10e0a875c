package pdf

import (
	"strconv"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// column is the horizontal band blocks are set in.
type column struct{ x, width float64 }

// Vertical spacing, in millimetres.
const (
	paraGap     = 3.0 // between paragraphs
	itemGap     = 1.5 // between list items
	headGapL1   = 7.0 // above a section heading
	headGapL2   = 5.0 // above a subsection heading
	headAfter   = 2.0 // below a heading
	crossBefore = 4.0
	crossAfter  = 0.5
	listIndent  = 6.0
	quoteIndent = 8.0
	// minMeasure is the narrowest column a nested block is set in: about
	// 25 characters of body text. A quote or list nested deeper than that
	// allows is set at its parent's width.
	minMeasure = 50.0
)

// nest is the column a nested block is set in: col less left and right,
// unless that leaves less than minMeasure; then col itself, so nesting
// stops indenting rather than squeezing text towards nothing.
func nest(col column, left, right float64) column {
	in := column{col.x + left, col.width - left - right}
	if in.width < minMeasure {
		return col
	}
	return in
}

func itoa(n int) string { return strconv.Itoa(n) }

// textColumn is where body text is set: right of the number gutter.
func (w *writer) textColumn() column {
	return column{x: w.left + gutter, width: w.right - w.left - gutter}
}

func (w *writer) body() textset.Style { return textset.Style{Size: w.base} }

// front writes the front part: its title ("EXECUTIVE SUMMARY") and the
// summary and recommendations, each under its own title.
func (w *writer) front(doc *model.Document) {
	if len(doc.Front) == 0 {
		return
	}
	if t := doc.Style.FrontTitle; t != "" {
		ts := textset.Style{Font: textset.Bold, Size: w.base + 1}
		ls := w.layoutText([]model.Inline{model.Text(t)}, ts, textset.Box{X: w.left, Width: w.right - w.left})
		w.space(headGapL1)
		w.open("P", fpdf.TagAttrs{})
		w.keep(ls, w.headingFollow(doc.Front[0])+headAfter)
		w.close()
		w.y += headAfter
	}
	for _, s := range doc.Front {
		w.section(s)
	}
}

// section writes a section's heading (its number in the gutter), its blocks
// and its subsections. The heading stays with the start of what follows.
func (w *writer) section(s *model.Section) {
	w.portrait()
	ls := w.headingLines(s)
	gap, level := headGapL1, 0
	if s.Level >= 2 {
		gap, level = headGapL2, 1
	}
	if s.Kind == model.Appendix && !w.atTop() {
		w.newPage()
	}
	w.space(gap)
	w.pendingAnchors = append(w.pendingAnchors, s.Attr.ID)
	title := model.PlainText(s.Title)
	switch {
	case s.Kind == model.Appendix:
		title = s.Number + ": " + title
	case s.Number != "":
		title = s.Number + " " + title
	}
	w.pendingMark = &bookmark{text: title, level: level}
	// Headings at the HTML page's levels: h2 for the front part and the
	// sections, a level down for each subsection.
	outer := w.tag.level
	w.tag.level = max(outer, 1) + 1
	w.open("Sect", fpdf.TagAttrs{})
	h := w.open(heading(w.tag.level), fpdf.TagAttrs{})
	if s.Number != "" {
		// The number is the heading's label, as a paragraph's is.
		w.labelNext(h, len(textset.Plain(s.Number, w.body(), w.left).Frags))
	}
	w.keep(ls, headAfter+w.follow(s.Blocks, s.Subsections, w.textColumn(), w.body()))
	w.close()
	w.y += headAfter
	w.blocks(s.Blocks, w.textColumn(), w.body(), true)
	for _, sub := range s.Subsections {
		w.section(sub)
	}
	w.close()
	w.tag.level = outer
}

// headingLines sets a section heading: bold, a point larger for a section;
// a numbered heading has its number in the gutter and its title in the
// text column, an unnumbered (front part) one starts at the margin.
func (w *writer) headingLines(s *model.Section) []textset.Line {
	ts := textset.Style{Font: textset.Bold, Size: w.base}
	if s.Level <= 1 {
		ts.Size = w.base + 1
	}
	box := textset.Box{X: w.left, Width: w.right - w.left}
	if s.Kind == model.Appendix {
		// "Appendix 1: Staffing" is too long for the gutter: it starts
		// at the margin, as one heading.
		title := append([]model.Inline{model.Text(s.Number + ": ")}, s.Title...)
		return w.layoutText(title, ts, box)
	}
	if s.Number != "" {
		c := w.textColumn()
		box = textset.Box{X: c.x, Width: c.width}
	}
	ls := w.layoutText(s.Title, ts, box)
	if s.Number != "" {
		num := textset.Plain(s.Number, ts, w.left)
		ls[0].Frags = append(num.Frags, ls[0].Frags...)
	}
	return ls
}

// headingFollow is the height a heading must keep with: the heading of s
// and the start of its content.
func (w *writer) headingFollow(s *model.Section) float64 {
	return textset.Height(w.headingLines(s)) + headAfter + w.follow(s.Blocks, s.Subsections, w.textColumn(), w.body())
}

// follow is the least height of what comes after a heading that must be on
// the same page as it: the first two lines of a paragraph (all of one of
// three lines or fewer, which cannot be split), a table's header and first
// row, a subsection's heading and its start.
func (w *writer) follow(bs []model.Block, subs []*model.Section, col column, ts textset.Style) float64 {
	if len(bs) == 0 {
		if len(subs) > 0 {
			return headGapL2 + w.headingFollow(subs[0])
		}
		return 0
	}
	switch b := bs[0].(type) {
	case *model.Para:
		ls := w.measureText(b.Inlines, ts, textset.Box{X: col.x, Width: col.width})
		if len(ls) > 3 {
			ls = ls[:2]
		}
		return paraGap + textset.Height(ls)
	case *model.List:
		if len(b.Items) > 0 {
			return itemGap + w.follow(b.Items[0], nil, nest(col, listIndent, 0), ts)
		}
	case *model.Quote:
		return paraGap + w.follow(b.Blocks, nil, nest(col, quoteIndent, quoteIndent), textset.Style{Font: ts.Font | textset.Italic, Size: ts.Size})
	case *model.Table:
		if b.Landscape {
			return 0 // it starts a page of its own
		}
		return paraGap + w.measureTable(b, col, w.bodyTable()).startHeight()
	case *model.Chart:
		return paraGap + col.width*chartAspect
	case *model.Image:
		_, h := w.imageSize(b, col, 0)
		return paraGap + h
	case *model.CrossHeading:
		return crossBefore + textset.Height(w.crossLines(b, col)) + crossAfter + 2*ts.Size*textset.Leading*textset.PtMM
	}
	return 2 * ts.Size * textset.Leading * textset.PtMM
}

// blocks writes blocks in a column. top is true for blocks directly under
// a heading (they get paragraph spacing; blocks in list items less).
func (w *writer) blocks(bs []model.Block, col column, ts textset.Style, top bool) {
	gap := paraGap
	if !top {
		gap = itemGap
	}
	for i, b := range bs {
		if i == 0 && !top {
			// The first block of a list item sits on the item's own line.
			w.block(b, col, ts, bs[i+1:], 0)
			continue
		}
		w.block(b, col, ts, bs[i+1:], gap)
	}
}

func (w *writer) block(b model.Block, col column, ts textset.Style, rest []model.Block, gap float64) {
	if t, ok := b.(*model.Table); !ok || !t.Landscape {
		w.portrait()
	}
	switch b := b.(type) {
	case *model.Para:
		w.space(gap)
		w.para(b, col, ts)
	case *model.CrossHeading:
		w.crossHeading(b, col, rest, ts)
	case *model.ExemptPart:
		// Only a full version holds an exempt part (every page of it is
		// marked NOT FOR PUBLICATION); the public version has the heading
		// and the notice in its place.
		w.crossHeading(b.Heading, col, b.Blocks, ts)
		w.blocks(b.Blocks, col, ts, true)
	case *model.List:
		w.space(gap)
		w.list(b, col, ts, 0)
	case *model.Quote:
		w.space(gap)
		inner := nest(col, quoteIndent, quoteIndent)
		w.pendingAnchors = append(w.pendingAnchors, b.Attr.ID)
		w.open("BlockQuote", fpdf.TagAttrs{})
		w.blocks(b.Blocks, inner, textset.Style{Font: ts.Font | textset.Italic, Size: ts.Size}, false)
		w.close()
	case *model.Table:
		w.space(max(gap, paraGap))
		w.table(b, col)
	case *model.Chart:
		w.space(max(gap, paraGap))
		w.chart(b, col)
	case *model.Image:
		w.space(max(gap, paraGap))
		w.image(b, col)
	case *model.CodeBlock:
		w.space(gap)
		w.pendingAnchors = append(w.pendingAnchors, b.Attr.ID)
		w.open("P", fpdf.TagAttrs{})
		w.flow(textset.Code(b.Text, ts.Size*0.9, textset.Box{X: col.x + 4, Width: col.width - 4}))
		w.close()
	case *model.Rule:
		w.space(gap)
		w.roomFor(4, nil)
		w.bound(col.x, w.y, col.x+col.width, w.y+4, "rule")
		w.low = max(w.low, w.y+4)
		w.artifact("Layout", "", func() {
			w.pdf.SetDrawColor(0x80, 0x80, 0x80)
			w.pdf.SetLineWidth(0.3)
			w.pdf.Line(col.x, w.y+2, col.x+col.width, w.y+2)
		})
		w.y += 4
	case *model.ExemptNotice:
		w.space(max(gap, paraGap))
		w.notice(b.Text, col)
	}
}

// para writes a paragraph, its number (if any) hanging in the gutter.
func (w *writer) para(p *model.Para, col column, ts textset.Style) {
	ls := w.layoutText(p.Inlines, ts, textset.Box{X: col.x, Width: col.width})
	pt := w.open("P", fpdf.TagAttrs{})
	if p.Number != "" {
		num := textset.Plain(p.Number, textset.Style{Size: ts.Size}, w.left)
		ls[0].Frags = append(num.Frags, ls[0].Frags...)
		// The number is the paragraph's label, read before its text.
		w.labelNext(pt, len(num.Frags))
	}
	w.pendingAnchors = append(w.pendingAnchors, p.Attr.ID)
	w.flow(ls)
	w.close()
}

// crossLines sets a cross-heading: bold italic, unnumbered, in the column.
func (w *writer) crossLines(c *model.CrossHeading, col column) []textset.Line {
	return w.layoutText(c.Inlines, textset.Style{Font: textset.Bold | textset.Italic, Size: w.base}, textset.Box{X: col.x, Width: col.width})
}

func (w *writer) crossHeading(c *model.CrossHeading, col column, rest []model.Block, ts textset.Style) {
	w.space(crossBefore)
	w.pendingAnchors = append(w.pendingAnchors, c.Attr.ID)
	w.open(heading(max(w.tag.level, 1)+1), fpdf.TagAttrs{})
	w.keep(w.crossLines(c, col), crossAfter+w.follow(rest, nil, col, ts))
	w.close()
	w.y += crossAfter
}

// list writes a bulleted or numbered list; items' blocks are indented past
// the marker, and lists nest.
func (w *writer) list(l *model.List, col column, ts textset.Style, depth int) {
	indent := listIndent
	markTS := textset.Style{Font: ts.Font &^ textset.Bold, Size: ts.Size}
	if l.Ordered && l.Start+len(l.Items) > 10 {
		indent += 2
		// Numbers past 99 (a list may start at 999999999) need more.
		last := textset.Plain(listMarker(l, len(l.Items)-1, depth), markTS, 0)
		indent = max(indent, last.Width()+1.5)
	}
	if l.Style != "" {
		// "(viii)" is wider than the last marker of a list that ends
		// at "(x)": room for the widest.
		for i := range l.Items {
			indent = max(indent, textset.Plain(listMarker(l, i, depth), markTS, 0).Width()+1.5)
		}
	}
	inner := nest(col, indent, 0)
	markX := col.x
	if inner == col {
		// Too deep to indent: the marker hangs left of the text, where
		// the enclosing list's markers are.
		markX = max(col.x-indent, w.left)
	}
	w.pendingAnchors = append(w.pendingAnchors, l.Attr.ID)
	w.open("L", fpdf.TagAttrs{})
	for i, item := range l.Items {
		if i > 0 {
			w.space(itemGap)
		}
		w.pendingMarker = &marker{text: listMarker(l, i, depth), x: markX, ts: markTS}
		li := w.open("LI", fpdf.TagAttrs{})
		w.tag.marker = w.newTag(li, "Lbl", fpdf.TagAttrs{})
		w.open("LBody", fpdf.TagAttrs{})
		for j, b := range item {
			if j > 0 {
				w.space(itemGap)
			}
			if sub, ok := b.(*model.List); ok {
				w.list(sub, inner, ts, depth+1)
				continue
			}
			w.block(b, inner, ts, item[j+1:], 0)
		}
		w.pendingMarker = nil
		w.tag.marker = -1
		w.close()
		w.close()
	}
	w.close()
}

// listMarker is an item's bullet or number: "•", then "–" when nested, or
// "1.", "2." for a numbered list, "(a)", "(b)" for one written so.
func listMarker(l *model.List, i, depth int) string {
	if l.Ordered {
		return l.Marker(i)
	}
	if depth%2 == 1 {
		return "–"
	}
	return "•"
}

// notice writes the exempt-material notice as a boxed, bold paragraph that
// is never split, unless it is longer than a page: then each page's lines
// of it are boxed.
func (w *writer) notice(text string, col column) {
	const pad = 3.0
	ls := w.layoutText([]model.Inline{model.Text(text)}, textset.Style{Font: textset.Bold, Size: w.base}, textset.Box{X: col.x + pad, Width: col.width - 2*pad})
	for len(ls) > 0 {
		w.roomFor(textset.Height(ls)+2*pad, nil)
		k, room := 0, w.bottom-w.notesH-w.y-2*pad
		for h := 0.0; k < len(ls) && h+ls[k].Height <= room+eps; k++ {
			h += ls[k].Height
		}
		k = max(k, 1)
		h := textset.Height(ls[:k]) + 2*pad
		w.bound(col.x, w.y, col.x+col.width, w.y+h, "notice")
		w.artifact("Layout", "", func() {
			w.pdf.SetDrawColor(0, 0, 0)
			w.pdf.SetLineWidth(0.5)
			w.pdf.Rect(col.x, w.y, col.width, h, "D")
		})
		w.y += pad
		w.open("P", fpdf.TagAttrs{})
		w.drawLines(ls[:k])
		w.close()
		w.y += pad
		if ls = ls[k:]; len(ls) > 0 {
			w.newPage()
		}
	}
}
