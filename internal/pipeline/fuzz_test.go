package pipeline

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/expand"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

// liveMarkup is markup that would run in a reader's browser: the HTML
// writer never writes any of it itself, so whatever the input, none of it
// may appear in a page.
var liveMarkup = regexp.MustCompile(`(?i)<script|<iframe|<object|<embed|<[a-z][^<>]*\s(on[a-z]+|(xlink:)?href)\s*=\s*["']?\s*(javascript|data|vbscript):|<[a-z][^<>]*\son[a-z]+\s*=`)

// FuzzPipeline runs the whole pipeline on an arbitrary paper and snapshot:
// front matter, expansion, Markdown, passes, redaction and both writers.
// Bad input must come back as diagnostics; nothing may panic or hang, a
// paper that reads must render, and no page may hold live markup.
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
	hostileTpl, err1 := os.ReadFile("testdata/hostile/templates/hostile.md")
	hostileSnap, err2 := os.ReadFile("testdata/hostile/data/s.yaml")
	if err1 != nil || err2 != nil {
		f.Fatal(err1, err2)
	}
	f.Add(hostileTpl, hostileSnap) // pasted live markup, as publish's TestNoLiveScriptInAnyOutput builds it
	cases, _ := filepath.Glob("../../testdata/broken/*")
	for _, c := range cases {
		tpl, err1 := os.ReadFile(filepath.Join(c, "templates/p.md"))
		snap, err2 := os.ReadFile(filepath.Join(c, "data/s.yaml"))
		if err1 == nil && err2 == nil && len(snap) < 1<<20 {
			f.Add(tpl, snap)
		}
	}
	f.Fuzz(func(t *testing.T, tpl, snapshot []byte) {
		defer testtool.PanicAfter(10*time.Second, "the pipeline")()
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
		if err != nil || p.Accept(layout) != nil {
			return
		}
		snap, err := project.ParseSnapshot("data/f.yaml", snapshot)
		if err != nil {
			return
		}
		in := &Inputs{Paper: p, Layout: layout, Data: &project.DataSet{Snapshots: []*project.Snapshot{snap}}}
		doc, err := Document(t.TempDir(), in)
		if err != nil {
			if !isDiag(err) {
				t.Fatalf("document: not a diagnostic: %v", err)
			}
			return
		}
		if doc, err = Public(doc); err != nil {
			t.Fatalf("redaction: %v", err)
		}
		if doc == nil {
			return
		}
		var buf bytes.Buffer
		if err := html.Write(&buf, doc, htmlOptions()); err != nil {
			t.Fatalf("HTML: %v", err)
		}
		if m := liveMarkup.Find(buf.Bytes()); m != nil {
			t.Fatalf("the page holds live markup %q", m)
		}
		buf.Reset()
		if _, err := pdf.Write(&buf, doc, pdf.Options{Date: doc.Meta.Date}); err != nil {
			t.Fatalf("PDF: %v", err)
		}
	})
}

// The fuzzer's oracle must see live markup, and not mistake escaped text
// for it.
func TestLiveMarkupPattern(t *testing.T) {
	for _, s := range []string{`<SCRIPT>`, `<a href="javascript:x">`, `<a class=x href = javascript:x>`,
		`<img src=x onerror=alert(1)>`, `<a href=data:text/html,x>`, `<svg onload =x>`, `<a xlink:href="javascript:x">`} {
		if !liveMarkup.MatchString(s) {
			t.Errorf("missed %s", s)
		}
	}
	for _, s := range []string{`&lt;script&gt;`, `<a href="https://x">javascript: is text</a>`, `<p>one=1</p>`,
		`<td>on=1</td>`, `&lt;a href="javascript:x"&gt;`, `<p>&lt;b onclick=x&gt;</p>`} {
		if liveMarkup.MatchString(s) {
			t.Errorf("false alarm %s", s)
		}
	}
}
