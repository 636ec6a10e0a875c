package model

import (
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	in := []Inline{Text("See "), &Ref{Text: "paragraph 3.11"}, Text(" and "),
		&Strong{Inlines: []Inline{&Emph{Inlines: []Inline{Text("this")}}}},
		&NoteRef{Number: 1}, LineBreak{}, Code("x")}
	if got, want := PlainText(in), "See paragraph 3.11 and this x"; got != want {
		t.Fatalf("PlainText = %q, want %q", got, want)
	}
}

func TestSectionsOrder(t *testing.T) {
	sub := &Section{Number: "4.1"}
	d := &Document{
		Front: []*Section{{Kind: FrontSummary}},
		Body:  []*Section{{Number: "3"}, {Number: "4", Subsections: []*Section{sub}}},
	}
	var nums []string
	for _, s := range d.Sections() {
		nums = append(nums, s.Number)
	}
	if got := len(nums); got != 4 || nums[3] != "4.1" {
		t.Fatalf("Sections order = %q", nums)
	}
}

func TestListMarkers(t *testing.T) {
	for _, c := range []struct {
		l    List
		want string
	}{
		{List{Start: 1}, "1. 2. 3."},
		{List{Start: 1, Style: "a", Delim: "()"}, "(a) (b) (c)"},
		{List{Start: 25, Style: "A", Delim: ")"}, "Y) Z) AA)"},
		{List{Start: 3, Style: "i", Delim: "."}, "iii. iv. v."},
		{List{Start: 8, Style: "I", Delim: "()"}, "(VIII) (IX) (X)"},
		{List{Start: 9, Style: "1", Delim: "()"}, "(9) (10) (11)"},
	} {
		var got []string
		for i := 0; i < 3; i++ {
			got = append(got, c.l.Marker(i))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%+v: %q, want %q", c.l, got, c.want)
		}
	}
}
