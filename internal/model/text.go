package model

import "strings"

// PlainText flattens inlines to their text, as used for bookmarks, titles
// and text alternatives.
func PlainText(in []Inline) string {
	var b strings.Builder
	writePlain(&b, in)
	return b.String()
}

func writePlain(b *strings.Builder, in []Inline) {
	for _, x := range in {
		switch x := x.(type) {
		case Text:
			b.WriteString(string(x))
		case Code:
			b.WriteString(string(x))
		case *Emph:
			writePlain(b, x.Inlines)
		case *Strong:
			writePlain(b, x.Inlines)
		case *Link:
			writePlain(b, x.Inlines)
		case *Ref:
			b.WriteString(x.Text)
		case *NoteRef:
			// Footnote markers are left out of plain text.
		case LineBreak:
			b.WriteByte(' ')
		}
	}
}

// Sections returns every section of the document in reading order, front
// part first, subsections after their parent's own blocks.
func (d *Document) Sections() []*Section {
	var out []*Section
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, s)
			walk(s.Subsections)
		}
	}
	walk(d.Front)
	walk(d.Body)
	return out
}

// NotForPublication reports whether this rendering holds exempt material:
// the full rendering of a paper that is exempt as a whole or has exempt
// sections. Writers mark every page of such a rendering NOT FOR
// PUBLICATION.
func (d *Document) NotForPublication() bool {
	return d.ExemptNotice != "" && !d.Redacted
}

// EachBlock calls fn for every block in reading order, front part first,
// descending into lists, quotes, exempt parts and subsections, then the
// footnotes.
func (d *Document) EachBlock(fn func(Block)) {
	for _, s := range d.Sections() {
		WalkBlocks(s.Blocks, fn)
	}
	for _, n := range d.Footnotes {
		WalkBlocks(n.Blocks, fn)
	}
}

// WalkBlocks calls fn for each block of bs in reading order, each followed
// by the blocks it holds: list items, a quotation's blocks, an exempt
// part's heading and blocks.
func WalkBlocks(bs []Block, fn func(Block)) {
	for _, b := range bs {
		fn(b)
		switch b := b.(type) {
		case *List:
			for _, it := range b.Items {
				WalkBlocks(it, fn)
			}
		case *Quote:
			WalkBlocks(b.Blocks, fn)
		case *ExemptPart:
			fn(b.Heading)
			WalkBlocks(b.Blocks, fn)
		}
	}
}

// InlineLists returns the lists of inlines a block holds itself, not those
// of the blocks inside it: a paragraph's or cross-heading's text, a table's
// caption and cells, a chart's caption and the cells of its table.
func InlineLists(b Block) [][]Inline {
	table := func(t *Table) [][]Inline {
		out := [][]Inline{t.Caption}
		for _, rows := range [][][]Cell{t.Head, t.Rows} {
			for _, row := range rows {
				for _, cell := range row {
					out = append(out, cell.Inlines)
				}
			}
		}
		return out
	}
	switch b := b.(type) {
	case *Para:
		return [][]Inline{b.Inlines}
	case *CrossHeading:
		return [][]Inline{b.Inlines}
	case *Table:
		return table(b)
	case *Chart:
		out := [][]Inline{b.Caption}
		if b.Table != nil {
			out = append(out, table(b.Table)...)
		}
		return out
	}
	return nil
}

// EachInline calls fn for every inline of in, each followed by those
// inside it (emphasis, a link).
func EachInline(in []Inline, fn func(Inline)) {
	for _, x := range in {
		fn(x)
		switch x := x.(type) {
		case *Emph:
			EachInline(x.Inlines, fn)
		case *Strong:
			EachInline(x.Inlines, fn)
		case *Link:
			EachInline(x.Inlines, fn)
		}
	}
}

// BlockAttr returns the attributes of a block that has them (its id is its
// label), nil for one that has none.
func BlockAttr(b Block) *Attr {
	switch b := b.(type) {
	case *Para:
		return &b.Attr
	case *CrossHeading:
		return &b.Attr
	case *List:
		return &b.Attr
	case *Quote:
		return &b.Attr
	case *CodeBlock:
		return &b.Attr
	case *Table:
		return &b.Attr
	case *Chart:
		return &b.Attr
	}
	return nil
}
