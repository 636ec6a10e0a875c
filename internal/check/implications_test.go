package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/pipeline"
)

// implicationWarnings checks a cabinet paper with the given body and
// returns its warnings about implications.
func implicationWarnings(t *testing.T, body string) []string {
	t.Helper()
	return cabinetWarnings(t, "", body, func(s string) bool { return strings.Contains(s, "mplications") || strings.Contains(s, "answer") })
}

// cabinetWarnings checks a cabinet paper with the given front-matter
// lines (after its usual ones) and body, and returns the warnings keep
// keeps.
func cabinetWarnings(t *testing.T, front, body string, keep func(string) bool) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"templates/p.md": "---\nlayout: cabinet\nreport_of: Director\nreport_to: Cabinet\n" +
			"date: 2026-03-11\nsubject: A paper\nportfolio_holder: {name: Cllr A}\nkey_decision: false\ndata: data/s.yaml\n" + front + "---\n" + body,
		"data/s.yaml": "n: 1\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	results, err := pipeline.Check(dir, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range results {
		if r.Input == nil {
			t.Fatalf("the paper does not build: %v", r.Err)
		}
		for _, w := range Warnings(r, Options{PublishDate: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}) {
			if s := w.Error(); keep(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// The cabinet layout's implications are ## headings under # Implications:
// each must be there (its title may go on, "Financial implications") and
// answered, "None." being an answer.
func TestImplications(t *testing.T) {
	all := "# Implications\n\n## Financial implications\n\nThe scheme costs £1m.\n\n## Legal\n\nNone.\n\n" +
		"## Equalities\n\nNone.\n\n## Climate and environment\n\nFewer car journeys.\n\n## Risk\n\nNone.\n"
	if got := implicationWarnings(t, all); len(got) != 0 {
		t.Errorf("a full block warned: %q", got)
	}
	// The body starts on line 11.
	some := "# Implications\n\n## Financial\n\n## Legal\n\nNone.\n\n## Legality\n\nNone.\n"
	want := []string{
		`templates/p.md:11:1: warning: section "Implications" has no heading ## Equalities: the cabinet layout asks every paper to answer it (write "None." under it if there are none)`,
		`templates/p.md:11:1: warning: section "Implications" has no heading ## Climate and environment: the cabinet layout asks every paper to answer it (write "None." under it if there are none)`,
		`templates/p.md:11:1: warning: section "Implications" has no heading ## Risk: the cabinet layout asks every paper to answer it (write "None." under it if there are none)`,
		`templates/p.md:13:1: warning: "Financial" is not answered: say what the implications are, or write "None."`,
	}
	if got := implicationWarnings(t, some); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got := implicationWarnings(t, "# Main issues\n\nText.\n")
	if len(got) != 1 || !strings.Contains(got[0], `templates/p.md:11:1: warning: the cabinet layout asks for a section "Implications" answering "Financial", "Legal", "Equalities", "Climate and environment" and "Risk", each under a ## heading, and the paper has none`) {
		t.Errorf("no section: %q", got)
	}
}
