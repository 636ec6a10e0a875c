package html

import (
	"github.com/boardpaper/boardpaper/internal/model"
)

func (p *page) inlines(in []model.Inline) error {
	for _, x := range in {
		switch x := x.(type) {
		case model.Text:
			p.text(string(x))
		case model.Code:
			p.s("<code>")
			p.text(string(x))
			p.s("</code>")
		case *model.Emph:
			p.s("<em>")
			if err := p.inlines(x.Inlines); err != nil {
				return err
			}
			p.s("</em>")
		case *model.Strong:
			p.s("<strong>")
			if err := p.inlines(x.Inlines); err != nil {
				return err
			}
			p.s("</strong>")
		case *model.Link:
			if err := p.link(x); err != nil {
				return err
			}
		case *model.Ref:
			if x.Target == "" {
				p.text(x.Text)
				continue
			}
			p.s("<a class=\"xref\" href=\"#", escapeAttr(x.Target), "\">")
			p.text(x.Text)
			p.s("</a>")
		case *model.NoteRef:
			p.noteRef(x)
		case model.LineBreak:
			p.s("<br/>")
		}
	}
	return nil
}

// link writes a hyperlink, or only its text when the address is not one a
// paper may link to (see safeHref).
func (p *page) link(l *model.Link) error {
	href, ok := safeHref(l.URL)
	if !ok {
		return p.inlines(l.Inlines)
	}
	p.s("<a href=\"", escapeAttr(href), "\"")
	if l.Title != "" {
		p.s(" title=\"", escapeAttr(l.Title), "\"")
	}
	p.s(">")
	if len(l.Inlines) == 0 {
		p.text(l.URL)
	} else if err := p.inlines(l.Inlines); err != nil {
		return err
	}
	p.s("</a>")
	return nil
}
