package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
)

// paperDoc builds the document of a one-paper project whose paper is src.
func paperDoc(t *testing.T, src string) (*model.Document, error) {
	t.Helper()
	root := t.TempDir()
	for name, text := range map[string]string{"templates/p.md": src, "data/s.yaml": "n: 1\n"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, err := Load(root, "templates/p.md", "")
	if err != nil {
		return nil, err
	}
	return Document(root, in)
}

const backgroundPaper = `---
layout: executive-board
report_of: Director
report_to: Executive Board
date: 2013-03-13
subject: A paper
background_papers:
  - {title: Children's Services Plan, link: "https://example.gov.uk/plan"}
  - Ofsted letter, 2012
data: data/s.yaml
---
# Main issues

Text.
`

// background_papers become the last section, titled as the layout's
// required background section is (executive-board: Background documents),
// numbered, each paper an item, linked when it has a link.
func TestBackgroundPapers(t *testing.T) {
	d, err := paperDoc(t, backgroundPaper)
	if err != nil {
		t.Fatal(err)
	}
	dump := model.Dump(d)
	for _, want := range []string{
		`Section "2.0" {#sec-2} "Background documents"`,
		`Para "" Link("https://example.gov.uk/plan")["Children's Services Plan"]`,
		`"Ofsted letter, 2012"`,
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("model lacks %s:\n%s", want, dump)
		}
	}
	_, err = paperDoc(t, backgroundPaper+"\n# Background documents\n\nNone.\n")
	if err == nil || err.Error() != `templates/p.md:8:3: background_papers is given and the paper has a section "Background documents" too: list the papers in one place` {
		t.Errorf("both: %v", err)
	}
}
