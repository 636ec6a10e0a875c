package html

import (
	"encoding/base64"

	"github.com/boardpaper/boardpaper/internal/model"
)

// header writes the cover sheet: the NOT FOR PUBLICATION banner when it
// applies, the logo, Report of / Report to / Date / Subject (the subject is
// the page's one h1), the four Yes/No questions and the author block.
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
	p.s("<dl class=\"cover-meta\">\n")
	p.coverItem("Report of", c.ReportOf)
	p.coverItem("Report to", firstNonEmpty(c.ReportTo, d.Meta.Committee))
	p.coverItem("Date", c.DateText)
	p.s("<dt>Subject</dt>\n<dd><h1>")
	p.text(firstNonEmpty(c.Subject, d.Meta.Title))
	p.s("</h1></dd>\n</dl>\n")
	if len(c.Rows) > 0 {
		p.coverQuestions(c.Rows)
	}
	if c.AuthorName != "" || c.AuthorTel != "" {
		p.s("<p class=\"cover-author\">")
		if c.AuthorName != "" {
			p.s("Report author: ")
			p.text(c.AuthorName)
		}
		if c.AuthorTel != "" {
			if c.AuthorName != "" {
				p.s("<br/>")
			}
			p.s("Tel: ")
			p.text(c.AuthorTel)
		}
		p.s("</p>\n")
	}
	p.s("</header>\n")
}

func (p *page) coverItem(term, value string) {
	if value == "" {
		return
	}
	p.s("<dt>", term, "</dt>\n<dd>")
	p.text(value)
	p.s("</dd>\n")
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
// read the question and then the one word that answers it; details under a
// Yes follow in rows of their own.
func (p *page) coverQuestions(rows []model.CoverRow) {
	p.s("<table class=\"cover-questions\">\n<tbody>\n")
	for _, r := range rows {
		yes, no, answer := "☐", "☒", "No"
		if r.Yes {
			yes, no, answer = "☒", "☐", "Yes"
		}
		p.s("<tr><th scope=\"row\">")
		p.text(r.Question)
		p.s("</th><td class=\"answer\"><span aria-hidden=\"true\">", yes, " Yes ", no, " No</span><span class=\"visually-hidden\">", answer, "</span></td></tr>\n")
		for _, line := range r.Details {
			p.s("<tr class=\"cover-detail\"><td colspan=\"2\">")
			p.text(line)
			p.s("</td></tr>\n")
		}
	}
	p.s("</tbody>\n</table>\n")
}
