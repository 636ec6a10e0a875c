package html

import (
	"net/url"
	"strings"

	"github.com/boardpaper/boardpaper/internal/chart"
	"github.com/boardpaper/boardpaper/internal/model"
)

// table writes a table exhibit under its own label and caption.
func (p *page) table(t *model.Table) error {
	return p.tableIn(t, t.Attr.ID, t.Exhibit)
}

// tableIn writes t's cells captioned by ex (the table's own exhibit, or
// the chart it gives the figures of) inside a scrolling region, so that a
// wide table scrolls by itself instead of widening the page; the region
// is focusable so keyboard users can scroll it too.
func (p *page) tableIn(t *model.Table, id string, ex model.Exhibit) error {
	name := captionText(ex)
	if name == "" {
		name = "Table"
	}
	class := "table-wrap"
	if t.Landscape {
		class += " wide"
	}
	p.s("<div class=\"", class, "\"", idAttr(id), " role=\"region\" aria-label=\"", escapeAttr(name), "\" tabindex=\"0\">\n<table>\n")
	saved := p.where
	if ex.Label != "" {
		p.where = ex.Label
	}
	defer func() { p.where = saved }()
	if err := p.caption("caption", ex); err != nil {
		return err
	}
	if len(t.Head) > 0 {
		p.s("<thead>\n")
		for _, row := range t.Head {
			p.s("<tr>")
			col := 0
			for _, c := range row {
				span := max(c.Span, 1)
				// An empty header cell (the corner over the row labels) is
				// a plain cell: an empty <th> is a header that says nothing.
				if len(c.Inlines) == 0 {
					p.s("<td", spanAttr(span), cellAlign(t.Align, col, c), "></td>")
					col += span
					continue
				}
				scope := "col"
				if span > 1 {
					scope = "colgroup"
				}
				p.s("<th", spanAttr(span), " scope=\"", scope, "\"", cellAlign(t.Align, col, c), ">")
				if err := p.inlines(c.Inlines); err != nil {
					return err
				}
				p.s("</th>")
				col += span
			}
			p.s("</tr>\n")
		}
		p.s("</thead>\n")
	}
	p.s("<tbody>\n")
	for r, row := range t.Rows {
		switch t.Kind(r) {
		case model.RowGroup:
			// A group's rows are a <tbody> of their own, so that its
			// heading's scope="rowgroup" covers them.
			if r > 0 {
				p.s("</tbody>\n<tbody>\n")
			}
			p.s("<tr class=\"group\">")
			if err := p.bodyCells(t, row, "rowgroup"); err != nil {
				return err
			}
			p.s("</tr>\n")
			continue
		case model.RowTotal:
			if r == len(t.Rows)-1 {
				p.s("</tbody>\n<tfoot>\n<tr class=\"total\">")
				if err := p.bodyCells(t, row, "row"); err != nil {
					return err
				}
				p.s("</tr>\n</tfoot>\n</table>\n</div>\n")
				return nil
			}
			p.s("<tr class=\"total\">")
		default:
			p.s("<tr>")
		}
		if err := p.bodyCells(t, row, "row"); err != nil {
			return err
		}
		p.s("</tr>\n")
	}
	p.s("</tbody>\n</table>\n</div>\n")
	return nil
}

// bodyCells writes a body row's cells, the first a header of the given
// scope when the table has row headers.
func (p *page) bodyCells(t *model.Table, row []model.Cell, scope string) error {
	col := 0
	for i, c := range row {
		span := max(c.Span, 1)
		tag := "td"
		if i == 0 && t.RowHeaders {
			tag = "th"
			p.s("<th", spanAttr(span), " scope=\"", scope, "\"", cellAlign(t.Align, col, c), ">")
		} else {
			p.s("<td", spanAttr(span), cellAlign(t.Align, col, c), ">")
		}
		col += span
		if c.Spoken != "" {
			// Brackets are not read as a minus: the screen reader hears
			// the spoken form, the eye sees the printed one.
			p.s("<span aria-hidden=\"true\">")
			if err := p.inlines(c.Inlines); err != nil {
				return err
			}
			p.s("</span><span class=\"visually-hidden\">")
			p.text(c.Spoken)
			p.s("</span></", tag, ">")
			continue
		}
		if err := p.inlines(c.Inlines); err != nil {
			return err
		}
		p.s("</", tag, ">")
	}
	return nil
}

func spanAttr(span int) string {
	if span <= 1 {
		return ""
	}
	return " colspan=\"" + itoa(span) + "\""
}

// cellAlign is a cell's class: its alignment (its own, else its
// column's) and its red/amber/green status.
func cellAlign(aligns []model.Align, col int, c model.Cell) string {
	a := model.AlignDefault
	if col < len(aligns) {
		a = aligns[col]
	}
	if c.Align != model.AlignDefault {
		a = c.Align
	}
	class := ""
	switch a {
	case model.AlignLeft:
		class = "left"
	case model.AlignCenter:
		class = "center"
	case model.AlignRight:
		class = "num"
	}
	if c.Status != model.StatusNone {
		class += " rag rag-" + string(c.Status)
	}
	class = strings.TrimSpace(class)
	if class == "" {
		return ""
	}
	return " class=\"" + class + "\""
}

// caption writes "Table Two: caption" in element tag (caption or
// figcaption), the label set apart for the eye; nothing when both are
// empty.
func (p *page) caption(tag string, ex model.Exhibit) error {
	if ex.Label == "" && len(ex.Caption) == 0 {
		return nil
	}
	p.s("<", tag, ">")
	if ex.Label != "" {
		p.s("<span class=\"exhibit-label\">")
		p.text(ex.Label)
		if len(ex.Caption) > 0 {
			p.s(":")
		}
		p.s("</span>")
		if len(ex.Caption) > 0 {
			p.s(" ")
		}
	}
	if err := p.inlines(ex.Caption); err != nil {
		return err
	}
	p.s("</", tag, ">\n")
	return nil
}

func captionText(ex model.Exhibit) string {
	caption := model.PlainText(ex.Caption)
	switch {
	case ex.Label == "":
		return caption
	case caption == "":
		return ex.Label
	}
	return ex.Label + ": " + caption
}

// svgFontSize is the chart SVG's text size in its own units: the SVG is
// drawn 600 wide and scaled to the page's 46em column, where 13 units read
// as about 12–13 px.
const svgFontSize = 13

// chart writes a chart: its SVG and caption in a <figure>, then its figures
// as a table the reader can open, then a link to the figures as CSV.
func (p *page) chart(c *model.Chart) error {
	svg, err := chart.SVG(c, chart.Style{Colours: p.doc.Style.ChartColours, FontSize: svgFontSize})
	if err != nil {
		return err
	}
	id := c.Attr.ID
	p.s("<div class=\"exhibit chart\"", idAttr(id), ">\n")
	p.s("<figure>\n<div class=\"chart-svg\">\n")
	p.buf.Write(svg)
	p.s("\n</div>\n")
	if err := p.caption("figcaption", c.Exhibit); err != nil {
		return err
	}
	p.s("</figure>\n")
	if c.Table != nil {
		p.s("<details class=\"chart-figures\">\n<summary>Show the figures as a table</summary>\n")
		if err := p.tableIn(c.Table, c.Table.Attr.ID, figuresExhibit(c)); err != nil {
			return err
		}
		p.s("</details>\n")
	}
	if p.opts.ChartCSV {
		name := chart.CSVName(p.doc.Meta.Slug, c)
		href := (&url.URL{Path: name}).String()
		p.s("<p class=\"chart-csv\"><a href=\"", escapeAttr(href), "\" download=\"", escapeAttr(name), "\">Download the figures")
		if c.Label != "" {
			p.s(" for ")
			p.text(c.Label)
		}
		p.s(" (CSV)</a></p>\n")
	}
	p.s("</div>\n")
	return nil
}

// figuresExhibit captions the figures table shown under a drawn chart: its
// own caption when the model gives one, else "Figures for Table 1".
func figuresExhibit(c *model.Chart) model.Exhibit {
	ex := c.Table.Exhibit
	if ex.Label != "" || len(ex.Caption) > 0 {
		return ex
	}
	text := "Figures for the chart"
	if c.Label != "" {
		text = "Figures for " + c.Label
	}
	return model.Exhibit{Caption: []model.Inline{model.Text(text)}}
}
