package pdf

import (
	"fmt"
	"io"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// A Book is one PDF made of papers' pages as Write or Lay laid them out,
// placed as they are, and pages it draws itself: an agenda pack
// (internal/pdf/pack). Every page carries its furniture, drawn when the
// page is left: "Page N of M", counting the book's pages, and on a placed
// paper's pages its NOT FOR PUBLICATION marking if it has one.
//
// Lengths are in millimetres from a page's top-left corner; text is drawn
// from textset lines.
type Book struct {
	w    *writer
	last int // the last page, once the book has gone back to an earlier one
}

// BookInfo is a book's document information.
type BookInfo struct {
	Title, Author, Subject, Keywords string
}

// bookFamily is added to the family of each face the text a book draws
// itself is set in ("LiberationSansPack"), so that those are embedded as
// fonts of their own. A book's subsets of the papers' faces then hold
// exactly the characters its papers use, so a meeting of one paper embeds
// the subsets its paper's PDF does, made once for both (fpdf's subset
// cache), rather than the same again with the front sheet's characters
// added.
const bookFamily = "Pack"

// NewBook starts a book, with no page yet.
func NewBook(info BookInfo, opts Options) (*Book, error) {
	if err := textset.Load(); err != nil {
		return nil, fmt.Errorf("pdf: loading fonts: %w", err)
	}
	w := newWriter(opts)
	w.ownFamily = bookFamily
	w.pdf.SetTitle(info.Title, true)
	w.pdf.SetAuthor(info.Author, true)
	w.pdf.SetSubject(info.Subject, true)
	w.pdf.SetKeywords(info.Keywords, true)
	w.pdf.SetLang("en-GB")
	w.base = DefaultSize
	w.open("Document", fpdf.TagAttrs{})
	return &Book{w: w}, nil
}

// The book is tagged (PDF/UA): the text it draws belongs to the element
// open when it is drawn (Open, Close), or to the one In names; what is
// drawn with no element open, rules and Artifact's drawing are artifacts.
// A placed paper's structure becomes a Part of the book's Document.

// Open makes a structure element of type typ ("P", "H1", "TOC") inside
// the open one and opens it; it returns the element.
func (b *Book) Open(typ string) int { return b.w.open(typ, fpdf.TagAttrs{}) }

// Close closes the element Open opened last.
func (b *Book) Close() { b.w.close() }

// Tag makes an element of type typ as the last in parent (an element, or
// -1 for the open one) without opening it: one drawn later, with In.
func (b *Book) Tag(parent int, typ string) int {
	if parent < 0 {
		parent = b.w.openTag()
	}
	return b.w.newTag(parent, typ, fpdf.TagAttrs{})
}

// In draws what draw draws as element id's content.
func (b *Book) In(id int, draw func()) { b.w.inTag(id, draw) }

// Artifact draws what draw draws as page furniture that repeats (a
// continued page's heading).
func (b *Book) Artifact(draw func()) { b.w.artifact("Pagination", "Header", draw) }

// TagLink gives the link Link made last to element id, with its
// description.
func (b *Book) TagLink(id int, contents string) { b.w.pdf.TagLink(id, contents) }

// NewPage leaves the current page and starts the next, returning its
// number (from 1).
func (b *Book) NewPage() int {
	b.w.newPage()
	return b.w.pdf.PageNo()
}

// Y is the height the next lines flowed are placed at.
func (b *Book) Y() float64 { return b.w.y }

// SetY moves to height y on the current page.
func (b *Book) SetY(y float64) { b.w.y = y }

// Flow places lines from the current height down, onto new pages when
// they do not fit, never leaving one line alone at a page's foot or head.
func (b *Book) Flow(lines []textset.Line) { b.w.flow(lines) }

// Draw draws a line with its top at y on the current page.
func (b *Book) Draw(l textset.Line, top float64) { b.w.drawFrags(l.Frags, top+l.Base) }

// Rule draws a black horizontal line from x0 to x1 at height y, width mm
// thick.
func (b *Book) Rule(x0, x1, y, width float64) {
	b.w.artifact("Layout", "", func() {
		b.w.pdf.SetDrawColor(0, 0, 0)
		b.w.pdf.SetLineWidth(width)
		b.w.pdf.Line(x0, y, x1, y)
	})
}

// Bookmark adds an outline entry at height y of the current page.
func (b *Book) Bookmark(text string, level int, y float64) { b.w.bookmark(text, level, y) }

// NewLink makes an internal link, to be pointed somewhere with SetLink.
func (b *Book) NewLink() int { return b.w.pdf.AddLink() }

// SetLink points link at height y of page.
func (b *Book) SetLink(link, page int, y float64) { b.w.pdf.SetLink(link, y, page) }

// Link makes the area of the current page w × h at (x, y) go to link.
func (b *Book) Link(x, y, w, h float64, link int) { b.w.pdf.Link(x, y, w, h, link) }

// Place adds a laid-out paper's pages from the next page on, with their
// links and bookmarks, these a level beneath an entry title at the top of
// its first page; it returns the page the paper starts on.
func (b *Book) Place(l *LaidOut, title string) int { return b.w.place(l, title) }

// Revisit leaves the current page, the book's last, and goes back to an
// earlier page to draw on it (a contents page, once the papers' pages are
// known). A book that has gone back takes no new page.
func (b *Book) Revisit(page int) {
	if b.last == 0 {
		b.w.closePage()
		b.last = b.w.pdf.PageNo()
	}
	b.w.pdf.SetPage(page)
	// fpdf re-selects no font on a page it returns to: force one.
	b.w.curFace, b.w.curSize = nil, 0
}

// SetSources records, as the book's creator, what made it: a generator
// and the sources of its papers.
func (b *Book) SetSources(p model.Provenance) {
	if s := provenance(p); s != "" {
		b.w.pdf.SetCreator(s, true)
	}
}

// Write ends the book and writes it to out: the whole PDF or nothing.
func (b *Book) Write(out io.Writer) error {
	if b.last == 0 {
		b.w.closePage()
	} else {
		b.w.pdf.SetPage(b.last)
	}
	data, err := b.w.pdf.OutputBytes()
	if err != nil {
		return err
	}
	_, err = out.Write(data)
	return err
}
