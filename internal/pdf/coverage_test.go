package pdf

import (
	"slices"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

// uncoveredPaper is the sample paper with characters no embedded font has
// in its cover, a heading, paragraphs, a list in a quote, a table, a code
// block, a chart and a footnote, beside characters the fonts do have
// (é, Greek, Cyrillic, the check boxes DejaVu draws).
func uncoveredPaper() (*model.Document, map[string]any) {
	doc := pdftest.SamplePaper()
	pdftest.SetCoverLine(doc, "subject", "Children's services 委員会")
	s := doc.Body[0]
	s.Title = []model.Inline{pdftest.Txt("Main issues 😀")}
	p := pdftest.Para("3.9", pdftest.Txt("Café, Ωmega, Дети and ☐ ☒ are drawn; "), &model.Strong{Inlines: []model.Inline{pdftest.Txt("委員会")}}, pdftest.Txt(" is not."))
	inner := pdftest.Para("", pdftest.Txt("A quoted item: 会議"))
	quote := &model.Quote{Blocks: []model.Block{&model.List{Items: [][]model.Block{{inner}}}}}
	tbl := pdftest.AgeTable()
	tbl.Rows[0][0] = model.Cell{Inlines: []model.Inline{pdftest.Txt("March 2011 🎉")}}
	code := &model.CodeBlock{Text: "x := \"委\""}
	ch := pdftest.TrendChart()
	ch.Series[0].Name = "Children 子供"
	notePara := pdftest.Para("", pdftest.Txt("See ✈ and 👍🏽 ❤\ufe0f."))
	note := &model.Note{Number: 9, Blocks: []model.Block{notePara}}
	doc.Footnotes = append(doc.Footnotes, note)
	s.Blocks = append([]model.Block{p, quote, tbl, code, ch}, s.Blocks...)
	return doc, map[string]any{"section": s, "para": p, "inner": inner, "table": tbl, "code": code, "chart": ch, "note": note, "notePara": notePara}
}

func TestUncovered(t *testing.T) {
	doc, at := uncoveredPaper()
	got := Uncovered(doc)
	type want struct {
		field string
		where any // the innermost element
		runes string
		chart bool
	}
	wants := []want{
		{field: "subject", runes: "委員会"},
		{where: at["section"], runes: "😀"},
		{where: at["para"], runes: "委員会"},
		{where: at["inner"], runes: "会議"},
		{where: at["table"], runes: "🎉"},
		{where: at["code"], runes: "委"},
		{where: at["chart"], runes: "子供", chart: true},
	}
	// ✈, ❤ and the emoji selector after it are in DejaVu; the emoji and
	// its skin tone are in no face.
	wants = append(wants, want{where: at["notePara"], runes: "👍🏽"})
	if len(got) != len(wants) {
		for _, g := range got {
			t.Logf("%s %T %q", g.Field, g.Where[len(g.Where)-1:], string(g.Runes))
		}
		t.Fatalf("%d uncovered texts, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		g := got[i]
		if g.Field != w.field || string(g.Runes) != w.runes || g.Chart != w.chart {
			t.Errorf("%d: %q %q chart %v, want %q %q chart %v", i, g.Field, string(g.Runes), g.Chart, w.field, w.runes, w.chart)
		}
		if w.where == nil {
			if g.Where != nil {
				t.Errorf("%d: the cover's text placed in %T", i, g.Where[len(g.Where)-1])
			}
			continue
		}
		if len(g.Where) == 0 || g.Where[len(g.Where)-1] != w.where {
			t.Errorf("%d: %q placed in %v, want %T", i, w.runes, g.Where, w.where)
		}
		if outer := at["section"]; w.where == at["notePara"] {
			if g.Where[0] != at["note"] {
				t.Errorf("%d: the path starts at %T, not the note", i, g.Where[0])
			}
		} else if g.Where[0] != outer {
			t.Errorf("%d: the path starts at %T, not the section", i, g.Where[0])
		}
	}
	if clean := Uncovered(pdftest.SamplePaper()); len(clean) != 0 {
		t.Errorf("the sample paper has uncovered text: %+v", clean)
	}
}

// TestUncoveredIsWhatThePDFCannotShow writes the paper: each character
// Uncovered names is missing from the PDF's text (a ? stands there),
// and the characters it does not name are all there.
func TestUncoveredIsWhatThePDFCannotShow(t *testing.T) {
	doc, _ := uncoveredPaper()
	doc.Body[0].Blocks = slices.DeleteFunc(doc.Body[0].Blocks, func(b model.Block) bool {
		// A chart draws a character its font lacks as an empty box,
		// which pdftotext reads as the character.
		_, ok := b.(*model.Chart)
		return ok
	})
	named := map[rune]bool{}
	for _, u := range Uncovered(doc) {
		for _, r := range u.Runes {
			named[r] = true
		}
	}
	text := pdftest.AllText(t, writeTemp(t, doc))
	for r := range named {
		if strings.ContainsRune(text, r) {
			t.Errorf("%q is named uncovered, but the PDF shows it", r)
		}
	}
	for _, r := range "éΩД☐☒✈" {
		if named[r] || !strings.ContainsRune(text, r) {
			t.Errorf("%q: named %v, in the PDF %v", r, named[r], strings.ContainsRune(text, r))
		}
	}
	if !strings.Contains(text, "??? is not") {
		t.Errorf("the PDF does not print ? for 委員会:\n%s", text)
	}
}

func TestUncoveredMessage(t *testing.T) {
	for _, c := range []struct {
		u    UncoveredText
		want string
	}{
		{UncoveredText{Runes: []rune("委")}, "the PDF's fonts (Liberation Sans, DejaVu Sans) have no 委 (U+59D4), so the PDF would print ? for it: write the text without it"},
		{UncoveredText{Runes: []rune("委員会")}, "have no 委 (U+59D4), 員 (U+54E1) or 会 (U+4F1A), so the PDF would print ? for them"},
		{UncoveredText{Runes: []rune("👍\ufe0f")}, "no 👍 (U+1F44D) or U+FE0F (an invisible emoji selector)"},
		{UncoveredText{Runes: []rune("一二三四五六七八")}, "no 一 (U+4E00), 二 (U+4E8C), 三 (U+4E09), 四 (U+56DB), 五 (U+4E94) or 3 more,"},
		{UncoveredText{Runes: []rune("子"), Chart: true}, "the PDF's chart font (Liberation Sans) has no 子 (U+5B50), so the chart would show an empty box for it"},
	} {
		if got := c.u.Message(); !strings.Contains(got, c.want) {
			t.Errorf("%q:\n got %s\nwant %s", string(c.u.Runes), got, c.want)
		}
	}
}

func BenchmarkUncovered(b *testing.B) {
	doc := pdftest.BenchPaper()
	Uncovered(doc)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Uncovered(doc)
	}
}

// TestUncoveredInExemptMaterial: a full version's exempt part reports its
// heading and its blocks, each at its own element.
func TestUncoveredInExemptMaterial(t *testing.T) {
	doc := pdftest.SamplePaper()
	heading := &model.CrossHeading{Inlines: []model.Inline{pdftest.Txt("Appendix 委")}}
	inside := pdftest.Para("", pdftest.Txt("Costs 秘"))
	doc.Body[0].Blocks = append(doc.Body[0].Blocks, &model.ExemptPart{Heading: heading, Blocks: []model.Block{inside}})
	got := Uncovered(doc)
	if len(got) != 2 || got[0].Where[len(got[0].Where)-1] != heading || string(got[0].Runes) != "委" ||
		got[1].Where[len(got[1].Where)-1] != inside || string(got[1].Runes) != "秘" {
		t.Errorf("got %+v", got)
	}
}
