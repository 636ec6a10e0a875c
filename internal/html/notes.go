package html

import (
	"github.com/boardpaper/boardpaper/internal/model"
)

// noteRef writes a footnote marker: a superscript number linking to the
// note, with a word for screen readers so that "1" is not read bare.
func (p *page) noteRef(r *model.NoteRef) {
	number := r.Number
	refs := p.noteRefs[number]
	refID := model.NoteRefID(number, len(refs)+1)
	p.noteRefs[number] = append(refs, refID)
	if len(refs) == 0 {
		if p.noteBack == nil {
			p.noteBack = map[int]string{}
		}
		if p.where != "" {
			p.noteBack[number] = p.where
		}
	}
	p.s("<sup class=\"fnref\"><a href=\"#", escapeAttr(r.Note.ID), "\" id=\"", escapeAttr(refID), "\"><span class=\"visually-hidden\">Footnote </span>", itoa(number), "</a></sup>")
}

// footnotes writes the notes at the end of the paper, each with a link back
// to where it was first referred to.
func (p *page) footnotes() error {
	notes := p.doc.Footnotes
	if len(notes) == 0 {
		return nil
	}
	p.s("<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n")
	for _, n := range notes {
		p.s("<li", idAttr(n.ID), "><span class=\"fnnum\">", itoa(n.Number), "</span> ")
		back := ""
		if refs := p.noteRefs[n.Number]; len(refs) > 0 {
			where := p.noteBack[n.Number]
			if where == "" {
				where = "the text"
			}
			back = "<a class=\"fnback\" href=\"#" + escapeAttr(refs[0]) + "\">Back to " + escapeText(where) + "</a>"
		}
		// The back-link ends the note's last paragraph when there is one,
		// as it reads in print; otherwise it follows the note on its own.
		bs := n.Blocks
		var last *model.Para
		if k := len(bs); k > 0 {
			if para, ok := bs[k-1].(*model.Para); ok && para.Number == "" {
				last, bs = para, bs[:k-1]
			}
		}
		if err := p.blocks(bs, 0); err != nil {
			return err
		}
		if last != nil {
			p.s("<p", idAttr(last.Attr.ID), ">")
			if err := p.inlines(last.Inlines); err != nil {
				return err
			}
			if back != "" {
				p.s(" ", back)
			}
			p.s("</p>\n")
		} else if back != "" {
			p.s("<p>", back, "</p>\n")
		}
		p.s("</li>\n")
	}
	p.s("</ol>\n</section>\n")
	return nil
}
