package paperdiff

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
)

func TestTokensKeepFiguresWhole(t *testing.T) {
	got := tokens(`fell by 90 (6.2%), to 1,384 children's homes in 2012-13. “Good”`)
	want := []string{"fell", " ", "by", " ", "90", " ", "(", "6.2%", ")", ",", " ", "to", " ", "1,384", " ", "children's", " ", "homes", " ", "in", " ", "2012-13", ".", " ", "“", "Good", "”"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q", got)
	}
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"One. Two? Three! four.", []string{"One.", "Two?", "Three! four."}},
		{"Ask A. Officer (e.g. Leeds). 1,384 children.", []string{"Ask A. Officer (e.g. Leeds).", "1,384 children."}},
		{"It rose 2.5 times. (See Table One.) Then fell.", []string{"It rose 2.5 times.", "(See Table One.)", "Then fell."}},
		{"", []string{""}},
		{"Trailing space. ", []string{"Trailing space."}},
	} {
		if got := sentences(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func marked(ss []Segment, open, close string) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Changed {
			b.WriteString(open + s.Text + close)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestChangedWordsAreMarked(t *testing.T) {
	for _, c := range []struct{ a, b, old, new string }{
		{"the total fell by 90 from", "the total rose by 12 from", "the total [fell] by [90] from", "the total {rose} by {12} from"},
		// A space between two changes is marked with them.
		{"in December 2012 it was", "in March 2013 it was", "in [December 2012] it was", "in {March 2013} it was"},
		// Marks never start or end with a space.
		{"a b", "a very b", "a b", "a {very} b"},
		{"held (6.2%).", "held (7.1%).", "held ([6.2%]).", "held ({7.1%})."},
	} {
		old, new := compareWords(c.a, c.b)
		if got := marked(old, "[", "]"); got != c.old {
			t.Errorf("old %q → %q: %q, want %q", c.a, c.b, got, c.old)
		}
		if got := marked(new, "{", "}"); got != c.new {
			t.Errorf("new %q → %q: %q, want %q", c.a, c.b, got, c.new)
		}
	}
}

// Only the sentences that changed are listed; the paragraph as a whole
// keeps the rest.
func TestOnlyChangedSentencesAreListed(t *testing.T) {
	a := "It began in 2009. The count fell by 90. Staff were thanked."
	b := "It began in 2009. The count rose by 12. Staff were thanked. A new sentence."
	changed, old, new := compareText(a, b)
	if len(changed) != 2 {
		t.Fatalf("changed = %+v", changed)
	}
	if got := marked(changed[0].Old, "[", "]"); got != "The count [fell] by [90]." {
		t.Errorf("first sentence was %q", got)
	}
	if changed[1].Old != nil || marked(changed[1].New, "{", "}") != "{A new sentence.}" {
		t.Errorf("added sentence %+v", changed[1])
	}
	if got := marked(old, "[", "]"); got != "It began in 2009. The count [fell] by [90]. Staff were thanked." {
		t.Errorf("old paragraph %q", got)
	}
	if got := marked(new, "{", "}"); got != "It began in 2009. The count {rose} by {12}. Staff were thanked. {A new sentence.}" {
		t.Errorf("new paragraph %q", got)
	}
}

// Past its bound the alignment takes the middle as replaced whole: the
// answer is coarse, but right, and the work is counted, not timed.
func TestAlignmentIsBounded(t *testing.T) {
	n := 3000 // 9M cells, past maxCells
	a, b := make([]string, n), make([]string, n)
	for i := range a {
		a[i], b[i] = "a"+string(rune('0'+i%10)), "b"+string(rune('0'+i%7))
	}
	a[0], b[0] = "same", "same"
	ops := align(a, b)
	var dels, inss int
	for _, o := range ops {
		switch o.kind {
		case del:
			dels++
		case ins:
			inss++
		}
	}
	if ops[0].kind != equal || dels != n-1 || inss != n-1 {
		t.Errorf("first op %v, %d deleted, %d inserted", ops[0], dels, inss)
	}
}

func para(number, text string) *model.Para {
	return &model.Para{Number: number, Inlines: []model.Inline{model.Text(text)}}
}

func doc(blocks ...model.Block) *model.Document {
	return &model.Document{
		Meta: model.Meta{Slug: "p", Title: "A paper"},
		Body: []*model.Section{{Level: 1, Number: "1", Title: []model.Inline{model.Text("Purpose")}, Blocks: blocks}},
	}
}

func cells(texts ...string) []model.Cell {
	out := make([]model.Cell, len(texts))
	for i, s := range texts {
		out[i] = model.Cell{Inlines: []model.Inline{model.Text(s)}}
	}
	return out
}

// A paragraph inserted early renumbers the rest; they are not reported,
// as their words are the same.
func TestInsertedParagraphDoesNotMakeTheRestChanged(t *testing.T) {
	old := doc(para("1.1", "First."), para("1.2", "Second."), para("1.3", "Third, 90."))
	new := doc(para("1.1", "First."), para("1.2", "Inserted."), para("1.3", "Second."), para("1.4", "Third, 91."))
	p := Compare("templates/p.md", old, new, false)
	if len(p.Text) != 2 {
		t.Fatalf("text changes %+v", p.Text)
	}
	if p.Text[0].Where != "paragraph 1.2" || p.Text[0].Old != nil {
		t.Errorf("first: %+v", p.Text[0])
	}
	if p.Text[1].Where != "paragraph 1.4" || p.Text[1].WasWhere != "paragraph 1.3" || marked(p.Text[1].New, "{", "}") != "Third, {91}." {
		t.Errorf("second: %+v", p.Text[1])
	}
}

// Rows are matched by their headers and columns by their headings.
func TestTableCellsByRowAndColumn(t *testing.T) {
	table := func(head []string, rows ...[]string) *model.Table {
		t := &model.Table{Exhibit: model.Exhibit{Attr: model.Attr{ID: "tbl-a"}, Label: "Table One"}, RowHeaders: true, Head: [][]model.Cell{cells(head...)}}
		for _, r := range rows {
			t.Rows = append(t.Rows, cells(r...))
		}
		return t
	}
	old := doc(table([]string{"", "A", "B"}, []string{"X", "1", "2"}, []string{"Y", "3", "4"}))
	new := doc(table([]string{"", "B", "A"}, []string{"W", "9", "9"}, []string{"X", "2", "1"}, []string{"Y", "5", "3"}))
	p := Compare("templates/p.md", old, new, false)
	want := []Cell{
		{Exhibit: "Table One", What: "row added", Row: "W", New: "9, 9"},
		{Exhibit: "Table One", Row: "Y", Column: "B", Old: "4", New: "5"},
	}
	if !reflect.DeepEqual(p.Cells, want) {
		t.Errorf("cells = %+v", p.Cells)
	}
}

// Text that looks like markup stays text in the Markdown and HTML forms.
func TestMarkupInPapersIsEscaped(t *testing.T) {
	hostile := `<script>alert(1)</script> **bold** [link](javascript:x) | pipe ~~s~~ $x$`
	r := &Report{Old: "a", New: "b", Papers: []Paper{Compare("templates/p.md", doc(para("1.1", "Plain.")), doc(para("1.1", hostile)), false)}}
	var md, page bytes.Buffer
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "**bold**", "[link]", " | pipe", "~~s~~", "$x$"} {
		if strings.Contains(md.String(), bad) {
			t.Errorf("the Markdown holds %q unescaped:\n%s", bad, md.String())
		}
	}
	if err := WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page.String(), "<script>") || !strings.Contains(page.String(), "&lt;script&gt;") {
		t.Errorf("the HTML holds the script unescaped")
	}
}

// A report of full versions holds exempt material, which the forms for
// sharing refuse.
func TestFullVersionsAreNotShared(t *testing.T) {
	r := &Report{Full: true}
	if err := WriteMarkdown(&bytes.Buffer{}, r); err == nil {
		t.Error("Markdown written from full versions")
	}
	if err := WriteHTML(&bytes.Buffer{}, r); err == nil {
		t.Error("HTML written from full versions")
	}
}

// A paper made exempt as a whole is said to be, and nothing of its new
// version is shown; one exempt in both states is not mentioned.
func TestPaperMadeExempt(t *testing.T) {
	public, exempt := doc(para("1.1", "Open.")), doc(para("1.1", "Secret plans."))
	exempt.Exempt = true
	r := &Report{Old: "HEAD", New: "the working tree"}
	p, ok := r.compare(built{path: "templates/p.md", old: public, new: exempt})
	if !ok || p.Status != MadeExempt || len(p.Text) > 0 {
		t.Errorf("made exempt: %v %+v", ok, p)
	}
	if _, ok := r.compare(built{path: "templates/p.md", old: exempt, new: exempt}); ok {
		t.Error("a paper exempt in both states is listed")
	}
	var md bytes.Buffer
	r.Papers = []Paper{p}
	WriteMarkdown(&md, r)
	if strings.Contains(md.String(), "Secret") || !strings.Contains(md.String(), "now exempt as a whole: its public version is withdrawn") {
		t.Errorf("Markdown:\n%s", md.String())
	}
	full := &Report{Full: true}
	if p, ok := full.compare(built{path: "templates/p.md", old: public, new: exempt}); !ok || len(p.Text) != 1 || !p.Text[0].Exempt {
		t.Errorf("full versions: %+v", p)
	}
}

func TestColourOnlyWhenAsked(t *testing.T) {
	r := &Report{Old: "a", New: "b", Papers: []Paper{Compare("templates/p.md", doc(para("1.1", "It fell by 90.")), doc(para("1.1", "It fell by 122.")), false)}}
	var plain, colour bytes.Buffer
	WriteText(&plain, r, false)
	WriteText(&colour, r, true)
	if strings.Contains(plain.String(), "\x1b") || !strings.Contains(plain.String(), "- It fell by [-90-].") {
		t.Errorf("plain:\n%q", plain.String())
	}
	if !strings.Contains(colour.String(), "It fell by \x1b[1;31m90\x1b[m.") || !strings.Contains(colour.String(), "It fell by \x1b[1;32m122\x1b[m.") {
		t.Errorf("colour:\n%q", colour.String())
	}
}

// An image's description and caption are compared; an appendix's
// paragraphs are placed in it by its name.
func TestImagesAndAppendices(t *testing.T) {
	image := func(alt string) *model.Image {
		return &model.Image{Exhibit: model.Exhibit{Label: "Figure 1", Caption: []model.Inline{model.Text("The wards")}}, Alt: alt}
	}
	old, new := doc(image("Map of two wards")), doc(image("Map of three wards"))
	app := func(text string) *model.Section {
		return &model.Section{Kind: model.Appendix, Level: 1, Number: "Appendix 1", Title: []model.Inline{model.Text("Staffing")},
			Blocks: []model.Block{&model.Para{Inlines: []model.Inline{model.Text(text)}}}}
	}
	old.Body = append(old.Body, app("Two staff."))
	new.Body = append(new.Body, app("Three staff."))
	p := Compare("templates/p.md", old, new, false)
	var where []string
	for _, c := range p.Text {
		where = append(where, c.Where)
	}
	if got := strings.Join(where, "; "); got != "description of Figure 1; text in Appendix 1" {
		t.Errorf("changes at %q", got)
	}
}
