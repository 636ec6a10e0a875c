package pipeline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/model"
)

// The fourth sample, in the cabinet layout: its model and page are
// golden, and its cover says what the front matter does.
func TestCabinetSampleGolden(t *testing.T) {
	d := sampleDoc(t, "templates/a38-bus-priority.md")
	dump := model.Dump(d)
	golden(t, d.Meta.Slug+".model", []byte(dump))
	var buf bytes.Buffer
	if err := html.Write(&buf, d, htmlOptions()); err != nil {
		t.Fatal(err)
	}
	golden(t, d.Meta.Slug+".html", buf.Bytes())
	page := buf.String()
	for _, want := range []string{
		`<p class="cover-council">Borsetshire County Council</p>`,
		`<p class="cover-item">Agenda item 6</p>`,
		`<tr><th scope="row">Key decision</th><td>Yes<br/>Reason: Expenditure of more than £500,000 and significant in two or more wards<br/>Forward Plan reference: FP/2026/014</td></tr>`,
		`<tr><th scope="row">Portfolio holder</th><td>Councillor Jane Smith, Cabinet Member for Transport</td></tr>`,
		`<span class="secnum">7</span> Background papers</h2>`,
		`<li><a href="https://www.borsetshire.example/ltp">Local Transport Plan 2024–2029</a></li>`,
		`<span class="secnum">6.5</span> Risk</h3>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
