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
// reference in the cover's table, the cover's exempt appendix, the
// recommendations (1) to (3) under their lead-in, the implications
// numbered under their section, the background papers, then the two
// appendices, the exempt one replaced by its notice, and the route map as
// the one picture. It is published at a meeting of its own, and its full
// version holds Appendix 2's text.
func TestCabinetSamplePDF(t *testing.T) {
	out, full := t.TempDir(), t.TempDir()
	const paper = "templates/a38-bus-priority.md"
	if _, err := Run(Options{Root: root, Templates: []string{paper}, Out: out, ExemptOut: full, PDF: true}); err != nil {
		t.Fatal(err)
	}
	d := sampleDoc(t, paper)
	dir := MeetingDir(d.Meta)
	if dir != "2026-03-11-cabinet" {
		t.Errorf("meeting folder %s", dir)
	}
	pdfPath := filepath.Join(out, dir, d.Meta.Slug+".pdf")
	text := testtool.Run(t, "pdftotext", "-layout", pdfPath, "-")
	const exemptText = "The engineer's estimate for the civil works"
	for _, re := range []string{
		`^\s*Borsetshire County Council\n\s*Agenda item 6\n`,
		`(?m)^Key decision\s+Yes\n\s+Reason: Expenditure of more than £500,000 and significant in two or\n\s+more wards\n\s+Forward Plan reference: FP/2026/014$`,
		`(?m)^Exempt information\s+Part exempt\n\s+Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972\n\s+Exempt appendix: 2$`,
		`(?m)^Enclosures\s+Appendix 1: Route of the scheme\n\s+Appendix 2: Cost estimate \(exempt\)$`,
		`(?m)^\s+Cabinet is recommended to:\n\n\s+\(1\) approve (?s:.*)^\s+\(2\) accept (?s:.*)^\s+\(3\) delegate `,
		`(?m)^\f?1\s+Reasons for recommendations\n\n\s+\(1\) The scheme (?s:.*)^\s+\(3\) Awarding `,
		`(?m)^Wards affected\s+Northfield, Selly Oak, Bournville$`,
		`(?m)^6\s+Implications\n(?s:.*)^6\.1\s+Financial\n(?s:.*)^6\.5\s+Risk$`,
		`(?m)^\f?7\s+Background papers\n\n\s+•\s+Local Transport Plan 2024–2029$`,
		`(?m)^\f?Appendix 1: Route of the scheme\n\nA1\.1\s+The bus lanes (?s:.*)^\s+Figure 2: The proposed bus lanes and junctions on the A38$`,
		`(?m)^\f?Appendix 2: Cost estimate\n\n+\s+Not for publication \(paragraph 3 of Part 1 of Schedule 12A to the Local\n\s+Government Act 1972\)$`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("the PDF's text lacks %s:\n%s", re, text[:min(len(text), 2500)])
		}
	}
	if strings.Contains(text, "☐") {
		t.Error("a table cover has no boxes")
	}
	if strings.Contains(text, exemptText) {
		t.Error("the public PDF holds Appendix 2's exempt text")
	}
	images := strings.Split(strings.TrimSpace(testtool.Run(t, "pdfimages", "-list", pdfPath)), "\n")[2:]
	if len(images) != 1 || !strings.Contains(images[0], " 640   440 ") {
		t.Errorf("pdfimages lists %q, want the 640×440 route map alone", images)
	}
	// The pack's contents give each appendix its page: the cover and the
	// contents, then the paper from page 3, its appendices on its pages 5
	// and 6.
	contents := testtool.Run(t, "pdftotext", "-layout", "-f", "2", "-l", "2", filepath.Join(out, dir, "agenda-pack.pdf"), "-")
	if !regexp.MustCompile(`Item 6\s+Bus priority on the A38 Bristol Road corridor\s+3\n\s+Appendix 1: Route of the scheme\s+7\n\s+Appendix 2: Cost estimate \(not for publication\)\s+8\n`).MatchString(contents) {
		t.Errorf("the pack's contents lack the appendices' pages:\n%s", contents)
	}
	fullText := strings.Join(strings.Fields(testtool.Run(t, "pdftotext", filepath.Join(full, dir, d.Meta.Slug+".pdf"), "-")), " ")
	if !strings.Contains(fullText, exemptText) || strings.Contains(fullText, "Not for publication") {
		t.Errorf("the full PDF lacks Appendix 2's text or shows the notice:\n%s", fullText)
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
