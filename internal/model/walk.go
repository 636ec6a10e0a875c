package model

// Node is an element of a document as Walk visits it: *Document, *Section,
// *Note, a Block, an Inline, or a table's *Cell.
type Node interface{}

// WalkStatus tells Walk how to go on from a node it has just entered.
type WalkStatus int

const (
	// WalkContinue goes on into the node's children.
	WalkContinue WalkStatus = iota
	// WalkSkipChildren leaves the node's children out; the node is still
	// left (visited with entering false).
	WalkSkipChildren
	// WalkStop visits nothing more.
	WalkStop
)

// Visitor is called by Walk on entering a node and again on leaving it.
type Visitor func(n Node, entering bool) WalkStatus

// Walk visits n and everything in it in reading order, depth first, in the
// manner of goldmark's ast.Walk: visit(x, true) on entering each node x,
// then x's children, then visit(x, false) on leaving x. A node's children
// are:
//
//   - a document's: the front part's sections, the body's, then the
//     footnotes;
//   - a section's: its title's inlines, its blocks, then its subsections;
//   - a paragraph's or cross-heading's: its inlines; a list's: the blocks
//     of its items in turn; a quotation's: its blocks; an exempt part's:
//     its heading, then its blocks;
//   - a table's: its caption's inlines, then the cells of its head rows
//     and of its body rows, row by row; a chart's: its caption's inlines,
//     then its table of figures;
//   - a cell's: its inlines; a footnote's: its blocks; emphasis's, strong
//     text's and a link's: their inlines.
//
// Everything else is a leaf. A footnote reference is one too: the note is
// visited once, among the document's footnotes. What visit returns on
// leaving a node matters only when it is WalkStop.
func Walk(n Node, visit Visitor) {
	walk(n, visit)
}

// walk visits n and reports whether the walk was stopped.
func walk(n Node, visit Visitor) bool {
	switch visit(n, true) {
	case WalkStop:
		return true
	case WalkContinue:
		if children(n, visit) {
			return true
		}
	}
	return visit(n, false) == WalkStop
}

// children walks n's children in order and reports whether the walk was
// stopped.
func children(n Node, visit Visitor) bool {
	switch n := n.(type) {
	case *Document:
		return each(n.Front, visit) || each(n.Body, visit) || each(n.Footnotes, visit)
	case *Section:
		return each(n.Title, visit) || each(n.Blocks, visit) || each(n.Subsections, visit)
	case *Para:
		return each(n.Inlines, visit)
	case *CrossHeading:
		return each(n.Inlines, visit)
	case *List:
		for _, it := range n.Items {
			if each(it, visit) {
				return true
			}
		}
	case *Quote:
		return each(n.Blocks, visit)
	case *ExemptPart:
		return walk(n.Heading, visit) || each(n.Blocks, visit)
	case *Table:
		if each(n.Caption, visit) {
			return true
		}
		for _, rows := range [][][]Cell{n.Head, n.Rows} {
			for _, row := range rows {
				for i := range row {
					if walk(&row[i], visit) {
						return true
					}
				}
			}
		}
	case *Chart:
		return each(n.Caption, visit) || (n.Table != nil && walk(n.Table, visit))
	case *Image:
		return each(n.Caption, visit)
	case *Cell:
		return each(n.Inlines, visit)
	case *Note:
		return each(n.Blocks, visit)
	case *Emph:
		return each(n.Inlines, visit)
	case *Strong:
		return each(n.Inlines, visit)
	case *Link:
		return each(n.Inlines, visit)
	}
	return false
}

func each[T Node](xs []T, visit Visitor) bool {
	for _, x := range xs {
		if walk(x, visit) {
			return true
		}
	}
	return false
}

// AttrOf returns the attributes of a node that has them (a section, and
// every block but a rule, an exempt part and an exempt notice), nil for
// one that has none.
func AttrOf(n Node) *Attr {
	if a, ok := n.(attributed); ok {
		return a.attributes()
	}
	return nil
}

// attributed is a node that carries attributes.
type attributed interface{ attributes() *Attr }

func (s *Section) attributes() *Attr      { return &s.Attr }
func (p *Para) attributes() *Attr         { return &p.Attr }
func (c *CrossHeading) attributes() *Attr { return &c.Attr }
func (l *List) attributes() *Attr         { return &l.Attr }
func (q *Quote) attributes() *Attr        { return &q.Attr }
func (c *CodeBlock) attributes() *Attr    { return &c.Attr }

// A table's and a chart's are their exhibit's.
func (e *Exhibit) attributes() *Attr { return &e.Attr }
