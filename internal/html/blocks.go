package html

import (
	"github.com/boardpaper/boardpaper/internal/model"
)

// section writes s with its heading at level h (2 for the front part and
// sections, 3 for subsections). Its blocks and subsections sit in a text
// column; paragraph and section numbers hang in the gutter to its left.
func (p *page) section(s *model.Section, h int) error {
	id := s.Attr.ID
	headingID := model.TitleID(id)
	class := "sec"
	switch s.Kind {
	case model.FrontSummary:
		class += " front front-summary"
	case model.FrontRecommendations:
		class += " front front-recommendations"
	case model.Appendix:
		class += " appendix"
	}
	if s.Exempt {
		class += " exempt"
	}
	p.s("<section class=\"", class, "\" id=\"", escapeAttr(id), "\" aria-labelledby=\"", escapeAttr(headingID), "\">\n")
	hn := itoa(h)
	p.s("<h", hn, " id=\"", escapeAttr(headingID), "\"")
	switch {
	case s.Kind == model.Appendix:
		// "Appendix 1: Staffing" is too long to hang in the gutter: it
		// leads the heading's text.
		p.s(">")
		p.text(s.Number + ": ")
		p.where = s.Number
	case s.Number != "":
		p.s(" class=\"numbered\"><span class=\"secnum\">")
		p.text(s.Number)
		p.s("</span> ")
		// A footnote marked in the heading links back to "section 3.0".
		p.where = "section " + s.Number
	default:
		p.s(">")
	}
	err := p.inlines(p.sectionTitle(s))
	p.where = ""
	if err != nil {
		return err
	}
	p.s("</h", hn, ">\n")
	if s.Exempt && !s.WithinExempt && p.doc.NotForPublication() {
		p.s(exemptMark)
	}
	if err := p.blocks(s.Blocks, h+1); err != nil {
		return err
	}
	for _, sub := range s.Subsections {
		if err := p.section(sub, h+1); err != nil {
			return err
		}
	}
	p.s("</section>\n")
	return nil
}

// exemptMark marks, in a full version, where exempt material begins.
const exemptMark = "<p class=\"exempt-mark\" role=\"note\"><strong>NOT FOR PUBLICATION</strong></p>\n"

// sectionTitle is the heading text: the layout's title for the front part
// ("Executive Summary") replaces the summary's own heading when set.
func (p *page) sectionTitle(s *model.Section) []model.Inline {
	if s.Kind == model.FrontSummary && p.doc.Style.FrontTitle != "" {
		return []model.Inline{model.Text(p.doc.Style.FrontTitle)}
	}
	return s.Title
}

// blocks writes a run of blocks; h is the level a cross-heading among them
// takes, or 0 where headings would break the outline (inside footnotes).
func (p *page) blocks(bs []model.Block, h int) error {
	for _, b := range bs {
		if err := p.block(b, h); err != nil {
			return err
		}
	}
	return nil
}

func (p *page) block(b model.Block, h int) error {
	switch b := b.(type) {
	case *model.Para:
		return p.paragraph(b)
	case *model.CrossHeading:
		return p.crossHeading(b, h)
	case *model.ExemptPart:
		// Only a full version holds an exempt part; the public version
		// has the heading and the notice in its place.
		p.s("<div class=\"exempt\">\n")
		if err := p.crossHeading(b.Heading, h); err != nil {
			return err
		}
		if p.doc.NotForPublication() {
			p.s(exemptMark)
		}
		if err := p.blocks(b.Blocks, h); err != nil {
			return err
		}
		p.s("</div>\n")
	case *model.List:
		return p.list(b, h)
	case *model.Quote:
		p.s("<blockquote", idAttr(b.Attr.ID), ">\n")
		if err := p.blocks(b.Blocks, h); err != nil {
			return err
		}
		p.s("</blockquote>\n")
	case *model.CodeBlock:
		p.s("<pre", idAttr(b.Attr.ID), "><code>")
		p.text(b.Text)
		p.s("</code></pre>\n")
	case *model.Rule:
		p.s("<hr/>\n")
	case *model.ExemptNotice:
		p.s("<p class=\"exempt-notice\" role=\"note\">")
		p.text(b.Text)
		p.s("</p>\n")
	case *model.Table:
		return p.table(b)
	case *model.Chart:
		return p.chart(b)
	case *model.Image:
		return p.image(b)
	}
	return nil
}

// paragraph writes a paragraph; a numbered one carries its number as text
// (so it survives copying and text extraction) and an id for deep links.
func (p *page) paragraph(para *model.Para) error {
	if para.Number == "" {
		p.s("<p", idAttr(para.Attr.ID), ">")
		if err := p.inlines(para.Inlines); err != nil {
			return err
		}
		p.s("</p>\n")
		return nil
	}
	p.s("<p class=\"numbered\"", idAttr(para.Attr.ID), "><span class=\"pnum\">")
	p.text(para.Number)
	p.s("</span> ")
	p.where = "paragraph " + para.Number
	err := p.inlines(para.Inlines)
	p.where = ""
	p.s("</p>\n")
	return err
}

func (p *page) crossHeading(c *model.CrossHeading, h int) error {
	if h == 0 || h > 6 {
		p.s("<p class=\"cross-heading\"", idAttr(c.Attr.ID), "><strong>")
		err := p.inlines(c.Inlines)
		p.s("</strong></p>\n")
		return err
	}
	hn := itoa(h)
	p.s("<h", hn, " class=\"cross-heading\"", idAttr(c.Attr.ID), ">")
	err := p.inlines(c.Inlines)
	p.s("</h", hn, ">\n")
	return err
}

func (p *page) list(l *model.List, h int) error {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	p.s("<", tag, idAttr(l.Attr.ID))
	fancy := l.Ordered && l.Style != ""
	if fancy {
		// The type says how the list counts where the style sheet is not
		// applied; the markers as written, "(a)", are the items' own
		// text, which the style sheet hangs where the browser's would be.
		p.s(" class=\"marked\" type=\"", l.Style, "\"")
	}
	if l.Ordered && l.Start != 0 && l.Start != 1 {
		p.s(" start=\"", itoa(l.Start), "\"")
	}
	p.s(">\n")
	for i, item := range l.Items {
		p.s("<li>")
		if fancy {
			p.s("<span class=\"marker\">")
			p.text(l.Marker(i))
			p.s("</span> ")
		}
		// An item that is one plain paragraph is written without <p>, as a
		// tight list reads in the paper.
		if len(item) == 1 {
			if para, ok := item[0].(*model.Para); ok && para.Number == "" && para.Attr.ID == "" {
				if err := p.inlines(para.Inlines); err != nil {
					return err
				}
				p.s("</li>\n")
				continue
			}
		}
		p.s("\n")
		if err := p.blocks(item, h); err != nil {
			return err
		}
		p.s("</li>\n")
	}
	p.s("</", tag, ">\n")
	return nil
}

func idAttr(id string) string {
	if id == "" {
		return ""
	}
	return " id=\"" + escapeAttr(id) + "\""
}
