package project

import (
	"fmt"
	"github.com/boardpaper/boardpaper/internal/format"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const good = `---
layout: executive-board
report_of: Director of Children's Services
report_to: Executive Board
date: 2013-03-13
subject: "Reducing the need for children to be looked after"
wards: [Armley, Beeston]
call_in: true
item: 7
author: {name: A. Officer, tel: 0113 000 0000}
data: {lac: data/lac/2013-01-25.yaml, fostering: data/fostering/2013-02.yaml}
---
# Body
`

func TestParsePaper(t *testing.T) {
	p, err := ParsePaper("templates/lac.md", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if p.Slug != "lac" || p.Date.Format("2006-01-02") != "2013-03-13" || !p.CallIn || p.Item != 7 {
		t.Errorf("paper = %+v", p)
	}
	if strings.Join(p.Wards, ",") != "Armley,Beeston" || p.AuthorTel != "0113 000 0000" {
		t.Errorf("wards %q, tel %q", p.Wards, p.AuthorTel)
	}
	if len(p.Data) != 2 || p.Data[0].Name != "lac" || p.Data[1].Path != "data/fostering/2013-02.yaml" {
		t.Errorf("data = %+v", p.Data)
	}
	if p.BodyLine != 13 || p.Body != "# Body\n" {
		t.Errorf("body at line %d: %q", p.BodyLine, p.Body)
	}
	if p.Front["report_to"] != "Executive Board" || p.Front["date"] != "2013-03-13" {
		t.Errorf(".Paper = %v", p.Front)
	}
}

func TestParsePaperErrors(t *testing.T) {
	cases := []struct{ name, old, new, want string }{
		{"unknown key", "call_in: true", "call_in: true\ncolour: blue", `templates/lac.md:9:1: unknown front-matter key "colour" (the executive-board layout accepts: layout, report_of`},
		{"misspelt key", "call_in: true", "call_in: true\nequality_implication: true", `templates/lac.md:9:1: unknown front-matter key "equality_implication" (did you mean "equality_implications"?)`},
		{"misspelt author key", "tel: 0113", "telephone: 0113", `templates/lac.md:10:28: unknown author key "telephone" (known: name, role, tel, email)`},
		{"misspelt author key close", "tel: 0113", "tell: 0113", `templates/lac.md:10:28: unknown author key "tell" (did you mean "tel"?)`},
		{"wrong type", "item: 7", "item: seven", `templates/lac.md:9:7: item should be a whole number, not "seven"`},
		{"bad date", "2013-03-13", "2013-02-30", `templates/lac.md:5:7: date should be a date written YYYY-MM-DD, not "2013-02-30"`},
		{"missing subject", "subject: \"Reducing the need for children to be looked after\"\n", "", `templates/lac.md:1:1: front matter lacks "subject"`},
		{"appendix without rule", "item: 7", "item: 7\nexempt_appendix: \"1\"", `templates/lac.md:10:18: exempt_appendix is given but access_to_information_rule is not`},
		{"unclosed", "---\n# Body", "# Body", `templates/lac.md:1:1: front matter is not closed`},
		{"bad data name", "{lac:", "{lac-2:", `data name "lac-2" should be letters, digits and _ only`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseAccepted(t, strings.Replace(good, c.old, c.new, 1))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestBuiltInLayouts(t *testing.T) {
	root := t.TempDir()
	eb, err := LoadLayout(root, "executive-board")
	if err != nil {
		t.Fatal(err)
	}
	if eb.SummaryNumbers != "1.0" || eb.RecommendationsContinue || eb.SectionNumbers != "1.0" || !eb.NumberWords {
		t.Errorf("executive-board = %+v", eb)
	}
	sb, err := LoadLayout(root, "scrutiny-board")
	if err != nil {
		t.Fatal(err)
	}
	if sb.SummaryNumbers != "1." || !sb.RecommendationsContinue || sb.SectionNumbers != "1" {
		t.Errorf("scrutiny-board = %+v", sb)
	}
	if _, err := LoadLayout(root, "committee"); err == nil || !strings.Contains(err.Error(), `no layout "committee"`) {
		t.Errorf("missing layout: %v", err)
	}
}

func TestProjectLayoutOverridesBuiltIn(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "templates/layouts"), 0o755)
	os.WriteFile(filepath.Join(root, "templates/layouts/executive-board.yaml"), []byte("sections: {numbers: \"1\"}\nexhibits: {numbers: numerals, colour: red}\n"), 0o644)
	_, err := LoadLayout(root, "executive-board")
	if err == nil || !strings.Contains(err.Error(), `templates/layouts/executive-board.yaml:2:31: unknown key "colour" in exhibits`) {
		t.Fatalf("error = %v", err)
	}
}

func TestResolveKeepsPathsInsideTheProject(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(root, "data"), 0o755)
	os.WriteFile(filepath.Join(root, "data/ok.yaml"), []byte("a: 1\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("a: 1\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(root, "data/link.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if _, err := Resolve(root, "data/ok.yaml"); err != nil {
		t.Errorf("inside: %v", err)
	}
	for rel, want := range map[string]string{
		"../x.yaml":         "leads outside the project folder",
		"data/../../x.yaml": "leads outside the project folder",
		"/etc/passwd":       "is absolute",
		"data/link.yaml":    "through a symbolic link",
		"data/missing.yaml": "not found",
		`data\windows.yaml`: "backslashes",
	} {
		if _, err := Resolve(root, rel); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Resolve(%q) = %v, want %q", rel, err, want)
		}
	}
}

func TestSnapshotLimits(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 8; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	_, err := ParseSnapshot("data/bomb.yaml", []byte(bomb))
	if err == nil || err.Error() != "data/bomb.yaml:6:36: too many values (more than 1000000, counting aliases each time they are used)" {
		t.Fatalf("an alias bomb: %v", err)
	}
	// The count is exact: a: 100 values; b: a list (1) of n uses of a
	// (100 each); the map and its two keys 3 more.
	aliases := func(n int) string {
		return "a: &a [" + strings.Repeat("x, ", 98) + "x]\nb: [" + strings.Repeat("*a, ", n-1) + "*a]\n"
	}
	if s, err := ParseSnapshot("data/s.yaml", []byte(aliases(9998))); err != nil || len(s.Value["b"].([]any)) != 9998 {
		t.Errorf("999,904 values were refused: %v", err)
	}
	if _, err := ParseSnapshot("data/s.yaml", []byte(aliases(9999))); err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("data/s.yaml:2:%d: too many values", 5+4*9998)) {
		t.Errorf("1,000,004 values: %v", err)
	}
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	if _, err := ParseSnapshot("data/deep.yaml", []byte("a: "+deep+"\n")); err == nil {
		t.Fatal("10,000-deep nesting was accepted")
	}
}

func TestDataSetLookup(t *testing.T) {
	s, err := ParseSnapshot("data/a.yaml", []byte("tables:\n  ages: {columns: [a]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	set := &DataSet{Snapshots: []*Snapshot{s}}
	n, snap, err := set.Lookup("tables.ages")
	if err != nil || snap != s || n.Line != 2 {
		t.Fatalf("Lookup = %v %v %v", n, snap, err)
	}
	if _, _, err := set.Lookup("tables.sizes"); err == nil || !strings.Contains(err.Error(), `data/a.yaml has no "tables.sizes"`) {
		t.Errorf("missing: %v", err)
	}
}

// A required key misspelt gets one message, where it is written, not a
// second at line 1 saying the key is missing.
func TestMisspeltRequiredKey(t *testing.T) {
	_, err := parseAccepted(t, strings.Replace(good, "report_to:", "repot_to:", 1))
	want := `templates/lac.md:4:1: unknown front-matter key "repot_to" (did you mean "report_to"?)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	_, err = ParsePaper("templates/lac.md", []byte(strings.Replace(good, "report_to: Executive Board\n", "", 1)))
	if err == nil || err.Error() != `templates/lac.md:1:1: front matter lacks "report_to"` {
		t.Errorf("missing: %v", err)
	}
}

// A snapshot's numbers that no paper can print are refused at their line:
// every spelling of NaN and infinity YAML (or Go, unquoted) reads, and
// figures beyond 2^53. Quoted, they are text the author meant.
func TestSnapshotFiguresThatCannotBePrinted(t *testing.T) {
	const nan = `means "not a number", which no paper can print: write the figure, or "n/a" in quotes where there is none`
	const inf = `means infinity, which no paper can print: write the figure, or "n/a" in quotes where there is none`
	const big = `is too large to print exactly: a figure must be within 9,007,199,254,740,992 either side of 0 (put a reference number, which is not a figure, in quotes)`
	for _, c := range []struct{ value, want string }{
		{".nan", ".nan " + nan}, {".NaN", ".NaN " + nan}, {".NAN", ".NAN " + nan},
		{"NaN", "NaN " + nan}, {"nan", "nan " + nan}, {"-nan", "-nan " + nan},
		{".inf", ".inf " + inf}, {".Inf", ".Inf " + inf}, {"+.INF", "+.INF " + inf}, {"-.Inf", "-.Inf " + inf},
		{"-.inf", "-.inf " + inf}, {"Infinity", "Infinity " + inf}, {"-infinity", "-infinity " + inf}, {"inf", "inf " + inf},
		{"!!float .nan", ".nan " + nan}, {"!!int inf", "inf " + inf},
		{"!!float nan", `nan is marked as a number (!!float) but is not one: write the figure, or "n/a" in quotes where there is none`},
		{"9007199254740993", "9007199254740993 " + big}, {"-9007199254740993", "-9007199254740993 " + big},
		{"99999999999999999999", "99999999999999999999 " + big}, {"1e20", "1e20 " + big},
		{"1e400", "1e400 " + big}, {"-1e400", "-1e400 " + big}, {"1.5e16", "1.5e16 " + big},
	} {
		src := "homes:\n  total: 12\n  rows: [1, " + c.value + "]\n"
		_, err := ParseSnapshot("data/s.yaml", []byte(src))
		want := "data/s.yaml:3:13: " + c.want
		if err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", c.value, err, want)
		}
	}
	for _, value := range []string{`".nan"`, `"NaN"`, `'inf'`, `"99999999999999999999"`, "9007199254740992", "-9007199254740992", "1e-400", "Nan", "n/a", "info", "nano", "!!str NaN"} {
		if _, err := ParseSnapshot("data/s.yaml", []byte("a: "+value+"\n")); err != nil {
			t.Errorf("%s: %v", value, err)
		}
	}
	// Front matter is read the same way: .Paper must not hold them either.
	paper := strings.Replace(good, "item: 7", "item: 7\nexempt_appendix: .nan", 1)
	if _, err := ParsePaper("templates/p.md", []byte(paper)); err == nil || !strings.HasPrefix(err.Error(), "templates/p.md:10:18: .nan means") {
		t.Errorf("front matter: %v", err)
	}
}

// Negative zero is read as 0, so nothing prints "-0".
func TestSnapshotNegativeZero(t *testing.T) {
	s, err := ParseSnapshot("data/s.yaml", []byte("a: -0.0\nb: -0\nc: [-0.0]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []any{s.Value["a"], s.Value["b"], s.Value["c"].([]any)[0]} {
		f, ok := v.(format.Number)
		if want := []string{"0.0", "0", "0.0"}[i]; !ok || math.Signbit(f.Value) || format.Num(f) != want {
			t.Errorf("%#v kept its minus sign, or does not print %s", v, want)
		}
	}
	n := s.Root.Content[1]
	if x, ok := Number(n); !ok || math.Signbit(x) {
		t.Errorf("Number(-0.0) = %v, %v", x, ok)
	}
}

// A snapshot's figures carry the places they were written with, to the
// template (Value) and to the table code (Figure); text stays text.
func TestSnapshotFiguresKeepTheirPlaces(t *testing.T) {
	s, err := ParseSnapshot("data/s.yaml", []byte("rise: 1.99\nfee: 2.50\ncount: 17_421\nrows: [565.777, 6.0]\nlabel: \"2.50\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	rows := s.Value["rows"].([]any)
	for i, v := range []any{s.Value["rise"], s.Value["fee"], s.Value["count"], rows[0], rows[1]} {
		want := []string{"1.99", "2.50", "17,421", "565.777", "6.0"}[i]
		if f, ok := v.(format.Number); !ok || format.Num(f) != want {
			t.Errorf("figure %d is %#v, want a Number printing %s", i, v, want)
		}
	}
	if v := s.Value["label"]; v != "2.50" {
		t.Errorf("quoted text is %#v, want the text", v)
	}
	fee := MapGet(s.Root, "fee")
	if f, ok := Figure(fee); !ok || f.Places != 2 || f.Value != 2.5 {
		t.Errorf("Figure(2.50) = %+v, %v", f, ok)
	}
	if _, ok := Figure(MapGet(s.Root, "label")); ok {
		t.Errorf("Figure took quoted text")
	}
}

// A series set's x values are checked as the snapshot is read, so that a
// mistake is reported at its line in the snapshot, not in the template or
// chart that reads it; so is text written as a day that is not one.
func TestSnapshotDates(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"lac:\n  x: [2013-01-25, 2013-02-30]\n  series:\n    - {name: A, values: [1, 2]}\n",
			`data/s.yaml:2:19: "2013-02-30" is not a real date`},
		{"lac:\n  series:\n    - {name: A, values: [1, 2]}\n  x:\n    - 2012-13\n    - 2013-01\n",
			`data/s.yaml:5:7: "2012-13" is not a real date`},
		{"lac:\n  x: [2012-01-31, Q2]\n  series: []\n",
			`data/s.yaml:2:19: x mixes dates and labels: "2012-01-31" is a date but "Q2" is a label; write every x as a date (YYYY-MM-DD or YYYY-MM) or every x as a label`},
		{"lac:\n  x: [2012-03, 2012-01]\n  series: []\n",
			`data/s.yaml:2:16: x dates must run forward in time: 2012-01 does not come after 2012-03`},
		{"lac:\n  x: [2012-03, 2012-04-01]\n  series: []\n",
			`data/s.yaml:2:16: x mixes months and days: "2012-03" and "2012-04-01"; write every x as YYYY-MM-DD or every x as YYYY-MM`},
		{"lac:\n  x: [25/01/2013, 25/02/2013]\n  series: []\n",
			`data/s.yaml:2:7: "25/01/2013" is written day/month/year: write a date as YYYY-MM-DD (2013-01-25)`},
		{"lac:\n  x: [[2013]]\n  series: []\n",
			`data/s.yaml:2:7: an x value should be text, not a list`},
		{"as_at: 2013-02-29\n", `data/s.yaml:1:8: "2013-02-29" is not a real date`},
		{"a:\n  b: [\"2013-04-31\"]\n", `data/s.yaml:2:7: "2013-04-31" is not a real date`},
	} {
		_, err := ParseSnapshot("data/s.yaml", []byte(c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
	// Labels that are not dates, a financial year among them, stay labels;
	// x without series is not a series set.
	for _, src := range []string{
		"lac:\n  x: [2011/12, 2012/13]\n  series: []\n",
		"lac:\n  x: [Q1, Q2]\n  series: []\n",
		"lac:\n  x: [2012-03, 2012-04]\n  series: []\n",
		"cols: {x: [2012-13, Q2]}\n",
		"years: [\"2012-13\", 2013-14]\n",
		"as_at: 2012-02-29\n",
	} {
		if _, err := ParseSnapshot("data/s.yaml", []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// parseAccepted reads a paper's front matter and the keys its layout (one
// built in) accepts, as a build does.
func parseAccepted(t *testing.T, src string) (*Paper, error) {
	t.Helper()
	p, err := ParsePaper("templates/lac.md", []byte(src))
	if err != nil {
		return nil, err
	}
	l, err := LoadLayout(t.TempDir(), p.Layout)
	if err != nil {
		t.Fatal(err)
	}
	return p, p.Accept(l)
}
