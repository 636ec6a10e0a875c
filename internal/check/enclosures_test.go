package check

import (
	"strings"
	"testing"
)

// enclosureWarnings checks a cabinet paper with two appendices, the
// second exempt, whose front matter ends with the given lines.
func enclosureWarnings(t *testing.T, front string) []string {
	t.Helper()
	body := "# Main issues\n\nText.\n\n# Route {.appendix}\n\nThe route.\n\n# Costs {.appendix .exempt}\n\nThe costs.\n"
	return cabinetWarnings(t, "access_to_information_rule: \"3\"\n"+front, body, func(s string) bool { return strings.Contains(s, "nclosure") })
}

// A cabinet cover lists the enclosures: each appendix must be among them,
// and an enclosure naming an appendix must name one the paper has.
func TestEnclosuresListTheAppendices(t *testing.T) {
	if got := enclosureWarnings(t, "enclosures: [\"Appendix 1: Route\", \"Appendix 2: Costs (exempt)\", \"A plan of the site\"]\n"); len(got) != 0 {
		t.Errorf("enclosures naming both appendices warned: %q", got)
	}
	got := enclosureWarnings(t, "enclosures: [\"Appendix 1: Route\", \"Appendix 3: Bids\"]\n")
	want := []string{
		`templates/p.md:11:13: warning: enclosure "Appendix 3: Bids" names Appendix 3, which the paper does not have: its appendices are Appendix 1 and Appendix 2`,
		`templates/p.md:11:13: warning: the cover's enclosures do not list Appendix 2, Costs: add it to enclosures, e.g. "Appendix 2: Costs"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = enclosureWarnings(t, "")
	if len(got) != 2 || !strings.Contains(got[0], "do not list Appendix 1, Route") || !strings.Contains(got[1], "do not list Appendix 2, Costs") {
		t.Errorf("no enclosures: %q", got)
	}
}
