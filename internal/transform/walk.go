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
	inl := func(in []model.Inline) {
		fn(in)
		model.EachInline(in, func(x model.Inline) {
			switch x := x.(type) {
			case *model.Emph:
				fn(x.Inlines)
			case *model.Strong:
				fn(x.Inlines)
			case *model.Link:
				fn(x.Inlines)
			}
		})
	}
	for _, s := range d.Sections() {
		inl(s.Title)
		eachBlockIn(s.Blocks, func(b model.Block) {
			for _, in := range model.InlineLists(b) {
				inl(in)
			}
		})
	}
	for _, n := range d.Footnotes {
		eachBlockIn(n.Blocks, func(b model.Block) {
			for _, in := range model.InlineLists(b) {
				inl(in)
			}
		})
	}
}

func eachBlockIn(bs []model.Block, fn func(model.Block)) { model.WalkBlocks(bs, fn) }
