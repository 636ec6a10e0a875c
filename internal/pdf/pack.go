package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
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
	// this notice and no pages. Load is then never called, even if set, so
	// a withheld paper cannot reach the pack by mistake.
	Withheld string
	// Load returns the item's public (redacted) paper, laid out: the
	// layout its own PDF was written from (WritePaper), or one made for
	// the pack (Lay). It is called once, when the pack reaches the item,
	// and the layout is dropped once the item is placed.
	Load func() (*LaidOut, error)
}

// Contents page layout, in millimetres.
const (
	contentsItemW = 18.0 // "Item 12"
	contentsPageW = 14.0 // the page number, right-aligned
	contentsGap   = 3.0  // between entries
	contentsRule  = 2.0  // below the column headings, to the first entry
)

// contentsEntry is one item's line (or a few wrapped lines) of the
// contents, and where it goes.
type contentsEntry struct {
	item    textset.Line
	subject []textset.Line
	height  float64
	link    int // fpdf link to the paper's first page; 0 for a withheld item
	page    int // the pack page the paper starts on, once written

	sheet int     // which contents page (0-based) the entry is drawn on
	y     float64 // its top on that page
}

// WritePack renders a meeting's pack in one pass. The contents are laid
// out first, because how many pages they take shifts every paper's start
// page; those pages are reserved, the papers placed after them (each page
// as its paper's PDF has it, but for the page furniture), and the contents
// drawn last on the reserved pages with the page each paper starts on.
// "Page N of M" counts over the whole pack; the outline has an entry per
// paper ("Item 7: Subject") with its sections beneath.
//
// The pack's metadata records what made it: the generator and every
// public paper's sources (withheld papers are never loaded, so nothing of
// theirs is recorded).
func WritePack(out io.Writer, p Pack, opts Options) error {
	data, err := PackPDF(p, opts)
	if err != nil {
		return err
	}
	_, err = out.Write(data)
	return err
}

// PackPDF is WritePack returning the PDF: the whole pack or nothing, the
// bytes fpdf assembled it in rather than a copy.
func PackPDF(p Pack, opts Options) ([]byte, error) {
	for _, it := range p.Items {
		if it.Withheld == "" && it.Load == nil {
			return nil, fmt.Errorf("pdf: agenda pack: %s is neither withheld nor loadable", itemLabel(it))
		}
	}
	if err := textset.Load(); err != nil {
		return nil, fmt.Errorf("pdf: loading fonts: %w", err)
	}
	w := newWriter(opts)
	// The text the pack draws itself (its front sheet, contents and page
	// numbers) is set in the faces of the same files under other names
	// ("LiberationSansPack"), embedded as fonts of their own. The pack's
	// subsets of the papers' faces then hold exactly the characters its
	// papers use, so a meeting of one paper embeds the subsets its paper's
	// PDF does, made once for both (fpdf's subset cache), rather than the
	// same again with the front sheet's characters added.
	w.ownFamily = "Pack"
	title := p.Committee + ", " + p.DateText + ": agenda reports pack"
	w.pdf.SetTitle(title, true)
	w.pdf.SetAuthor(p.Committee, true)
	w.pdf.SetSubject("Agenda reports pack", true)
	w.pdf.SetKeywords(p.Committee+", "+p.DateText, true)
	w.pdf.SetLang("en-GB")
	// The front sheet and contents are set at a paper's default size.
	w.base = defaultSize

	w.newPage()
	w.pendingMark = &bookmark{text: "Agenda reports pack", level: 0}
	w.packFront(p)

	entries := w.contentsEntries(p)
	sheets := w.reserveContents(w.placeContents(entries))

	var prov model.Provenance
	for i, it := range p.Items {
		if it.Withheld != "" {
			continue
		}
		paper, err := it.Load()
		if err == nil && paper == nil {
			err = fmt.Errorf("no document")
		}
		if err != nil {
			return nil, fmt.Errorf("pdf: agenda pack, %s: %w", itemLabel(it), err)
		}
		prov = mergeProvenance(prov, paper.provenance)
		// Each paper's sections sit one level beneath the paper's entry.
		entries[i].page = w.place(paper, packBookmark(it))
		w.pdf.SetLink(entries[i].link, 0, entries[i].page)
	}
	w.closePage()
	if s := provenance(prov); s != "" {
		w.pdf.SetCreator(s, true)
	}
	last := w.pdf.PageNo()
	w.fillContents(entries, sheets)
	w.pdf.SetPage(last)

	data, err := w.pdf.OutputBytes()
	if err != nil {
		return nil, fmt.Errorf("pdf: agenda pack: %w", err)
	}
	return data, nil
}

// itemName is what the contents print in the item column: "Item 7", or
// nothing for an item without a number.
func itemName(it PackItem) string {
	if it.Item > 0 {
		return "Item " + strconv.Itoa(it.Item)
	}
	return ""
}

// itemLabel names an item in an error message.
func itemLabel(it PackItem) string {
	if n := itemName(it); n != "" {
		return n + " (" + it.Subject + ")"
	}
	return strconv.Quote(it.Subject)
}

// packBookmark is a paper's outline entry: "Item 7: Subject".
func packBookmark(it PackItem) string {
	if n := itemName(it); n != "" {
		return n + ": " + it.Subject
	}
	return it.Subject
}

// mergeProvenance adds a paper's generator and sources to the pack's,
// each source once, in the order first met (so the result is the same for
// the same papers).
func mergeProvenance(all, p model.Provenance) model.Provenance {
	if all.Generator == "" {
		all.Generator = p.Generator
	}
outer:
	for _, s := range p.Sources {
		for _, have := range all.Sources {
			if have == s {
				continue outer
			}
		}
		all.Sources = append(all.Sources, s)
	}
	return all
}

// packFront writes the front sheet: the committee, the date, and what the
// document is.
func (w *writer) packFront(p Pack) {
	box := textset.Box{X: w.left, Width: w.right - w.left}
	w.y = w.top + 60
	w.flow(w.layoutText([]model.Inline{model.Text(p.Committee)}, textset.Style{Font: textset.Bold, Size: 22}, box))
	w.y += 6
	w.flow(w.layoutText([]model.Inline{model.Text(p.DateText)}, textset.Style{Size: 16}, box))
	w.y += 14
	w.flow(w.layoutText([]model.Inline{model.Text("Agenda reports pack")}, textset.Style{Font: textset.Bold, Size: 16}, box))
	w.y += 4
	n := 0
	for _, it := range p.Items {
		if it.Withheld == "" {
			n++
		}
	}
	w.flow(w.layoutText([]model.Inline{model.Text(fmt.Sprintf("The public papers for this meeting: %d of %d agenda items.", n, len(p.Items)))}, textset.Style{Size: w.base}, box))
}

// contentsEntries measures each item's contents line.
func (w *writer) contentsEntries(p Pack) []contentsEntry {
	ts := textset.Style{Size: w.base}
	entries := make([]contentsEntry, len(p.Items))
	for i, it := range p.Items {
		e := &entries[i]
		e.item = textset.Plain(itemName(it), textset.Style{Font: textset.Bold, Size: w.base}, w.left)
		subject := []model.Inline{model.Text(contentsSubject(it.Subject))}
		if it.Withheld != "" {
			subject = append(subject, model.LineBreak{}, &model.Emph{Inlines: []model.Inline{model.Text(upperFirst(it.Withheld))}})
		} else {
			e.link = w.pdf.AddLink()
		}
		e.subject = w.layoutText(subject, ts, w.contentsSubjectBox())
		e.height = max(textset.Height(e.subject), e.item.Height) + contentsGap
	}
	return entries
}

// contentsSubjectMax is the most of a subject the contents show, in
// characters: some five lines, so that an entry always fits a page (the
// paper's cover has the whole subject).
const contentsSubjectMax = 300

// contentsSubject is a subject as the contents show it: cut at a space
// before contentsSubjectMax characters, with "…", when it is longer.
func contentsSubject(s string) string {
	if utf8.RuneCountInString(s) <= contentsSubjectMax {
		return s
	}
	cut := s[:len(string([]rune(s)[:contentsSubjectMax]))]
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// contentsSubjectBox is the column the subjects are set in, between the
// item numbers and the page numbers.
func (w *writer) contentsSubjectBox() textset.Box {
	return textset.Box{X: w.left + contentsItemW, Width: w.right - w.left - contentsItemW - contentsPageW - 4}
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// contentsTitle is the heading of a contents page: "Contents", then
// "Contents (continued)".
func (w *writer) contentsTitle(sheet int) textset.Line {
	text := "Contents"
	if sheet > 0 {
		text += " (continued)"
	}
	return textset.Plain(text, textset.Style{Font: textset.Bold, Size: w.base + 3}, w.left)
}

// contentsColumns is the row naming the columns, drawn under the title of
// every contents page (the x positions are set when drawn).
func (w *writer) contentsColumns() textset.Line {
	return textset.Plain("Page", textset.Style{Font: textset.Bold, Size: w.base - 1}, 0)
}

// contentsHead is the height of a contents page's title and column row.
func (w *writer) contentsHead() float64 {
	return w.contentsTitle(0).Height + 4 + w.contentsColumns().Height + contentsRule
}

// placeContents decides which contents page each entry goes on, and
// where, and returns how many pages the contents take (at least one).
// Both the reserved page count and the drawing follow this one layout.
func (w *writer) placeContents(entries []contentsEntry) int {
	sheet, y := 0, w.top+w.contentsHead()
	for i := range entries {
		e := &entries[i]
		// An entry taller than a page (it cannot happen with a subject
		// of any sane length) stays where it is rather than loop.
		if y+e.height > w.bottom && y > w.top+w.contentsHead()+eps {
			sheet++
			y = w.top + w.contentsHead()
		}
		e.sheet, e.y = sheet, y
		y += e.height
	}
	return sheet + 1
}

// reserveContents adds n blank pages (with their page furniture) for the
// contents and returns their page numbers. The contents' bookmark is made
// now so the outline lists it before the papers.
func (w *writer) reserveContents(n int) []int {
	pages := make([]int, n)
	for i := range pages {
		w.newPage()
		pages[i] = w.pdf.PageNo()
		if i == 0 {
			w.bookmark("Contents", 0, w.top)
		}
	}
	return pages
}

// fillContents draws the entries on the reserved pages, where
// placeContents put them, each linking to its paper.
func (w *writer) fillContents(entries []contentsEntry, pages []int) {
	for sheet, page := range pages {
		w.pdf.SetPage(page)
		// fpdf re-selects no font on a page it returns to: force one.
		w.curFace, w.curSize = nil, 0
		w.contentsPageHead(sheet)
	}
	ts := textset.Style{Size: w.base}
	for _, e := range entries {
		w.pdf.SetPage(pages[e.sheet])
		w.curFace, w.curSize = nil, 0
		w.drawFrags(e.item.Frags, e.y+e.item.Base)
		ly := e.y
		for _, l := range e.subject {
			w.drawFrags(l.Frags, ly+l.Base)
			ly += l.Height
		}
		if e.link != 0 {
			num := textset.Plain(strconv.Itoa(e.page), ts, 0)
			num = textset.Plain(strconv.Itoa(e.page), ts, w.right-num.Width())
			w.drawFrags(num.Frags, e.y+num.Base)
			w.pdf.Link(w.left, e.y, w.right-w.left, ly-e.y, e.link)
		}
	}
}

// contentsPageHead draws a contents page's title and its column row:
// Item, Subject, and Page over the right-aligned page numbers.
func (w *writer) contentsPageHead(sheet int) {
	title := w.contentsTitle(sheet)
	w.drawFrags(title.Frags, w.top+title.Base)
	y := w.top + title.Height + 4
	ts := textset.Style{Font: textset.Bold, Size: w.base - 1}
	cols := w.contentsColumns()
	w.drawFrags(textset.Plain("Item", ts, w.left).Frags, y+cols.Base)
	w.drawFrags(textset.Plain("Subject", ts, w.contentsSubjectBox().X).Frags, y+cols.Base)
	w.drawFrags(textset.Plain("Page", ts, w.right-cols.Width()).Frags, y+cols.Base)
	y += cols.Height + contentsRule/2
	w.pdf.SetDrawColor(0, 0, 0)
	w.pdf.SetLineWidth(0.2)
	w.pdf.Line(w.left, y, w.right, y)
}
