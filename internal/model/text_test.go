package model

import "testing"

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
