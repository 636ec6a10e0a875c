package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pipeline"
)

// root is the repository itself: the sample papers are the project.
const root = "../.."

var samples = []string{"templates/looked-after-children.md", "templates/recent-inspections.md", "templates/financial-health-monitoring.md"}

func sampleDoc(t *testing.T, path string) *model.Document {
	t.Helper()
	in, err := pipeline.Load(root, path, "")
	if err != nil {
		t.Fatalf("Load %s:\n%v", path, err)
	}
	d, err := pipeline.Document(root, in)
	if err != nil {
		t.Fatalf("Document %s:\n%v", path, err)
	}
	return d
}

// paraNumbers lists the document's paragraph numbers in reading order.
func paraNumbers(d *model.Document) []string {
	var out []string
	for _, s := range d.Sections() {
		for _, b := range s.Blocks {
			if p, ok := b.(*model.Para); ok && p.Number != "" {
				out = append(out, p.Number)
			}
		}
	}
	return out
}

func TestBuildTwiceIsByteIdentical(t *testing.T) {
	var trees [2]map[string][]byte
	for i := range trees {
		out := t.TempDir()
		if _, err := Run(Options{Root: root, Templates: samples, Out: out, HTML: true, PDF: true}); err != nil {
			t.Fatal(err)
		}
		trees[i] = readTree(t, out)
	}
	if len(trees[0]) == 0 {
		t.Fatal("nothing was built")
	}
	for name, a := range trees[0] {
		if !bytes.Equal(a, trees[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
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
