package publish

import (
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
