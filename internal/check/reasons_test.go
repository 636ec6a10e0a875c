package check

import (
	"strings"
	"testing"
)

// reasonWarnings checks a cabinet paper with the given body and returns
// its warnings about reasons.
func reasonWarnings(t *testing.T, body string) []string {
	t.Helper()
	return cabinetWarnings(t, "", body, func(s string) bool { return strings.Contains(s, "reason") })
}

const threeRecs = "# Recommendations {.recommendations}\n\nCabinet is recommended to: {.unnumbered}\n\n" +
	"(1) approve the scheme;\n(2) accept the grant; and\n(3) delegate the contract.\n\n"

// Reasons written under the recommendations' own markers are checked
// against them: a recommendation without a reason is named at the
// reasons' heading, a reason for no recommendation at its line. "2." is
// the reason for "(2)"; "(b)" is not.
func TestReasonsKeyedToRecommendations(t *testing.T) {
	// The body starts on line 11: the reasons' heading is line 19, their
	// list starts on line 21.
	for _, tc := range []struct {
		name, reasons string
		want          []string
	}{
		{"all", "(1) Quicker buses.\n(2) The grant.\n(3) An early start.\n", nil},
		{"other delimiters", "1. Quicker buses.\n2. The grant.\n3. An early start.\n", nil},
		{"prose", "The scheme makes buses quicker.\n", nil},
		{"one missing", "(1) Quicker buses.\n(2) The grant.\n", []string{
			`templates/p.md:19:1: warning: "Reasons for recommendations" gives no reason for recommendation (3): give it under the same marker, (3)`,
		}},
		{"one too many", "(1) Quicker buses.\n(2) The grant.\n(3) An early start.\n(4) Something else.\n", []string{
			`templates/p.md:24:5: warning: reason (4) is for a recommendation that does not exist: the recommendations are (1), (2) and (3)`,
		}},
		{"letters", "(a) Quicker buses.\n", []string{
			`templates/p.md:19:1: warning: "Reasons for recommendations" gives no reason for recommendation (1): give it under the same marker, (1)`,
			`templates/p.md:19:1: warning: "Reasons for recommendations" gives no reason for recommendation (2): give it under the same marker, (2)`,
			`templates/p.md:19:1: warning: "Reasons for recommendations" gives no reason for recommendation (3): give it under the same marker, (3)`,
			`templates/p.md:21:5: warning: reason (a) is for a recommendation that does not exist: the recommendations are (1), (2) and (3)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := reasonWarnings(t, threeRecs+"# Reasons for recommendations\n\n"+tc.reasons)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	// Recommendations in prose are not keyed: nothing to check against.
	if got := reasonWarnings(t, "# Recommendations {.recommendations}\n\nCabinet is recommended to approve the scheme.\n\n"+
		"# Reasons for recommendations\n\n(1) Quicker buses.\n"); len(got) != 0 {
		t.Errorf("prose recommendations warned: %q", got)
	}
}
