// Package pack writes a meeting's agenda reports pack: a front sheet, a
// contents page and every public paper, in agenda order, in one PDF. The
// papers' pages are placed as their own PDFs laid them out
// (pdf.LaidOut), so a paper reads the same in its pack as alone; the pack
// sets its own text with internal/pdf/textset and draws it in a pdf.Book.
package pack

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
)

// Meeting is what a meeting's pack holds.
type Meeting struct {
	Committee string // "Executive Board"
	DateText  string // "13th March 2013"
	Items     []Item
}

// Item is one agenda item.
type Item struct {
	Item    int // agenda item number; 0 when not given
	Subject string
	// Withheld, when set ("not for publication (Access to Information
	// Procedure Rule 10.4(3))"), lists the item on the contents page with
	// this notice and no pages. Load is then never called, even if set, so
	// a withheld paper cannot reach the pack by mistake.
	Withheld string
	// Load returns the item's public (redacted) paper, laid out: the
	// layout its own PDF was written from (pdf.Write), or one made for
	// the pack (pdf.Lay). It is called once, when the pack reaches the
	// item, and the layout is dropped once the item is placed.
	Load func() (*pdf.LaidOut, error)
	// Appendices are the paper's appendices, listed under its subject
	// ("Appendix 1: Staffing"), each with the page it starts on.
	Appendices []model.AppendixEntry
}

// size is the type size of the pack's own text, a paper's default.
const size = pdf.DefaultSize

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
	// appendices are where the paper's appendices are listed: from which
	// of the subject's lines, and the pack page each starts on.
	appendices []contentsAppendix

	sheet int     // which contents page (0-based) the entry is drawn on
	y     float64 // its top on that page
}

// contentsAppendix is an appendix's line (or lines) in its paper's entry.
type contentsAppendix struct {
	line int    // the subject line it starts on
	mark string // its outline entry in the paper: "Appendix 1: Staffing"
	link int
	page int // 0 when the paper's layout has no such entry
}

// Write writes a meeting's pack to out, in one pass. The contents are laid
// out first, because how many pages they take shifts every paper's start
// page; those pages are reserved, the papers placed after them (each page
// as its paper's PDF has it, but for the page furniture), and the contents
// drawn last on the reserved pages with the page each paper starts on.
// "Page N of M" counts over the whole pack; the outline has an entry per
// paper ("Item 7: Subject") with its sections beneath. Nothing is written
// to out unless the whole pack was made.
//
// The pack's metadata records what made it: the generator and every
// public paper's sources (withheld papers are never loaded, so nothing of
// theirs is recorded).
func Write(out io.Writer, m Meeting, opts pdf.Options) error {
	for _, it := range m.Items {
		if it.Withheld == "" && it.Load == nil {
			return fmt.Errorf("pdf: agenda pack: %s is neither withheld nor loadable", itemLabel(it))
		}
	}
	b, err := pdf.NewBook(pdf.BookInfo{
		Title:    m.Committee + ", " + m.DateText + ": agenda reports pack",
		Author:   m.Committee,
		Subject:  "Agenda reports pack",
		Keywords: m.Committee + ", " + m.DateText,
	}, opts)
	if err != nil {
		return err
	}

	b.NewPage()
	front(b, m)

	entries := contentsEntries(b, m)
	sheets := reserveContents(b, placeContents(entries))
	// The contents are drawn last but read before the papers: their
	// heading and TOC are made now, in that place.
	toc := contentsTags{title: b.Tag(-1, "H2"), toc: b.Tag(-1, "TOC")}

	var prov model.Provenance
	for i, it := range m.Items {
		if it.Withheld != "" {
			continue
		}
		paper, err := it.Load()
		if err == nil && paper == nil {
			err = fmt.Errorf("no document")
		}
		if err != nil {
			return fmt.Errorf("pdf: agenda pack, %s: %w", itemLabel(it), err)
		}
		prov = mergeProvenance(prov, paper.Provenance())
		// Each paper's sections sit one level beneath the paper's entry.
		entries[i].page = b.Place(paper, packBookmark(it))
		b.SetLink(entries[i].link, entries[i].page, 0)
		for j := range entries[i].appendices {
			a := &entries[i].appendices[j]
			if p := paper.PageOf(a.mark); p > 0 {
				a.page = entries[i].page + p - 1
				b.SetLink(a.link, a.page, 0)
			}
		}
	}
	b.SetSources(prov)
	fillContents(b, entries, sheets, toc)
	if err := b.Write(out); err != nil {
		return fmt.Errorf("pdf: agenda pack: %w", err)
	}
	return nil
}

// itemName is what the contents print in the item column: "Item 7", or
// nothing for an item without a number.
func itemName(it Item) string {
	if it.Item > 0 {
		return "Item " + strconv.Itoa(it.Item)
	}
	return ""
}

// itemLabel names an item in an error message.
func itemLabel(it Item) string {
	if n := itemName(it); n != "" {
		return n + " (" + it.Subject + ")"
	}
	return strconv.Quote(it.Subject)
}

// packBookmark is a paper's outline entry: "Item 7: Subject".
func packBookmark(it Item) string {
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

// front writes the front sheet: the committee, the date, and what the
// document is. Its outline entry marks its first line.
func front(b *pdf.Book, m Meeting) {
	box := textset.Box{X: pdf.Left, Width: pdf.Right - pdf.Left}
	set := func(text string, st textset.Style) []textset.Line {
		return textset.Set([]model.Inline{model.Text(text)}, st, box, nil)
	}
	flow := func(typ string, lines []textset.Line) {
		b.Open(typ)
		b.Flow(lines)
		b.Close()
	}
	b.SetY(pdf.Top + 60)
	b.Bookmark("Agenda reports pack", 0, b.Y())
	flow("P", set(m.Committee, textset.Style{Font: textset.Bold, Size: 22}))
	b.SetY(b.Y() + 6)
	flow("P", set(m.DateText, textset.Style{Size: 16}))
	b.SetY(b.Y() + 14)
	flow("H1", set("Agenda reports pack", textset.Style{Font: textset.Bold, Size: 16}))
	b.SetY(b.Y() + 4)
	n := 0
	for _, it := range m.Items {
		if it.Withheld == "" {
			n++
		}
	}
	flow("P", set(fmt.Sprintf("The public papers for this meeting: %d of %d agenda items.", n, len(m.Items)), textset.Style{Size: size}))
}

// contentsEntries measures each item's contents line.
func contentsEntries(b *pdf.Book, m Meeting) []contentsEntry {
	ts := textset.Style{Size: size}
	entries := make([]contentsEntry, len(m.Items))
	for i, it := range m.Items {
		e := &entries[i]
		e.item = textset.Plain(itemName(it), textset.Style{Font: textset.Bold, Size: size}, pdf.Left)
		subject := []model.Inline{model.Text(contentsSubject(it.Subject))}
		if it.Withheld != "" {
			subject = append(subject, model.LineBreak{}, &model.Emph{Inlines: []model.Inline{model.Text(upperFirst(it.Withheld))}})
		}
		e.subject = textset.Set(subject, ts, subjectBox(), nil)
		if it.Withheld == "" {
			e.link = b.NewLink()
			// Each appendix is set on its own, so that its page number
			// stands beside its first line.
			for _, a := range it.Appendices {
				e.appendices = append(e.appendices, contentsAppendix{line: len(e.subject), mark: a.Name + ": " + a.Title, link: b.NewLink()})
				e.subject = append(e.subject, textset.Set([]model.Inline{model.Text(contentsSubject(model.AppendixLine(a)))}, ts, subjectBox(), nil)...)
			}
		}
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

// subjectBox is the column the subjects are set in, between the item
// numbers and the page numbers.
func subjectBox() textset.Box {
	return textset.Box{X: pdf.Left + contentsItemW, Width: pdf.Right - pdf.Left - contentsItemW - contentsPageW - 4}
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// contentsTitle is the heading of a contents page: "Contents", then
// "Contents (continued)".
func contentsTitle(sheet int) textset.Line {
	text := "Contents"
	if sheet > 0 {
		text += " (continued)"
	}
	return textset.Plain(text, textset.Style{Font: textset.Bold, Size: size + 3}, pdf.Left)
}

// columnStyle is the style of the row naming the contents' columns.
var columnStyle = textset.Style{Font: textset.Bold, Size: size - 1}

// contentsColumns is the row naming the columns, drawn under the title of
// every contents page (the x positions are set when drawn).
func contentsColumns() textset.Line {
	return textset.Plain("Page", columnStyle, 0)
}

// contentsHead is the height of a contents page's title and column row.
func contentsHead() float64 {
	return contentsTitle(0).Height + 4 + contentsColumns().Height + contentsRule
}

// placeContents decides which contents page each entry goes on, and
// where, and returns how many pages the contents take (at least one).
// Both the reserved page count and the drawing follow this one layout.
func placeContents(entries []contentsEntry) int {
	const eps = 1e-6
	sheet, y := 0, pdf.Top+contentsHead()
	for i := range entries {
		e := &entries[i]
		// An entry taller than a page (it cannot happen with a subject
		// of any sane length) stays where it is rather than loop.
		if y+e.height > pdf.Bottom && y > pdf.Top+contentsHead()+eps {
			sheet++
			y = pdf.Top + contentsHead()
		}
		e.sheet, e.y = sheet, y
		y += e.height
	}
	return sheet + 1
}

// reserveContents adds n blank pages (with their page furniture) for the
// contents and returns their page numbers. The contents' bookmark is made
// now so the outline lists it before the papers.
func reserveContents(b *pdf.Book, n int) []int {
	pages := make([]int, n)
	for i := range pages {
		pages[i] = b.NewPage()
		if i == 0 {
			b.Bookmark("Contents", 0, pdf.Top)
		}
	}
	return pages
}

// contentsTags are the contents' structure elements: the first page's
// heading and the TOC, an entry (TOCI) per item.
type contentsTags struct{ title, toc int }

// fillContents draws the entries on the reserved pages, where
// placeContents put them, each linking to its paper and each appendix
// to its first page. Each entry is a TOCI: a Link to the paper (item,
// subject and page, described as "Item 7: Subject, page 12"), or, for a
// withheld item, a P; each appendix listed under a paper is a TOCI of its
// own, a Link to its first page ("Appendix 1: Staffing, page 14"), or a P
// when the paper has no such page.
func fillContents(b *pdf.Book, entries []contentsEntry, pages []int, tags contentsTags) {
	for sheet, page := range pages {
		b.Revisit(page)
		contentsPageHead(b, sheet, tags.title)
	}
	for _, e := range entries {
		b.Revisit(pages[e.sheet])
		// The paper's lines are its subject's, up to its first appendix's.
		paperLines := len(e.subject)
		if len(e.appendices) > 0 {
			paperLines = e.appendices[0].line
		}
		typ := "P"
		if e.link != 0 {
			typ = "Link"
		}
		el := b.Tag(b.Tag(tags.toc, "TOCI"), typ)
		ly := e.y
		b.In(el, func() {
			b.Draw(e.item, e.y)
			for _, l := range e.subject[:paperLines] {
				b.Draw(l, ly)
				ly += l.Height
			}
			if e.link != 0 {
				pageNumber(b, e.page, e.y)
			}
		})
		if e.link != 0 {
			b.Link(pdf.Left, e.y, pdf.Right-pdf.Left, ly-e.y, e.link)
			b.TagLink(el, entryText(e.item, e.subject[:paperLines])+", page "+strconv.Itoa(e.page))
		}
		for j, a := range e.appendices {
			next := len(e.subject)
			if j+1 < len(e.appendices) {
				next = e.appendices[j+1].line
			}
			lines, top := e.subject[a.line:next], ly
			typ := "P"
			if a.page != 0 {
				typ = "Link"
			}
			el := b.Tag(b.Tag(tags.toc, "TOCI"), typ)
			b.In(el, func() {
				for _, l := range lines {
					b.Draw(l, ly)
					ly += l.Height
				}
				if a.page != 0 {
					pageNumber(b, a.page, top)
				}
			})
			if a.page != 0 {
				b.Link(pdf.Left, top, pdf.Right-pdf.Left, ly-top, a.link)
				b.TagLink(el, entryText(textset.Line{}, lines)+", page "+strconv.Itoa(a.page))
			}
		}
	}
}

// pageNumber draws a contents page number right-aligned at height y.
func pageNumber(b *pdf.Book, page int, y float64) {
	ts := textset.Style{Size: size}
	num := textset.Plain(strconv.Itoa(page), ts, 0)
	b.Draw(textset.Plain(strconv.Itoa(page), ts, pdf.Right-num.Width()), y)
}

// entryText is an entry's item and subject lines as one line of text.
func entryText(item textset.Line, subject []textset.Line) string {
	var parts []string
	for _, f := range item.Frags {
		parts = append(parts, f.Text)
	}
	name := strings.TrimSpace(strings.Join(parts, ""))
	parts = parts[:0]
	for _, l := range subject {
		for _, f := range l.Frags {
			parts = append(parts, f.Text)
		}
		parts = append(parts, " ")
	}
	text := strings.Join(strings.Fields(strings.Join(parts, "")), " ")
	if name == "" {
		return text
	}
	return name + ": " + text
}

// contentsPageHead draws a contents page's title and its column row:
// Item, Subject, and Page over the right-aligned page numbers.
//
// The first page's title is the contents' heading (element heading); a
// continued page's title and every page's column row repeat what a reader
// has heard, and are artifacts.
func contentsPageHead(b *pdf.Book, sheet int, heading int) {
	title := contentsTitle(sheet)
	if sheet == 0 {
		b.In(heading, func() { b.Draw(title, pdf.Top) })
	} else {
		b.Artifact(func() { b.Draw(title, pdf.Top) })
	}
	y := pdf.Top + title.Height + 4
	cols := contentsColumns()
	b.Artifact(func() {
		b.Draw(textset.Plain("Item", columnStyle, pdf.Left), y)
		b.Draw(textset.Plain("Subject", columnStyle, subjectBox().X), y)
		b.Draw(textset.Plain("Page", columnStyle, pdf.Right-cols.Width()), y)
	})
	y += cols.Height + contentsRule/2
	b.Rule(pdf.Left, pdf.Right, y, 0.2)
}
