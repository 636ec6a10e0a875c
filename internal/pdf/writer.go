// Package pdf writes a document as a print-quality A4 PDF: the cover sheet,
// the front part and the numbered body, with hanging paragraph numbers,
// tables, footnotes at the foot of their page, bookmarks, internal links
// and "Page N of M". It is the only package that imports fpdf.
//
// The layout is this package's own: text is measured with per-process font
// metrics (fonts.go), broken into lines (inline.go), and placed on pages by
// a small paginator (page.go) that keeps headings with what follows, keeps
// two lines of a paragraph together at a page foot and head, repeats table
// header rows and reserves room for footnotes. fpdf only draws.
package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// Options for one PDF.
type Options struct {
	// Date is written as the creation and modification date (UTC), so
	// output is byte-identical for the same inputs.
	Date time.Time
}

// Write renders doc as an A4 PDF to w. It reads no files: everything comes
// from doc (the logo's bytes are in doc.Style.Logo). Nothing is written to
// w unless the whole PDF was made.
func Write(out io.Writer, doc *model.Document, opts Options) error {
	return WritePaper(out, doc, opts, nil)
}

// Page geometry in millimetres: A4 with the ~20 mm margins of a council
// paper and a 15 mm gutter for paragraph numbers.
const (
	pageW        = 210.0
	pageH        = 297.0
	marginLeft   = 20.0
	marginRight  = 20.0
	marginTop    = 20.0
	marginBottom = 20.0
	gutter       = 15.0
	defaultSize  = 11.0
)

// writer holds one PDF in the making. The state that belongs to a document
// (doc, marking, base size) is set per document so that several documents
// can later be written into one PDF (an agenda pack).
type writer struct {
	pdf *fpdf.Fpdf

	// Faces registered with this fpdf, and the face and size last selected,
	// so fpdf's current font only changes when it must.
	registered map[*face]bool
	curFace    *face
	curSize    float64
	// own, when set, stands other faces in for the ones text is measured
	// with, for the text this PDF draws itself: an agenda pack's (packFaces).
	own map[*face]*face

	left, right, top, bottom float64
	y                        float64

	doc     *model.Document
	base    float64 // body font size, points
	marking string  // printed at the head of every page ("NOT FOR PUBLICATION")

	// Link destinations: element ids and footnotes of the current document.
	dest     map[string]int
	noteDest map[*model.Note]int
	destSet  map[int]bool

	// What waits for the next line placed: anchors to set at its top, a
	// bookmark to add, a list marker to draw on its baseline.
	pendingAnchors []string
	pendingMark    *bookmark
	pendingMarker  *marker

	// Footnotes on the current page, what of them waits for the next
	// page, and those already placed.
	pageNotes  []noteChunk
	carry      []noteChunk
	notesH     float64
	notePlaced map[*model.Note]bool
	noteLines  map[*model.Note][]line

	// measured is the block after a heading, laid out to keep the two
	// together; drawing the block next takes this layout rather than
	// making it again.
	measured measuredBlock

	// laid, when set, records the paper's pages as they are laid out, for
	// an agenda pack to place (laidout.go).
	laid *LaidOut

	// low is the foot of the lowest text on this page; outside lists
	// anything drawn outside the text area (see bound).
	low     float64
	outside []string
}

// measuredBlock is a paragraph's text or a table laid out ahead of its
// drawing, with what it was laid out for.
type measuredBlock struct {
	text  *model.Inline // the text's first inline: which text it is
	ntext int
	ts    textStyle
	box   lineBox
	lines []line

	table  *model.Table
	col    column
	st     tableStyle
	layout *tableLayout
}

type bookmark struct {
	text  string
	level int
}

type marker struct {
	text string
	x    float64
	ts   textStyle
}

func newWriter(opts Options) *writer {
	p := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		SizeStr:        "A4",
	})
	date := opts.Date.UTC()
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetCatalogSort(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.AliasNbPages("")
	p.SetDisplayMode("fullwidth", "continuous")
	return &writer{
		pdf:        p,
		registered: map[*face]bool{},
		left:       marginLeft,
		right:      pageW - marginRight,
		top:        marginTop,
		bottom:     pageH - marginBottom,
		dest:       map[string]int{},
		noteDest:   map[*model.Note]int{},
		destSet:    map[int]bool{},
		notePlaced: map[*model.Note]bool{},
		noteLines:  map[*model.Note][]line{},
	}
}

// setInfo writes the document information: title, author, subject,
// keywords, language, and the provenance as the creator.
func (w *writer) setInfo(doc *model.Document) {
	m := doc.Meta
	w.pdf.SetTitle(m.Title, true)
	w.pdf.SetAuthor(m.Author, true)
	w.pdf.SetSubject(subject(doc), true)
	w.pdf.SetKeywords(strings.Join(m.Keywords, ", "), true)
	w.pdf.SetCreator(provenance(doc.Provenance), true)
	lang := m.Language
	if lang == "" {
		lang = "en-GB"
	}
	w.pdf.SetLang(lang)
}

// subject says what the paper is: "Report of X to Y, 13th March 2013".
func subject(doc *model.Document) string {
	c := doc.Cover
	var b strings.Builder
	b.WriteString("Report")
	if c.ReportOf != "" {
		b.WriteString(" of " + c.ReportOf)
	}
	if c.ReportTo != "" {
		b.WriteString(" to " + c.ReportTo)
	}
	if c.DateText != "" {
		b.WriteString(", " + c.DateText)
	}
	return b.String()
}

// provenance records which inputs and which program made the paper, in the
// order the model gives them, so it is byte-identical for the same inputs.
func provenance(p model.Provenance) string {
	parts := []string{}
	if p.Generator != "" {
		parts = append(parts, p.Generator)
	}
	for _, s := range p.Sources {
		parts = append(parts, fmt.Sprintf("%s %s sha256:%s", s.Role, s.Path, s.SHA256))
	}
	return strings.Join(parts, "; ")
}

// document writes one paper, starting on a new page.
func (w *writer) document(doc *model.Document) {
	w.doc = doc
	w.base = doc.Style.FontSize
	if w.base <= 0 {
		w.base = defaultSize
	}
	w.marking = ""
	if doc.NotForPublication() {
		w.marking = "NOT FOR PUBLICATION"
	}
	w.collectDestinations(doc)
	w.newPage()
	// A bookmark waiting for this document (an agenda pack's entry for the
	// paper) marks its first page now, before any section's can replace it,
	// even if the paper draws nothing. Nothing waits when writing one paper.
	w.flushPending(w.top)
	w.cover(doc)
	w.front(doc)
	for _, s := range doc.Body {
		w.section(s)
	}
	w.leftoverNotes(doc)
	for len(w.carry) > 0 {
		w.newPage()
	}
	w.closePage()
	w.settleLinks()
}

// collectDestinations makes a link destination for every element id this
// writer places, so cross-references can point forward; an id that is
// never placed has none and its references print as text.
func (w *writer) collectDestinations(doc *model.Document) {
	w.dest = map[string]int{}
	add := func(a model.Attr) {
		if a.ID != "" {
			if _, ok := w.dest[a.ID]; !ok {
				w.dest[a.ID] = w.pdf.AddLink()
			}
		}
	}
	model.Walk(doc, func(n model.Node, entering bool) model.WalkStatus {
		switch n := n.(type) {
		case *model.Section:
			if entering {
				add(n.Attr)
			}
		case *model.Para, *model.CrossHeading, *model.Table, *model.Chart:
			if entering {
				add(*model.AttrOf(n))
			}
			return model.WalkSkipChildren
		case *model.Note:
			return model.WalkSkipChildren // a note is one destination (below), not what it holds
		case model.Inline:
			return model.WalkSkipChildren
		}
		return model.WalkContinue
	})
	for _, n := range doc.Footnotes {
		w.noteDest[n] = w.pdf.AddLink()
	}
}

// anchor sets the destination for id at the given height on this page.
func (w *writer) anchor(id string, y float64) {
	if d, ok := w.dest[id]; ok && id != "" && !w.destSet[d] {
		w.setDest(d, y, -1)
		w.destSet[d] = true
	}
}

// settleLinks points any destination that was never placed at the first
// page, so the PDF holds no dangling link (every id collected should have
// been placed; this guards against a block kind added later).
func (w *writer) settleLinks() {
	for _, d := range w.dest {
		if !w.destSet[d] {
			w.setDest(d, 0, 1)
			w.destSet[d] = true
		}
	}
	for _, d := range w.noteDest {
		if !w.destSet[d] {
			w.setDest(d, 0, 1)
			w.destSet[d] = true
		}
	}
}

// font selects a face and size, registering the face with this PDF the
// first time it is used (so unused faces are neither parsed nor embedded).
func (w *writer) font(f *face, size float64) {
	if twin := w.own[f]; twin != nil {
		f = twin
	}
	w.register(f)
	if f == w.curFace && size == w.curSize {
		return
	}
	w.pdf.SetFont(f.family, f.style, size)
	w.curFace, w.curSize = f, size
}

// register registers a face with this PDF the first time it is used.
func (w *writer) register(f *face) {
	if !w.registered[f] {
		w.pdf.AddUTF8FontFromBytes(f.family, f.style, f.ttf)
		w.registered[f] = true
	}
}

// newPage closes the current page and starts the next.
func (w *writer) newPage() {
	if w.pdf.PageNo() > 0 {
		w.closePage()
	}
	w.pdf.AddPage()
	w.y, w.low = w.top, w.top
	w.pageNotes, w.notesH = nil, 0
	w.takeCarry()
	if w.laid != nil {
		w.laid.pages = append(w.laid.pages, laidPage{})
	}
}

// closePage ends the current page: its footnotes, then, when a paper is
// being laid out, the page's body (all it has drawn, which an agenda pack
// places as it is), then its furniture, which each PDF draws for itself.
func (w *writer) closePage() {
	w.finishPage()
	if p := w.laidPage(); p != nil {
		p.body = w.pdf.DetachPageBody()
	}
	w.pageFurniture()
}

// pageFurniture draws what every page carries: the NOT FOR PUBLICATION
// marking and "Page N of M" ("of M" counting the pages of the PDF it is in:
// a paper's own, or its agenda pack's). It is drawn when the page closes,
// after the body, never by fpdf's footer callback.
func (w *writer) pageFurniture() {
	small := textStyle{size: 9}
	if w.marking != "" {
		ts := textStyle{st: styleBold, size: 11}
		l := plainLine(w.marking, ts, 0)
		tw := lineWidth(l)
		x := (pageW - tw) / 2
		l = plainLine(w.marking, ts, x)
		top := 9.0
		w.pdf.SetDrawColor(0, 0, 0)
		w.pdf.SetLineWidth(0.4)
		w.pdf.Rect(x-3, top-1, tw+6, l.height+2, "D")
		w.drawFrags(l.frags, top+l.base)
	}
	text := fmt.Sprintf("Page %d of {nb}", w.pdf.PageNo())
	// Centre on the width the text will have once {nb} is replaced by a
	// count with as many digits as this page number (close enough: a digit
	// is 0.55 em).
	probe := plainLine(fmt.Sprintf("Page %d of %d", w.pdf.PageNo(), w.pdf.PageNo()), small, 0)
	l := plainLine(text, small, (pageW-lineWidth(probe))/2)
	// Drawn directly, not with drawLineAt: what waits for the next line of
	// text (anchors, a bookmark, a list marker) must not land here.
	w.drawFrags(l.frags, pageH-13+l.base)
}

// lineWidth is the drawn width of a line set at x = 0.
func lineWidth(l line) float64 {
	if len(l.frags) == 0 {
		return 0
	}
	last := l.frags[len(l.frags)-1]
	return last.x + last.w - l.frags[0].x
}
