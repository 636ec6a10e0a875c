package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/testtool"
)

// newProject writes files into a fresh folder and makes it the working
// directory for the test, as an author's project would be.
func newProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

const front = `---
layout: scrutiny-board
report_of: Director of Children's Services
report_to: Scrutiny Board (Children and Families)
date: 2013-04-25
subject: Update on recent inspections
data: data/s.yaml
---
`

const snapshot = `homes: {total: 12, good: 5}
age_groups:
  columns: ["0", "1-4"]
  rows:
    - {label: March 2011, values: [90, 322]}
`

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBuildWritesAPaperInAFreshFolder(t *testing.T) {
	dir := newProject(t, map[string]string{
		"templates/p.md": front + "# Purpose of this report\n\nThere are {{ num .Data.homes.total }} homes.\n",
		"data/s.yaml":    snapshot,
	})
	code, stdout, stderr := runCLI(t, "build", "--format", "html")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "output/2013-04-25-scrutiny-board-children-and-families/p.html"))
	if err != nil {
		t.Fatalf("%v\nstdout: %s", err, stdout)
	}
	if !strings.Contains(string(b), "There are 12 homes.") {
		t.Errorf("the figure did not come from the data")
	}
}

// Every class of input error names the file, line and column, exits 1 and
// writes nothing.
func TestInputErrors(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown front-matter key", map[string]string{
			"templates/p.md": strings.Replace(front, "date:", "colour: red\ndate:", 1) + "# A\n\nText.\n"},
			[]string{`templates/p.md:5:1: unknown front-matter key "colour"`}},
		{"bad date", map[string]string{
			"templates/p.md": strings.Replace(front, "2013-04-25", "25/04/2013", 1) + "# A\n\nText.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:5:7: date should be a date written YYYY-MM-DD, not "25/04/2013"`}},
		{"wrong type", map[string]string{
			"templates/p.md": strings.Replace(front, "---\nlayout", "---\ncall_in: maybe\nlayout", 1) + "# A\n\nText.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:2:10: call_in should be true or false, not "maybe"`}},
		{"front matter YAML syntax", map[string]string{
			"templates/p.md": strings.Replace(front, "subject: Update", "subject: [Update", 1) + "# A\n\nText.\n"},
			[]string{`templates/p.md:6:10: this "[" is never closed`}},
		{"missing layout", map[string]string{
			"templates/p.md": strings.Replace(front, "scrutiny-board", "cabinet", 1) + "# A\n\nText.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:2:9: no layout "cabinet"`}},
		{"missing data file", map[string]string{
			"templates/p.md": front + "# A\n\nText.\n"},
			[]string{`templates/p.md:7:7: data: file "data/s.yaml" not found`}},
		{"data path escapes the project", map[string]string{
			"templates/p.md": strings.Replace(front, "data/s.yaml", "../secret.yaml", 1) + "# A\n\nText.\n"},
			[]string{`templates/p.md:7:7: data: path "../secret.yaml" leads outside the project folder`}},
		{"absolute data path", map[string]string{
			"templates/p.md": strings.Replace(front, "data/s.yaml", "/etc/passwd", 1) + "# A\n\nText.\n"},
			[]string{`templates/p.md:7:7: data: path "/etc/passwd" is absolute`}},
		{"snapshot YAML syntax", map[string]string{
			"templates/p.md": front + "# A\n\nText.\n", "data/s.yaml": "homes: {total: 12\nother: 1\n"},
			[]string{`data/s.yaml:1:8: this "{" is never closed`}},
		{"missing key in an expression", map[string]string{
			"templates/p.md": front + "# A\n\nThere are {{ num .Data.homes.count }} homes.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:11:`}},
		{"unknown function", map[string]string{
			"templates/p.md": front + "# A\n\nThere are {{ pcnt 1 2 }} homes.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:11:`, `pcnt`}},
		{"unclosed action", map[string]string{
			"templates/p.md": front + "# A\n\nThere are {{ num .Data.homes.total homes.\n\nMore.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:11:`}},
		{"unknown label", map[string]string{
			"templates/p.md": front + "# A\n\nAs @tbl-ages shows.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:11:4: unknown label @tbl-ages`}},
		{"duplicate label", map[string]string{
			"templates/p.md": front + "# A {#sec-a}\n\nText.\n\n# B {#sec-a}\n\nMore.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:13:1: label "sec-a" is defined twice (first at line 9)`}},
		{"table row of the wrong length", map[string]string{
			"templates/p.md": front + "# A\n\nText.\n\n```table\ndata: age_groups\ncaption: Ages\n```\n",
			"data/s.yaml":    strings.Replace(snapshot, "[90, 322]", "[90, 322, 7]", 1)},
			[]string{`data/s.yaml:5:`}},
		{"unknown key in a table block", map[string]string{
			"templates/p.md": front + "# A\n\nText.\n\n```table\ndata: age_groups\ncolour: red\n```\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:15:1:`, `colour`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := newProject(t, c.files)
			code, _, stderr := runCLI(t, "build")
			if code != 1 {
				t.Fatalf("exit status %d, want 1\n%s", code, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace printed:\n%s", stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "output")); err == nil {
				t.Errorf("output was written despite the error")
			}
		})
	}
}

func TestAllErrorsAreReportedNotJustTheFirst(t *testing.T) {
	newProject(t, map[string]string{
		"templates/a.md": strings.Replace(front, "date:", "colour: red\ndate:", 1) + "# A\n\nText.\n",
		"templates/b.md": front + "# A\n\nAs @tbl-ages shows.\n",
		"data/s.yaml":    snapshot,
	})
	code, _, stderr := runCLI(t, "check")
	if code != 1 || !strings.Contains(stderr, "templates/a.md:5:1") || !strings.Contains(stderr, "templates/b.md:11:4") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{{}, {"bulid"}, {"build", "--colour"}, {"build", "--format", "docx"}} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	code, stdout, _ := runCLI(t, "--help")
	if code != 0 || !strings.Contains(stdout, "boardpaper build [TEMPLATE...]") {
		t.Errorf("--help: exit %d\n%s", code, stdout)
	}
}

func TestOptionsMayFollowPaths(t *testing.T) {
	dir := newProject(t, map[string]string{
		"templates/p.md": front + "# A\n\nText.\n",
		"data/s.yaml":    snapshot,
	})
	if code, _, stderr := runCLI(t, "build", "templates/p.md", "--format", "html", "--out", "site"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "site/2013-04-25-scrutiny-board-children-and-families/p.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "site/2013-04-25-scrutiny-board-children-and-families/p.pdf")); err == nil {
		t.Error("--format html also wrote a PDF")
	}
}

// Off a terminal, a build prints one summary line: papers, pages, time.
// The pages are the papers' (not the pack's, which repeats them), counted
// as they are written; an unchanged paper's count comes from the manifest,
// or, when an older manifest has none, from its PDF.
func TestBuildSummaryLine(t *testing.T) {
	dir := newProject(t, map[string]string{
		"templates/a.md": front + "# A\n\nText.\n",
		"templates/b.md": front + "# B\n\n" + strings.Repeat("More text for the committee, paragraph after paragraph.\n\n", 80),
		"data/s.yaml":    snapshot,
	})
	summary := regexp.MustCompile(`^built 2 paper\(s\) \((\d) unchanged\), (\d+) page\(s\), \d+ file\(s\) in \S+\n$`)
	build := func(wantUnchanged string) string {
		t.Helper()
		code, stdout, stderr := runCLI(t, "build")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		m := summary.FindStringSubmatch(stdout)
		if m == nil || m[1] != wantUnchanged {
			t.Fatalf("summary = %q, want %s unchanged", stdout, wantUnchanged)
		}
		return m[2]
	}
	pages := build("0")
	papers, _ := filepath.Glob(filepath.Join(dir, "output", "*", "[ab].pdf"))
	if len(papers) != 2 {
		t.Fatalf("papers' PDFs: %v", papers)
	}
	total := 0
	for _, p := range papers {
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(testtool.Run(t, "pdfinfo", p))
		if m == nil {
			t.Fatalf("pdfinfo gave no page count for %s", p)
		}
		n, _ := strconv.Atoi(m[1])
		total += n
	}
	if pages != strconv.Itoa(total) || total < 3 {
		t.Errorf("summary says %s page(s); the papers' PDFs have %d", pages, total)
	}
	if again := build("2"); again != pages {
		t.Errorf("unchanged build says %s page(s), the first %s", again, pages)
	}
	manifest := filepath.Join(dir, "output", ".boardpaper-output")
	b, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	older := regexp.MustCompile(`,\s*"pages": \d+`).ReplaceAll(b, nil)
	if bytes.Equal(older, b) {
		t.Fatal("the manifest records no page counts")
	}
	if err := os.WriteFile(manifest, older, 0o644); err != nil {
		t.Fatal(err)
	}
	if again := build("2"); again != pages {
		t.Errorf("unchanged build from a manifest without page counts says %s page(s), the first %s", again, pages)
	}
}
