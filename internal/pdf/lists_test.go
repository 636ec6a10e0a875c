package pdf

import (
	"regexp"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

// TestMarkedListsPrintTheirMarkers: a list written "(a)", "(b)" prints
// those markers, and a roman one nested in it "i.", "ii.", each before
// its item's text.
func TestMarkedListsPrintTheirMarkers(t *testing.T) {
	doc := pdftest.SamplePaper()
	inner := &model.List{Ordered: true, Start: 1, Style: "i", Delim: ".", Items: [][]model.Block{
		{pdftest.Para("", pdftest.Txt("a weekly rota"))}, {pdftest.Para("", pdftest.Txt("a reserve list"))}}}
	outer := &model.List{Ordered: true, Start: 1, Style: "a", Delim: "()", Items: [][]model.Block{
		{pdftest.Para("", pdftest.Txt("note the report;"))},
		{pdftest.Para("", pdftest.Txt("agree the rotas, with")), inner},
		{pdftest.Para("", pdftest.Txt("ask for a report."))}}}
	doc.Body[0].Blocks = append(doc.Body[0].Blocks, outer)
	text := pdftest.AllText(t, writeTemp(t, doc))
	for _, want := range []string{`\(a\)\s+note the report;`, `\(b\)\s+agree the rotas, with`, `i\.\s+a weekly rota`, `ii\.\s+a reserve list`, `\(c\)\s+ask for a report\.`} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("the PDF lacks %s:\n%s", want, text)
		}
	}
}
