package publish

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
)

// ASCII committee names keep the folder names they always had; other
// names get their Latin letters without accents and a hash of the exact
// name, so no two share a folder.
func TestCommitteeFolderNames(t *testing.T) {
	date := time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)
	dir := func(name string) string { return MeetingDir(model.Meta{Committee: name, Date: date}) }
	for name, want := range map[string]string{
		"Executive Board":                        "2013-03-13-executive-board",
		"Scrutiny Board (Children and Families)": "2013-03-13-scrutiny-board-children-and-families",
		"Scrutiny Board (Strategy & Resources)":  "2013-03-13-scrutiny-board-strategy-resources",
		"Plans Panel (City Centre)":              "2013-03-13-plans-panel-city-centre",
	} {
		if got := dir(name); got != want {
			t.Errorf("%s: folder %s, want %s as before", name, got, want)
		}
	}
	hashed := regexp.MustCompile(`^2013-03-13-([a-z0-9-]*-)?[0-9a-f]{8}$`)
	seen := map[string]string{}
	for name, letters := range map[string]string{
		"委員会":                 "",
		"Комитет":             "",
		"Комитет по финансам": "",
		"Pwyllgor Craffu Môn": "pwyllgor-craffu-mon-",
		"Pwyllgor Craffu Mon": "", // ASCII: plain
		"Ærøskøbing Udvalg":   "aeroskobing-udvalg-",
		"!!!":                 "",
		"":                    "",
	} {
		got := dir(name)
		if name == "Pwyllgor Craffu Mon" {
			if got != "2013-03-13-pwyllgor-craffu-mon" {
				t.Errorf("%s: %s", name, got)
			}
		} else if !hashed.MatchString(got) || !strings.HasPrefix(got, "2013-03-13-"+letters) {
			t.Errorf("%q: folder %s, want 2013-03-13-%s<hash>", name, got, letters)
		}
		if other, ok := seen[got]; ok {
			t.Errorf("%q and %q share the folder %s", name, other, got)
		}
		seen[got] = name
	}
	// The hash is of the exact name, the same in every build.
	if got := dir("委員会"); got != "2013-03-13-22f8d4d8" {
		t.Errorf("委員会: %s", got)
	}
	if got := dir("Pwyllgor Craffu Môn"); got != "2013-03-13-pwyllgor-craffu-mon-3cfa6c68" {
		t.Errorf("Pwyllgor Craffu Môn: %s", got)
	}
}

// Committees of one date whose names differ only in case, or are written
// in other scripts, are published in folders of their own, with packs of
// their own and entries of their own in the index; the build says which
// spellings it found. A name spelt the usual way keeps its folder.
func TestCommitteesNeverShareAFolder(t *testing.T) {
	root := t.TempDir()
	names := map[string]string{
		"a": "Executive Board", "b": "Executive board", "c": "EXECUTIVE BOARD",
		// Scripts the PDF's fonts have: 委員会 would be refused in a PDF.
		"d": "Επιτροπή", "e": "Комитет",
	}
	files := map[string]string{"data/s.yaml": "homes: 12\n"}
	for slug, name := range names {
		files["templates/"+slug+".md"] = paperFor(name, "2013-03-13", "Paper "+slug, 1, "")
	}
	// The same committee on another date: one folder, as always.
	files["templates/f.md"] = paperFor("Executive board", "2013-04-25", "Paper f", 1, "")
	writeFiles(t, root, files)
	out := filepath.Join(root, "output")
	var notes []string
	results, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true, Note: func(m string) { notes = append(notes, m) }})
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{}
	for _, b := range results {
		var html string
		for _, f := range b.Files {
			if strings.HasSuffix(f, ".html") {
				html = f
			}
		}
		d, _, _ := strings.Cut(html, "/")
		if other, ok := dirs[d]; ok {
			t.Errorf("%s and %s share the folder %s", b.Path, other, d)
		}
		dirs[d] = b.Path
		if _, err := os.Stat(filepath.Join(out, d, packName)); err != nil {
			t.Errorf("%s's meeting has no pack of its own: %v", b.Path, err)
		}
	}
	if dirs["2013-03-13-executive-board"] != "templates/a.md" || dirs["2013-04-25-executive-board"] != "templates/f.md" {
		t.Errorf("the usual spelling lost its folder: %v", dirs)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	ids := regexp.MustCompile(`id="(committee-[^"]*)"`).FindAllStringSubmatch(string(index), -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("the index has two committees with the anchor %s", m[1])
		}
		seen[m[1]] = true
	}
	if len(ids) != 5 {
		t.Errorf("the index has %d committee anchors, want 5", len(ids))
	}
	said := strings.Join(notes, "\n")
	if !strings.Contains(said, `the committee of the meeting on 13th March 2013 is written "Executive Board" (templates/a.md) and "Executive board" (templates/b.md) and "EXECUTIVE BOARD" (templates/c.md)`) {
		t.Errorf("the build said %q", said)
	}

	// The folders do not depend on which papers a build is asked for, and
	// a build of one paper keeps the others where they are.
	before := readTree(t, out)
	if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true, Force: true, Templates: []string{"templates/b.md"}}); err != nil {
		t.Fatal(err)
	}
	after := readTree(t, out)
	for name, b := range before {
		if string(after[name]) != string(b) {
			t.Errorf("%s changed in a build of one paper", name)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d files after a build of one paper, %d before", len(after), len(before))
	}

	// When the misspelt paper is put right, it joins its committee's
	// folder, and its files in the folder of its own go.
	src, _ := os.ReadFile(filepath.Join(root, "templates/b.md"))
	os.WriteFile(filepath.Join(root, "templates/b.md"), []byte(strings.Replace(string(src), "Executive board", "Executive Board", 1)), 0o644)
	if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "2013-03-13-executive-board", "b.html")); err != nil {
		t.Error(err)
	}
	if matches, _ := filepath.Glob(filepath.Join(out, "2013-03-13-executive-board-*", "b.html")); len(matches) != 0 {
		t.Errorf("the old folder's page is still published: %v", matches)
	}
}
