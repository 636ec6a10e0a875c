package pdf

import (
	"bytes"
	"fmt"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// LaidOut is a paper as its PDF lays it out: each page's drawing as a
// finished content stream, with the page's bookmarks and links, and what
// those streams need of a PDF that places them (faces, characters,
// images). A meeting's agenda pack places the pages as they are, so a
// paper is laid out and compressed once for its own PDF and its pack, and
// its pages in the pack cannot differ from its PDF's. Only the page
// furniture ("Page N of M", the marking) is drawn again, by each PDF.
//
// A LaidOut is read-only once made and may be placed in several PDFs at
// the same time.
type LaidOut struct {
	pages      []laidPage
	dests      []laidDest // by the paper's link id (ids start at 1)
	runes      map[*textset.Face][]int
	images     []laidImage
	marking    string
	provenance model.Provenance
	// tags is the paper's structure tree, whose marked content is in
	// the page bodies; a pack grafts it into its own.
	tags *fpdf.Tags
}

// Provenance is what made the paper: the generator and its sources.
func (l *LaidOut) Provenance() model.Provenance { return l.provenance }

// PageOf is the page of the paper (from 1) that its first top-level
// outline entry named text is on ("Appendix 2: Costs"), or 0 when it has
// none.
func (l *LaidOut) PageOf(text string) int {
	for i, p := range l.pages {
		for _, m := range p.marks {
			if m.level == 0 && m.text == text {
				return i + 1
			}
		}
	}
	return 0
}

// laidPage is one page: its body and what points at or from it.
type laidPage struct {
	landscape bool
	body      *fpdf.PageBody
	marks     []laidMark
	links     []laidLink
}

// laidMark is a bookmark, at a height on its page.
type laidMark struct {
	text  string
	level int
	y     float64
}

// laidLink is a clickable area: to a web address, or to one of the paper's
// destinations.
type laidLink struct {
	x, y, w, h float64
	url        string
	dest       int
	// elem is the paper's Link element (-1: none), contents the
	// annotation's description.
	elem     int
	contents string
}

// laidDest is where an internal link goes: a page of the paper (from 1)
// and a height on it.
type laidDest struct {
	page int
	y    float64
}

// laidImage is an image a page body draws, registered under its name.
type laidImage struct {
	name string
	opts fpdf.ImageOptions
	data []byte
}

// Lay lays doc out as its PDF would, for an agenda pack, without making the
// PDF: what a pack places of a paper whose own PDF this process did not
// write.
func Lay(doc *model.Document) (*LaidOut, error) {
	w, err := layOut(doc, Options{})
	if err != nil {
		return nil, err
	}
	if err := w.pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %s: %w", doc.Meta.Slug, err)
	}
	return w.finishLayout(doc), nil
}

// layOut lays doc out in a new writer that records its pages.
func layOut(doc *model.Document, opts Options) (*writer, error) {
	if err := textset.Load(); err != nil {
		return nil, fmt.Errorf("pdf: loading fonts: %w", err)
	}
	w := newWriter(opts)
	w.laid = &LaidOut{}
	w.setInfo(doc)
	w.document(doc)
	return w, nil
}

// finishLayout completes the recorded layout with what the page bodies
// need of a PDF that places them.
func (w *writer) finishLayout(doc *model.Document) *LaidOut {
	l := w.laid
	l.marking = w.marking
	l.provenance = doc.Provenance
	l.tags = w.pdf.ExportTags()
	l.runes = map[*textset.Face][]int{}
	for _, f := range textset.Faces() {
		if runes := w.pdf.UsedRunes(f.Family(), f.Style()); runes != nil {
			l.runes[f] = runes
		}
	}
	return l
}

// The writer records what it draws into w.laid, when set, through these:
// every bookmark, link and link destination of a paper goes through them.

// bookmark adds an outline entry at height y on this page.
func (w *writer) bookmark(text string, level int, y float64) {
	if w.curFace == nil {
		// fpdf encodes a bookmark for the current font: with none selected
		// yet, it garbles non-ASCII text.
		w.font(textset.Primary(0), w.base)
	}
	w.pdf.Bookmark(text, level, y)
	if p := w.laidPage(); p != nil {
		p.marks = append(p.marks, laidMark{text: text, level: level, y: y})
	}
}

// link makes a clickable area to one of the document's destinations, the
// annotation of fragment frag of the line last drawn.
func (w *writer) link(x, y, width, height float64, dest, frag int) {
	w.pdf.Link(x, y, width, height, dest)
	elem, contents := w.tagLink(frag)
	if p := w.laidPage(); p != nil {
		p.links = append(p.links, laidLink{x: x, y: y, w: width, h: height, dest: dest, elem: elem, contents: contents})
	}
}

// linkURL makes a clickable area to a web address.
func (w *writer) linkURL(x, y, width, height float64, url string, frag int) {
	w.pdf.LinkString(x, y, width, height, url)
	elem, contents := w.tagLink(frag)
	if p := w.laidPage(); p != nil {
		p.links = append(p.links, laidLink{x: x, y: y, w: width, h: height, url: url, elem: elem, contents: contents})
	}
}

// setDest points destination d at height y of page (-1: this page).
func (w *writer) setDest(d int, y float64, page int) {
	if page == -1 {
		page = w.pdf.PageNo()
	}
	w.pdf.SetLink(d, y, page)
	if l := w.laid; l != nil {
		for len(l.dests) <= d {
			l.dests = append(l.dests, laidDest{})
		}
		l.dests[d] = laidDest{page: page, y: y}
	}
}

// laidPage is the page being recorded, or nil.
func (w *writer) laidPage() *laidPage {
	if w.laid == nil || len(w.laid.pages) == 0 {
		return nil
	}
	return &w.laid.pages[len(w.laid.pages)-1]
}

// registerImage registers an image a page draws, and records it.
func (w *writer) registerImage(name string, opts fpdf.ImageOptions, data []byte) *fpdf.ImageInfoType {
	info := w.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
	if l := w.laid; l != nil && info != nil {
		l.images = append(l.images, laidImage{name: name, opts: opts, data: data})
	}
	return info
}

// place adds a laid-out paper's pages to this PDF, from the next page on,
// with their furniture, bookmarks (a level below their own, under title at
// the top of the paper's first page) and links; it returns the page the
// paper starts on.
func (w *writer) place(l *LaidOut, title string) int {
	for _, f := range textset.Faces() {
		if runes, ok := l.runes[f]; ok {
			w.register(f, f.Family())
			w.pdf.UseRunes(f.Family(), f.Style(), runes)
		}
	}
	for _, im := range l.images {
		w.pdf.RegisterImageOptionsReader(im.name, im.opts, bytes.NewReader(im.data))
	}
	first := w.pdf.PageNo() + 1
	ids := make([]int, len(l.dests))
	for d := 1; d < len(l.dests); d++ {
		if l.dests[d].page > 0 {
			ids[d] = w.pdf.AddLink()
			w.pdf.SetLink(ids[d], l.dests[d].y, first+l.dests[d].page-1)
		}
	}
	w.marking = l.marking
	// The paper's structure, its Document a Part of this one's.
	base := w.pdf.GraftTags(l.tags, w.openTag(), first, "Part")
	for i, p := range l.pages {
		w.nextLandscape = p.landscape
		w.newPage()
		w.nextLandscape = false
		w.pdf.AddPageBody(p.body)
		if i == 0 {
			w.bookmark(title, 0, w.top)
		}
		for _, m := range p.marks {
			w.bookmark(m.text, m.level+1, m.y)
		}
		for _, k := range p.links {
			if k.url != "" {
				w.pdf.LinkString(k.x, k.y, k.w, k.h, k.url)
			} else if k.dest > 0 && k.dest < len(ids) && ids[k.dest] != 0 {
				w.pdf.Link(k.x, k.y, k.w, k.h, ids[k.dest])
			} else {
				continue
			}
			if base >= 0 && k.elem >= 0 {
				w.pdf.TagLink(base+k.elem, k.contents)
			}
		}
	}
	return first
}
