// Package a11y holds the accessibility check of boardpaper's pages: a small
// npm project (axe-core, and playwright-core to drive Debian's Chromium)
// and the Go test that runs it on the samples and the index.
package a11y

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/paperdiff"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/publish"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

// TestPagesMeetWCAG22AA builds the samples and checks both papers and the
// index with axe-core in a real browser, and their reflow at 320 CSS
// pixels. Screenshots of each page (at 1100 and 320 pixels wide) are saved
// in bin/a11y/ for a person to look at.
func TestPagesMeetWCAG22AA(t *testing.T) {
	node := testtool.Path(t, "node")
	chromium := testtool.Path(t, "chromium")
	if _, err := os.Stat("node_modules/axe-core"); err != nil {
		npm := testtool.Path(t, "npm")
		if out, err := exec.Command(npm, "ci", "--no-audit", "--no-fund").CombinedOutput(); err != nil {
			t.Fatalf("npm ci: %v\n%s", err, out)
		}
	}
	root, _ := filepath.Abs("../..")
	out := t.TempDir()
	if _, err := publish.Run(publish.Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	// Every page the build published: the index and each paper, so a new
	// sample or page is checked without touching this test.
	papers, _ := filepath.Glob(filepath.Join(out, "*", "*.html"))
	pages := append([]string{filepath.Join(out, "index.html")}, papers...)
	if len(papers) < 2 {
		t.Fatalf("the build published %d papers, want both samples", len(papers))
	}
	// The review report of boardpaper diff, on the samples' two
	// looked-after-children snapshots.
	report := filepath.Join(out, "diff-report.html")
	if err := writeDiffReport(root, report); err != nil {
		t.Fatal(err)
	}
	pages = append(pages, report)
	shots := filepath.Join(root, "bin", "a11y")
	cmd := exec.Command(node, append([]string{"check.mjs", shots}, pages...)...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	axe, err := cmd.CombinedOutput()
	t.Logf("axe-core:\n%s", axe)
	if err != nil {
		t.Fatalf("accessibility violations (or the check failed): %v", err)
	}
	if strings.Count(string(axe), "0 violated") != len(pages) {
		t.Fatalf("not every page was checked:\n%s", axe)
	}
}

// writeDiffReport writes the HTML form of boardpaper diff between the two
// looked-after-children snapshots of the samples.
func writeDiffReport(root, path string) error {
	oldSnap, err := project.LoadSnapshot(root, "data/looked-after-children/2013-01-25.yaml")
	if err != nil {
		return err
	}
	newSnap, err := project.LoadSnapshot(root, "data/looked-after-children/2013-04-30.yaml")
	if err != nil {
		return err
	}
	r, err := paperdiff.Snapshots(root, oldSnap, newSnap, paperdiff.Options{})
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := paperdiff.WriteHTML(&b, r); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
