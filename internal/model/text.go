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
// descending into lists, quotes and subsections, then the footnotes.
func (d *Document) EachBlock(fn func(Block)) {
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, b := range bs {
			fn(b)
			switch b := b.(type) {
			case *List:
				for _, it := range b.Items {
					blocks(it)
				}
			case *Quote:
				blocks(b.Blocks)
			}
		}
	}
	for _, s := range d.Sections() {
		blocks(s.Blocks)
	}
	for _, n := range d.Footnotes {
		blocks(n.Blocks)
	}
}
