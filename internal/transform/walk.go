// Package transform holds the passes that turn the reader's structure into
// a finished document: numbering, exhibit labels, labels and
// cross-references, footnote numbers, and the redaction of exempt material.
// Each pass is model to model and decides something exactly once, so every
// writer shows the same numbers.
package transform

import "github.com/boardpaper/boardpaper/internal/model"

// eachBlock calls fn for every block in reading order.
func eachBlock(d *model.Document, fn func(model.Block)) { d.EachBlock(fn) }

// eachInlineList calls fn with every list of inlines in the document (so fn
// may replace elements in place), in reading order.
func eachInlineList(d *model.Document, fn func([]model.Inline)) {
	var inl func([]model.Inline)
	inl = func(in []model.Inline) {
		fn(in)
		for _, x := range in {
			switch x := x.(type) {
			case *model.Emph:
				inl(x.Inlines)
			case *model.Strong:
				inl(x.Inlines)
			case *model.Link:
				inl(x.Inlines)
			}
		}
	}
	table := func(t *model.Table) {
		inl(t.Caption)
		for _, r := range t.Head {
			for _, c := range r {
				inl(c.Inlines)
			}
		}
		for _, r := range t.Rows {
			for _, c := range r {
				inl(c.Inlines)
			}
		}
	}
	for _, s := range d.Sections() {
		inl(s.Title)
		eachBlockIn(s.Blocks, func(b model.Block) {
			switch b := b.(type) {
			case *model.Para:
				inl(b.Inlines)
			case *model.CrossHeading:
				inl(b.Inlines)
			case *model.Table:
				table(b)
			case *model.Chart:
				inl(b.Caption)
			}
		})
	}
	for _, n := range d.Footnotes {
		eachBlockIn(n.Blocks, func(b model.Block) {
			if p, ok := b.(*model.Para); ok {
				inl(p.Inlines)
			}
		})
	}
}

func eachBlockIn(bs []model.Block, fn func(model.Block)) {
	for _, b := range bs {
		fn(b)
		switch b := b.(type) {
		case *model.List:
			for _, it := range b.Items {
				eachBlockIn(it, fn)
			}
		case *model.Quote:
			eachBlockIn(b.Blocks, fn)
		}
	}
}
