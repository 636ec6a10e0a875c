package pdf

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

// TestAppendixStartsAPage: each appendix begins a page with its heading
// "Appendix 1: Staffing" at the margin, and has its own bookmark.
func TestAppendixStartsAPage(t *testing.T) {
	doc := pdftest.SamplePaper()
	for i, title := range []string{"Staffing", "Rotas"} {
		s := pdftest.Heading("", 1, title, pdftest.Para("A"+itoa(i+1)+".1", pdftest.Txt("Short appendix text.")))
		s.Kind, s.Number = model.Appendix, "Appendix "+itoa(i+1)
		doc.Body = append(doc.Body, s)
	}
	path := writeTemp(t, doc)
	n := pdftest.PageCount(t, path)
	last, before := pdftest.PageText(t, path, n), pdftest.PageText(t, path, n-1)
	if !strings.HasPrefix(strings.TrimSpace(last), "Appendix 2: Rotas") {
		t.Errorf("the last page does not start with its appendix:\n%s", last)
	}
	if !strings.HasPrefix(strings.TrimSpace(before), "Appendix 1: Staffing") {
		t.Errorf("the page before the last does not start with its appendix:\n%s", before)
	}
	if strings.Contains(pdftest.PageText(t, path, n-2), "Appendix") {
		t.Error("an appendix shares a page with the paper")
	}
	var js struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(pdftest.Tool(t, "qpdf", "--json", "--json-key=outlines", path)), &js); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, o := range js.Outlines {
		titles = append(titles, o.Title)
	}
	if got := strings.Join(titles[len(titles)-2:], "; "); got != "Appendix 1: Staffing; Appendix 2: Rotas" {
		t.Errorf("outline ends %q", got)
	}
}
