package diag

import (
	"errors"
	"fmt"
	"testing"
)

func TestListSortsAndFlattens(t *testing.T) {
	var l List
	l.Errorf("b.md", 3, 1, "third")
	l.Add(List{Errorf("a.md", 9, 2, "second"), Errorf("a.md", 2, 7, "first")})
	l.Add(fmt.Errorf("wrapped: %w", Errorf("c.md", 1, 1, "fourth")))
	l.Add(nil)
	l.Sort()
	want := "a.md:2:7: first\na.md:9:2: second\nb.md:3:1: third\nc.md:1:1: fourth"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var back List
	if !errors.As(l.Err(), &back) || len(back) != 4 {
		t.Error("Err does not return the list")
	}
}

func TestWarningsDoNotFail(t *testing.T) {
	l := List{Warnf("a.md", 1, 1, "only a warning")}
	if l.Err() != nil || l.HasErrors() {
		t.Error("a list of warnings counts as failing")
	}
	if got := l[0].Error(); got != "a.md:1:1: warning: only a warning" {
		t.Errorf("warning printed as %q", got)
	}
}

func TestPositionWithoutLine(t *testing.T) {
	if got := Errorf("a.md", 0, 0, "x").Error(); got != "a.md: x" {
		t.Errorf("got %q", got)
	}
}

func TestNearest(t *testing.T) {
	names := []string{"pct", "pct0", "print", "printf", "sum", "sec-main", "report_to", "report_of"}
	for s, want := range map[string]string{
		"pcnt": "pct", "sec-mian": "sec-main", "zzzzzz": "", "xy": "",
		"prinft":   "printf", // a swap is one slip, and printf is as long
		"pirnt":    "print",
		"repot_to": "report_to", "reprot_of": "report_of",
		"sum": "sum", "smu": "sum", "xyz": "",
	} {
		if got := Nearest(s, names); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", s, got, want)
		}
	}
}
