package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/exhibit"
	"github.com/boardpaper/boardpaper/internal/markdown"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/transform"
)

// paperFrom reads a paper's body as a build does (Markdown, table blocks
// from the snapshot, numbering and labels), so that the inputs here are
// the ones authors write.
func paperFrom(t *testing.T, body, snapshot string) *model.Document {
	t.Helper()
	snap, err := project.ParseSnapshot("data/s.yaml", []byte(snapshot))
	if err != nil {
		t.Fatal(err)
	}
	data := &project.DataSet{Snapshots: []*project.Snapshot{snap}}
	fence := func(kind string, src []byte, pos diag.Pos) (model.Block, error) {
		if kind == "table" {
			return exhibit.Table(src, pos, data)
		}
		return exhibit.Chart(src, pos, data)
	}
	res, err := markdown.Read(markdown.Source{Path: "templates/p.md", FirstLine: 1, Template: body, Expanded: body}, fence)
	if err != nil {
		t.Fatal(err)
	}
	opts := transform.Options{SummaryNumbers: "1.", SectionNumbers: "1", TableLabel: "Table", ChartLabel: "Table", NumberWords: true}
	if err := transform.Apply(res.Doc, opts, res.Positions); err != nil {
		t.Fatal(err)
	}
	d := res.Doc
	d.Meta = model.Meta{Slug: "p", Title: "Hard inputs", Committee: "Scrutiny Board", Date: pdftest.Date}
	for _, kv := range [][2]string{{"report_of", "Director"}, {"report_to", "Scrutiny Board"}, {"date", "13th March 2013"}, {"subject", "Hard inputs"}} {
		pdftest.SetCoverLine(d, kv[0], kv[1])
	}
	d.Style = model.Style{FontSize: 11}
	return d
}

// hardInputs are inputs that once made the PDF's layout run for ever, and
// worse ones: each a paper body and its snapshot.
func hardInputs() []struct{ name, body, snap string } {
	const snap0 = "homes: 12\n"
	quote := func(depth int) string {
		return "# Main issues\n\nBefore.\n\n" + strings.Repeat("> ", depth) + pdftest.Prose(1, 60) + "\n"
	}
	list := func(depth int) string {
		var b strings.Builder
		b.WriteString("# Main issues\n\nBefore.\n\n")
		for i := 0; i < depth; i++ {
			fmt.Fprintf(&b, "%s- item %d %s\n", strings.Repeat("  ", i), i, pdftest.Prose(i, 3+i%7))
		}
		fmt.Fprintf(&b, "%s- %s\n", strings.Repeat("  ", depth), pdftest.Prose(3, 80))
		return b.String()
	}
	github := func(ncol int) string {
		var b strings.Builder
		b.WriteString("# Main issues\n\nBefore.\n\n|")
		for i := 0; i < ncol; i++ {
			fmt.Fprintf(&b, " H%03d |", i)
		}
		b.WriteString("\n|" + strings.Repeat("---|", ncol) + "\n")
		for r := 0; r < 3; r++ {
			b.WriteString("|")
			for i := 0; i < ncol; i++ {
				fmt.Fprintf(&b, " %d |", 1000*r+i)
			}
			b.WriteString("\n")
		}
		b.WriteString("\nTable: A wide table {#tbl-wide}\n")
		return b.String()
	}
	block := "```table\nid: tbl-wide\ndata: wide\ncaption: A wide table from data\ncells: count\n```\n"
	data := func(ncol int, value func(i int) string) string {
		var cols, vals []string
		for i := 0; i < ncol; i++ {
			cols = append(cols, fmt.Sprintf("%q", fmt.Sprintf("C%03d", i)))
			vals = append(vals, value(i))
		}
		return "homes: 12\nwide:\n  columns: [" + strings.Join(cols, ", ") + "]\n  rows:\n" +
			"    - {label: March 2011, values: [" + strings.Join(vals, ", ") + "]}\n" +
			"    - {label: March 2012, values: [" + strings.Join(vals, ", ") + "]}\n"
	}
	figure := func(i int) string { return fmt.Sprint(1000000 + 7919*i) }
	word := strings.Repeat("abcdefghij", 1000)
	return []struct{ name, body, snap string }{
		{"quote-10-deep", quote(10), snap0},
		{"quote-100-deep", quote(100), snap0},
		{"list-30-deep", list(30), snap0},
		{"list-200-deep", list(200), snap0},
		{"github-table-35-columns", github(35), snap0},
		{"github-table-200-columns", github(200), snap0},
		{"data-table-35-columns", "# Main issues\n\nBefore.\n\n" + block, data(35, figure)},
		{"data-table-200-columns", "# Main issues\n\nBefore.\n\n" + block, data(200, figure)},
		// The largest figures a snapshot may hold (a larger one, such as
		// 1e308, is refused as it is read), in more columns than fit.
		{"data-table-largest-figures", "# Main issues\n\nBefore.\n\n" + block, data(20, func(i int) string { return "-9007199254740992" })},
		{"word-of-10000-characters", "# Main issues\n\nBefore " + word + " after.\n", snap0},
		{"word-of-10000-characters-everywhere",
			"# Heading " + word + "\n\nText.\n\n### Cross " + word + "\n\n" +
				strings.Repeat("  ", 0) + "- " + word + "\n\n" + strings.Repeat("> ", 12) + word + "\n\n" +
				"| label | " + word + " |\n|---|---|\n| " + word + " | 12 |\n\nTable: Caption " + word + "\n\n" +
				"    code " + word + "\n", snap0},
		{"footnote-of-a-word-of-10000-characters", "# Main issues\n\nA note.[^1]\n\n[^1]: Note " + word + "\n", snap0},
		{"list-numbered-from-999999999", "# Main issues\n\nBefore.\n\n999999999. " + pdftest.Prose(1, 30) + "\n999999999. " + pdftest.Prose(2, 30) + "\n", snap0},
		{"footnote-longer-than-a-page", "# Main issues\n\nBefore.[^1] After.\n\n" + pdftest.Prose(5, 300) + "\n\n[^1]: " + pdftest.Prose(2, 2500) + "\n", snap0},
	}
}

// TestHardInputsEnd lays out each hard input, which must end with every
// line inside the text area (measured in the layout as it is drawn), and
// writes its PDF: A4 pages, with all the text there.
func TestHardInputsEnd(t *testing.T) {
	if err := textset.Load(); err != nil {
		t.Fatal(err)
	}
	pages := map[string]int{ // at most, for inputs whose text is short
		"quote-10-deep": 1, "quote-100-deep": 1, "list-30-deep": 3, "list-200-deep": 12,
		"github-table-35-columns": 1, "data-table-35-columns": 1, "data-table-largest-figures": 2,
	}
	for _, c := range hardInputs() {
		t.Run(c.name, func(t *testing.T) {
			doc := paperFrom(t, c.body, c.snap)
			w, err := layOut(doc, Options{Date: pdftest.Date})
			if err != nil {
				t.Fatal(err)
			}
			for i, o := range w.outside {
				if i == 5 {
					t.Errorf("and %d more", len(w.outside)-i)
					break
				}
				t.Errorf("drawn outside the text area: %s", o)
			}
			data, err := w.pdf.OutputBytes()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), c.name+".pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			n := pdftest.PageCount(t, path)
			if max, ok := pages[c.name]; ok && n > max {
				t.Errorf("%d pages, want at most %d", n, max)
			}
			sizes := pdftest.Tool(t, "pdfinfo", "-f", "1", "-l", fmt.Sprint(n), path)
			if got := len(regexp.MustCompile(`(?m)^Page +\d+ size: +595\.28 x 841\.89 pts \(A4\)`).FindAllString(sizes, -1)); got != n {
				t.Errorf("%d of %d pages are A4:\n%s", got, n, sizes)
			}
			// Each text's words in order, with anything between them
			// (footnotes at a page's foot, a note's number), and the
			// page numbers taken out of the way of a word cut over pages.
			text := pdftest.Squeeze(pdftest.Tool(t, "pdftotext", "-raw", path, "-"))
			text = regexp.MustCompile(`Page\d+of\d+`).ReplaceAllString(text, "")
			for _, want := range documentTexts(doc) {
				at := 0
				for _, word := range strings.Fields(want) {
					i := strings.Index(text[at:], pdftest.Squeeze(word))
					if i < 0 {
						t.Errorf("the PDF's text lacks %.40q of %.60q", word, want)
						break
					}
					at += i + len(pdftest.Squeeze(word))
				}
			}
		})
	}
}

// documentTexts lists the text of each paragraph, heading, table cell,
// code block and footnote of doc: what its PDF must show.
func documentTexts(doc *model.Document) []string {
	var out []string
	inl := func(in []model.Inline) {
		if s := model.PlainText(in); s != "" {
			out = append(out, s)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *model.Para:
				inl(b.Inlines)
			case *model.CrossHeading:
				inl(b.Inlines)
			case *model.List:
				for _, it := range b.Items {
					blocks(it)
				}
			case *model.Quote:
				blocks(b.Blocks)
			case *model.CodeBlock:
				out = append(out, b.Text)
			case *model.Table:
				for _, rows := range [][][]model.Cell{b.Head, b.Rows} {
					for _, r := range rows {
						for _, c := range r {
							inl(c.Inlines)
						}
					}
				}
				inl(b.Caption)
			}
		}
	}
	for _, s := range doc.Sections() {
		inl(s.Title)
		blocks(s.Blocks)
	}
	for _, n := range doc.Footnotes {
		blocks(n.Blocks)
	}
	return out
}

// TestOutsideIsSeen shows the layout's check of the text area finds a line
// drawn outside it, and text run into the footnotes.
func TestOutsideIsSeen(t *testing.T) {
	if err := textset.Load(); err != nil {
		t.Fatal(err)
	}
	w := newWriter(Options{})
	w.base = 11
	w.newPage()
	w.drawLineAt(textset.Plain("inside", textset.Style{Size: 11}, w.left), w.top)
	if len(w.outside) != 0 {
		t.Fatalf("a line inside is reported: %q", w.outside)
	}
	w.drawLineAt(textset.Plain("too far right", textset.Style{Size: 11}, w.right-5), w.top+10)
	w.drawLineAt(textset.Plain("below", textset.Style{Size: 11}, w.left), w.bottom)
	if len(w.outside) != 2 {
		t.Errorf("two lines outside, %d reported: %q", len(w.outside), w.outside)
	}
	w.outside = nil
	w.pageNotes = []noteChunk{{lines: []textset.Line{textset.Plain("note", textset.Style{Size: 9}, w.left)}}}
	w.notesH = w.bottom - w.top - 5
	w.finishPage()
	if len(w.outside) != 1 {
		t.Errorf("text over the notes: %d reported: %q", len(w.outside), w.outside)
	}
}

// TestNestingStopsIndenting: a column nested however deep keeps at least
// minMeasure, and a list that cannot indent hangs its markers where its
// parent's are.
func TestNestingStopsIndenting(t *testing.T) {
	w := newWriter(Options{})
	col := w.textColumn()
	for i := 0; i < 100; i++ {
		next := nest(col, quoteIndent, quoteIndent)
		if next.width < minMeasure || next.x < col.x {
			t.Fatalf("level %d: column %+v inside %+v", i+1, next, col)
		}
		if next == col && i < 5 {
			t.Errorf("level %d stopped indenting at %.0f mm", i+1, col.width)
		}
		col = next
	}
	if col.width >= minMeasure+2*quoteIndent {
		t.Errorf("indenting stopped early, at %.0f mm", col.width)
	}
}

// TestWideTableInParts sets a table of 200 columns of figures: in parts,
// each within the page, every column in one part (the first, which names
// the rows, in all), no figure cut.
func TestWideTableInParts(t *testing.T) {
	if err := textset.Load(); err != nil {
		t.Fatal(err)
	}
	var c struct{ name, body, snap string }
	for _, h := range hardInputs() {
		if h.name == "data-table-200-columns" {
			c = h
		}
	}
	doc := paperFrom(t, c.body, c.snap)
	tbl := doc.Body[0].Blocks[1].(*model.Table)
	w := newWriter(Options{})
	w.doc, w.base = doc, 11
	tl := w.layoutTable(tbl, w.textColumn(), w.bodyTable())
	seen := map[string]int{}
	parts := 0
	for p := tl; p != nil; p = p.next {
		parts++
		if p.x < w.left-eps || p.x+p.width() > w.right+eps {
			t.Errorf("part %d spans %.1f to %.1f mm", parts, p.x, p.x+p.width())
		}
		if got := p.head[0].cells[0][0].Text(); got != "" && parts > 1 {
			t.Errorf("part %d's first header is %q", parts, got)
		}
		for _, r := range append(p.head, p.rows...) {
			for i, cell := range r.cells {
				if len(cell) != 1 {
					t.Errorf("part %d: a cell of %d lines (%q)", parts, len(cell), cell[0].Text())
				}
				if r.head && i > 0 {
					seen[cell[0].Text()]++
				}
			}
			if got := r.cells[0][0].Text(); !r.head && !strings.HasPrefix(got, "March") {
				t.Errorf("part %d's row starts %q, not its label", parts, got)
			}
		}
		want := fmt.Sprintf("(part %d of", parts)
		if cap := p.caption[len(p.caption)-1].Text(); !strings.Contains(cap, want) {
			t.Errorf("part %d's caption ends %q", parts, cap)
		}
	}
	if parts < 5 {
		t.Errorf("%d parts for 200 columns", parts)
	}
	for i := 0; i < 200; i++ {
		if h := fmt.Sprintf("C%03d", i); seen[h] != 1 {
			t.Errorf("column %s is in %d parts", h, seen[h])
		}
	}
}

// TestManyColumnsCutWordsNotFigures: a table that fits when its words of
// text are cut keeps one table, cuts only words, and leaves every figure
// whole.
func TestManyColumnsCutWordsNotFigures(t *testing.T) {
	if err := textset.Load(); err != nil {
		t.Fatal(err)
	}
	tbl := &model.Table{RowHeaders: true}
	var head, row []string
	for i := 0; i < 9; i++ {
		head = append(head, fmt.Sprintf("Accommodation%d", i))
		row = append(row, fmt.Sprintf("%d,%03d", 10+i, i))
	}
	tbl.Head = [][]model.Cell{pdftest.Cells(head...)}
	tbl.Rows = [][]model.Cell{pdftest.Cells(row...)}
	for range head {
		tbl.Align = append(tbl.Align, model.AlignRight)
	}
	w := newWriter(Options{})
	w.base = 11
	tl := w.layoutTable(tbl, w.textColumn(), w.bodyTable())
	if tl.next != nil {
		t.Fatal("set in parts; the figures fit with the words cut")
	}
	for i, cell := range tl.head[0].cells {
		if len(cell) < 2 {
			t.Errorf("header %d is not cut: %q", i, cell[0].Text())
		}
	}
	for i, cell := range tl.rows[0].cells {
		if len(cell) != 1 || cell[0].Text() != row[i] {
			t.Errorf("figure %d set as %d lines, first %q", i, len(cell), cell[0].Text())
		}
	}
}

// TestTestPapersInsideTheTextArea: the test papers of this package draw
// nothing outside the text area either.
func TestTestPapersInsideTheTextArea(t *testing.T) {
	doc, _ := uncoveredPaper()
	for name, d := range map[string]*model.Document{"sample": pdftest.SamplePaper(), "bench": pdftest.BenchPaper(), "long table": pdftest.LongTablePaper(120), "uncovered": doc} {
		w, err := layOut(d, Options{Date: pdftest.Date})
		if err != nil {
			t.Fatal(err)
		}
		if len(w.outside) > 0 {
			t.Errorf("%s: %q", name, w.outside)
		}
	}
}

// TestRepeatedColumnKeepsItsWords: the first column of a table set in
// parts is repeated in each part, and a part where it must be narrow (beside
// a figure wider than the page) cuts its words; every other part still
// shows them whole.
func TestRepeatedColumnKeepsItsWords(t *testing.T) {
	if err := textset.Load(); err != nil {
		t.Fatal(err)
	}
	label := "Accommodation provided by independent fostering agencies for children"
	head, row := []string{""}, []string{label}
	for i := 0; i < 24; i++ {
		head = append(head, fmt.Sprintf("C%02d", i))
		if i == 8 {
			row = append(row, strings.Repeat("1,000,", 60)+"000")
		} else {
			row = append(row, fmt.Sprint(1000000+i))
		}
	}
	tbl := &model.Table{RowHeaders: true, Head: [][]model.Cell{pdftest.Cells(head...)}, Rows: [][]model.Cell{pdftest.Cells(row...)}}
	w := newWriter(Options{})
	w.base = 11
	parts, cut := 0, 0
	for p := w.layoutTable(tbl, w.textColumn(), w.bodyTable()); p != nil; p = p.next {
		parts++
		var text []string
		for _, l := range p.rows[0].cells[0] {
			text = append(text, l.Text())
		}
		switch joined := strings.Join(text, " "); {
		case joined == label:
		case strings.ReplaceAll(joined, " ", "") == strings.ReplaceAll(label, " ", ""):
			cut++ // the narrow part: words cut, none lost
		default:
			t.Errorf("part %d's first column reads %q", parts, joined)
		}
	}
	if parts < 3 || cut == 0 {
		t.Errorf("%d parts, %d with the label cut: the test needs a cut part before another", parts, cut)
	}
}
