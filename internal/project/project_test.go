package project

import (
	"fmt"
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
		{"unknown key", "call_in: true", "call_in: true\ncolour: blue", `templates/lac.md:9:1: unknown front-matter key "colour"`},
		{"wrong type", "item: 7", "item: seven", `templates/lac.md:9:7: item should be a whole number, not "seven"`},
		{"bad date", "2013-03-13", "2013-02-30", `templates/lac.md:5:7: date should be a date written YYYY-MM-DD, not "2013-02-30"`},
		{"missing subject", "subject: \"Reducing the need for children to be looked after\"\n", "", `templates/lac.md:1:1: front matter lacks "subject"`},
		{"appendix without rule", "item: 7", "item: 7\nexempt_appendix: \"1\"", `templates/lac.md:10:18: exempt_appendix is given but access_to_information_rule is not`},
		{"unclosed", "---\n# Body", "# Body", `templates/lac.md:1:1: front matter is not closed`},
		{"bad data name", "{lac:", "{lac-2:", `data name "lac-2" should be letters, digits and _ only`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePaper("templates/lac.md", []byte(strings.Replace(good, c.old, c.new, 1)))
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
	if _, err := LoadLayout(root, "cabinet"); err == nil || !strings.Contains(err.Error(), `no layout "cabinet"`) {
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
