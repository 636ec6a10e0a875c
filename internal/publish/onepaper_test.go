package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A build of one paper lists every meeting's agenda pack in the index, as
// a build of the whole project does: the index is the same file.
func TestOnePaperBuildKeepsEveryPackInTheIndex(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"templates/a.md": paperFor("Executive Board", "2013-03-13", "Budget", 1, ""),
		"templates/b.md": paperFor("Scrutiny Board", "2013-04-25", "Inspections", 1, ""),
		"templates/c.md": paperFor("Scrutiny Board", "2013-05-30", "Libraries", 1, ""),
		"data/s.yaml":    "homes: 12\n",
	})
	out := filepath.Join(root, "output")
	if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	whole, _ := os.ReadFile(filepath.Join(out, "index.html"))
	manifest, _ := os.ReadFile(filepath.Join(out, marker))
	for _, dir := range []string{"2013-03-13-executive-board", "2013-04-25-scrutiny-board", "2013-05-30-scrutiny-board"} {
		if !strings.Contains(string(whole), dir+"/agenda-pack.pdf") {
			t.Fatalf("the whole project's index does not link %s's pack", dir)
		}
	}
	for _, force := range []bool{false, true} {
		if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true, Force: force, Templates: []string{"templates/b.md"}}); err != nil {
			t.Fatal(err)
		}
		one, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if string(one) != string(whole) {
			t.Errorf("force %v: the index after a build of one paper differs from the whole project's; packs linked: %d, want 3",
				force, strings.Count(string(one), "agenda-pack.pdf\""))
		}
		// The manifest still records the papers not built this time.
		if m, _ := os.ReadFile(filepath.Join(out, marker)); string(m) != string(manifest) {
			t.Errorf("force %v: the manifest after a build of one paper differs from the whole project's:\n%s", force, m)
		}
	}
}
