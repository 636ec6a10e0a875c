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

// cover writes the cover sheet: Report of / Report to / Date / Subject in
// bold, the logo top right, the four Yes/No questions as a bordered table
// and the report author.
func (w *writer) cover(doc *model.Document) {
	c := doc.Cover
	width := w.right - w.left
	logoBottom := w.top
	if lw, lh, ok := w.logo(doc.Style); ok {
		width -= lw + logoGap
		logoBottom = w.top + lh
	}
	ts := textset.Style{Font: textset.Bold, Size: w.base + 1}
	box := textset.Box{X: w.left, Width: width}
	heading := func(label, value string, gap float64, typ string) {
		if value == "" {
			return
		}
		w.space(gap)
		w.open(typ, fpdf.TagAttrs{})
		w.flow(w.layoutText([]model.Inline{model.Text(label + value)}, ts, box))
		w.close()
	}
	heading("Report of ", c.ReportOf, 0, "P")
	heading("Report to ", c.ReportTo, 3, "P")
	heading("Date: ", c.DateText, 3, "P")
	// The subject is the paper's one H1, as on its HTML page.
	heading("Subject: ", c.Subject, 3, "H1")
	w.y = max(w.y, logoBottom)

	if len(c.Rows) > 0 {
		w.space(6)
		tl := w.layoutTable(coverTable(c.Rows), column{x: w.left, width: w.right - w.left},
			tableStyle{size: w.base, fullWidth: false})
		// Each question is a row header; its two boxes ("☐ Yes", "☒ No")
		// are one cell read as the answer, as the HTML's.
		tl.rowHeads = true
		for _, r := range c.Rows {
			if r.Yes {
				tl.answers = append(tl.answers, "Yes")
			} else {
				tl.answers = append(tl.answers, "No")
			}
		}
		w.placeTable(tl)
	}
	if c.AuthorName != "" || c.AuthorTel != "" {
		var in []model.Inline
		if c.AuthorName != "" {
			in = append(in, model.Text("Report author: "+c.AuthorName))
		}
		if c.AuthorTel != "" {
			if len(in) > 0 {
				in = append(in, model.LineBreak{})
			}
			in = append(in, model.Text("Tel: "+c.AuthorTel))
		}
		w.space(4)
		w.open("P", fpdf.TagAttrs{})
		w.flow(w.layoutText(in, textset.Style{Size: w.base}, textset.Box{X: w.left, Width: w.right - w.left}))
		w.close()
	}
}

// coverTable is the Yes/No questions as a three-column table: the question
// (with its details under it when the answer is Yes), then "☐ Yes" and
// "☒ No", the chosen answer crossed.
func coverTable(rows []model.CoverRow) *model.Table {
	t := &model.Table{}
	box := func(on bool) string {
		if on {
			return "☒"
		}
		return "☐"
	}
	for _, r := range rows {
		q := []model.Inline{model.Text(r.Question)}
		if r.Yes {
			for _, d := range r.Details {
				q = append(q, model.LineBreak{}, model.Text(d))
			}
		}
		t.Rows = append(t.Rows, []model.Cell{
			{Inlines: q},
			{Inlines: []model.Inline{model.Text(box(r.Yes) + "\u00a0Yes")}},
			{Inlines: []model.Inline{model.Text(box(!r.Yes) + "\u00a0No")}},
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
