package project

import (
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
)

const cabinetPaper = `---
layout: cabinet
report_of: Director of Place
report_to: Cabinet
date: 2026-03-11
subject: Bus priority on the A38
item: 9
portfolio_holder: {name: Cllr J. Smith, role: Cabinet Member for Transport}
author: {name: A. Officer, role: Transport Planner, tel: "01234 567890", email: a.officer@example.gov.uk}
key_decision: {answer: true, note: "Expenditure over £500,000", reference: FP/2026/014}
call_in: {answer: false, note: The decision is urgent (paragraph 4.5)}
wards: [Northfield, Selly Oak]
enclosures: [Appendix 1 – Route map]
---
# Body
`

// The cabinet layout's cover is its rows, in its order, with the values
// the paper gives under its own keys: a key decision's reason and Forward
// Plan reference, a call-in exception, the contact's role and email.
func TestCabinetCover(t *testing.T) {
	p, err := parseAccepted(t, cabinetPaper)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := LoadLayout(t.TempDir(), "cabinet")
	c := p.Cover(l, false)
	if !c.Table || c.Council != "Borsetshire County Council" || c.Item != "Agenda item 9" {
		t.Errorf("cover = %+v", c)
	}
	var got []string
	for _, r := range c.Rows {
		line := r.Label + " = " + strings.Join(r.Lines, " / ")
		if r.Kind == model.CoverQuestion {
			line = r.Label + " = " + strings.Join(append([]string{r.Answer}, r.Details...), " / ")
		}
		got = append(got, line)
	}
	want := []string{
		"Report to = Cabinet",
		"Date of meeting = 11th March 2026",
		"Title = Bus priority on the A38",
		"Portfolio holder = Cllr J. Smith, Cabinet Member for Transport",
		"Responsible officer = Director of Place",
		"Contact officer = A. Officer, Transport Planner / Tel: 01234 567890 / Email: a.officer@example.gov.uk",
		"Key decision = Yes / Reason: Expenditure over £500,000 / Forward Plan reference: FP/2026/014",
		"Wards affected = Northfield, Selly Oak",
		"Exempt information = Open",
		"Subject to call-in = No / Exception: The decision is urgent (paragraph 4.5)",
		"Enclosures = Appendix 1 – Route map",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !c.Rows[2].Title {
		t.Error("the subject is not the title")
	}

	p.Exempt, p.AccessRule, p.ExemptAppendix = false, "3", "2"
	ex := p.Cover(l, true).Rows[8]
	if ex.Answer != "Part exempt" || strings.Join(ex.Details, " / ") != "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972 / Exempt appendix: 2" {
		t.Errorf("exempt row = %+v", ex)
	}
	if n := p.ExemptNotice(l); n != "Not for publication (paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972)" {
		t.Errorf("notice = %q", n)
	}
	leeds, _ := LoadLayout(t.TempDir(), "executive-board")
	p.Fields["author"] = Field{Kind: KindPerson, Person: Person{Tel: "0113 000 0000"}}
	for _, r := range p.Cover(leeds, false).Rows {
		if r.Key == "author" && (r.Label != "" || strings.Join(r.Lines, "/") != "Tel: 0113 000 0000") {
			t.Errorf("an author with only a number, in the lines style: %+v", r)
		}
	}
	p.Fields["wards"] = Field{Kind: KindWards, All: true}
	if w := p.Cover(l, false).Rows[7]; w.Answer != "All wards" {
		t.Errorf("wards: all = %+v", w)
	}
}

// A layout without a cover keeps Leeds's rows, and a key only another
// layout declares is unknown, the message listing what this one accepts.
func TestLayoutKeys(t *testing.T) {
	src := strings.Replace(cabinetPaper, "layout: cabinet", "layout: executive-board", 1)
	_, err := parseAccepted(t, src)
	if err == nil || !strings.Contains(err.Error(), `templates/lac.md:8:1: unknown front-matter key "portfolio_holder" (the executive-board layout accepts: layout, report_of,`) {
		t.Errorf("error = %v", err)
	}
	if !strings.Contains(err.Error(), `templates/lac.md:10:1: unknown front-matter key "key_decision"`) {
		t.Errorf("error = %v", err)
	}
	_, err = parseAccepted(t, strings.Replace(cabinetPaper, "key_decision:", "key_decisions:", 1))
	if err == nil || err.Error() != `templates/lac.md:10:1: unknown front-matter key "key_decisions" (did you mean "key_decision"?)` {
		t.Errorf("error = %v", err)
	}
	_, err = parseAccepted(t, strings.Replace(cabinetPaper, "key_decision:", "#", 1))
	if err == nil || err.Error() != `templates/lac.md:1:1: front matter lacks "key_decision", which the cabinet layout's cover needs (Key decision)` {
		t.Errorf("error = %v", err)
	}
	_, err = parseAccepted(t, strings.Replace(cabinetPaper, "{answer: true, note", "{note", 1))
	if err == nil || !strings.Contains(err.Error(), `templates/lac.md:10:15: key_decision needs answer: true or false`) {
		t.Errorf("error = %v", err)
	}
}

func TestCoverLayoutErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"cover:\n  rows:\n    - {label: X, key: x, kind: colour}\n", `l.yaml:3:32: cover row kind should be one of`},
		{"cover:\n  rows:\n    - {label: X, kind: text}\n", `l.yaml:3:7: a cover row of kind text needs a key`},
		{"cover:\n  rows:\n    - {key: x, kind: text}\n", `l.yaml:3:7: a cover row needs a label`},
		{"cover:\n  rows:\n    - {label: X, key: x, kind: text, rule_label: R}\n", `l.yaml:3:50: rule_label is for rows of kind exempt, and this row is text`},
		{"cover:\n  rows:\n    - {label: X, key: date, kind: yesno}\n", `l.yaml:3:35: the front-matter key date holds a date, so its row's kind should be date`},
		{"cover:\n  rows:\n    - {label: X, key: data, kind: text}\n", `l.yaml:3:23: the front-matter key data cannot be shown as a cover row`},
		{"cover:\n  rows:\n    - {label: X, key: e, kind: exempt}\n", `l.yaml:3:23: a row of kind exempt takes no key`},
		{"cover:\n  style: grid\n", `l.yaml:2:10: cover.style should be one of ["lines" "table"], not "grid"`},
		{"keys: {lead: person}\ncover:\n  rows:\n    - {label: X, key: lead, kind: text}\n", `l.yaml:4:23: the front-matter key lead is declared as person and as text`},
		{"keys: {wards: list}\n", `l.yaml:1:8: wards is a front-matter key every layout accepts`},
		{"exempt_rule: paragraph 3\n", `l.yaml:1:14: exempt_rule should hold {rule}`},
	}
	for _, c := range cases {
		_, err := ParseLayout("l", "l.yaml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error = %v\nwant %s", c.src, err, c.want)
		}
	}
}

// A key a layout declares under keys: is accepted and decoded by its kind,
// though no cover row shows it; the paper reads it as .Paper.<key>.
func TestLayoutDeclaresKeys(t *testing.T) {
	l, err := ParseLayout("house", "templates/layouts/house.yaml", []byte("keys: {service_area: text, decided: date}\n"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(cabinetPaper, "layout: cabinet", "layout: house", 1)
	src = strings.Replace(src, "item: 9\n", "item: 9\nservice_area: Highways\ndecided: 2026-02-30\n", 1)
	p, err := ParsePaper("templates/lac.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	err = p.Accept(l)
	if err == nil || !strings.Contains(err.Error(), `templates/lac.md:9:10: decided should be a date written YYYY-MM-DD, not "2026-02-30"`) ||
		!strings.Contains(err.Error(), `unknown front-matter key "portfolio_holder" (the house layout accepts: layout, report_of, report_to, date, subject, wards, equality_implications, call_in, exempt, access_to_information_rule, exempt_appendix, item, author, data, notice_date, background_papers, decided, service_area)`) {
		t.Errorf("error = %v", err)
	}
	if f := p.Fields["service_area"]; f.Text != "Highways" || p.Front["service_area"] != "Highways" {
		t.Errorf("service_area = %+v, %v", f, p.Front["service_area"])
	}
}
