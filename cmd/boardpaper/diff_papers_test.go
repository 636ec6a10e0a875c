package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var updateDiff = flag.Bool("update", false, "rewrite the diff golden files in testdata")

const (
	lacOld = "data/looked-after-children/2013-01-25.yaml"
	lacNew = "data/looked-after-children/2013-04-30.yaml"
)

// diffGolden compares out with testdata/name, or rewrites it with -update.
func diffGolden(t *testing.T, name, out string) {
	t.Helper()
	path := filepath.Join(testdataDir, name)
	if *updateDiff {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, out, want)
	}
}

var (
	testdataDir, _ = filepath.Abs("testdata")
	repoRoot, _    = filepath.Abs("../..")
)

// projectFiles lists the files of the repository's sample project and its
// output, to show that a diff wrote none.
func projectFiles(t *testing.T) []string {
	t.Helper()
	var names []string
	for _, dir := range []string{"templates", "data", "output"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, p)
			}
			return nil
		})
	}
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// The sample project's looked-after-children snapshot against the later
// month beside it: the paper's changed sentences with their paragraph
// numbers, a direction word that flipped, a table cell, a chart; the other
// sample paper, which reads neither, is left out.
func TestDiffSampleSnapshots(t *testing.T) {
	t.Chdir("../..")
	before := projectFiles(t)
	code, text, errOut := runCLI(t, "diff", lacOld, lacNew)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"templates/looked-after-children.md: Update on Children's Services' Obsessions",
		"  paragraph 2.3\n    - On [-25th January-] 2013 the council was looking after [-1,384-] children: the total fell by [-90-] from its level on 31st March 2012.\n    + On {+30th April+} 2013 the council was looking after {+1,352+} children: the total fell by {+122+} from its level on 31st March 2012.\n",
		// rose and fell: the direction words flipped.
		"within the limits the law sets, [-up-] from [-81.1%-]",
		"within the limits the law sets, {+down+} from {+98.9%+}",
		"Table Six shows contacts with the team {+falling+} slightly",
		`Table Five, row “Stability of placements of CLA - Percentage of children looked after with 3 or more placements during the year”, column “2011-12”: 11.1% (163/1,475) → 10.8% (160/1,475)`,
		`Table One (chart), series “Looked after children”: 30 Apr 2013 added 1,352`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	if strings.Contains(text, "recent-inspections") {
		t.Error("recent-inspections reads neither snapshot, yet is listed")
	}
	diffGolden(t, "diff-sample.txt", text)

	code, md, errOut := runCLI(t, "diff", "--format", "markdown", lacOld, lacNew)
	if code != 0 {
		t.Fatalf("markdown: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"**Paragraph 2.3**\n\n- was: On ~~25th January~~ 2013 the council was looking after ~~1,384~~ children",
		"- now: In **March 2013**, **96.4%** of looked after children had their reviews on time, within the limits the law sets, **down** from **98.9%**",
		"| Table Five | Stability of placements",
		"| Table One | Looked after children | 30 Apr 2013 |  | 1,352 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	diffGolden(t, "diff-sample.md", md)

	code, page, errOut := runCLI(t, "diff", "--format", "html", lacOld, lacNew)
	if code != 0 || !strings.Contains(page, `<h4 id="looked-after-children-paragraph-2-3"><a href="#looked-after-children-paragraph-2-3">Paragraph 2.3</a></h4>`) ||
		!strings.Contains(page, `<del><span class="vh">removed: </span>up</del>`) || !strings.Contains(page, `<ins><span class="vh">added: </span>down</ins>`) {
		t.Errorf("html: exit %d: %s\n%s", code, errOut, page)
	}
	// Self-contained: nothing fetched from elsewhere.
	for _, outside := range []string{"<link", "<script", "src=", "url(", "@import"} {
		if strings.Contains(page, outside) {
			t.Errorf("the HTML report holds %q", outside)
		}
	}

	if code, _, _ := runCLI(t, "diff", "--exit-code", lacOld, lacNew); code != 3 {
		t.Errorf("--exit-code with changes: exit %d, want 3", code)
	}
	code, same, _ := runCLI(t, "diff", "--exit-code", lacOld, lacOld)
	if code != 0 || !strings.Contains(same, "no paper reads differently, 1 was rebuilt and reads the same") {
		t.Errorf("--exit-code without changes: exit %d\n%s", code, same)
	}
	if after := projectFiles(t); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("diff wrote files: before\n%s\nafter\n%s", before, after)
	}
}

// gitProject copies the sample project into a fresh git repository with
// one commit, and makes it the working folder.
func gitProject(t *testing.T) (dir string, git func(args ...string)) {
	t.Helper()
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	src := repoRoot
	dir = newProject(t, nil)
	for _, f := range []string{"templates/looked-after-children.md", "templates/recent-inspections.md", lacOld, "data/inspections/2013-04-25.yaml"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git = func(args ...string) {
		t.Helper()
		cmd := exec.Command(gitPath, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "first")
	return dir, git
}

// The monthly change: a new snapshot file, not yet committed, and the
// paper's data: pointed at it. diff HEAD shows what the paper now says,
// not git's "exists on disk, but not in 'HEAD'".
func TestDiffHeadAfterANewSnapshot(t *testing.T) {
	dir, git := gitProject(t)
	b, err := os.ReadFile(filepath.Join(repoRoot, lacNew))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, lacNew), b, 0o644)
	paper := filepath.Join(dir, "templates/looked-after-children.md")
	tpl, _ := os.ReadFile(paper)
	os.WriteFile(paper, bytes.Replace(tpl, []byte("data: "+lacOld), []byte("data: "+lacNew), 1), 0o644)

	code, out, errOut := runCLI(t, "diff", "HEAD")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"HEAD → the working tree: 1 paper reads differently, 1 has the same files in both",
		"  data: " + lacOld + " → " + lacNew,
		"  paragraph 2.3\n    - On [-25th January-] 2013",
		"{+down+} from {+98.9%+}",
		`Table One (chart), series “Looked after children”: 30 Apr 2013 added 1,352`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff HEAD lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); err == nil {
		t.Error("diff wrote an output folder")
	}

	// Committed, and the old snapshot renamed away: the same comparison
	// from the commit before.
	git("add", ".")
	git("commit", "-q", "-m", "April")
	git("mv", lacOld, "data/looked-after-children/january.yaml")
	code, out, errOut = runCLI(t, "diff", "HEAD~1")
	if code != 0 || !strings.Contains(out, "{+down+} from {+98.9%+}") {
		t.Errorf("diff HEAD~1: exit %d: %s\n%s", code, errOut, out)
	}
	// Figures only, paired by the paper's data: lines.
	code, out, _ = runCLI(t, "diff", "HEAD~1", "--figures")
	if code != 0 || !strings.Contains(out, "HEAD~1:"+lacOld+" → "+lacNew) || !strings.Contains(out, "reviews_on_time › now › pct: 98.9 → 96.4") {
		t.Errorf("diff HEAD~1 --figures: exit %d\n%s", code, out)
	}
	// One snapshot at a revision against the file now: the papers that
	// read it, built with each.
	b = bytes.Replace(b, []byte("reviews_on_time:\n  before: {month: 2012-12, pct: 98.9}"), []byte("reviews_on_time:\n  before: {month: 2012-12, pct: 96.0}"), 1)
	os.WriteFile(filepath.Join(dir, lacNew), b, 0o644)
	code, out, _ = runCLI(t, "diff", "HEAD", lacNew)
	if code != 0 || !strings.Contains(out, "HEAD:"+lacNew+" → "+lacNew+": 1 paper reads differently") || !strings.Contains(out, "{+up+} from {+96.0%+}") {
		t.Errorf("diff HEAD %s: exit %d\n%s", lacNew, code, out)
	}
	git("checkout", "--", lacNew)
	// Nothing changed since HEAD in what the papers read.
	code, out, _ = runCLI(t, "diff", "HEAD", "--exit-code")
	if code != 0 || !strings.Contains(out, "no paper reads differently, 2 have the same files in both") {
		t.Errorf("diff HEAD with nothing changed: exit %d\n%s", code, out)
	}
}

// A changed template is a changed paper, and a paper added or removed is
// said to be.
func TestDiffHeadAfterTemplateChanges(t *testing.T) {
	dir, _ := gitProject(t)
	paper := filepath.Join(dir, "templates/recent-inspections.md")
	tpl, _ := os.ReadFile(paper)
	os.WriteFile(paper, bytes.Replace(tpl, []byte("subject: Update on recent inspections"), []byte("subject: Recent inspections"), 1), 0o644)
	os.Rename(filepath.Join(dir, "templates/looked-after-children.md"), filepath.Join(dir, "templates/children-in-care.md"))

	code, out, errOut := runCLI(t, "diff", "HEAD")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"3 papers read differently",
		"templates/children-in-care.md: Update on Children's Services' Obsessions – Reducing the need for children to be looked after (Help children to live in safe and supportive families)\n  added\n",
		"templates/looked-after-children.md: Update on Children's Services' Obsessions – Reducing the need for children to be looked after (Help children to live in safe and supportive families)\n  removed\n",
		"  cover, Subject: Update on recent inspections → Recent inspections\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff HEAD lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "diff", "HEAD", "templates/recent-inspections.md")
	if code != 0 || !strings.Contains(out, "1 paper reads differently") || strings.Contains(out, "children-in-care") {
		t.Errorf("diff HEAD templates/recent-inspections.md: exit %d\n%s", code, out)
	}
}

// A paper that does not build now is a problem in the papers (exit 1, at
// its line), and the report of the others is still written.
func TestDiffReportsABrokenPaper(t *testing.T) {
	dir, _ := gitProject(t)
	paper := filepath.Join(dir, "templates/recent-inspections.md")
	tpl, _ := os.ReadFile(paper)
	os.WriteFile(paper, append(tpl, []byte("\n{{ .Data.no_such_figure.x }}\n")...), 0o644)
	code, out, errOut := runCLI(t, "diff", "HEAD")
	if code != 1 || !strings.Contains(errOut, "templates/recent-inspections.md:") || !strings.Contains(out, "HEAD → the working tree") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

// Exempt material is compared only when asked for, in the terminal, and
// marked; the Markdown and HTML forms are refused it.
func TestDiffExemptMaterial(t *testing.T) {
	paper := `---
layout: scrutiny-board
report_of: Director of Children's Services
report_to: Scrutiny Board (Children and Families)
date: 2013-04-25
subject: Homes
access_to_information_rule: "10.4(3)"
data: data/s.yaml
---
# Purpose of this report

There are {{ num .Data.homes }} homes.

# Prices {.exempt}

The bid was {{ num .Data.bid }} pounds.
`
	newProject(t, map[string]string{
		"templates/p.md": paper,
		"data/s.yaml":    "homes: 12\nbid: 5000\n",
		"data/t.yaml":    "homes: 12\nbid: 7000\n",
	})
	for _, form := range []string{"text", "markdown", "html"} {
		code, out, errOut := runCLI(t, "diff", "--format", form, "data/s.yaml", "data/t.yaml")
		if code != 0 || strings.Contains(out, "5,000") || strings.Contains(out, "7,000") || strings.Contains(out, "bid was") {
			t.Errorf("%s: exit %d: %s\n%s", form, code, errOut, out)
		}
		if !strings.Contains(out, "no paper reads differently") {
			t.Errorf("%s: the public version changed:\n%s", form, out)
		}
	}
	code, out, _ := runCLI(t, "diff", "--include-exempt", "data/s.yaml", "data/t.yaml")
	if code != 0 || !strings.Contains(out, "  [exempt] paragraph 2.1\n    - The bid was [-5,000-] pounds.\n    + The bid was {+7,000+} pounds.\n") {
		t.Errorf("--include-exempt: exit %d\n%s", code, out)
	}
	for _, form := range []string{"markdown", "html"} {
		if code, _, errOut := runCLI(t, "diff", "--include-exempt", "--format", form, "data/s.yaml", "data/t.yaml"); code != 2 || !strings.Contains(errOut, "works only with --format text") {
			t.Errorf("--include-exempt --format %s: exit %d, %s", form, code, errOut)
		}
	}
}
