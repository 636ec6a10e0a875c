package html

import (
	"encoding/base64"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

// header writes the cover sheet: the NOT FOR PUBLICATION banner when it
// applies, the logo, the council's name and the agenda item, then the
// cover's rows in the layout's order. In the
// lines style a run of fields is a list of terms and values, a run of
// questions a table of Yes/No boxes and a block a paragraph; in the table
// style every row is a row of one table. The subject is the page's one h1.
func (p *page) header() {
	d := p.doc
	c := d.Cover
	p.s("<header class=\"cover\">\n")
	if d.NotForPublication() {
		p.s("<div class=\"nfp-banner\" role=\"note\"><strong>NOT FOR PUBLICATION</strong>")
		if d.ExemptNotice != "" {
			p.s(" <span class=\"nfp-rule\">")
			p.text(d.ExemptNotice)
			p.s("</span>")
		}
		p.s("</div>\n")
	}
	p.logo()
	if c.Council != "" || c.Item != "" {
		p.s("<div class=\"cover-masthead\">\n")
		for _, line := range [][2]string{{"cover-council", c.Council}, {"cover-item", c.Item}} {
			if line[1] != "" {
				p.s("<p class=\"", line[0], "\">")
				p.text(line[1])
				p.s("</p>\n")
			}
		}
		p.s("</div>\n")
	}
	titled := false
	for _, r := range c.Rows {
		titled = titled || r.Title
	}
	if !titled {
		p.s("<h1>")
		p.text(d.Meta.Title)
		p.s("</h1>\n")
	}
	if c.Table {
		p.coverTable(c.Rows)
	} else {
		for rows := c.Rows; len(rows) > 0; {
			n := run(rows)
			switch rows[0].Kind {
			case model.CoverField:
				p.coverFields(rows[:n])
			case model.CoverQuestion:
				p.coverQuestions(rows[:n])
			default:
				p.coverBlock(rows[0])
			}
			rows = rows[n:]
		}
	}
	p.s("</header>\n")
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

// coverFields writes fields as terms and values; a term is the label
// without the colon the lines style may print after it.
func (p *page) coverFields(rows []model.CoverRow) {
	p.s("<dl class=\"cover-meta\">\n")
	for _, r := range rows {
		p.label("<dt>", r, "</dt>\n<dd>")
		p.fieldValue(r)
		p.s("</dd>\n")
	}
	p.s("</dl>\n")
}

// label writes a row's label between open and close, without the colon
// the lines style may print after it.
func (p *page) label(open string, r model.CoverRow, close string) {
	p.s(open)
	p.text(strings.TrimSuffix(r.Label, ":"))
	p.s(close)
}

// fieldValue writes a field's value, as the page's h1 when it is the
// subject.
func (p *page) fieldValue(r model.CoverRow) {
	if r.Title {
		p.s("<h1>")
		p.text(r.Value())
		p.s("</h1>")
		return
	}
	p.text(r.Value())
}

// coverBlock writes a block as a paragraph: its label, if it has one, then
// its lines.
func (p *page) coverBlock(r model.CoverRow) {
	p.s("<p class=\"cover-author\">")
	for i, line := range r.Lines {
		if i == 0 && r.Label != "" {
			p.text(strings.TrimSuffix(r.Label, ":") + ": ")
		} else if i > 0 {
			p.s("<br/>")
		}
		p.text(line)
	}
	p.s("</p>\n")
}

// coverTable writes the table style: each row's label as its header, its
// value, answer or lines beside it.
func (p *page) coverTable(rows []model.CoverRow) {
	p.s("<table class=\"cover-table\">\n<tbody>\n")
	for _, r := range rows {
		p.label("<tr><th scope=\"row\">", r, "</th><td>")
		lines := r.Lines
		switch r.Kind {
		case model.CoverField:
			p.fieldValue(r)
			lines = nil
		case model.CoverQuestion:
			p.text(r.Answer)
			lines = r.Details
		}
		for i, line := range lines {
			if i > 0 || r.Kind == model.CoverQuestion {
				p.s("<br/>")
			}
			p.text(line)
		}
		p.s("</td></tr>\n")
	}
	p.s("</tbody>\n</table>\n")
}

func (p *page) logo() {
	st := p.doc.Style
	if len(st.Logo) == 0 {
		return
	}
	mime := "image/png"
	if st.LogoType == "jpg" || st.LogoType == "jpeg" {
		mime = "image/jpeg"
	}
	p.s("<img class=\"logo\" src=\"data:", mime, ";base64,", base64.StdEncoding.EncodeToString(st.Logo), "\" alt=\"", escapeAttr(st.LogoAlt), "\"/>\n")
}

// coverQuestions writes the Yes/No rows. The boxes are shown as the paper
// shows them ("☐ Yes ☒ No") but hidden from screen readers, which instead
// read the question and then the one word that answers it; its details (the
// wards, the rule, a note) follow in rows of their own.
func (p *page) coverQuestions(rows []model.CoverRow) {
	p.s("<table class=\"cover-questions\">\n<tbody>\n")
	for _, r := range rows {
		yes, no, answer := "☐", "☒", "No"
		if r.Yes {
			yes, no, answer = "☒", "☐", "Yes"
		}
		p.s("<tr><th scope=\"row\">")
		p.text(r.Label)
		p.s("</th><td class=\"answer\"><span aria-hidden=\"true\">", yes, " Yes ", no, " No</span><span class=\"visually-hidden\">", answer, "</span></td></tr>\n")
		for _, line := range r.Details {
			p.s("<tr class=\"cover-detail\"><td colspan=\"2\">")
			p.text(line)
			p.s("</td></tr>\n")
		}
	}
	p.s("</tbody>\n</table>\n")
}
