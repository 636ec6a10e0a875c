package build

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/expand"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/transform"
)

// FuzzPipeline runs the whole pipeline on an arbitrary paper and snapshot:
// front matter, expansion, Markdown, passes, redaction and both writers.
// Bad input must come back as diagnostics; nothing may panic, and a paper
// that reads must render.
func FuzzPipeline(f *testing.F) {
	old := expand.TimeLimit
	expand.TimeLimit = 100 * time.Millisecond
	f.Cleanup(func() { expand.TimeLimit = old })
	for _, s := range samples {
		tpl, _ := os.ReadFile(filepath.Join(root, s))
		in, err := Load(root, s, "")
		if err != nil {
			f.Fatal(err)
		}
		snap, _ := os.ReadFile(filepath.Join(root, in.Data.Snapshots[0].Path))
		f.Add(tpl, snap)
	}
	cases, _ := filepath.Glob("../../testdata/broken/*")
	for _, c := range cases {
		tpl, err1 := os.ReadFile(filepath.Join(c, "templates/p.md"))
		snap, err2 := os.ReadFile(filepath.Join(c, "data/s.yaml"))
		if err1 == nil && err2 == nil && len(snap) < 1<<20 {
			f.Add(tpl, snap)
		}
	}
	f.Fuzz(func(t *testing.T, tpl, snapshot []byte) {
		isDiag := func(err error) bool {
			var list diag.List
			var one *diag.Error
			return errors.As(err, &list) || errors.As(err, &one)
		}
		p, err := project.ParsePaper("templates/f.md", tpl)
		if err != nil {
			if !isDiag(err) {
				t.Fatalf("front matter: not a diagnostic: %v", err)
			}
			return
		}
		// A folder with no layouts: the built-in ones are used.
		layout, err := project.LoadLayout(t.TempDir(), p.Layout)
		if err != nil {
			return
		}
		snap, err := project.ParseSnapshot("data/f.yaml", snapshot)
		if err != nil {
			return
		}
		in := &Paper{Paper: p, Layout: layout, Data: &project.DataSet{Snapshots: []*project.Snapshot{snap}}}
		doc, err := Document(t.TempDir(), in)
		if err != nil {
			if !isDiag(err) {
				t.Fatalf("document: not a diagnostic: %v", err)
			}
			return
		}
		if doc.ExemptNotice != "" {
			doc = transform.Redact(doc, doc.ExemptNotice)
		}
		var buf bytes.Buffer
		if err := html.Write(&buf, doc, htmlOptions(doc)); err != nil {
			t.Fatalf("HTML: %v", err)
		}
		buf.Reset()
		if err := pdf.Write(&buf, doc, pdf.Options{Date: doc.Meta.Date}); err != nil {
			t.Fatalf("PDF: %v", err)
		}
	})
}
