package html

import (
	"strings"
	"testing"

	m "github.com/boardpaper/boardpaper/internal/model"
)

// A paragraph number wider than the gutter ("A1.2.1") widens it, on wide
// screens only, so that it does not touch its text; a page whose numbers
// fit keeps the gutter of style.css and gains no rule.
func TestGutterHoldsTheWidestNumber(t *testing.T) {
	d := executivePaper()
	const rule = "@media (min-width: 36.01rem) { :root { --gutter: "
	if out := render(t, d, Options{}); strings.Contains(out, rule) {
		t.Errorf("a paper whose numbers fit widened its gutter:\n%s", out[strings.Index(out, rule):][:80])
	}
	var para *m.Para
	m.Walk(d, func(n m.Node, entering bool) m.WalkStatus {
		if p, ok := n.(*m.Para); ok && para == nil && p.Number != "" {
			para = p
		}
		return m.WalkContinue
	})
	if para == nil {
		t.Fatal("the paper has no numbered paragraph")
	}
	para.Number = "A1.2.1"
	out := render(t, d, Options{})
	if !strings.Contains(out, rule+"3.75rem; } }") || !strings.Contains(out, `<span class="pnum">A1.2.1</span>`) {
		t.Errorf("A1.2.1 did not widen the gutter to 3.75rem")
	}
	for num, want := range map[string]string{
		"4.1.2":    "",
		"10.14":    "",
		"A1.2.1":   rule + "3.75rem; } }\n",
		"A10.12.3": rule + "5rem; } }\n",
	} {
		if got := gutterCSS(numberWidth(num)); got != want {
			t.Errorf("%s: gutter rule %q, want %q", num, got, want)
		}
	}
	// A section number is in its bold, larger heading: "10.0" overflows
	// where the paragraph "10.0" fits.
	if gutterCSS(numberWidth("10.0")*headingScale(1)) == "" || gutterCSS(numberWidth("10.0")) != "" {
		t.Error("a section heading's number is not measured at its size")
	}
}
