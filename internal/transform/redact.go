package transform

import (
	"fmt"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Redact returns the public version of d, made new from d's public
// material only:
//
//   - an exempt section keeps its heading and number, and its content and
//     subsections become one notice;
//   - an exempt part keeps its cross-heading, and its blocks become the
//     notice;
//   - a section inside exempt material an earlier heading opened is left
//     out, heading and all;
//   - a reference to anything inside exempt material reads as its public
//     wording ("the exempt part of section 9") and points at the heading
//     that opened the material;
//   - footnotes go unless the public text cites them: a note cited only
//     from exempt material may be as sensitive as the material.
//
// Numbers are those of the full version, so both agree. d itself is left
// whole for the full version. An element Redact does not know is an
// error, never copied: a block kind added later cannot slip through.
//
// A paper that is exempt as a whole is never published, so it is not
// redacted here: the build does not write it to the public output at all.
func Redact(d *model.Document, notice string) (*model.Document, error) {
	c := &copier{notice: notice, notes: map[*model.Note]*model.Note{}}
	out := *d
	out.Redacted = true
	out.Front = c.sections(d.Front)
	out.Body = c.sections(d.Body)
	out.Footnotes = nil
	for _, n := range d.Footnotes {
		if cp := c.notes[n]; cp != nil {
			out.Footnotes = append(out.Footnotes, cp)
		}
	}
	if c.err != nil {
		return nil, c.err
	}
	if err := verifyPublic(d, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// copier copies public material, one element kind at a time.
type copier struct {
	notice string
	// notes maps each footnote the public text cites to its public copy.
	notes map[*model.Note]*model.Note
	err   error
}

func (c *copier) fail(what any) {
	if c.err == nil {
		c.err = fmt.Errorf("internal error: the public version cannot be made: %T is not known to the redaction", what)
	}
}

func (c *copier) sections(ss []*model.Section) []*model.Section {
	var out []*model.Section
	for _, s := range ss {
		if s.WithinExempt {
			continue
		}
		cp := *s
		cp.Title = c.inlines(s.Title)
		if s.Exempt {
			cp.Blocks = []model.Block{&model.ExemptNotice{Text: c.notice}}
			cp.Subsections = nil
		} else {
			cp.Blocks = c.blocks(s.Blocks)
			cp.Subsections = c.sections(s.Subsections)
		}
		out = append(out, &cp)
	}
	return out
}

func (c *copier) blocks(bs []model.Block) []model.Block {
	out := make([]model.Block, 0, len(bs))
	for _, b := range bs {
		if p, ok := b.(*model.ExemptPart); ok {
			out = append(out, c.crossHeading(p.Heading), &model.ExemptNotice{Text: c.notice})
		} else if cp := c.block(b); cp != nil {
			out = append(out, cp)
		}
	}
	return out
}

// block copies one block of public material; nil for a kind it does not
// know (and c.err is set).
func (c *copier) block(b model.Block) model.Block {
	switch b := b.(type) {
	case *model.Para:
		return c.para(b)
	case *model.CrossHeading:
		return c.crossHeading(b)
	case *model.List:
		cp := *b
		cp.Items = make([][]model.Block, len(b.Items))
		for i, it := range b.Items {
			cp.Items[i] = c.blocks(it)
		}
		return &cp
	case *model.Quote:
		cp := *b
		cp.Blocks = c.blocks(b.Blocks)
		return &cp
	case *model.Table:
		return c.table(b)
	case *model.Chart:
		cp := *b
		cp.Caption = c.inlines(b.Caption)
		if b.Table != nil {
			cp.Table = c.table(b.Table)
		}
		return &cp
	case *model.Image:
		cp := *b
		cp.Caption = c.inlines(b.Caption)
		return &cp
	case *model.CodeBlock:
		cp := *b
		return &cp
	case *model.Rule:
		return &model.Rule{}
	case *model.ExemptNotice:
		return &model.ExemptNotice{Text: b.Text}
	}
	c.fail(b)
	return nil
}

func (c *copier) para(p *model.Para) *model.Para {
	cp := *p
	cp.Inlines = c.inlines(p.Inlines)
	return &cp
}

func (c *copier) crossHeading(h *model.CrossHeading) *model.CrossHeading {
	cp := *h
	cp.Inlines = c.inlines(h.Inlines)
	return &cp
}

func (c *copier) table(t *model.Table) *model.Table {
	cp := *t
	cp.Caption = c.inlines(t.Caption)
	cp.Head = c.rows(t.Head)
	cp.Rows = c.rows(t.Rows)
	return &cp
}

func (c *copier) rows(rows [][]model.Cell) [][]model.Cell {
	out := make([][]model.Cell, len(rows))
	for i, r := range rows {
		out[i] = make([]model.Cell, len(r))
		for j, cell := range r {
			cell.Inlines = c.inlines(cell.Inlines)
			out[i][j] = cell
		}
	}
	return out
}

func (c *copier) inlines(in []model.Inline) []model.Inline {
	if in == nil {
		return nil
	}
	out := make([]model.Inline, 0, len(in))
	for _, x := range in {
		switch x := x.(type) {
		case model.Text, model.Code, model.LineBreak:
			out = append(out, x)
		case *model.Emph:
			out = append(out, &model.Emph{Inlines: c.inlines(x.Inlines)})
		case *model.Strong:
			out = append(out, &model.Strong{Inlines: c.inlines(x.Inlines)})
		case *model.Link:
			cp := *x
			cp.Inlines = c.inlines(x.Inlines)
			out = append(out, &cp)
		case *model.Ref:
			r := &model.Ref{Label: x.Label, Target: x.Target, Text: x.Text}
			if x.PublicTarget != "" {
				// The label may name the exempt element: it goes too.
				r = &model.Ref{Target: x.PublicTarget, Text: x.PublicText}
			}
			out = append(out, r)
		case *model.NoteRef:
			out = append(out, &model.NoteRef{Number: x.Number, Note: c.note(x.Note)})
		default:
			c.fail(x)
		}
	}
	return out
}

// note returns the public copy of a cited footnote, made on first use. The
// copy is registered before its blocks are copied, so a note that cites
// itself ends.
func (c *copier) note(n *model.Note) *model.Note {
	if cp := c.notes[n]; cp != nil {
		return cp
	}
	cp := &model.Note{Number: n.Number, ID: n.ID}
	c.notes[n] = cp
	cp.Blocks = c.blocks(n.Blocks)
	return cp
}

// verifyPublic checks the public version against the full one by a second
// route: no id of an element inside exempt material, and no reference to
// one, may appear in it. It guards the copy above against a later change
// that forgets a case.
func verifyPublic(full, public *model.Document) error {
	inside := exemptionOf(full)
	// Ids are unique (Labels): an exempt element's is its own.
	secretIDs := map[string]bool{}
	model.Walk(full, func(n model.Node, entering bool) model.WalkStatus {
		if a := model.AttrOf(n); entering && a != nil && a.ID != "" && inside[n] != nil {
			secretIDs[a.ID] = true
		}
		return model.WalkContinue
	})
	var problem error
	model.Walk(public, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			return model.WalkContinue
		}
		what, id := "the element", ""
		if a := model.AttrOf(n); a != nil {
			id = a.ID
			if _, ok := n.(*model.Section); ok {
				what = "the section"
			}
		} else if r, ok := n.(*model.Ref); ok {
			what, id = "a reference to", r.Target
		}
		if secretIDs[id] {
			problem = fmt.Errorf("internal error: the public version holds %s %q from exempt material", what, id)
			return model.WalkStop
		}
		return model.WalkContinue
	})
	return problem
}
