package publish

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/testtool"
)

// The cabinet sample's PDF, as pdftotext reads it: the council and agenda
// item at the top, the key decision with its reason and Forward Plan
// reference in the cover's table, the implications numbered under their
// section and the background papers last. It is published at a meeting
// of its own.
func TestCabinetSamplePDF(t *testing.T) {
	out := t.TempDir()
	const paper = "templates/a38-bus-priority.md"
	if _, err := Run(Options{Root: root, Templates: []string{paper}, Out: out, PDF: true}); err != nil {
		t.Fatal(err)
	}
	d := sampleDoc(t, paper)
	dir := MeetingDir(d.Meta)
	if dir != "2026-03-11-cabinet" {
		t.Errorf("meeting folder %s", dir)
	}
	text := testtool.Run(t, "pdftotext", "-layout", filepath.Join(out, dir, d.Meta.Slug+".pdf"), "-")
	for _, re := range []string{
		`^\s*Borsetshire County Council\n\s*Agenda item 6\n`,
		`(?m)^Key decision\s+Yes\n\s+Reason: Expenditure of more than £500,000 and significant in two or\n\s+more wards\n\s+Forward Plan reference: FP/2026/014$`,
		`(?m)^Exempt information\s+Open$`,
		`(?m)^Wards affected\s+Northfield, Selly Oak, Bournville$`,
		`(?m)^6\s+Implications\n(?s:.*)^6\.1\s+Financial\n(?s:.*)^6\.5\s+Risk$`,
		`(?m)^\f?7\s+Background papers\n\n\s+•\s+Local Transport Plan 2024–2029$`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("the PDF's text lacks %s:\n%s", re, text[:min(len(text), 2500)])
		}
	}
	if strings.Contains(text, "☐") {
		t.Error("a table cover has no boxes")
	}
}

// A cabinet paper exempt as a whole is listed in the index and its
// meeting's pack under Schedule 12A, as the layout words the rule, both
// when it is built and when a later build keeps it.
func TestCabinetWithheldNotice(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"templates/depot.md": "---\nlayout: cabinet\nreport_of: Director\nreport_to: Cabinet\ndate: 2026-03-11\nsubject: Depot sale\n" +
			"item: 4\nportfolio_holder: {name: Cllr A}\nkey_decision: false\nexempt: true\naccess_to_information_rule: \"3\"\ndata: data/s.yaml\n---\n# Main issues\n\nThe bids.\n",
		"templates/open.md": "---\nlayout: cabinet\nreport_of: Director\nreport_to: Cabinet\ndate: 2026-03-11\nsubject: Buses\n" +
			"item: 5\nportfolio_holder: {name: Cllr A}\nkey_decision: false\ndata: data/s.yaml\n---\n# Main issues\n\nText.\n",
		"data/s.yaml": "n: 1\n",
	})
	out := filepath.Join(dir, "output")
	const want = "not for publication (paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972)"
	for _, templates := range [][]string{nil, {"templates/open.md"}} {
		if _, err := Run(Options{Root: dir, Templates: templates, Out: out, HTML: true, PDF: true}); err != nil {
			t.Fatal(err)
		}
		index, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if !strings.Contains(string(index), want) {
			t.Errorf("build %q: the index lacks %q", templates, want)
		}
		pack := testtool.Run(t, "pdftotext", filepath.Join(out, "2026-03-11-cabinet", "agenda-pack.pdf"), "-")
		if !strings.Contains(strings.ToLower(strings.Join(strings.Fields(pack), " ")), strings.ToLower(want)) {
			t.Errorf("build %q: the pack lacks %q", templates, want)
		}
	}
}
