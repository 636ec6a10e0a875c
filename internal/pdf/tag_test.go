package pdf_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

// structNode is an element of a PDF's structure tree as poppler reads it
// back (pdfinfo -struct-text): its type, attributes and text, in order.
type structNode struct {
	typ   string
	attrs []string
	text  []string
	kids  []*structNode
}

// readStructure parses pdfinfo -struct-text: two spaces of indent a
// level, an element's type first on its line, its attributes on lines of
// their own beginning with "/", its text quoted.
func readStructure(t *testing.T, path string) *structNode {
	t.Helper()
	out := pdftest.Tool(t, "pdfinfo", "-struct-text", path)
	root := &structNode{typ: "(root)"}
	stack := []*structNode{root}
	depths := []int{-1}
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			continue
		}
		depth := (len(line) - len(trimmed)) / 2
		for len(stack) > 1 && depths[len(depths)-1] >= depth {
			stack, depths = stack[:len(stack)-1], depths[:len(depths)-1]
		}
		top := stack[len(stack)-1]
		switch {
		case strings.HasPrefix(trimmed, `"`):
			top.text = append(top.text, strings.Trim(trimmed, `"`))
			continue
		case strings.HasPrefix(trimmed, "/"):
			top.attrs = append(top.attrs, trimmed)
			continue
		case strings.HasPrefix(trimmed, "Object "):
			continue
		}
		typ := strings.TrimSuffix(strings.Fields(trimmed)[0], ":")
		n := &structNode{typ: typ}
		top.kids = append(top.kids, n)
		stack, depths = append(stack, n), append(depths, depth)
	}
	return root
}

// walk visits n and its descendants in order.
func (n *structNode) walk(visit func(n, parent *structNode)) {
	for _, k := range n.kids {
		visit(k, n)
		k.walk(visit)
	}
}

// allText is the text of n and its descendants, in order.
func (n *structNode) allText() string {
	s := strings.Join(n.text, " ")
	for _, k := range n.kids {
		s += " " + k.allText()
	}
	return s
}

// The structure read back (poppler's pdfinfo -struct-text) from the
// test's sample paper's PDF: its numbered
// paragraphs in the model's order, each a P whose Lbl is its number;
// headings from H1 with no level skipped; every table with header cells
// and a scope; every chart a Figure whose /Alt is its title and summary;
// every footnote a Note after the paragraph that cites it.
func TestStructureReadsBack(t *testing.T) {
	doc := pdftest.SamplePaper()
	model.Walk(doc, func(n model.Node, entering bool) model.WalkStatus {
		if c, ok := n.(*model.Chart); ok && c.Summary == "" {
			c.Summary = "A line chart: 1,434 in November 2010, falling to 1,384 in January 2013."
		}
		return model.WalkContinue
	})
	path := filepath.Join(t.TempDir(), "paper.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.Write(f, doc, pdf.Options{Date: pdftest.Date}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tree := readStructure(t, path)
	if len(tree.kids) != 1 || tree.kids[0].typ != "Document" {
		t.Fatalf("the structure's root holds %d elements, want one Document", len(tree.kids))
	}

	var want, got []string
	var tables, charts int
	model.Walk(doc, func(n model.Node, entering bool) model.WalkStatus {
		switch n := n.(type) {
		case *model.Para:
			if entering && n.Number != "" {
				want = append(want, n.Number)
			}
		case *model.Table:
			if entering {
				tables++
			}
		case *model.Chart:
			if entering {
				charts++
			}
			return model.WalkSkipChildren
		}
		return model.WalkContinue
	})
	lastH := 0
	var figures, withHeads, noteAfterCite int
	var notes []*structNode
	tree.walk(func(n, parent *structNode) {
		switch {
		case n.typ == "P" && len(n.kids) > 0 && n.kids[0].typ == "Lbl":
			got = append(got, strings.TrimSpace(n.kids[0].allText()))
		case len(n.typ) == 2 && n.typ[0] == 'H' && n.typ[1] >= '1' && n.typ[1] <= '6':
			h := int(n.typ[1] - '0')
			if h > lastH+1 {
				t.Errorf("heading %q is an %s after an H%d", n.allText(), n.typ, lastH)
			}
			lastH = h
		case n.typ == "Table":
			heads := 0
			n.walk(func(c, _ *structNode) {
				if c.typ == "TH" && len(c.attrs) > 0 && strings.HasPrefix(c.attrs[0], "/Scope /") {
					heads++
				}
			})
			if heads == 0 {
				t.Errorf("a table has no header cell with a scope: %.80s", n.allText())
			} else {
				withHeads++
			}
		case n.typ == "Figure":
			figures++
		case n.typ == "Note":
			notes = append(notes, n)
			for i, k := range parent.kids {
				if k == n && i > 0 && strings.Contains(parent.kids[i-1].allText(), strings.Fields(n.allText())[0][:1]) {
					noteAfterCite++
				}
			}
		}
	})
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("numbered paragraphs read back in the order\n%v\nwant\n%v", got, want)
	}
	if len(want) < 10 {
		t.Errorf("only %d numbered paragraphs: the sample should have many", len(want))
	}
	// The cover's questions are a table too.
	if withHeads != tables+1 {
		t.Errorf("%d tables with header cells, want %d (the paper's and the cover's)", withHeads, tables+1)
	}
	if charts == 0 || figures != charts {
		t.Errorf("%d figures for %d charts", figures, charts)
	}
	if len(notes) != len(doc.Footnotes) || len(notes) == 0 || noteAfterCite != len(notes) {
		t.Errorf("%d notes (%d after a block citing them) for %d footnotes", len(notes), noteAfterCite, len(doc.Footnotes))
	}

	// Each figure's alternative text is its chart's title and the words
	// the HTML page gives it.
	alts := figureAlts(t, path)
	i := 0
	model.Walk(doc, func(n model.Node, entering bool) model.WalkStatus {
		if c, ok := n.(*model.Chart); ok && entering {
			if want := c.Title + ". " + c.Summary; i >= len(alts) || alts[i] != want {
				t.Errorf("chart %d: /Alt %q, want its title and summary %q", i+1, alts[min(i, len(alts)-1)], want)
			}
			i++
			return model.WalkSkipChildren
		}
		return model.WalkContinue
	})
}

// figureAlts reads each Figure element's /Alt, in object order (the order
// they were made).
func figureAlts(t *testing.T, path string) []string {
	t.Helper()
	var js struct {
		Objects map[string]map[string]any `json:"objects"`
	}
	if err := json.Unmarshal([]byte(pdftest.Tool(t, "qpdf", "--json=1", "--json-key=objects", path)), &js); err != nil {
		t.Fatal(err)
	}
	type alt struct {
		obj  int
		text string
	}
	var found []alt
	num := regexp.MustCompile(`^(\d+) 0 R$`)
	for key, o := range js.Objects {
		if o["/S"] == "/Figure" {
			m := num.FindStringSubmatch(key)
			if m == nil {
				continue
			}
			n := 0
			for _, c := range m[1] {
				n = n*10 + int(c-'0')
			}
			s, _ := o["/Alt"].(string)
			found = append(found, alt{n, s})
		}
	}
	for i := range found {
		for j := i + 1; j < len(found); j++ {
			if found[j].obj < found[i].obj {
				found[i], found[j] = found[j], found[i]
			}
		}
	}
	out := make([]string, len(found))
	for i, a := range found {
		out[i] = a.text
	}
	return out
}
