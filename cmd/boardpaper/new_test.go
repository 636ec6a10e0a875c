package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/project"
)

// A new paper builds at once, in both house styles.
func TestNewPaperBuildsAtOnce(t *testing.T) {
	sections := map[string][]string{
		"executive-board": {"# Purpose of this report", "# Main issues", "# Background documents"},
		"scrutiny-board":  {"# Purpose of this report", "# Main issues", "# Background documents"},
		"cabinet":         {"# Reasons for recommendations", "# Implications", "portfolio_holder: {", "key_decision: false"},
	}
	for layout, want := range sections {
		t.Run(layout, func(t *testing.T) {
			newProject(t, map[string]string{})
			code, out, errOut := runCLI(t, "new", "school-places", "--layout", layout)
			if code != 0 {
				t.Fatalf("new: exit %d: %s", code, errOut)
			}
			if !strings.Contains(out, "templates/school-places.md") {
				t.Errorf("new said %q", out)
			}
			tpl, _ := os.ReadFile("templates/school-places.md")
			for _, s := range append(want, "{.summary}", "layout: "+layout) {
				if !strings.Contains(string(tpl), s) {
					t.Errorf("the template lacks %q", s)
				}
			}
			if code, _, errOut := runCLI(t, "build"); code != 0 {
				t.Fatalf("the new paper does not build: %s\n%s", errOut, tpl)
			}
			if code, _, errOut := runCLI(t, "new", "school-places", "--layout", layout); code != 1 || !strings.Contains(errOut, "already exists") {
				t.Errorf("a second new overwrote the paper: exit %d %s", code, errOut)
			}
		})
	}
}

// --date, --committee and --subject go into the front matter as typed,
// whatever characters they hold; the snapshot is dated no later than the
// meeting; and new says what it wrote and what to run next.
func TestNewWritesWhatItIsTold(t *testing.T) {
	newProject(t, map[string]string{})
	subject := `Children's "homes": 100% #1 \ {{ review }} – Ysgolion`
	code, out, errOut := runCLI(t, "new", "homes", "--layout", "scrutiny-board", "--date", "2013-04-25",
		"--committee", "Scrutiny Board (Children and Families)", "--subject", subject)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	src, err := os.ReadFile("templates/homes.md")
	if err != nil {
		t.Fatal(err)
	}
	p, err := project.ParseFront("templates/homes.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if p.ReportTo != "Scrutiny Board (Children and Families)" || p.Subject != subject || p.Date.Format("2006-01-02") != "2013-04-25" ||
		len(p.Data) != 1 || p.Data[0].Path != "data/homes/2013-04-25.yaml" {
		t.Errorf("front matter: report_to %q, subject %q, date %s, data %v", p.ReportTo, p.Subject, p.Date, p.Data)
	}
	if _, err := os.Stat("data/homes/2013-04-25.yaml"); err != nil {
		t.Errorf("the snapshot is not dated at the meeting, which is before today: %v", err)
	}
	for _, want := range []string{
		"wrote templates/homes.md, a paper in the scrutiny-board layout:\n",
		"  report_to: Scrutiny Board (Children and Families)\n",
		"  date:      2013-04-25\n",
		"  subject:   " + subject + "\n",
		"wrote data/homes/2013-04-25.yaml",
		"\n  boardpaper check templates/homes.md ", "\n  boardpaper serve ", "\n  boardpaper build templates/homes.md ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("new's output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := runCLI(t, "check", "templates/homes.md", "--publish-date", "2013-04-01", "--strict"); code != 0 {
		t.Errorf("the new paper does not check clean: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "build", "templates/homes.md", "--format", "html"); code != 0 {
		t.Fatalf("the new paper does not build: %s", errOut)
	}
	html, _ := os.ReadFile("output/2013-04-25-scrutiny-board-children-and-families/homes.html")
	if !strings.Contains(string(html), ">"+subject+"<") {
		t.Errorf("the cover does not show the subject as typed")
	}
}

// Without the flags, the date is today's, the committee the layout's, and
// the subject a placeholder, and new says which it guessed.
func TestNewDefaults(t *testing.T) {
	newProject(t, map[string]string{})
	code, out, errOut := runCLI(t, "new", "homes", "--layout", "executive-board")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	src, _ := os.ReadFile("templates/homes.md")
	p, err := project.ParseFront("templates/homes.md", src)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format("2006-01-02")
	if p.ReportTo != "Executive Board" || p.Subject != "The subject of the paper" || p.Date.Format("2006-01-02") != today {
		t.Errorf("front matter: report_to %q, subject %q, date %s", p.ReportTo, p.Subject, p.Date)
	}
	for _, want := range []string{"give --committee", "give --date", "give --subject"} {
		if !strings.Contains(out, want) {
			t.Errorf("new's output lacks %q:\n%s", want, out)
		}
	}
	// A meeting to come: the figures are as at today.
	if code, _, errOut := runCLI(t, "new", "later", "--layout", "executive-board", "--date", "2999-01-01"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat("data/later/" + today + ".yaml"); err != nil {
		t.Errorf("the snapshot of a paper for a meeting to come is not dated today: %v", err)
	}
}

// What is typed wrongly is a mistyped command (exit status 2), and
// nothing is written; what the project lacks is a problem (1).
func TestNewRefusesBadNamesAndLayouts(t *testing.T) {
	newProject(t, map[string]string{})
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"School Places", "--layout", "executive-board"}, 2, "lower-case words"},
		{[]string{"x", "--layout", "cabinet-board"}, 1, `no layout "cabinet-board"`},
		{[]string{"x"}, 2, "new takes a name and a layout"},
		{[]string{"x", "y", "--layout", "executive-board"}, 2, "new takes a name and a layout"},
		{[]string{"x", "--layout", "executive-board", "--date", "13/03/2013"}, 2, `--date takes the meeting's date written YYYY-MM-DD, not "13/03/2013"`},
		{[]string{"x", "--layout", "executive-board", "--date", "2013-02-30"}, 2, `not "2013-02-30"`},
		{[]string{"x", "--layout", "executive-board", "--committee", " "}, 2, "--committee is blank"},
		{[]string{"x", "--layout", "executive-board", "--subject", ""}, 2, "--subject is blank"},
		{[]string{"x", "--layout", "executive-board", "--subject", "One\nTwo"}, 2, "--subject should be one line"},
		{[]string{"x", "--layout", "executive-board", "--committee", "Board\u2028"}, 2, "--committee should be one line"},
	} {
		code, _, errOut := runCLI(t, append([]string{"new"}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("new %q: exit %d, want %d, %q\n%s", c.args, code, c.code, c.want, errOut)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("a refused new wrote %v", entries)
	}
}
