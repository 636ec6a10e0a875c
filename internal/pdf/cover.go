package pdf

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// Logo box on the cover, top right, in millimetres.
const (
	logoMaxW = 45.0
	logoMaxH = 25.0
	logoGap  = 6.0
)

// cover writes the cover sheet: the logo top right, the council's name and
// the agenda item, then the cover's rows
// in the layout's order. In the lines style a field is a bold line
// ("Report of …", "Date: …"), a run of questions a bordered table of
// Yes/No boxes and a block a paragraph; in the table style every row is a
// row of one table, labels in bold. Text beside the logo is set narrower;
// a table starts below it.
func (w *writer) cover(doc *model.Document) {
	c := doc.Cover
	width := w.right - w.left
	logoBottom := w.top
	if lw, lh, ok := w.logo(doc.Style); ok {
		width -= lw + logoGap
		logoBottom = w.top + lh
	}
	full := column{x: w.left, width: w.right - w.left}
	first := true
	gap := func(g float64) {
		if !first {
			w.space(g)
		}
		first = false
	}
	box := textset.Box{X: w.left, Width: width}
	// Tagged as the HTML's cover: the council and item, fields and blocks
	// as paragraphs, the subject as the paper's one H1, the questions a
	// table whose answers read "Yes" or "No" (tag.go).
	para := func(typ string, lines []textset.Line) {
		w.open(typ, fpdf.TagAttrs{})
		w.flow(lines)
		w.close()
	}
	if c.Council != "" {
		gap(0)
		para("P", w.layoutText([]model.Inline{model.Text(c.Council)}, textset.Style{Font: textset.Bold, Size: w.base + 3}, box))
	}
	if c.Item != "" {
		gap(1.5)
		para("P", w.layoutText([]model.Inline{model.Text(c.Item)}, textset.Style{Font: textset.Bold, Size: w.base}, box))
	}
	if !first {
		w.space(6) // the council and item stand apart from the rows
		first = true
	}
	if c.Table {
		w.y = max(w.y, logoBottom)
		gap(6)
		tl := w.layoutTable(coverTable(c.Rows), full, tableStyle{size: w.base, fullWidth: true, rowHeaders: true})
		for i, r := range c.Rows {
			if r.Title {
				tl.titleRow = i + 1 // the subject: the paper's H1, in its cell
			}
		}
		w.placeTable(tl)
		return
	}
	ts := textset.Style{Font: textset.Bold, Size: w.base + 1}
	for rows := c.Rows; len(rows) > 0; {
		n := run(rows)
		switch rows[0].Kind {
		case model.CoverField:
			for _, r := range rows[:n] {
				gap(3)
				typ := "P"
				if r.Title {
					typ = "H1"
				}
				para(typ, w.layoutText([]model.Inline{model.Text(r.Label + " " + r.Value())}, ts, box))
			}
		case model.CoverQuestion:
			w.y = max(w.y, logoBottom)
			gap(6)
			tl := w.layoutTable(questionTable(rows[:n]), full, tableStyle{size: w.base, fullWidth: false})
			// Each question is a row header; its two boxes ("☐ Yes",
			// "☒ No") are one cell read as the answer, as the HTML's.
			tl.rowHeads = true
			for _, r := range rows[:n] {
				if r.Yes {
					tl.answers = append(tl.answers, "Yes")
				} else {
					tl.answers = append(tl.answers, "No")
				}
			}
			w.placeTable(tl)
		default:
			w.y = max(w.y, logoBottom)
			gap(4)
			r := rows[0]
			var in []model.Inline
			for i, line := range r.Lines {
				if i == 0 && r.Label != "" {
					line = strings.TrimSuffix(r.Label, ":") + ": " + line
				} else if i > 0 {
					in = append(in, model.LineBreak{})
				}
				in = append(in, model.Text(line))
			}
			para("P", w.layoutText(in, textset.Style{Size: w.base}, textset.Box{X: full.x, Width: full.width}))
		}
		rows = rows[n:]
	}
	w.y = max(w.y, logoBottom)
}

// run is how many rows from the first are of its kind, drawn together: a
// block is drawn alone.
func run(rows []model.CoverRow) int {
	n := 1
	for n < len(rows) && rows[n].Kind == rows[0].Kind && rows[0].Kind != model.CoverBlock {
		n++
	}
	return n
}

// questionTable is the Yes/No questions as a three-column table: the
// question (with its details under it), then "☐ Yes" and "☒ No", the
// chosen answer crossed.
func questionTable(rows []model.CoverRow) *model.Table {
	t := &model.Table{}
	box := func(on bool) string {
		if on {
			return "☒"
		}
		return "☐"
	}
	for _, r := range rows {
		q := []model.Inline{model.Text(r.Label)}
		for _, d := range r.Details {
			q = append(q, model.LineBreak{}, model.Text(d))
		}
		t.Rows = append(t.Rows, []model.Cell{
			{Inlines: q},
			{Inlines: []model.Inline{model.Text(box(r.Yes) + "\u00a0Yes")}},
			{Inlines: []model.Inline{model.Text(box(!r.Yes) + "\u00a0No")}},
		})
	}
	return t
}

// coverTable is the table style: each row's label, then its value, answer
// or lines.
func coverTable(rows []model.CoverRow) *model.Table {
	t := &model.Table{RowHeaders: true}
	for _, r := range rows {
		var in []model.Inline
		lines := r.Lines
		if r.Kind == model.CoverQuestion {
			lines = append([]string{r.Answer}, r.Details...)
		}
		for i, line := range lines {
			if i > 0 {
				in = append(in, model.LineBreak{})
			}
			in = append(in, model.Text(line))
		}
		if r.Title {
			in = []model.Inline{&model.Strong{Inlines: in}}
		}
		// A label is kept on one line, as a column of labels is read
		// down: the answers take the width left.
		label := strings.ReplaceAll(strings.TrimSuffix(r.Label, ":"), " ", "\u00a0")
		t.Rows = append(t.Rows, []model.Cell{
			{Inlines: []model.Inline{model.Text(label)}},
			{Inlines: in},
		})
	}
	return t
}

// logo draws the layout's logo at the top right of the cover, within
// logoMaxW × logoMaxH, and returns its size.
func (w *writer) logo(st model.Style) (width, height float64, ok bool) {
	if len(st.Logo) == 0 {
		return 0, 0, false
	}
	typ := strings.ToUpper(st.LogoType)
	if typ == "JPEG" {
		typ = "JPG"
	}
	opts := fpdf.ImageOptions{ImageType: typ}
	// Named by its content: fpdf keeps the first image registered under a
	// name, and papers in one agenda pack may carry different logos.
	name := fmt.Sprintf("logo-%x", sha256.Sum256(st.Logo))
	info := w.registerImage(name, opts, st.Logo)
	if info == nil || w.pdf.Err() {
		return 0, 0, false
	}
	iw, ih := info.Width(), info.Height()
	if iw <= 0 || ih <= 0 {
		return 0, 0, false
	}
	width, height = logoMaxW, logoMaxW*ih/iw
	if height > logoMaxH {
		width, height = logoMaxH*iw/ih, logoMaxH
	}
	draw := func() { w.pdf.ImageOptions(name, w.right-width, w.top, width, height, false, opts, 0, "") }
	if st.LogoAlt == "" {
		// Decorative, as the HTML's image with an empty alt.
		w.artifact("Layout", "", draw)
	} else {
		w.figure(st.LogoAlt, draw)
	}
	return width, height, true
}
