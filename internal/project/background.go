package project

import (
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
)

// AddBackgroundPapers puts the paper's background_papers in a section of
// their own, titled as the layout says: after the last section, or before
// the first appendix, where the papers a report rests on are listed. Each
// is a list item, its title linked when the paper gives a link. A paper
// that lists them in the front matter and also has a section of that
// title is refused: they belong in one place.
func (p *Paper) AddBackgroundPapers(d *model.Document, l *Layout) error {
	if len(p.BackgroundPapers) == 0 {
		return nil
	}
	for _, s := range d.Body {
		if strings.EqualFold(strings.TrimSpace(model.PlainText(s.Title)), l.BackgroundHeading) {
			return diag.At(p.Keys["background_papers"], "background_papers is given and the paper has a section %q too: list the papers in one place", l.BackgroundHeading)
		}
	}
	list := &model.List{}
	for _, bp := range p.BackgroundPapers {
		var in model.Inline = model.Text(bp.Title)
		if bp.Link != "" {
			in = &model.Link{URL: bp.Link, Inlines: []model.Inline{model.Text(bp.Title)}}
		}
		list.Items = append(list.Items, []model.Block{&model.Para{Inlines: []model.Inline{in}}})
	}
	sec := &model.Section{Kind: model.Numbered, Level: 1, Title: []model.Inline{model.Text(l.BackgroundHeading)}, Blocks: []model.Block{list}}
	at := len(d.Body)
	for i, s := range d.Body {
		if s.Attr.HasClass("appendix") {
			at = i
			break
		}
	}
	d.Body = append(d.Body[:at], append([]*model.Section{sec}, d.Body[at:]...)...)
	return nil
}
