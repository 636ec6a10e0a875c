package pdf

import (
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// Tagging: every PDF is tagged (PDF/UA-1). The writer keeps a stack of open
// structure elements; text drawn through drawFrags belongs to the element
// on top (a marked-content sequence per line), and anything drawn while no
// element is open, or inside w.artifact, is an artifact. To tag a new kind
// of block: open an element before drawing it and close it after
// (w.open, w.close), and draw its rules and shading through w.artifact.
//
// The tree mirrors the HTML page: Document; the cover (P, its subject an
// H1, the Yes/No questions a Table whose rows are TH and one TD reading
// "Yes" or "No"); a Sect per section and subsection with its H2 or H3;
// numbered paragraphs as P with their number as a Lbl; lists as L, LI, Lbl
// and LBody; tables as Table, THead, TBody, TR, TH (Scope Column for header
// rows, Row for row headers), TD and Caption; charts as a Div of a Figure
// (its title and description in words as /Alt) and its Caption; footnotes
// as Note with an ID, after the block that cites them; links as Link with
// their annotations. Page furniture, rules, table borders and shading, and
// header rows repeated on a later page are artifacts.
type tagState struct {
	stack []int // open elements, innermost last
	// artifact counts the artifact sequences open: what is drawn inside
	// one is never marked as content.
	artifact int
	// label, when set, is the Lbl that owns the first n fragments of the
	// next line drawn (a paragraph's number); marker, the Lbl of the list
	// item whose marker waits to be drawn.
	label  int
	labelN int
	marker int
	// labelOf is the element whose next line label's fragments start.
	labelOf int
	// Footnotes cited since the enclosing block opened, placed after it
	// when it closes; each note's element.
	notes    []*model.Note
	noteElem map[*model.Note]int
	// The Link element of each fragment of the line drawFrags drew last,
	// and each link's text, for linkRects.
	frags     []textset.Frag
	fragLinks []int
	linkText  map[int]string
	// level is the heading level of the section being written (1 for
	// the front part and sections, as the HTML's h2).
	level int
}

// open makes an element of type typ in the open one, or at the root, and
// makes it the open one.
func (w *writer) open(typ string, a fpdf.TagAttrs) int {
	id := w.newTag(w.openTag(), typ, a)
	w.tag.stack = append(w.tag.stack, id)
	return id
}

// openTag is the innermost open element, or fpdf.TagRoot.
func (w *writer) openTag() int {
	if n := len(w.tag.stack); n > 0 {
		return w.tag.stack[n-1]
	}
	return fpdf.TagRoot
}

// close closes the innermost element. A block closed in a section, list
// item, quote or the document is followed there by the footnotes it cited.
func (w *writer) close() {
	n := len(w.tag.stack)
	if n == 0 {
		return
	}
	w.tag.stack = w.tag.stack[:n-1]
	if n == 1 || w.groups() {
		w.placeNotes()
	}
}

// groups reports whether the open element holds blocks (so footnotes may
// follow a block in it).
func (w *writer) groups() bool {
	switch w.tagType[w.openTag()] {
	case "Document", "Part", "Sect", "LBody", "BlockQuote", "Div", "TD", "TH":
		return true
	}
	return false
}

// placeNotes places the footnotes cited since the last were placed in the
// open element.
func (w *writer) placeNotes() {
	for _, n := range w.tag.notes {
		w.pdf.AppendTag(w.openTag(), w.tag.noteElem[n])
	}
	w.tag.notes = w.tag.notes[:0]
}

// labelNext makes the first n fragments of the next line drawn for
// element el its label (a Lbl): a paragraph's or a heading's number.
func (w *writer) labelNext(el, n int) {
	w.tag.label, w.tag.labelN, w.tag.labelOf = w.newTag(el, "Lbl", fpdf.TagAttrs{}), n, el
}

// inTag draws what draw draws as content of element id (when id >= 0),
// whatever element is open.
func (w *writer) inTag(id int, draw func()) {
	if id < 0 || w.tag.artifact > 0 {
		draw()
		return
	}
	w.tag.stack = append(w.tag.stack, id)
	draw()
	w.tag.stack = w.tag.stack[:len(w.tag.stack)-1]
}

// newTag makes an element under parent, and remembers its type.
func (w *writer) newTag(parent int, typ string, a fpdf.TagAttrs) int {
	id := w.pdf.NewTag(parent, typ, a)
	for len(w.tagType) <= id {
		w.tagType = append(w.tagType, "")
	}
	w.tagType[id] = typ
	return id
}

// noteTag is a footnote's element, made (detached) when it is first needed.
func (w *writer) noteTag(n *model.Note) int {
	if n == nil {
		return -1
	}
	if id, ok := w.tag.noteElem[n]; ok {
		return id
	}
	id := w.newTag(fpdf.TagDetached, "Note", fpdf.TagAttrs{ID: "note-" + itoa(n.Number)})
	w.tag.noteElem[n] = id
	w.tag.notes = append(w.tag.notes, n)
	return id
}

// artifact draws what draw draws as an artifact: "Layout" for rules and
// shading, "Pagination" (with a subtype: Header, Footer, Watermark) for
// page furniture.
func (w *writer) artifact(typ, subtype string, draw func()) {
	w.pdf.BeginArtifact(typ, subtype)
	w.tag.artifact++
	draw()
	w.tag.artifact--
	w.pdf.EndMarked()
}

// contentTag is the element fragments drawn now belong to: -1 inside an
// artifact or when no element is open (then drawFrags draws an artifact).
func (w *writer) contentTag() int {
	if w.tag.artifact > 0 || len(w.tag.stack) == 0 {
		return -1
	}
	return w.openTag()
}

// drawTagged draws a line's fragments as marked content: each run of
// fragments owned by one element (the open one; a Lbl for a label; a Link
// for a link's words) in a sequence of its own.
func (w *writer) drawTagged(frags []textset.Frag, baseline float64, owner int) {
	w.tag.fragLinks = w.tag.fragLinks[:0]
	w.tag.frags = frags
	label, labelN := -1, 0
	if w.tag.label >= 0 && w.tag.labelOf == owner {
		label, labelN = w.tag.label, w.tag.labelN
		w.tag.label, w.tag.labelN = -1, 0
	}
	cur := -1
	var links map[textset.Link]int
	for i, f := range frags {
		el := owner
		switch {
		case i < labelN && label >= 0:
			el = label
		case f.Link != nil && (f.Link.URL != "" || f.Link.Dest != 0):
			if links == nil {
				links = map[textset.Link]int{}
			}
			id, ok := links[*f.Link]
			if !ok {
				id = w.newTag(owner, "Link", fpdf.TagAttrs{})
				links[*f.Link] = id
			}
			el = id
			if w.tag.linkText == nil {
				w.tag.linkText = map[int]string{}
			}
			w.tag.linkText[id] += f.Text
		}
		w.tag.fragLinks = append(w.tag.fragLinks, -1)
		if f.Link != nil && el != owner && el != label {
			w.tag.fragLinks[i] = el
		}
		if el != cur {
			if cur >= 0 {
				w.pdf.EndMarked()
			}
			w.pdf.BeginMarked(el)
			cur = el
		}
		w.drawFrag(f, baseline)
	}
	if cur >= 0 {
		w.pdf.EndMarked()
	}
}

// tagLink ties the link annotation just made for fragment i of the line
// last drawn to its Link element.
func (w *writer) tagLink(i int) (elem int, contents string) {
	if i >= len(w.tag.fragLinks) || w.tag.fragLinks[i] < 0 {
		return -1, ""
	}
	elem = w.tag.fragLinks[i]
	contents = strings.TrimSpace(w.tag.linkText[elem])
	if f := w.tag.frags[i]; f.Link != nil && f.Link.Dest != 0 {
		for n, d := range w.links.Notes {
			if d == f.Link.Dest {
				contents = "Footnote " + itoa(n.Number)
			}
		}
	}
	w.pdf.TagLink(elem, contents)
	return elem, contents
}

// heading is the structure type of a heading at HTML level h (1 to 6).
func heading(h int) string {
	return "H" + itoa(min(max(h, 1), 6))
}

// figure draws what draw draws as a Figure described by alt.
func (w *writer) figure(alt string, draw func()) {
	id := w.open("Figure", fpdf.TagAttrs{Alt: alt})
	w.pdf.BeginMarked(id)
	draw()
	w.pdf.EndMarked()
	w.close()
}

// rowTag is a table row's elements: its TR and each column's cell, made
// when the row is first drawn.
type rowTag struct {
	index int // among the body rows
	tr    int
	cells []int
}

// rowTags returns the elements of row's cells (none inside an artifact: a
// repeated header row), making the row's TR, in the table's THead or
// TBody, the first time. A header row's cells are TH with Scope Column, a
// row header TH with Scope Row; the cover's two answer boxes are one TD
// whose ActualText is the answer. A cell spanning columns or rows says so
// in its attributes (fpdf.TagAttrs ColSpan, RowSpan); a group of body rows
// under a heading row is a TBody of its own.
func (w *writer) rowTags(tl *tableLayout, row tableRow) []int {
	t := row.tag
	if t == nil || w.tag.artifact > 0 {
		return nil
	}
	if t.tr >= 0 {
		return t.cells
	}
	group := &tl.tagBody
	typ := "TBody"
	if row.head && len(tl.head) > 0 {
		group, typ = &tl.tagHead, "THead"
	}
	if *group < 0 {
		*group = w.newTag(tl.tagTable, typ, fpdf.TagAttrs{})
	}
	t.tr = w.newTag(*group, "TR", fpdf.TagAttrs{})
	t.cells = make([]int, len(row.cells))
	for i := range row.cells {
		span := row.span(i)
		switch {
		case span == 0 && i > 0:
			t.cells[i] = t.cells[i-1] // covered by the cell before it
		case row.head:
			t.cells[i] = w.newTag(t.tr, "TH", fpdf.TagAttrs{Scope: "Column", ColSpan: span})
		case i == 0 && tl.rowHeads:
			t.cells[i] = w.newTag(t.tr, "TH", fpdf.TagAttrs{Scope: "Row", ColSpan: span})
		case row.kind == model.RowGroup && i == 0:
			// A group row heads the rows under it.
			t.cells[i] = w.newTag(t.tr, "TH", fpdf.TagAttrs{Scope: "Row", ColSpan: span})
		case tl.answers != nil && i == 2 && t.index < len(tl.answers):
			t.cells[i] = t.cells[1]
		case tl.answers != nil && i == 1 && t.index < len(tl.answers):
			t.cells[i] = w.newTag(t.tr, "TD", fpdf.TagAttrs{ActualText: tl.answers[t.index]})
		case i == 1 && tl.titleRow == t.index+1 && !row.head:
			td := w.newTag(t.tr, "TD", fpdf.TagAttrs{ColSpan: span})
			t.cells[i] = w.newTag(td, "H1", fpdf.TagAttrs{})
		default:
			t.cells[i] = w.newTag(t.tr, "TD", fpdf.TagAttrs{ColSpan: span})
		}
	}
	return t.cells
}
