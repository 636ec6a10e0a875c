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
		`<tr><th scope="row">Exempt information</th><td>Part exempt<br/>Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972<br/>Exempt appendix: 2</td></tr>`,
		`<li><span class="marker">(1)</span> approve the A38 bus priority scheme`,
		`<h2 id="sec-route-title">Appendix 1: Route of the scheme</h2>`,
		`alt="Schematic map of the A38 Bristol Road`,
		`<figcaption><span class="exhibit-label">Figure 2:</span> The proposed bus lanes and junctions on the A38</figcaption>`,
		`<h2 id="sec-costs-title">Appendix 2: Cost estimate</h2>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

const cabinetExempt = `---
layout: cabinet
report_of: Director of Place
report_to: Cabinet
date: 2026-03-11
subject: Depot sale
portfolio_holder: {name: Cllr A}
key_decision: false
access_to_information_rule: "3"
exempt_appendix: "1"
data: data/s.yaml
---
# Main issues

Text.

# Appendix 1: Bids {.exempt}

The bids.
`

// Exempt material in the cabinet layout is withheld under Schedule 12A, as
// the layout words the rule: on the cover (part exempt, the paragraph and
// the appendix) and in the notice that replaces it.
func TestCabinetExempt(t *testing.T) {
	d, err := paperDoc(t, cabinetExempt)
	if err != nil {
		t.Fatal(err)
	}
	const rule = "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"
	var row model.CoverRow
	for _, r := range d.Cover.Rows {
		if r.Label == "Exempt information" {
			row = r
		}
	}
	if row.Answer != "Part exempt" || strings.Join(row.Details, " / ") != "P"+rule[1:]+" / Exempt appendix: 1" {
		t.Errorf("exempt row = %+v", row)
	}
	pub, err := Public(d)
	if err != nil {
		t.Fatal(err)
	}
	if dump := model.Dump(pub); !strings.Contains(dump, "Not for publication ("+rule+")") || strings.Contains(dump, "The bids") {
		t.Errorf("public version:\n%s", dump)
	}
	_, err = paperDoc(t, strings.Replace(cabinetExempt, "access_to_information_rule: \"3\"\nexempt_appendix: \"1\"\n", "", 1))
	if err == nil || !strings.Contains(err.Error(), `templates/p.md:15:1: an {.exempt} heading needs access_to_information_rule in the front matter: say which applies, as the cabinet layout prints it: "paragraph … of Part 1 of Schedule 12A to the Local Government Act 1972"`) {
		t.Errorf("no rule: %v", err)
	}
}
