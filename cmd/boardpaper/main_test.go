package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/testtool"
)

// newProject writes files into a fresh folder and makes it the working
// directory for the test, as an author's project would be. The search for
// a project's root stops there: a project left in the system's temporary
// folder is not the test's.
func newProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	searchCeiling = dir
	t.Cleanup(func() { searchCeiling = "" })
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
			"templates/p.md": strings.Replace(front, "scrutiny-board", "cabinet-board", 1) + "# A\n\nText.\n", "data/s.yaml": snapshot},
			[]string{`templates/p.md:2:9: no layout "cabinet-board"`}},
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
	newProject(t, map[string]string{})
	for _, args := range [][]string{{}, {"bulid"}, {"build", "--colour"}, {"build", "--format", "docx"}} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// With no command, the list of commands, as a mistake.
	if code, stdout, stderr := runCLI(t); code != 2 || stdout != "" || !strings.Contains(stderr, "  build    write the papers") {
		t.Errorf("no command: exit %d\n%s", code, stderr)
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

// A layout reached through a symbolic link out of the project is refused
// at the paper's layout: line, as a snapshot through such a link is at its
// data: line, and nothing is written.
func TestLayoutLinkedOutOfTheProjectIsRefused(t *testing.T) {
	dir := newProject(t, map[string]string{
		"templates/p.md": strings.Replace(front, "scrutiny-board", "house", 1) + "# A\n\nText.\n",
		"data/s.yaml":    snapshot,
	})
	outside := filepath.Join(t.TempDir(), "house.yaml")
	os.WriteFile(outside, []byte("front:\n  title: Elsewhere\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "templates/layouts"), 0o755)
	if err := os.Symlink(outside, filepath.Join(dir, "templates/layouts/house.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	code, _, stderr := runCLI(t, "build")
	want := `templates/p.md:2:9: layout: path "templates/layouts/house.yaml" leads outside the project folder (through a symbolic link)`
	if code != 1 || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d, want 1 and\n  %s\ngot\n  %s", code, want, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
		t.Errorf("output was written for a paper with a layout from outside the project")
	}
}

// What a build repairs or waits for is said on stderr, in words, and the
// build goes on: exit status 0.
func TestBuildSaysWhatItRepaired(t *testing.T) {
	dir := newProject(t, map[string]string{
		"templates/p.md": front + "# A\n\nText.\n",
		"data/s.yaml":    snapshot,
	})
	if code, _, stderr := runCLI(t, "build", "--format", "html"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	os.MkdirAll(filepath.Join(dir, "output", ".staging-123", "2013-04-25-scrutiny-board-children-and-families"), 0o755)
	code, _, stderr := runCLI(t, "build", "--format", "html")
	want := "boardpaper build: removed the unfinished files of 1 earlier build(s) into output that stopped before they published anything\n"
	if code != 0 || stderr != want {
		t.Errorf("exit %d, stderr %q, want 0 and %q", code, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "output", ".staging-123")); !os.IsNotExist(err) {
		t.Errorf("the leftover staging folder is still there")
	}
}

// Two boardpaper processes building into one folder at once both succeed,
// one after the other: the output is the one a single build makes.
func TestTwoBuildProcessesAtOnce(t *testing.T) {
	bin := binary(t)
	dir := newProject(t, map[string]string{
		"templates/a.md": front + "# A\n\nText.\n",
		"templates/b.md": strings.Replace(front, "2013-04-25", "2013-05-30", 1) + "# B\n\nMore.\n",
		"data/s.yaml":    snapshot,
	})
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for i := 0; i < 2; i++ {
		cmd := exec.Command(bin, "build", "--force")
		cmd.Dir = dir
		var b bytes.Buffer
		cmd.Stdout, cmd.Stderr = &b, &b
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &b)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("build %d: %v\n%s", i, err, outs[i])
		}
	}
	got := readTree(t, filepath.Join(dir, "output"))
	os.RemoveAll(filepath.Join(dir, "output"))
	if code, _, stderr := runCLI(t, "build"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := readTree(t, filepath.Join(dir, "output"))
	if len(got) != len(want) || len(want) < 7 {
		t.Errorf("%d files after two builds at once, %d after one", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s differs from a single build's", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "staging") || strings.HasSuffix(e.Name(), ".lock") {
			t.Errorf("%s left behind", e.Name())
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// One author's broken paper does not stop a colleague building their own
// paper for the same meeting: the paper asked for is published, the
// meeting's pack is left as it was, stderr says which paper stops it, and
// the exit status is 3. A build of the whole project still fails, and
// writes nothing.
func TestColleaguesBrokenPaperLeavesThePackAsItWas(t *testing.T) {
	meeting := "output/2013-04-25-scrutiny-board-children-and-families/"
	dir := newProject(t, map[string]string{
		"templates/mine.md":   strings.Replace(front, "data:", "item: 1\ndata:", 1) + "# Mine\n\nMy first draft.\n",
		"templates/theirs.md": strings.Replace(front, "data:", "item: 2\ndata:", 1) + "# Theirs\n\nTheir text.\n",
		"templates/other.md":  strings.Replace(front, "2013-04-25", "2013-05-30", 1) + "# Other\n\nAnother meeting.\n",
		"data/s.yaml":         snapshot,
	})
	if code, _, stderr := runCLI(t, "build"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		return string(b)
	}
	pack := read(meeting + "agenda-pack.pdf")
	write := func(name, body string) { os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644) }
	write("templates/theirs.md", strings.Replace(read("templates/theirs.md"), "Their text.", "Their text, as @tbl-missing shows.", 1))
	write("templates/mine.md", strings.Replace(read("templates/mine.md"), "My first draft.", "My second draft.", 1))

	code, stdout, stderr := runCLI(t, "build", "templates/mine.md")
	wantErr := "boardpaper build: " + meeting + "agenda-pack.pdf was left as it was, without this build's changes: templates/theirs.md, another paper of that meeting, does not build:\n" +
		"  templates/theirs.md:12:16: unknown label @tbl-missing\n" +
		"boardpaper build: the papers asked for were published; the first build after templates/theirs.md is put right rebuilds the pack\n"
	if code != 3 || stderr != wantErr || !strings.HasPrefix(stdout, "built 1 paper(s)") {
		t.Fatalf("exit %d, want 3\nstdout: %s\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, wantErr)
	}
	if !strings.Contains(read(meeting+"mine.html"), "My second draft.") {
		t.Errorf("the paper asked for was not published")
	}
	if read(meeting+"agenda-pack.pdf") != pack {
		t.Errorf("the meeting's pack changed")
	}
	index := read("output/index.html")
	for _, link := range []string{"2013-04-25-scrutiny-board-children-and-families/agenda-pack.pdf", "2013-05-30-scrutiny-board-children-and-families/agenda-pack.pdf", "theirs.html", "other.html"} {
		if !strings.Contains(index, link) {
			t.Errorf("the index lost %s", link)
		}
	}

	// The whole project: the broken paper stops it, and nothing changes.
	before := readTree(t, filepath.Join(dir, "output"))
	if code, _, stderr := runCLI(t, "build"); code != 1 || !strings.Contains(stderr, "templates/theirs.md:12:16: unknown label @tbl-missing") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("a build of the whole project: exit %d, want 1\n%s", code, stderr)
	}
	after := readTree(t, filepath.Join(dir, "output"))
	if len(after) != len(before) {
		t.Errorf("a failed build changed the output")
	}
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("a failed build changed %s", name)
		}
	}

	// Front matter that does not read: the pack is left too, and the
	// index still lists the paper as it was published.
	good := read("templates/theirs.md")
	write("templates/theirs.md", strings.Replace(good, "layout:", "colour: red\nlayout:", 1))
	code, _, stderr = runCLI(t, "build", "templates/mine.md")
	if code != 3 || !strings.Contains(stderr, `  templates/theirs.md:2:1: unknown front-matter key "colour"`) {
		t.Errorf("front matter that does not read: exit %d\n%s", code, stderr)
	}
	if read(meeting+"agenda-pack.pdf") != pack || !strings.Contains(read("output/index.html"), "theirs.html") {
		t.Errorf("a colleague's front matter that does not read changed the pack, or took their paper out of the index")
	}

	// Put right: the next build of the one paper rebuilds the pack.
	write("templates/theirs.md", strings.Replace(good, " as @tbl-missing shows", "", 1))
	if code, _, stderr := runCLI(t, "build", "templates/mine.md"); code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if read(meeting+"agenda-pack.pdf") == pack {
		t.Errorf("the pack was not rebuilt once the colleague's paper was put right")
	}
}

// A meeting with no pack yet, and a colleague's paper that does not
// build: the paper asked for is published without a pack, and stderr
// says so.
func TestColleaguesBrokenPaperAndNoPackYet(t *testing.T) {
	dir := newProject(t, map[string]string{
		"templates/mine.md":   front + "# Mine\n\nText.\n",
		"templates/theirs.md": front + "# Theirs\n\nAs @tbl-missing shows.\n",
		"data/s.yaml":         snapshot,
	})
	code, _, stderr := runCLI(t, "build", "templates/mine.md")
	if code != 3 || !strings.Contains(stderr, "output/2013-04-25-scrutiny-board-children-and-families/agenda-pack.pdf was not written: templates/theirs.md, another paper of that meeting, does not build:") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "output/2013-04-25-scrutiny-board-children-and-families/mine.pdf")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "output/2013-04-25-scrutiny-board-children-and-families/agenda-pack.pdf")); !os.IsNotExist(err) {
		t.Errorf("a pack was written without the colleague's paper: %v", err)
	}
}
