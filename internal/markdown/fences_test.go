package markdown

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
)

// Table and chart blocks are read on another goroutine when there is a
// processor to spare; the document and its errors are the same as when
// they are read in turn: every block in its place, each error at its
// block's line, in the order of the blocks, and each block read once.
func TestFencesReadAheadAsInTurn(t *testing.T) {
	var body strings.Builder
	body.WriteString("# A\n\nText.\n\n")
	for i := range 12 {
		kind := []string{"table", "chart"}[i%2]
		fmt.Fprintf(&body, "Before %d.\n\n```%s\nn: %d\n```\n\n- in a list\n\n  ```%s\n  n: %d\n  ```\n\n", i, kind, i, kind, 100+i)
	}
	body.WriteString("```go\nnot data\n```\n")
	src := body.String()
	read := func(procs int) (string, string, []string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var calls []string
		fence := func(kind string, content []byte, pos diag.Pos) (model.Block, error) {
			calls = append(calls, fmt.Sprintf("%s %s %d", kind, strings.TrimSpace(string(content)), pos.Line))
			var n int
			fmt.Sscanf(string(content), "n: %d", &n)
			if n%3 == 0 {
				return nil, diag.At(pos, "block %d has no data", n)
			}
			return &model.Para{Inlines: []model.Inline{model.Text(fmt.Sprintf("%s %d", kind, n))}}, nil
		}
		res, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: src, Expanded: src}, fence)
		if err == nil {
			t.Fatal("no errors")
		}
		if res != nil {
			t.Fatal("a document with errors")
		}
		ok, _ := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: src, Expanded: src}, func(kind string, content []byte, pos diag.Pos) (model.Block, error) {
			return &model.Para{Inlines: []model.Inline{model.Text(kind + " " + strings.TrimSpace(string(content)))}}, nil
		})
		return err.Error(), model.Dump(ok.Doc), calls
	}
	errs1, doc1, calls1 := read(1)
	errs2, doc2, calls2 := read(2)
	if errs1 != errs2 {
		t.Errorf("errors read in turn:\n%s\nread ahead:\n%s", errs1, errs2)
	}
	if doc1 != doc2 {
		t.Errorf("document read in turn:\n%s\nread ahead:\n%s", doc1, doc2)
	}
	if strings.Join(calls1, "\n") != strings.Join(calls2, "\n") || len(calls1) != 24 {
		t.Errorf("blocks read in turn:\n%s\nread ahead:\n%s", strings.Join(calls1, "\n"), strings.Join(calls2, "\n"))
	}
	if !strings.Contains(errs2, "templates/p.md:12:1: block 0 has no data") || strings.Count(errs2, "has no data") != 8 {
		t.Errorf("errors:\n%s", errs2)
	}
	if strings.Count(doc2, "chart n:") != 12 || !strings.Contains(doc2, "not data") {
		t.Errorf("document:\n%s", doc2)
	}
}

// A table or chart block with no closing fence runs, as CommonMark reads
// it, to the end of the paper (or of its list item or quote), swallowing
// the prose after it: that is an error at the opening fence, and the
// block is not read as YAML. A block that is closed, however it is
// indented or quoted, is read.
func TestUnclosedFence(t *testing.T) {
	const unclosed = "templates/p.md:7:1: this ```table block is never closed: end it with a line ``` after its last key"
	cases := []struct{ body, want string }{
		{"# A\n\n```table\nn: 1\n\nProse: after it.\n\n# B\n", unclosed},
		{"# A\n\n```table\nn: 1\n", unclosed},
		{"# A\n\n```table\nn: 1", unclosed},
		{"# A\n\n```table\n", unclosed},
		{"# A\n\n```table", unclosed},
		{"# A\n\n~~~~chart\nn: 1\n~~~\nMore: prose.\n", "templates/p.md:7:1: this ~~~~chart block is never closed: end it with a line ~~~~ after its last key"},
		{"# A\n\n```table\nn: 1\n~~~\n", unclosed},
		{"# A\n\n- item\n\n  ```table\n  n: 1\n\nProse: after the list.\n", "templates/p.md:9:3: this ```table block is never closed"},
		{"# A\n\n> ```table\n> n: 1\n\nProse: after the quote.\n", "templates/p.md:7:3: this ```table block is never closed"},
		{"# A\n\n```table\nn: 1\n```\n", ""},
		{"# A\n\n```table\nn: 1\n`````  \n", ""},
		{"# A\n\n```table\n```\n", ""},
		{"# A\n\n   ```table\n   n: 1\n   ```\n", ""},
		{"# A\n\n- item\n\n  ```table\n  n: 1\n  ```\n", ""},
		{"# A\n\n> ```table\n> n: 1\n> ```\n", ""},
		{"# A\n\n```table\nn: 1\n```", ""},
		{"# A\n\n```go\nunclosed code is CommonMark's\n", ""},
	}
	for _, c := range cases {
		read := 0
		fence := func(kind string, content []byte, pos diag.Pos) (model.Block, error) {
			read++
			return &model.Para{Inlines: []model.Inline{model.Text(kind)}}, nil
		}
		_, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: c.body, Expanded: c.body}, fence)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.body, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: error %v, want %s", c.body, err, c.want)
		case c.want != "" && read > 0:
			t.Errorf("%q: an unclosed block was read as YAML", c.body)
		}
	}
}
