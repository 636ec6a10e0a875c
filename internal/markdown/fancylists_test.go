package markdown

import (
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
)

func TestFancyMarkersKeepTheirWidth(t *testing.T) {
	body := strings.Join([]string{
		"(a) note;",       // 0
		"b. agree;",       // 1
		"  (iv) four",     // 2
		"I.  first",       // 3
		"A. N. Other",     // 4: initials, not a list
		"1. CommonMark's", // 5: left to goldmark
		"mix. a word",     // 6: not a numeral
		"```",             // 7
		"(a) in code",     // 8
		"```",             // 9
		"(10) ten",        // 10
		"c)",              // 11: an empty item
		"> (b) quoted",    // 12
	}, "\n")
	out, marks := fancyLists([]byte(body))
	want := strings.Join([]string{
		"01) note;", "2. agree;", "  004) four", "1.  first", "A. N. Other", "1. CommonMark's", "mix. a word",
		"```", "(a) in code", "```", "010) ten", "3)", "> 02) quoted",
	}, "\n")
	if string(out) != want {
		t.Errorf("rewritten:\n%s\nwant:\n%s", out, want)
	}
	wantMarks := map[int]fancyMarker{
		0: {"a", "()", 1}, 1: {"a", ".", 2}, 2: {"i", "()", 4}, 3: {"I", ".", 1}, 10: {"1", "()", 10}, 11: {"a", ")", 3}, 12: {"a", "()", 2},
	}
	if len(marks) != len(wantMarks) {
		t.Errorf("markers on lines %v, want %v", marks, wantMarks)
	}
	for line, m := range wantMarks {
		if marks[line] != m {
			t.Errorf("line %d: %+v, want %+v", line, marks[line], m)
		}
	}
	if strings.Contains(body, "01)") {
		t.Error("the body itself was changed")
	}
}

func TestRecommendationLists(t *testing.T) {
	body := "# Recommendations {.recommendations}\n\n" +
		"Executive Board is asked to: {.unnumbered}\n\n" +
		"(a) note the report;\n(b) agree the plan, with\n\n    i. one point\n    ii. another\n\n(c) ask for a report.\n\n" +
		"# Main issues\n\nThe text goes on\n(b) over a line.\n"
	res, err := Read(Source{Path: "templates/p.md", FirstLine: 1, Template: body, Expanded: body}, nil)
	if err != nil {
		t.Fatal(err)
	}
	recs := res.Doc.Front[0].Blocks
	if p, ok := recs[0].(*model.Para); !ok || !p.Attr.HasClass("unnumbered") || model.PlainText(p.Inlines) != "Executive Board is asked to:" {
		t.Errorf("lead-in read as %#v", recs[0])
	}
	l, ok := recs[1].(*model.List)
	if !ok || len(l.Items) != 3 || l.Marker(0) != "(a)" || l.Marker(2) != "(c)" {
		t.Fatalf("list read as %s", model.Dump(res.Doc))
	}
	inner, ok := l.Items[1][1].(*model.List)
	if !ok || inner.Marker(0) != "i." || inner.Marker(1) != "ii." {
		t.Errorf("nested list read as %#v", l.Items[1])
	}
	if got := model.PlainText(res.Doc.Body[0].Blocks[0].(*model.Para).Inlines); got != "The text goes on (b) over a line." {
		t.Errorf("a paragraph's line starting (b) reads %q", got)
	}
}

func TestQuotedRecommendationList(t *testing.T) {
	body := "# Main issues\n\nThe Board resolved:\n\n> (c) to note;\n> (d) to agree.\n"
	res, err := Read(Source{Path: "templates/p.md", FirstLine: 1, Template: body, Expanded: body}, nil)
	if err != nil {
		t.Fatal(err)
	}
	q, ok := res.Doc.Body[0].Blocks[1].(*model.Quote)
	if !ok {
		t.Fatalf("read as %s", model.Dump(res.Doc))
	}
	if l, ok := q.Blocks[0].(*model.List); !ok || l.Marker(0) != "(c)" || l.Marker(1) != "(d)" {
		t.Errorf("quoted list read as %s", model.Dump(res.Doc))
	}
}

// An escaped bracket keeps a paragraph that begins "(1) " a paragraph.
func TestEscapedMarkerIsText(t *testing.T) {
	body := "# T\n\n\\(1) The Council agreed.\n"
	res, err := Read(Source{Path: "templates/p.md", FirstLine: 1, Template: body, Expanded: body}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := res.Doc.Body[0].Blocks[0].(*model.Para); !ok || model.PlainText(p.Inlines) != "(1) The Council agreed." {
		t.Errorf("read as %s", model.Dump(res.Doc))
	}
}
