// Package pdf writes a document as a print-quality A4 PDF: the cover sheet,
// the front part and the numbered body, with hanging paragraph numbers,
// tables, charts, footnotes at the foot of their page, bookmarks, internal
// links and "Page N of M".
//
// The layout is this package's own: text is set into measured lines by
// internal/pdf/textset, and placed on pages by a small paginator (page.go)
// that keeps headings with what follows, keeps two lines of a paragraph
// together at a page foot and head, repeats table header rows and reserves
// room for footnotes. fpdf only draws.
package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// Options for one PDF.
type Options struct {
	// Date is written as the creation and modification date (UTC), so
	// output is byte-identical for the same inputs.
	Date time.Time
}

// Write writes doc as an A4 PDF to out. It reads no files: everything
// comes from doc (the logo's bytes are in doc.Style.Logo). Nothing is
// written to out unless the whole PDF was made. It returns the paper's
// pages as laid out, which an agenda pack places as they are
// (internal/pdf/pack) rather than laying the paper out again.
func Write(out io.Writer, doc *model.Document, opts Options) (*LaidOut, error) {
	w, err := layOut(doc, opts)
	if err != nil {
		return nil, err
	}
	if err := w.pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %s: %w", doc.Meta.Slug, err)
	}
	laid := w.finishLayout(doc)
	data, err := w.pdf.OutputBytes()
	if err != nil {
		return nil, fmt.Errorf("pdf: %s: %w", doc.Meta.Slug, err)
	}
	if _, err := out.Write(data); err != nil {
		return nil, err
	}
	return laid, nil
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
)

// The page and its text area, in millimetres from the page's top-left
// corner: A4 less the margins. Nothing is drawn outside the text area but
// the page furniture ("Page N of M", the NOT FOR PUBLICATION marking).
const (
	PageHeight = pageH
	Left       = marginLeft
	Top        = marginTop
	Right      = pageW - marginRight
	Bottom     = pageH - marginBottom
)

// DefaultSize is the body text size, in points, of a paper whose layout
// gives none.
const DefaultSize = 11.0

// writer holds one PDF in the making: a paper's (Write, Lay), or a Book's,
// which places papers' pages laid out by other writers and draws text of
// its own.
type writer struct {
	pdf *fpdf.Fpdf

	// The fonts (family and style) registered with this fpdf, and the
	// face and size last selected, so fpdf's current font only changes
	// when it must.
	registered map[string]bool
	curFace    *textset.Face
	curSize    float64
	// ownFamily, when set, names the faces of the text this PDF draws
	// itself: each face's family with this added (a Book's; see NewBook).
	ownFamily string

	left, right, top, bottom float64
	y                        float64

	// landscape is true while the page open is turned sideways (a table
	// that asks for it); nextLandscape says how the next page is to be.
	// turnBack, after a landscape table, asks the next block for a
	// portrait page.
	landscape, nextLandscape, turnBack bool

	doc     *model.Document
	base    float64 // body font size, points
	marking string  // printed at the head of every page ("NOT FOR PUBLICATION")

	// Link destinations: element ids and footnotes of the current document.
	links   textset.Links
	destSet map[int]bool

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
	noteLines  map[*model.Note][]textset.Line

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

	// The structure being tagged (tag.go), and each element's type.
	tag     tagState
	tagType []string
}

// measuredBlock is a paragraph's text or a table laid out ahead of its
// drawing, with what it was laid out for.
type measuredBlock struct {
	text  *model.Inline // the text's first inline: which text it is
	ntext int
	ts    textset.Style
	box   textset.Box
	lines []textset.Line

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
	ts   textset.Style
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
	p.SetArchival(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.AliasNbPages("")
	p.SetDisplayMode("fullwidth", "continuous")
	return &writer{
		pdf:        p,
		registered: map[string]bool{},
		left:       Left,
		right:      Right,
		top:        Top,
		bottom:     Bottom,
		links:      textset.Links{IDs: map[string]int{}, Notes: map[*model.Note]int{}},
		destSet:    map[int]bool{},
		notePlaced: map[*model.Note]bool{},
		noteLines:  map[*model.Note][]textset.Line{},
		tag:        tagState{label: -1, marker: -1, noteElem: map[*model.Note]int{}},
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
	m := doc.Meta
	var b strings.Builder
	b.WriteString("Report")
	if m.Author != "" {
		b.WriteString(" of " + m.Author)
	}
	if m.Committee != "" {
		b.WriteString(" to " + m.Committee)
	}
	if m.DateText != "" {
		b.WriteString(", " + m.DateText)
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
		w.base = DefaultSize
	}
	w.marking = ""
	if doc.NotForPublication() {
		w.marking = "NOT FOR PUBLICATION"
	}
	w.collectDestinations(doc)
	w.newPage()
	w.open("Document", fpdf.TagAttrs{})
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
	w.close()
	w.settleLinks()
}

// collectDestinations makes a link destination for every element id this
// writer places, so cross-references can point forward; an id that is
// never placed has none and its references print as text.
func (w *writer) collectDestinations(doc *model.Document) {
	w.links.IDs = map[string]int{}
	add := func(a model.Attr) {
		if a.ID != "" {
			if _, ok := w.links.IDs[a.ID]; !ok {
				w.links.IDs[a.ID] = w.pdf.AddLink()
			}
		}
	}
	model.Walk(doc, func(n model.Node, entering bool) model.WalkStatus {
		switch n := n.(type) {
		case *model.Section:
			if entering {
				add(n.Attr)
			}
		case *model.Para, *model.CrossHeading, *model.Table, *model.Chart, *model.Image:
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
		w.links.Notes[n] = w.pdf.AddLink()
	}
}

// anchor sets the destination for id at the given height on this page.
func (w *writer) anchor(id string, y float64) {
	if d, ok := w.links.IDs[id]; ok && id != "" && !w.destSet[d] {
		w.setDest(d, y, -1)
		w.destSet[d] = true
	}
}

// settleLinks points any destination that was never placed at the first
// page, so the PDF holds no dangling link (every id collected should have
// been placed; this guards against a block kind added later).
func (w *writer) settleLinks() {
	for _, d := range w.links.IDs {
		if !w.destSet[d] {
			w.setDest(d, 0, 1)
			w.destSet[d] = true
		}
	}
	for _, d := range w.links.Notes {
		if !w.destSet[d] {
			w.setDest(d, 0, 1)
			w.destSet[d] = true
		}
	}
}

// font selects a face and size, registering the face with this PDF the
// first time it is used (so unused faces are neither parsed nor embedded).
func (w *writer) font(f *textset.Face, size float64) {
	family := f.Family() + w.ownFamily
	w.register(f, family)
	if f == w.curFace && size == w.curSize {
		return
	}
	w.pdf.SetFont(family, f.Style(), size)
	w.curFace, w.curSize = f, size
}

// register registers a face with this PDF, under family, the first time
// it is used.
func (w *writer) register(f *textset.Face, family string) {
	if key := family + f.Style(); !w.registered[key] {
		w.pdf.AddUTF8FontFromBytes(family, f.Style(), f.TTF())
		w.registered[key] = true
	}
}

// newPage closes the current page and starts the next.
func (w *writer) newPage() {
	if w.pdf.PageNo() > 0 {
		w.closePage()
	}
	w.landscape = w.nextLandscape
	if w.landscape {
		w.pdf.AddPageFormat("L", fpdf.SizeType{Wd: pageW, Ht: pageH})
		w.right, w.bottom = pageH-marginRight, pageW-marginBottom
	} else {
		w.pdf.AddPage()
		w.right, w.bottom = Right, Bottom
	}
	w.y, w.low = w.top, w.top
	w.pageNotes, w.notesH = nil, 0
	w.takeCarry()
	if w.laid != nil {
		w.laid.pages = append(w.laid.pages, laidPage{landscape: w.landscape})
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
	small := textset.Style{Size: 9}
	pageW, pageH := pageW, pageH
	if w.landscape {
		pageW, pageH = pageH, pageW
	}
	if w.marking != "" {
		w.pdf.BeginArtifact("Pagination", "Header")
		w.tag.artifact++
		ts := textset.Style{Font: textset.Bold, Size: 11}
		l := textset.Plain(w.marking, ts, 0)
		tw := l.Width()
		x := (pageW - tw) / 2
		l = textset.Plain(w.marking, ts, x)
		top := 9.0
		w.pdf.SetDrawColor(0, 0, 0)
		w.pdf.SetLineWidth(0.4)
		w.pdf.Rect(x-3, top-1, tw+6, l.Height+2, "D")
		w.drawFrags(l.Frags, top+l.Base)
		w.tag.artifact--
		w.pdf.EndMarked()
	}
	text := fmt.Sprintf("Page %d of {nb}", w.pdf.PageNo())
	// Centre on the width the text will have once {nb} is replaced by a
	// count with as many digits as this page number (close enough: a digit
	// is 0.55 em).
	probe := textset.Plain(fmt.Sprintf("Page %d of %d", w.pdf.PageNo(), w.pdf.PageNo()), small, 0)
	l := textset.Plain(text, small, (pageW-probe.Width())/2)
	// Drawn directly, not with drawLineAt: what waits for the next line of
	// text (anchors, a bookmark, a list marker) must not land here.
	w.artifact("Pagination", "Footer", func() { w.drawFrags(l.Frags, pageH-13+l.Base) })
}

// layoutText sets inlines into lines in a box, with this document's links.
func (w *writer) layoutText(in []model.Inline, ts textset.Style, box textset.Box) []textset.Line {
	if m := &w.measured; m.lines != nil && len(in) > 0 && m.text == &in[0] && m.ntext == len(in) && m.ts == ts && m.box == box {
		// Taken once: the drawing may change the lines (a paragraph
		// number goes before the first).
		ls := m.lines
		m.text, m.lines = nil, nil
		return ls
	}
	return textset.Set(in, ts, box, &w.links)
}

// measureText lays out text ahead of its drawing (see writer.measured).
func (w *writer) measureText(in []model.Inline, ts textset.Style, box textset.Box) []textset.Line {
	ls := w.layoutText(in, ts, box)
	if len(in) > 0 {
		m := &w.measured
		m.text, m.ntext, m.ts, m.box, m.lines = &in[0], len(in), ts, box, ls
	}
	return ls
}
