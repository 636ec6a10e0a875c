package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

func TestParagraphNumbersInReadingOrder(t *testing.T) {
	doc := pdftest.SamplePaper()
	text := pdftest.AllText(t, writeTemp(t, doc))
	want := numbersInOrder(doc)
	got := gutterNumbers(text)
	if !slices.Equal(got, want) {
		t.Errorf("numbers in the gutter, in order:\n got %q\nwant %q", got, want)
	}
}

func TestCoverRows(t *testing.T) {
	doc := pdftest.SamplePaper()
	wards := &doc.Cover.Rows[4]
	wards.Yes, wards.Details = true, []string{"Wards: Armley, Beeston"}
	text := pdftest.AllText(t, writeTemp(t, doc))
	for _, line := range []string{"Report of Director of Children's Services", "Report to Executive Board", "Date: 13th March 2013"} {
		if !strings.Contains(text, line) {
			t.Errorf("cover lacks %q", line)
		}
	}
	for _, r := range doc.Cover.Rows {
		if r.Kind != model.CoverQuestion {
			continue
		}
		yes, no := "☐ Yes", "☒ No"
		if r.Yes {
			yes, no = "☒ Yes", "☐ No"
		}
		// The question's first words, then both answers on its line.
		q := regexp.QuoteMeta(strings.Join(strings.Fields(r.Label)[:3], " "))
		re := regexp.MustCompile(`(?m)^` + q + `.*` + regexp.QuoteMeta(yes) + `\s+` + regexp.QuoteMeta(no) + `\s*$`)
		if !re.MatchString(text) {
			t.Errorf("no cover row %q with %q %q in:\n%s", r.Label, yes, no, text)
		}
	}
	if !strings.Contains(text, "Wards: Armley, Beeston") {
		t.Error("the detail under a Yes is missing")
	}
}

func TestPageNOfM(t *testing.T) {
	path := writeTemp(t, pdftest.SamplePaper())
	n := pdftest.PageCount(t, path)
	if n < 2 {
		t.Fatalf("sample paper has %d pages; want it to run over", n)
	}
	for p := 1; p <= n; p++ {
		want := fmt.Sprintf("Page %d of %d", p, n)
		if got := pdftest.PageText(t, path, p); !strings.Contains(got, want) {
			t.Errorf("page %d lacks %q", p, want)
		}
	}
}

func TestTableCellsInTheirRows(t *testing.T) {
	doc := pdftest.SamplePaper()
	text := pdftest.AllText(t, writeTemp(t, doc))
	tbl := pdftest.AgeTable()
	for _, row := range append(tbl.Head, tbl.Rows...) {
		var parts []string
		for _, c := range row {
			if s := model.PlainText(c.Inlines); s != "" {
				parts = append(parts, regexp.QuoteMeta(s))
			}
		}
		re := regexp.MustCompile(`(?m)^.*` + strings.Join(parts, `\s+`) + `\s*$`)
		if !re.MatchString(text) {
			t.Errorf("no line holds the row %q in order", parts)
		}
	}
	if !strings.Contains(text, "Table Two: Looked after children by age group") {
		t.Error("caption missing")
	}
	// A chart is drawn, its text real text, with its caption below it.
	for _, want := range []string{"Number of looked after children", "1,400", "Table One: Looked after children, November 2009"} {
		if !strings.Contains(text, want) {
			t.Errorf("chart text %q missing", want)
		}
	}
}

func TestQpdfCheckFontsAndInfo(t *testing.T) {
	path := writeTemp(t, pdftest.SamplePaper())
	pdftest.Tool(t, "qpdf", "--check", path)

	fonts := pdftest.Tool(t, "pdffonts", path)
	var names []string
	for _, l := range strings.Split(fonts, "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 5 {
			continue
		}
		names = append(names, f[0])
		// name, type (two words), encoding, emb
		if f[4] != "yes" {
			t.Errorf("font %s not embedded: %s", f[0], l)
		}
	}
	if !slices.ContainsFunc(names, func(s string) bool { return strings.Contains(s, "dejavu") }) {
		t.Errorf("DejaVu (for ☐ ☒) not among the fonts: %v", names)
	}
	if !slices.ContainsFunc(names, func(s string) bool { return strings.Contains(s, "liberationsans") }) {
		t.Errorf("Liberation Sans not among the fonts: %v", names)
	}

	info := pdftest.Tool(t, "pdfinfo", path)
	doc := pdftest.SamplePaper()
	for _, want := range []string{
		"Title:           " + doc.Meta.Title,
		"Author:          " + doc.Meta.Author,
		"Keywords:        looked after children, Executive Board",
		"Subject:         Report of Director of Children's Services to Executive Board, 13th March 2013",
		"sha256:" + doc.Provenance.Sources[1].SHA256,
		"CreationDate:    Wed Mar 13 00:00:00 2013",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

func TestByteIdentical(t *testing.T) {
	a, err := render(pdftest.SamplePaper(), pdftest.Date)
	if err != nil {
		t.Fatal(err)
	}
	b, err := render(pdftest.SamplePaper(), pdftest.Date)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same document differ")
	}
	// A date given in another zone is the same instant, written in UTC.
	c, err := render(pdftest.SamplePaper(), pdftest.Date.In(time.FixedZone("X", 5*3600)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c) {
		t.Error("the date's zone changed the output")
	}
}

func TestLongTableRepeatsHeader(t *testing.T) {
	path := writeTemp(t, pdftest.LongTablePaper(120))
	n := pdftest.PageCount(t, path)
	if n < 3 {
		t.Fatalf("120-row table fits on %d pages; want at least 3", n)
	}
	header := regexp.MustCompile(`(?m)^\s*Month\s+Contacts\s+Referrals\s*$`)
	row := regexp.MustCompile(`(?m)^\s*Row (\d{3})\s+(\d+)\s+(\d+)\s*$`)
	next := 1
	for p := 1; p <= n; p++ {
		text := pdftest.PageText(t, path, p)
		if !header.MatchString(text) {
			t.Errorf("page %d has no header row", p)
		}
		if p > 1 {
			// The header comes before the page's first row.
			if h, r := header.FindStringIndex(text), row.FindStringIndex(text); h == nil || r == nil || h[0] > r[0] {
				t.Errorf("page %d: header row is not above the rows", p)
			}
		}
		for _, m := range row.FindAllStringSubmatch(text, -1) {
			if m[1] != fmt.Sprintf("%03d", next) || m[2] != fmt.Sprint(1000+next) {
				t.Fatalf("page %d: row %s where row %03d was expected", p, m[1], next)
			}
			next++
		}
	}
	if next != 121 {
		t.Errorf("found %d rows, want 120", next-1)
	}
	if last := pdftest.PageText(t, path, n); !strings.Contains(last, "Table Three: Contacts by month") || !strings.Contains(last, "Row 120") {
		t.Error("caption is not on the page of the last row")
	}
}

func TestFootnoteAtFootOfItsPage(t *testing.T) {
	path := writeTemp(t, pdftest.SamplePaper())
	n := pdftest.PageCount(t, path)
	found := false
	for p := 1; p <= n; p++ {
		text := pdftest.PageText(t, path, p)
		ref := strings.Contains(text, "statistical neighbours1")
		note := regexp.MustCompile(`(?m)^\s*1\s+Statistical neighbours are the ten`).FindStringIndex(text)
		if ref != (note != nil) {
			t.Errorf("page %d: reference %v, note %v: they must share a page", p, ref, note != nil)
		}
		if ref && note != nil {
			found = true
			if foot := strings.Index(text, fmt.Sprintf("Page %d of", p)); note[0] > foot || note[0] < strings.Index(text, "statistical neighbours1") {
				t.Errorf("page %d: note is not between its reference and the footer", p)
			}
		}
	}
	if !found {
		t.Error("footnote reference not found")
	}
}

func TestLinksAndOutline(t *testing.T) {
	doc := pdftest.SamplePaper()
	doc.Body[1].Blocks = append(doc.Body[1].Blocks, pdftest.Para("2.4", &model.Link{URL: "javascript:alert(1)", Inlines: []model.Inline{pdftest.Txt("not a link")}},
		pdftest.Txt(" "), &model.Ref{Target: "no-such-id", Text: "paragraph 9.9"}))
	path := writeTemp(t, doc)
	raw := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
	if !strings.Contains(raw, "/URI (https://www.gov.uk/government/publications/local-authority-interactive-tool-lait)") {
		t.Error("external link missing")
	}
	if strings.Contains(raw, "javascript:") {
		t.Error("a javascript: address became a link")
	}
	// Internal links: paragraph 3.2, Table Two and the footnote marker.
	if got := strings.Count(raw, "/Dest ["); got < 3 {
		t.Errorf("%d internal links, want at least 3", got)
	}

	var js struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(pdftest.Tool(t, "qpdf", "--json", "--json-key=outlines", path)), &js); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func([]outline, string)
	walk = func(os []outline, indent string) {
		for _, o := range os {
			titles = append(titles, indent+o.Title)
			walk(o.Kids, indent+"  ")
		}
	}
	walk(js.Outlines, "")
	want := []string{"Summary of main issues", "Recommendations", "1.0 Purpose of this report", "2.0 Background information",
		"3.0 Main issues", "4.0 Corporate considerations", "  4.1 Consultation and engagement"}
	if !slices.Equal(titles, want) {
		t.Errorf("outline %q, want %q", titles, want)
	}

	// A non-ASCII title survives into the outline.
	doc = pdftest.SamplePaper()
	doc.Body[0].Title = []model.Inline{pdftest.Txt("Purpose – café ☐")}
	if err := json.Unmarshal([]byte(pdftest.Tool(t, "qpdf", "--json", "--json-key=outlines", writeTemp(t, doc))), &js); err != nil {
		t.Fatal(err)
	}
	if got := js.Outlines[2].Title; got != "1.0 Purpose – café ☐" {
		t.Errorf("non-ASCII bookmark reads %q", got)
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

func TestNotForPublicationMarking(t *testing.T) {
	doc := pdftest.SamplePaper()
	doc.Exempt = true
	doc.ExemptNotice = "Not for publication (Access to Information Procedure Rule 10.4(3))"
	path := writeTemp(t, doc)
	for p := 1; p <= pdftest.PageCount(t, path); p++ {
		if !strings.Contains(pdftest.PageText(t, path, p), "NOT FOR PUBLICATION") {
			t.Errorf("page %d of a full exempt rendering is not marked", p)
		}
	}
	// A public rendering with an exempt section replaced by the notice:
	// no marking, the notice boxed in the section.
	doc = pdftest.SamplePaper()
	doc.Redacted = true
	doc.ExemptNotice = "Not for publication (Access to Information Procedure Rule 10.4(3))"
	doc.Body[3].Exempt = true
	doc.Body[3].Blocks = []model.Block{&model.ExemptNotice{Text: doc.ExemptNotice}}
	doc.Body[3].Subsections = nil
	text := pdftest.AllText(t, writeTemp(t, doc))
	if strings.Contains(text, "NOT FOR PUBLICATION") {
		t.Error("a redacted rendering is marked NOT FOR PUBLICATION")
	}
	if !strings.Contains(text, "Not for publication (Access to Information Procedure Rule 10.4(3))") {
		t.Error("exempt notice missing")
	}
	// The same paper unredacted carries exempt content: marked.
	doc.Redacted = false
	if !strings.Contains(pdftest.AllText(t, writeTemp(t, doc)), "NOT FOR PUBLICATION") {
		t.Error("an unredacted paper with an exempt section is not marked")
	}
}

func TestLogo(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			img.Set(x, y, color.RGBA{0x1d, 0x70, 0xb8, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	doc := pdftest.SamplePaper()
	doc.Style.Logo, doc.Style.LogoType = buf.Bytes(), "png"
	list := pdftest.Tool(t, "pdfimages", "-list", writeTemp(t, doc))
	if got := strings.Count(list, "\n") - 2; got != 1 {
		t.Errorf("%d images, want the logo:\n%s", got, list)
	}
	// Bytes that are not an image are an error, not a broken PDF.
	doc.Style.Logo = []byte("not a png")
	var out bytes.Buffer
	if _, err := Write(&out, doc, Options{Date: pdftest.Date}); err == nil {
		t.Error("a broken logo gave no error")
	} else if out.Len() != 0 {
		t.Error("something was written although the PDF failed")
	}
}

func TestHeadingsNeverLastOnAPage(t *testing.T) {
	// Vary the text before each heading so headings fall at every height
	// of the page; none may end a page, and none may leave a paragraph's
	// single line behind.
	for shift := 0; shift < 12; shift++ {
		doc := pdftest.SamplePaper()
		doc.Front = nil
		var body []*model.Section
		for s := 1; s <= 8; s++ {
			sec := pdftest.Heading(fmt.Sprintf("%d.0", s), 1, fmt.Sprintf("Heading number %d", s))
			for p := 1; p <= 3; p++ {
				sec.Blocks = append(sec.Blocks, pdftest.Para(fmt.Sprintf("%d.%d", s, p), pdftest.Txt(pdftest.Prose(s+p, 8+((s*p+shift)*13)%70))))
			}
			body = append(body, sec)
		}
		doc.Body = body
		path := writeTemp(t, doc)
		for p := 1; p <= pdftest.PageCount(t, path); p++ {
			lines := contentLines(pdftest.PageText(t, path, p))
			if len(lines) == 0 {
				continue
			}
			if last := lines[len(lines)-1]; strings.Contains(last, "Heading number") {
				t.Errorf("shift %d, page %d ends with a heading: %q", shift, p, last)
			}
		}
	}
}

// contentLines are a page's non-blank lines without the footer.
func contentLines(page string) []string {
	var out []string
	for _, l := range strings.Split(page, "\n") {
		if strings.TrimSpace(l) == "" || strings.Contains(l, "Page ") && strings.Contains(l, " of ") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func TestListAcrossPages(t *testing.T) {
	// Items long enough to cross page feet at varied heights: every item
	// keeps its bullet, and nothing waiting for the next line of text (a
	// bullet, an anchor) lands in the footer.
	doc := pdftest.SamplePaper()
	doc.Front = nil
	var items []string
	for i := 0; i < 60; i++ {
		items = append(items, pdftest.Prose(i, 10+(i*17)%45))
	}
	doc.Body = []*model.Section{pdftest.Heading("1.0", 1, "Findings", pdftest.Para("1.1", pdftest.Txt("The findings were:")), pdftest.Bullets(items...))}
	path := writeTemp(t, doc)
	bullets := 0
	for p := 1; p <= pdftest.PageCount(t, path); p++ {
		text := pdftest.PageText(t, path, p)
		bullets += strings.Count(text, "•")
		footer := regexp.MustCompile(`(?m)^.*Page \d+ of \d+.*$`).FindString(text)
		if strings.TrimSpace(footer) != fmt.Sprintf("Page %d of %d", p, pdftest.PageCount(t, path)) {
			t.Errorf("page %d footer reads %q", p, footer)
		}
	}
	if bullets != len(items) {
		t.Errorf("%d bullets for %d items", bullets, len(items))
	}
}

func TestRowTallerThanAPage(t *testing.T) {
	doc := pdftest.SamplePaper()
	doc.Front = nil
	long := pdftest.Prose(3, 1600)
	tbl := &model.Table{
		Head: [][]model.Cell{pdftest.Cells("Topic", "Notes")},
		Rows: [][]model.Cell{pdftest.Cells("Short", "a row"), pdftest.Cells("Long", long), pdftest.Cells("After", "the last row")},
	}
	doc.Body = []*model.Section{pdftest.Heading("1.0", 1, "Notes", pdftest.Para("1.1", pdftest.Txt("See the table.")), tbl)}
	path := writeTemp(t, doc)
	if n := pdftest.PageCount(t, path); n < 3 {
		t.Errorf("a 1,600-word cell fits on %d pages", n)
	}
	text := strings.Join(strings.Fields(pdftest.AllText(t, path)), " ")
	for _, want := range []string{"a row", "the last row", "Topic Notes"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing", want)
		}
	}
	// Every word of the long cell is there, in order.
	words := strings.Fields(long)
	at := 0
	for _, wd := range words {
		i := strings.Index(text[at:], wd)
		if i < 0 {
			t.Fatalf("word %q of the long cell is missing after offset %d", wd, at)
		}
		at += i + len(wd)
	}
}

func TestOtherBlocksAndAnEmptyPaper(t *testing.T) {
	doc := pdftest.SamplePaper()
	doc.Body[0].Blocks = append(doc.Body[0].Blocks,
		&model.CodeBlock{Text: "if x {\n    y()\n}"},
		&model.Rule{},
		&model.List{Ordered: true, Start: 9, Items: [][]model.Block{
			{pdftest.Para("", pdftest.Txt("ninth "), model.Code("code()"))},
			{pdftest.Para("", pdftest.Txt("tenth")), &model.List{Ordered: true, Start: 1, Items: [][]model.Block{{pdftest.Para("", pdftest.Txt("inner one"))}}}},
		}},
	)
	text := pdftest.AllText(t, writeTemp(t, doc))
	for _, re := range []string{`(?m)^\s+if x \{$`, `(?m)^\s+y\(\)$`, `(?m)^\s+9\.\s+ninth code\(\)$`, `(?m)^\s+10\.\s+tenth$`, `(?m)^\s+1\.\s+inner one$`} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no line matches %s", re)
		}
	}
	empty := &model.Document{Meta: model.Meta{Slug: "empty"}}
	path := writeTemp(t, empty)
	if n := pdftest.PageCount(t, path); n != 1 {
		t.Errorf("an empty paper has %d pages", n)
	}
	pdftest.Tool(t, "qpdf", "--check", path)
}

// A table-style cover prints each label beside its answer, the answer's
// lines under it.
func TestTableCover(t *testing.T) {
	doc := pdftest.SamplePaper()
	doc.Cover = model.Cover{Council: "Borsetshire County Council", Item: "Agenda item 9", Table: true, Rows: []model.CoverRow{
		{Label: "Title", Key: "subject", Title: true, Lines: []string{"Bus priority on the A38"}},
		{Kind: model.CoverQuestion, Label: "Key decision", Answer: "Yes", Yes: true,
			Details: []string{"Reason: Expenditure over £500,000", "Forward Plan reference: FP/2026/014"}},
		{Kind: model.CoverBlock, Label: "Enclosures", Lines: []string{"Appendix 1: Route map", "Appendix 2: Costs"}},
	}}
	text := pdftest.AllText(t, writeTemp(t, doc))
	for _, re := range []string{
		`^\s*Borsetshire County Council\n\s*Agenda item 9\n`,
		`(?m)^Title\s+Bus priority on the A38$`,
		`(?m)^Key decision\s+Yes\n\s+Reason: Expenditure over £500,000\n\s+Forward Plan reference: FP/2026/014$`,
		`(?m)^Enclosures\s+Appendix 1: Route map\n\s+Appendix 2: Costs$`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("cover lacks %s in:\n%s", re, text[:min(len(text), 1500)])
		}
	}
	if strings.Contains(text, "☐") || strings.Contains(text, "☒") {
		t.Error("a table cover has no boxes")
	}
}
