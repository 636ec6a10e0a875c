package html

import (
	"strings"
	"testing"

	m "github.com/boardpaper/boardpaper/internal/model"
)

// tableCover is a cabinet-style cover: every row in one table.
func tableCover() m.Cover {
	return m.Cover{Council: "Borsetshire County Council", Item: "Agenda item 9", Table: true, Rows: []m.CoverRow{
		{Label: "Date of meeting", Key: "date", Lines: []string{"11th March 2026"}},
		{Label: "Title", Key: "subject", Title: true, Lines: []string{"Bus priority on the A38"}},
		{Kind: m.CoverBlock, Label: "Contact officer", Key: "author", Lines: []string{"A. Officer", "Tel: 01234 567890"}},
		{Kind: m.CoverQuestion, Label: "Key decision", Key: "key_decision", Answer: "Yes", Yes: true,
			Details: []string{"Reason: Expenditure over £500,000", "Forward Plan reference: FP/2026/014"}},
		{Kind: m.CoverQuestion, Label: "Exempt information", Answer: "Open"},
	}}
}

func TestTableCover(t *testing.T) {
	d := executivePaper()
	d.Cover = tableCover()
	out := render(t, d, Options{})
	for _, want := range []string{
		"<div class=\"cover-masthead\">\n<p class=\"cover-council\">Borsetshire County Council</p>\n<p class=\"cover-item\">Agenda item 9</p>\n</div>\n<table class=\"cover-table\">\n<tbody>\n<tr><th scope=\"row\">Date of meeting</th><td>11th March 2026</td></tr>\n",
		"<tr><th scope=\"row\">Title</th><td><h1>Bus priority on the A38</h1></td></tr>\n",
		"<tr><th scope=\"row\">Contact officer</th><td>A. Officer<br/>Tel: 01234 567890</td></tr>\n",
		"<tr><th scope=\"row\">Key decision</th><td>Yes<br/>Reason: Expenditure over £500,000<br/>Forward Plan reference: FP/2026/014</td></tr>\n",
		"<tr><th scope=\"row\">Exempt information</th><td>Open</td></tr>\n</tbody>\n</table>\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Count(out, "<h1>") != 1 || strings.Contains(out, `class="cover-questions"`) || strings.Contains(out, `class="cover-meta"`) {
		t.Error("a table cover is one table with the subject its one h1")
	}
}

// In the lines style, rows are drawn in the layout's order, each run of
// one kind together: fields, then questions, a block, fields again.
func TestLinesCoverKeepsOrder(t *testing.T) {
	d := executivePaper()
	d.Cover = m.Cover{Rows: []m.CoverRow{
		{Label: "Report of", Lines: []string{"Director"}},
		{Kind: m.CoverQuestion, Label: "Key decision?", Yes: false, Details: []string{"Note: not in the Forward Plan"}},
		{Kind: m.CoverBlock, Label: "Contact:", Lines: []string{"A. Officer"}},
		{Label: "Subject:", Title: true, Lines: []string{"Buses"}},
	}}
	out := render(t, d, Options{})
	i := strings.Index(out, "<dt>Report of</dt>")
	j := strings.Index(out, "<th scope=\"row\">Key decision?</th>")
	k := strings.Index(out, "<td colspan=\"2\">Note: not in the Forward Plan</td>")
	l := strings.Index(out, "<p class=\"cover-author\">Contact: A. Officer</p>")
	n := strings.Index(out, "<dt>Subject</dt>\n<dd><h1>Buses</h1></dd>")
	if i < 0 || j < i || k < j || l < k || n < l {
		t.Errorf("cover out of order (%d %d %d %d %d):\n%s", i, j, k, l, n, out[:min(len(out), 4000)])
	}
}

// A cover without the subject still gives the page its h1.
func TestCoverWithoutTitle(t *testing.T) {
	d := executivePaper()
	d.Cover = m.Cover{Rows: []m.CoverRow{{Label: "Report of", Lines: []string{"Director"}}}}
	if out := render(t, d, Options{}); !strings.Contains(out, "<h1>"+escapeText(d.Meta.Title)+"</h1>") {
		t.Error("no h1")
	}
}

// On a narrow screen a table cover's last label does not carry the rule
// that closes the table; a lines cover has no such rule to undo.
func TestTableCoverNarrowRule(t *testing.T) {
	d := executivePaper()
	if strings.Contains(render(t, d, Options{}), coverTableCSS) {
		t.Error("a lines cover's page holds the table cover's rule")
	}
	d.Cover = tableCover()
	if !strings.Contains(render(t, d, Options{}), coverTableCSS) {
		t.Error("a table cover's page lacks its narrow-screen rule")
	}
}
