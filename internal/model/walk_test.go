package model

import (
	"fmt"
	"strings"
	"testing"
)

// walkDoc holds one of every kind of node, each named by its text.
func walkDoc() *Document {
	note := &Note{Number: 1, Blocks: []Block{&Para{Inlines: []Inline{Text("note")}}}}
	cell := func(s string) Cell { return Cell{Inlines: []Inline{Text(s)}} }
	return &Document{
		Front: []*Section{{Kind: FrontSummary, Title: []Inline{Text("summary")}, Blocks: []Block{
			&Para{Inlines: []Inline{Text("s1"), &NoteRef{Number: 1, Note: note}}},
		}}},
		Body: []*Section{{Number: "1", Title: []Inline{Text("one")}, Blocks: []Block{
			&List{Items: [][]Block{
				{&Para{Inlines: []Inline{&Emph{Inlines: []Inline{Text("item1")}}}}},
				{&Quote{Blocks: []Block{&Para{Inlines: []Inline{&Link{Inlines: []Inline{Text("item2")}}}}}}},
			}},
			&Table{Exhibit: Exhibit{Caption: []Inline{Text("cap")}},
				Head: [][]Cell{{cell("h1"), cell("h2")}},
				Rows: [][]Cell{{cell("r1"), cell("r2")}}},
			&Chart{Exhibit: Exhibit{Caption: []Inline{Text("chart")}},
				Table: &Table{Rows: [][]Cell{{cell("c1")}}}},
			&ExemptPart{Heading: &CrossHeading{Inlines: []Inline{Text("part")}},
				Blocks: []Block{&Para{Inlines: []Inline{&Strong{Inlines: []Inline{Text("secret")}}}}}},
		}, Subsections: []*Section{{Number: "1.1", Title: []Inline{Text("sub")}, Blocks: []Block{
			&CodeBlock{Text: "code"}, &Rule{}, &ExemptNotice{Text: "notice"},
		}}}}},
		Footnotes: []*Note{note},
	}
}

// name is a node's kind, with its text for a leaf.
func name(n Node) string {
	switch n := n.(type) {
	case Text:
		return string(n)
	case *CodeBlock:
		return "Code:" + n.Text
	case *ExemptNotice:
		return "Notice:" + n.Text
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", n), "*model.")
}

func TestWalkVisitsEverythingInReadingOrder(t *testing.T) {
	var got []string
	Walk(walkDoc(), func(n Node, entering bool) WalkStatus {
		if entering {
			got = append(got, name(n))
		} else if _, leaf := n.(Text); !leaf {
			got = append(got, "/")
		}
		return WalkContinue
	})
	want := "Document Section summary Para s1 NoteRef / / / " +
		"Section one List Para Emph item1 / / Quote Para Link item2 / / / / " +
		"Table cap Cell h1 / Cell h2 / Cell r1 / Cell r2 / / " +
		"Chart chart Table Cell c1 / / / " +
		"ExemptPart CrossHeading part / Para Strong secret / / / " +
		"Section sub Code:code / Rule / Notice:notice / / / " +
		"Note Para note / / /"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("visits:\n got %s\nwant %s", s, want)
	}
}

func TestWalkSkipsChildrenAndStops(t *testing.T) {
	var got []string
	Walk(walkDoc(), func(n Node, entering bool) WalkStatus {
		if !entering {
			if _, ok := n.(*Table); ok {
				got = append(got, "/Table") // a skipped node is still left
			}
			return WalkContinue
		}
		got = append(got, name(n))
		switch n.(type) {
		case *Table, *List, *Section:
			return WalkSkipChildren
		case *Note:
			return WalkStop
		}
		return WalkContinue
	})
	want := "Document Section Section Note"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("visits = %s, want %s", s, want)
	}

	got = nil
	Walk(walkDoc(), func(n Node, entering bool) WalkStatus {
		if entering {
			got = append(got, name(n))
			if _, ok := n.(*Table); ok {
				return WalkSkipChildren
			}
		} else if _, ok := n.(*Table); ok {
			got = append(got, "/Table")
		}
		if n, ok := n.(Text); ok && n == "chart" {
			return WalkStop
		}
		return WalkContinue
	})
	if s := strings.Join(got, " "); !strings.HasSuffix(s, "Table /Table Chart chart") {
		t.Errorf("a stop at the chart's caption: visits end %s", s)
	}
}

func TestAttrOf(t *testing.T) {
	p := &Para{Attr: Attr{ID: "para-1"}}
	if a := AttrOf(p); a == nil || a.ID != "para-1" {
		t.Fatalf("AttrOf(para) = %v", a)
	}
	AttrOf(p).ID = "x"
	if p.Attr.ID != "x" {
		t.Error("AttrOf does not return the node's own attributes")
	}
	for _, n := range []Node{&Rule{}, &ExemptPart{}, &ExemptNotice{}, Text("t"), &Note{}} {
		if AttrOf(n) != nil {
			t.Errorf("AttrOf(%T) is not nil", n)
		}
	}
}
