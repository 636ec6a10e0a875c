package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The root is the nearest folder whose templates/ holds a paper or
// layouts/; a data topic called templates is not a project's templates.
func TestFindRoot(t *testing.T) {
	dir := newProject(t, map[string]string{
		"p/templates/a.md":                 "",
		"p/data/templates/2013-01-01.yaml": "a: 1\n",
		"p/data/x/2013-01-01.yaml":         "a: 1\n",
		"p/output/2013-03-13-board/a.html": "",
		"p/nested/templates/b.md":          "",
		"q/templates/layouts/house.yaml":   "",
		"r/templates/notes.txt":            "",
		"r/sub/x.txt":                      "",
		"s/templates.md":                   "",
		"s/templates/x.md/y":               "",
	})
	for from, want := range map[string]string{
		"p":                           "p",
		"p/templates":                 "p",
		"p/data":                      "p",
		"p/data/templates":            "p",
		"p/data/x":                    "p",
		"p/output/2013-03-13-board":   "p",
		"p/nested":                    "p/nested",
		"p/nested/templates":          "p/nested",
		"q/templates/layouts":         "q",
		"r/sub":                       "",
		"r/templates":                 "",
		"s/templates/x.md":            "",
		"p/data/templates/../x/../..": "p",
	} {
		got := findRoot(filepath.Clean(filepath.Join(dir, from)))
		if want != "" {
			want = filepath.Join(dir, want)
		}
		if got != want {
			t.Errorf("from %s: root %q, want %q", from, got, want)
		}
	}
}

// Typed in a subfolder, a command works on the project: the paths typed
// are read from where they were typed, messages name files from the
// root, and stderr says which root was used.
func TestCommandsRunFromASubfolder(t *testing.T) {
	dir := newProject(t, map[string]string{
		"templates/p.md":                   front + "# A\n\nThere are {{ num .Data.homes.total }} homes.\n",
		"data/s.yaml":                      snapshot,
		"data/s2.yaml":                     strings.Replace(snapshot, "total: 12", "total: 13", 1),
		"data/templates/2013-01-01.yaml":   "a: 1\n",
		"data/old.yaml":                    strings.Replace(snapshot, "total: 12", "total: 11", 1),
		"templates/layouts/.keep":          "",
		"templates/drafts/2013/note.txt":   "",
		"data/looked-after/2013-01-25.txt": "",
	})
	meeting := filepath.Join("2013-04-25-scrutiny-board-children-and-families", "p.html")
	note := func(up string) string {
		return "boardpaper %s: in the project folder " + up + " (" + dir + "); file names are relative to it\n"
	}
	in := func(sub string, args ...string) (int, string, string) {
		t.Helper()
		t.Chdir(filepath.Join(dir, sub))
		code, stdout, stderr := runCLI(t, args...)
		if wd, _ := os.Getwd(); wd != filepath.Join(dir, sub) {
			t.Errorf("%q left the working folder at %s", args, wd)
		}
		return code, stdout, stderr
	}
	read := func(rel string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	code, _, stderr := in("templates", "build", "p.md", "--format", "html")
	if code != 0 || stderr != strings.Replace(note(".."), "%s", "build", 1) {
		t.Fatalf("build p.md in templates/: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(read(filepath.Join("output", meeting)), "There are 12 homes.") {
		t.Error("build p.md in templates/ did not build templates/p.md into output/")
	}

	code, stdout, stderr := in("data/templates", "check")
	if code != 0 || !strings.HasPrefix(stdout, "checked 1 paper(s): 0 error(s)") ||
		!strings.HasPrefix(stderr, strings.Replace(note("../.."), "%s", "check", 1)) {
		t.Errorf("check in data/templates/: exit %d\n%s%s", code, stdout, stderr)
	}

	// --data and --out are read from where they are typed too.
	if code, _, stderr := in("data", "build", "../templates/p.md", "--data", "s2.yaml", "--out", "site", "--format", "html"); code != 0 {
		t.Fatalf("build --data s2.yaml --out site in data/: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(read(filepath.Join("data", "site", meeting)), "There are 13 homes.") {
		t.Error("--data s2.yaml --out site in data/ did not read data/s2.yaml into data/site")
	}

	code, stdout, _ = in("data", "diff", "old.yaml", "s.yaml")
	if code != 0 || !strings.HasPrefix(stdout, "data/old.yaml → data/s.yaml: 1 paper reads differently\n") {
		t.Errorf("diff in data/: exit %d\n%s", code, stdout)
	}

	code, stdout, _ = in("templates", "new", "q", "--layout", "executive-board")
	if code != 0 || !strings.Contains(stdout, "wrote templates/q.md") || !strings.Contains(stdout, "  boardpaper check q.md ") {
		t.Errorf("new in templates/: exit %d\n%s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "templates", "q.md")); err != nil {
		t.Error(err)
	}
	os.Remove(filepath.Join(dir, "templates", "q.md"))

	// A broken paper is named from the root, as its own data: line names
	// its snapshot.
	os.WriteFile(filepath.Join(dir, "templates", "p.md"), []byte(front+"# A\n\nAs @tbl-x shows.\n"), 0o644)
	code, _, stderr = in("templates/drafts/2013", "build", "../../p.md")
	if code != 1 || !strings.Contains(stderr, "\ntemplates/p.md:11:4: unknown label @tbl-x\n") {
		t.Errorf("a broken paper built from templates/drafts/2013/: exit %d\n%s", code, stderr)
	}

	// At the root, nothing more is said.
	os.WriteFile(filepath.Join(dir, "templates", "p.md"), []byte(front+"# A\n\nText.\n"), 0o644)
	if code, _, stderr := in(".", "build", "--format", "html"); code != 0 || stderr != "" {
		t.Errorf("build at the root: exit %d, stderr %q", code, stderr)
	}
}
