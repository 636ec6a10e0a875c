package transform_test

import (
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/markdown"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/transform"
)

var execBoard = transform.Options{SummaryNumbers: "1.0", SectionNumbers: "1.0", TableLabel: "Table", ChartLabel: "Table", NumberWords: true}
var scrutiny = transform.Options{SummaryNumbers: "1.", RecommendationsContinue: true, SectionNumbers: "1", TableLabel: "Table", ChartLabel: "Figure"}

const paper = `# Summary of main issues {.summary}

First summary.

Second summary.

# Recommendations {.recommendations}

The Board is asked to note the report.

# Purpose of this report

Purpose one.

# Main issues {#sec-main}

Main one.

- a list item belongs to the paragraph

Main two, see @para-placements and @sec-main.

## Common Assessment Framework {-}

Main three after a cross-heading.

### Deeper cross-heading

Main four. {#para-placements}

| A | B |
|---|--:|
| x | 1 |

Table: A small table {#tbl-small}

Main five cites @tbl-small.

# Corporate Considerations

## Consultation and Engagement

Consult one.

Consult two.[^1]

## Equality

Equality one.

[^1]: A footnote.
`

func read(t *testing.T, src string, o transform.Options) *model.Document {
	t.Helper()
	res, err := markdown.Read(markdown.Source{Path: "templates/p.md", FirstLine: 10, Template: src, Expanded: src}, nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if err := transform.Apply(res.Doc, o, res.Positions); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return res.Doc
}

// numbers lists every section and paragraph number in reading order.
func numbers(d *model.Document) []string {
	var out []string
	for _, s := range d.Sections() {
		if s.Number != "" {
			out = append(out, "§"+s.Number)
		}
		for _, b := range s.Blocks {
			if p, ok := b.(*model.Para); ok {
				out = append(out, p.Number)
			}
		}
	}
	return out
}

func TestNumberingExecutiveBoard(t *testing.T) {
	d := read(t, paper, execBoard)
	got := strings.Join(numbers(d), " ")
	want := "1.0 2.0  §1.0 1.1 §2.0 2.1 2.2 2.3 2.4 2.5 §3.0 §3.1 3.1.1 3.1.2 §3.2 3.2.1"
	if got != want {
		t.Errorf("numbers:\n got %s\nwant %s", got, want)
	}
}

func TestNumberingScrutinyRunsOnIntoRecommendations(t *testing.T) {
	d := read(t, paper, scrutiny)
	got := strings.Join(numbers(d), " ")
	want := "1. 2. 3. §1 1.1 §2 2.1 2.2 2.3 2.4 2.5 §3 §3.1 3.1.1 3.1.2 §3.2 3.2.1"
	if got != want {
		t.Errorf("numbers:\n got %s\nwant %s", got, want)
	}
}

func TestReferencesResolve(t *testing.T) {
	d := read(t, paper, execBoard)
	dump := model.Dump(d)
	for _, want := range []string{
		`Ref(@para-placements→#para-placements "paragraph 2.4")`,
		`Ref(@sec-main→#sec-main "section 2")`,
		`Ref(@tbl-small→#tbl-small "Table One")`,
		`Table "Table One" {#tbl-small .numbered}`,
		`CrossHeading {.unnumbered} "Common Assessment Framework"`,
		`Note 1 id="fn-1"`,
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("dump lacks %s\n%s", want, dump)
		}
	}
}

func TestSubsectionsShareTheSectionsCounter(t *testing.T) {
	src := "# Intro\n\nIntro.\n\n# Corporate\n\nOpening paragraph.\n\n## Consultation\n\nConsult.\n"
	d := read(t, src, scrutiny)
	if got := strings.Join(numbers(d), " "); got != "§1 1.1 §2 2.1 §2.2 2.2.1" {
		t.Errorf("numbers = %s", got)
	}
}

func TestLabelErrors(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"unknown", "# A\n\nSee @tbl-missing here.\n", "templates/p.md:12:5: unknown label @tbl-missing"},
		{"typo", "# A {#sec-main}\n\nSee @sec-mian.\n", "templates/p.md:12:5: unknown label @sec-mian (did you mean @sec-main?)"},
		{"duplicate", "# A {#sec-x}\n\nText.\n\n# B {#sec-x}\n\nMore.\n", "templates/p.md:14:1: label \"sec-x\" is defined twice (first at line 10)"},
		{"unnumbered para", "# R {.recommendations}\n\nNote it. {#para-rec}\n\n# A\n\nSee @para-rec.\n", "cannot be referred to: it labels a paragraph that has no number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := markdown.Read(markdown.Source{Path: "templates/p.md", FirstLine: 10, Template: c.src, Expanded: c.src}, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = transform.Apply(res.Doc, execBoard, res.Positions)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestExhibitSequences(t *testing.T) {
	src := "# A\n\nText.\n\n| a |\n|---|\n| 1 |\n\nTable: first\n\n| b |\n|---|\n| 2 |\n\nUncaptioned above.\n\n| c |\n|---|\n| 3 |\n\nTable: second\n"
	d := read(t, src, execBoard)
	var labels []string
	for _, b := range d.Body[0].Blocks {
		if tb, ok := b.(*model.Table); ok {
			labels = append(labels, tb.Label)
		}
	}
	if got := strings.Join(labels, "|"); got != "Table One||Table Two" {
		t.Errorf("labels = %q", got)
	}
	d = read(t, src, scrutiny)
	if tb := d.Body[0].Blocks[4].(*model.Table); tb.Label != "Table 2" {
		t.Errorf("numeral label = %q", tb.Label)
	}
}

func TestRedactKeepsHeadingDropsContentAndItsNotes(t *testing.T) {
	src := "# Main\n\nPublic text.[^a]\n\n# Appendix {.exempt}\n\nSECRET text.[^b]\n\n## Detail\n\nMore SECRET.\n\n[^a]: Public note.\n[^b]: SECRET note.\n"
	d := read(t, src, scrutiny)
	pub, err := transform.Redact(d, "Not for publication (Access to Information Procedure Rule 10.4(3))")
	if err != nil {
		t.Fatal(err)
	}
	dump := model.Dump(pub)
	if strings.Contains(dump, "SECRET") {
		t.Errorf("redacted document still holds exempt text:\n%s", dump)
	}
	if !strings.Contains(dump, `Section "2" {#sec-2 .exempt exempt} "Appendix"`) || !strings.Contains(dump, "ExemptNotice") {
		t.Errorf("heading or notice missing:\n%s", dump)
	}
	if full := model.Dump(d); !strings.Contains(full, "SECRET note") {
		t.Errorf("Redact changed the full document:\n%s", full)
	}
}

func TestEmailAddressesAreNotReferences(t *testing.T) {
	d := read(t, "# A {#sec-a}\n\nWrite to clerk@sec-a.example or see @sec-a, or @sec-a.\n", scrutiny)
	got := model.Dump(d)
	if strings.Count(got, "Ref(") != 2 || !strings.Contains(got, `"Write to clerk@sec-a.example or see "`) {
		t.Errorf("references = %s", got)
	}
}

// Every way of marking a heading exempt, at every level, withholds what
// follows it up to the next heading of the same or a higher level, and
// publishes the heading itself without its attributes.
func TestExemptHeadingsInEverySpelling(t *testing.T) {
	spellings := []string{"{.exempt}", "{.exempt .unnumbered}", "{.unnumbered .exempt}", "{- .exempt}", "{.exempt -}", "{.exempt} {-}", "{-} {.exempt}", "{#sec-x .exempt}", "{.exempt #sec-x}", "{.exempt lang=en}"}
	for _, sp := range spellings {
		for level := 1; level <= 6; level++ {
			h := strings.Repeat("#", level)
			inner := ""
			if level < 6 {
				inner = strings.Repeat("#", level+1) + " Inner SECRET heading\n\nSECRET two.\n\n"
			}
			src := "# Host\n\nPublic one.\n\n" + h + " Appendix " + sp + "\n\nSECRET one.\n\n" +
				inner + h + " After\n\nPublic two.\n"
			d := read(t, src, execBoard)
			pub, err := transform.Redact(d, "Not for publication")
			if err != nil {
				t.Fatal(err)
			}
			dump := model.Dump(pub)
			if strings.Contains(dump, "SECRET") {
				t.Errorf("level %d %s: the public version holds exempt text:\n%s", level, sp, dump)
			}
			for _, want := range []string{`"Appendix"`, `ExemptNotice "Not for publication"`, `"Public two."`, `"After"`} {
				if !strings.Contains(dump, want) {
					t.Errorf("level %d %s: public version lacks %s:\n%s", level, sp, want, dump)
				}
			}
			if full := model.Dump(d); !strings.Contains(full, "SECRET one") {
				t.Errorf("level %d %s: the full version lost exempt text", level, sp)
			}
		}
	}
}

// A public reference into exempt material names only the heading that
// opened it; the full version names the element itself. Numbers are the
// full version's in both.
func TestReferencesIntoExemptMaterial(t *testing.T) {
	src := "# Main\n\nSee @sec-costs, @para-secret and @sec-app.\n\n" +
		"# Appendix 1: Staffing {.exempt #sec-app}\n\nPeople. {#para-secret}\n\n### Costs {#sec-costs}\n\nMoney.\n\n" +
		"# Next\n\nSee @para-hidden.\n\n### Part B {.exempt}\n\nHidden. {#para-hidden}\n"
	d := read(t, src, execBoard)
	full := model.Dump(d)
	for _, want := range []string{
		`Ref(@sec-costs→#sec-costs "“Costs”" public→#sec-app "the exempt part of section 2")`,
		`Ref(@para-secret→#para-secret "paragraph 2.1" public→#sec-app "the exempt part of section 2")`,
		`Ref(@sec-app→#sec-app "section 2")`,
		`Ref(@para-hidden→#para-hidden "paragraph 3.2" public→#exempt-1 "the exempt part of “Part B”")`,
	} {
		if !strings.Contains(full, want) {
			t.Errorf("full version lacks %s:\n%s", want, full)
		}
	}
	pub, err := transform.Redact(d, "Not for publication")
	if err != nil {
		t.Fatal(err)
	}
	dump := model.Dump(pub)
	for _, gone := range []string{"Costs", "para-secret", "sec-costs", "People", "Hidden", "para-hidden"} {
		if strings.Contains(dump, gone) {
			t.Errorf("public version holds %q:\n%s", gone, dump)
		}
	}
	for _, want := range []string{`Ref(@→#sec-app "the exempt part of section 2")`, `CrossHeading {#exempt-1 .exempt} "Part B"`} {
		if !strings.Contains(dump, want) {
			t.Errorf("public version lacks %s:\n%s", want, dump)
		}
	}
}

// A subsection after an exempt cross-heading of level 1 lies inside its
// material: left out of the public version, heading and all.
func TestExemptCrossHeadingRunsIntoSubsections(t *testing.T) {
	src := "# Main\n\nOne.\n\n## Sub\n\nTwo.\n\n# Appendix {.exempt -}\n\nSECRET.\n\n## SECRET heading\n\nSECRET text.\n\n# Next\n\nThree.\n"
	d := read(t, src, execBoard)
	// The exempt part's paragraph is 1.2.2, and the subsection after it
	// 1.3, in both versions.
	if got := strings.Join(numbers(d), " "); got != "§1.0 1.1 §1.2 1.2.1 §1.3 1.3.1 §2.0 2.1" {
		t.Errorf("numbers = %s", got)
	}
	if full := model.Dump(d); !strings.Contains(full, `Para "1.2.2" {#para-1-2-2} "SECRET."`) || !strings.Contains(full, `Section "1.3" {#sec-1-3 exempt} within-exempt "SECRET heading"`) {
		t.Errorf("full version:\n%s", full)
	}
	pub, err := transform.Redact(d, "Not for publication")
	if err != nil {
		t.Fatal(err)
	}
	if dump := model.Dump(pub); strings.Contains(dump, "SECRET") || !strings.Contains(dump, `"Three."`) {
		t.Errorf("public version:\n%s", dump)
	}
}

// Mistakes that would publish what an author meant to withhold are errors.
func TestExemptMarkingMistakes(t *testing.T) {
	cases := map[string]string{
		"# A\n\nText.\n\n# B {.exmept}\n\nSecret.\n":                  "templates/p.md:14:1: unknown heading class .exmept (did you mean .exempt?)",
		"# A\n\nText.\n\n# B {.confidential}\n\nSecret.\n":            "unknown heading class .confidential",
		"# A\n\nText.\n\n# B {.exempt -- x}\n\nSecret.\n":             `templates/p.md:14:1: cannot read the attributes "{.exempt -- x}"`,
		"# A\n\nText.\n\nSecret paragraph. {.exempt}\n":               "templates/p.md:14:1: \"{.exempt}\": only a heading can be marked exempt",
		"# A\n\nText.\n\n| a |\n|---|\n| 1 |\n\nTable: x {.exempt}\n": "only a heading can be marked exempt",
	}
	for src, want := range cases {
		res, err := markdown.Read(markdown.Source{Path: "templates/p.md", FirstLine: 10, Template: src, Expanded: src}, nil)
		if err == nil {
			err = transform.Apply(res.Doc, execBoard, res.Positions)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %s", src, err, want)
		}
	}
}

// Ids are decided once, in reading order: each unique, none of them an
// anchor a writer makes for itself, and a label that is taken gives way
// with a suffix that references follow.
func TestIDsAreUniqueAndReferencesFollowThem(t *testing.T) {
	src := "# One\n\nOne, see @sec-2 and @sec-1-title. {#sec-2}\n\nTwo.[^1] {#main}\n\n" +
		"Three. {#sec-1-title}\n\nFour. {#fnref-1}\n\n# Two\n\nFive.\n\n[^1]: A note.\n"
	d := read(t, src, scrutiny)
	var ids []string
	seen := map[string]bool{}
	unique := func(id string) {
		if seen[id] {
			t.Errorf("id %q is given twice", id)
		}
		seen[id] = true
	}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if a := model.AttrOf(n); entering && a != nil && a.ID != "" {
			ids = append(ids, a.ID+"<"+a.Label)
			unique(a.ID)
			if _, ok := n.(*model.Section); ok {
				unique(model.TitleID(a.ID))
			}
		}
		if note, ok := n.(*model.Note); ok && entering {
			ids = append(ids, note.ID)
			unique(note.ID)
		}
		return model.WalkContinue
	})
	unique(model.MainID)
	unique(model.NoteRefID(1, 1))
	got := strings.Join(ids, " ")
	want := "sec-1< sec-2<sec-2 main-2<main sec-1-title-2<sec-1-title fnref-1-2<fnref-1 sec-2-2< para-2-1< fn-1"
	if got != want {
		t.Errorf("ids (id<label):\n got %s\nwant %s", got, want)
	}
	dump := model.Dump(d)
	for _, ref := range []string{
		`Ref(@sec-2→#sec-2 "paragraph 1.1")`,
		`Ref(@sec-1-title→#sec-1-title-2 "paragraph 1.3")`,
		`Para "1.2" {#main-2 label=main} "Two."`,
	} {
		if !strings.Contains(dump, ref) {
			t.Errorf("dump lacks %s:\n%s", ref, dump)
		}
	}
}

const withAppendices = `# Main issues

See @sec-staff, @para-rota and @sec-names.

Second.

# Staffing {.appendix #sec-staff}

Staff one.

## Rotas

Rotas one. {#para-rota}

# Names {.appendix .exempt #sec-names}

A name.
`

func TestAppendicesNumberedByTheLayout(t *testing.T) {
	for _, c := range []struct {
		name string
		o    func(*transform.Options)
		want string
		refs string
	}{
		{"numerals", func(*transform.Options) {}, "§1.0 1.1 1.2 §Appendix 1 A1.1 §A1.2 A1.2.1 §Appendix 2 A2.1",
			"See Appendix 1, paragraph A1.2.1 and Appendix 2."},
		{"letters", func(o *transform.Options) { o.AppendixLetters = true; o.AppendixWord = "Annex" },
			"§1.0 1.1 1.2 §Annex A A.1 §A.2 A.2.1 §Annex B B.1", "See Annex A, paragraph A.2.1 and Annex B."},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := execBoard
			o.AppendixWord, o.AppendixParas = "Appendix", true
			c.o(&o)
			d := read(t, withAppendices, o)
			if got := strings.Join(numbers(d), " "); got != c.want {
				t.Errorf("numbers:\n got %s\nwant %s", got, c.want)
			}
			if got := model.PlainText(d.Body[0].Blocks[0].(*model.Para).Inlines); got != c.refs {
				t.Errorf("references read %q, want %q", got, c.refs)
			}
			apps := d.Meta.Appendices
			if len(apps) != 2 || apps[0].Title != "Staffing" || apps[0].Exempt || apps[0].ID != "sec-staff" ||
				!apps[1].Exempt || apps[1].Name != d.Body[2].Number {
				t.Errorf("appendices recorded as %+v", apps)
			}
		})
	}
}

func TestAppendixParagraphsUnnumbered(t *testing.T) {
	o := execBoard
	o.AppendixWord = "Appendix"
	res, err := markdown.Read(markdown.Source{Path: "templates/p.md", FirstLine: 10, Template: withAppendices, Expanded: withAppendices}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = transform.Apply(res.Doc, o, res.Positions)
	// Unnumbered paragraphs cannot be referred to by number.
	if err == nil || !strings.Contains(err.Error(), "@para-rota cannot be referred to") {
		t.Fatalf("want the reference to an unnumbered appendix paragraph refused, got %v", err)
	}
	if got := strings.Join(numbers(res.Doc), " "); got != "§1.0 1.1 1.2 §Appendix 1   §Appendix 2 " {
		t.Errorf("numbers: %q", got)
	}
}

// TestUnnumberedLeadIn: a paragraph marked {.unnumbered} takes no number
// and the count runs on past it; a lettered list under it takes none.
func TestUnnumberedLeadIn(t *testing.T) {
	src := "# Main issues\n\nFirst.\n\nThe Board is asked to: {.unnumbered}\n\n(a) agree;\n(b) note.\n\nSecond.\n"
	d := read(t, src, execBoard)
	if got := strings.Join(numbers(d), " "); got != "§1.0 1.1  1.2" {
		t.Errorf("numbers %q, want \"§1.0 1.1  1.2\"", got)
	}
}

func TestNumberingContinuous(t *testing.T) {
	o := execBoard
	o.ContinuousParas, o.AppendixWord, o.AppendixParas = true, "Appendix", true
	d := read(t, paper+"\n# Staffing {.appendix}\n\nStaff one.\n", o)
	got := strings.Join(numbers(d), " ")
	want := "1.0 2.0  §1.0 1 §2.0 2 3 4 5 6 §3.0 §3.1 7 8 §3.2 9 §Appendix 1 A1.1"
	if got != want {
		t.Errorf("numbers:\n got %s\nwant %s", got, want)
	}
	dump := model.Dump(d)
	if !strings.Contains(dump, `Ref(@para-placements→#para-5 "paragraph 5")`) && !strings.Contains(dump, `Ref(@para-placements→#para-placements "paragraph 5")`) {
		t.Errorf("the reference does not read \"paragraph 5\":\n%s", dump)
	}
}

// TestReferencesStartingSentencesAreCapitalised: a reference that starts
// a paragraph, list item, cell or sentence reads "Section 2", one inside
// a sentence or after an abbreviation "section 2".
func TestReferencesStartingSentencesAreCapitalised(t *testing.T) {
	src := "# Main issues {#sec-main}\n\n" +
		"@sec-main sets out the issues. @para-two follows it? @sec-main again! And “@sec-main.” Then (see @sec-main) e.g. @sec-main, and Mr. @sec-main. **@sec-main** is bold. {#para-one}\n\n" +
		"Two. {#para-two}\n\n" +
		"- @sec-main in a list\n\n" +
		"| A |\n|---|\n| @sec-main in a cell |\n\nTable: @sec-main in a caption\n"
	d := read(t, src, execBoard)
	var got []string
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if r, ok := n.(*model.Ref); ok && entering {
			got = append(got, r.Text)
		}
		return model.WalkContinue
	})
	want := "Section 1|Paragraph 1.2|Section 1|section 1|section 1|section 1|section 1|Section 1|Section 1|Section 1|Section 1"
	if strings.Join(got, "|") != want {
		t.Errorf("references read\n %s\nwant\n %s", strings.Join(got, "|"), want)
	}
}
