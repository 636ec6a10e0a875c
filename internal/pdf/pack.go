package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Pack is a meeting's agenda reports pack: a front sheet, a contents page
// and every public paper, in agenda order, in one PDF.
type Pack struct {
	Committee string // "Executive Board"
	DateText  string // "13th March 2013"
	Items     []PackItem
}

// PackItem is one agenda item.
type PackItem struct {
	Item    int // agenda item number; 0 when not given
	Subject string
	// Withheld, when set ("not for publication (Access to Information
	// Procedure Rule 10.4(3))"), lists the item on the contents page with
	// this notice and no pages; Load is then nil.
	Withheld string
	// Load returns the item's public (redacted) document. It is called
	// once, when the pack reaches the item, and the model is dropped once
	// the item is written, so a pack holds one paper's model at a time.
	Load func() (*model.Document, error)
}

// Contents page layout, in millimetres.
const (
	contentsItemW = 18.0 // "Item 12"
	contentsPageW = 14.0 // the page number, right-aligned
	contentsGap   = 3.0  // between entries
)

// contentsEntry is one line (or a few wrapped lines) of the contents.
type contentsEntry struct {
	item    line
	subject []line
	height  float64
	link    int // fpdf link to the paper's first page; 0 for a withheld item
	page    int // the page the paper starts on, once known
}

// WritePack renders a meeting's pack in one pass: the contents pages are
// measured and reserved first, the papers written after them, and the
// contents filled in last with the page each paper starts on. "Page N of
// M" counts over the whole pack; the outline has an entry per paper with
// its sections beneath.
func WritePack(out io.Writer, p Pack, opts Options) error {
	if err := loadFaces(); err != nil {
		return fmt.Errorf("pdf: loading fonts: %w", err)
	}
	w := newWriter(opts)
	title := p.Committee + ", " + p.DateText + ": agenda reports pack"
	w.pdf.SetTitle(title, true)
	w.pdf.SetAuthor(p.Committee, true)
	w.pdf.SetSubject("Agenda reports pack", true)
	w.pdf.SetKeywords(p.Committee+", "+p.DateText, true)
	w.pdf.SetLang("en-GB")
	w.doc = &model.Document{}
	w.base = defaultSize

	w.newPage()
	w.pendingMark = &bookmark{text: "Agenda reports pack", level: 0}
	w.packFront(p)

	entries := w.contentsEntries(p)
	contentsPages := w.reserveContents(entries)

	w.outline = 1
	for i, it := range p.Items {
		if it.Load == nil {
			continue
		}
		doc, err := it.Load()
		if err != nil {
			return fmt.Errorf("pdf: agenda pack, %s: %w", itemName(it), err)
		}
		entries[i].page = w.pdf.PageNo() + 1
		w.pendingMark = &bookmark{text: itemName(it) + ": " + it.Subject, level: 0}
		w.resetNotes()
		w.document(doc)
		w.pdf.SetLink(entries[i].link, 0, entries[i].page)
	}
	last := w.pdf.PageNo()
	w.fillContents(entries, contentsPages)
	w.pdf.SetPage(last)

	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return fmt.Errorf("pdf: agenda pack: %w", err)
	}
	_, err := out.Write(buf.Bytes())
	return err
}

func itemName(it PackItem) string {
	if it.Item > 0 {
		return "Item " + strconv.Itoa(it.Item)
	}
	return "Item"
}

// resetNotes forgets the previous paper's footnotes, so a pack does not
// keep every paper's notes alive until it ends.
func (w *writer) resetNotes() {
	w.noteDest = map[*model.Note]int{}
	w.notePlaced = map[*model.Note]bool{}
	w.noteLines = map[*model.Note][]line{}
}

// packFront writes the front sheet: the committee, the date, and what the
// document is.
func (w *writer) packFront(p Pack) {
	box := lineBox{x: w.left, width: w.right - w.left}
	w.y = w.top + 60
	w.drawLines(w.layoutText([]model.Inline{model.Text(p.Committee)}, textStyle{st: styleBold, size: 22}, box))
	w.y += 6
	w.drawLines(w.layoutText([]model.Inline{model.Text(p.DateText)}, textStyle{size: 16}, box))
	w.y += 14
	w.drawLines(w.layoutText([]model.Inline{model.Text("Agenda reports pack")}, textStyle{st: styleBold, size: 16}, box))
	w.y += 4
	n := 0
	for _, it := range p.Items {
		if it.Withheld == "" {
			n++
		}
	}
	w.drawLines(w.layoutText([]model.Inline{model.Text(fmt.Sprintf("The public papers for this meeting: %d of %d agenda items.", n, len(p.Items)))}, textStyle{size: w.base}, box))
}

// contentsEntries measures each item's contents line.
func (w *writer) contentsEntries(p Pack) []contentsEntry {
	ts := textStyle{size: w.base}
	subjectBox := lineBox{x: w.left + contentsItemW, width: w.right - w.left - contentsItemW - contentsPageW - 4}
	entries := make([]contentsEntry, len(p.Items))
	for i, it := range p.Items {
		e := &entries[i]
		e.item = plainLine(itemName(it), textStyle{st: styleBold, size: w.base}, w.left)
		subject := []model.Inline{model.Text(it.Subject)}
		if it.Withheld != "" {
			subject = append(subject, model.LineBreak{}, &model.Emph{Inlines: []model.Inline{model.Text(upperFirst(it.Withheld))}})
		} else {
			e.link = w.pdf.AddLink()
		}
		e.subject = w.layoutText(subject, ts, subjectBox)
		e.height = max(linesHeight(e.subject), e.item.height) + contentsGap
	}
	return entries
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// contentsHeading is the space the "Contents" heading takes.
func (w *writer) contentsHeading() line {
	return plainLine("Contents", textStyle{st: styleBold, size: w.base + 3}, w.left)
}

// reserveContents adds the pages the contents will fill and returns their
// numbers; the entries are drawn on them once the papers' pages are known.
func (w *writer) reserveContents(entries []contentsEntry) []int {
	pages := []int{}
	y := w.bottom // forces the first page
	for _, e := range entries {
		if y+e.height > w.bottom {
			w.newPage()
			pages = append(pages, w.pdf.PageNo())
			y = w.top
			if len(pages) == 1 {
				// Made now so the outline lists it before the papers.
				w.pdf.Bookmark("Contents", 0, w.top)
				y += w.contentsHeading().height + 6
			}
		}
		y += e.height
	}
	if len(pages) == 0 {
		w.newPage()
		pages = append(pages, w.pdf.PageNo())
		w.pdf.Bookmark("Contents", 0, w.top)
	}
	return pages
}

// fillContents draws the entries on the reserved pages, as reserveContents
// laid them out, each linking to its paper.
func (w *writer) fillContents(entries []contentsEntry, pages []int) {
	pi := 0
	w.pdf.SetPage(pages[pi])
	w.curFace, w.curSize = nil, 0
	head := w.contentsHeading()
	w.drawFrags(head.frags, w.top+head.base)
	y := w.top + head.height + 6
	for _, e := range entries {
		if y+e.height > w.bottom {
			pi++
			w.pdf.SetPage(pages[pi])
			w.curFace, w.curSize = nil, 0
			y = w.top
		}
		w.drawFrags(e.item.frags, y+e.item.base)
		ly := y
		for _, l := range e.subject {
			w.drawFrags(l.frags, ly+l.base)
			ly += l.height
		}
		if e.link != 0 {
			num := plainLine(strconv.Itoa(e.page), textStyle{size: w.base}, 0)
			x := w.right - lineWidth(num)
			num = plainLine(strconv.Itoa(e.page), textStyle{size: w.base}, x)
			w.drawFrags(num.frags, y+num.base)
			w.pdf.Link(w.left, y, w.right-w.left, ly-y, e.link)
		}
		y += e.height
	}
}
