package publish

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

// The samples' PDFs as a reader's tools see them: every numbered paragraph
// in reading order, the cover rows, "Page 1 of N" with the right N, the
// tables' cells in their rows, fonts embedded, a valid file.
func TestSamplePDFsReadInOrder(t *testing.T) {
	out := t.TempDir()
	if _, err := Run(Options{Root: root, Templates: samples, Out: out, PDF: true}); err != nil {
		t.Fatal(err)
	}
	for _, path := range samples {
		d := sampleDoc(t, path)
		pdfPath := filepath.Join(out, MeetingDir(d.Meta), d.Meta.Slug+".pdf")
		text := strings.ReplaceAll(testtool.Run(t, "pdftotext", "-layout", pdfPath, "-"), "\u00a0", " ")

		// Every paragraph number the model gave, found at a line's start
		// in the same order.
		pos := 0
		for _, n := range paraNumbers(d) {
			re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(n) + `\s`)
			loc := re.FindStringIndex(text[pos:])
			if loc == nil {
				t.Fatalf("%s: paragraph %s is missing or out of order", path, n)
			}
			pos += loc[1]
		}

		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(testtool.Run(t, "pdfinfo", pdfPath))
		pages, _ := strconv.Atoi(m[1])
		if !strings.Contains(text, "Page 1 of "+m[1]) || !strings.Contains(text, "Page "+m[1]+" of "+m[1]) || pages < 2 {
			t.Errorf("%s: no Page 1 of %s / Page %s of %s", path, m[1], m[1], m[1])
		}
		for _, row := range d.Cover.Rows {
			if row.Kind != model.CoverQuestion {
				continue
			}
			if !regexp.MustCompile(regexp.QuoteMeta(row.Label) + `\s+[☐☒] Yes [☐☒] No`).MatchString(text) {
				t.Errorf("%s: cover row %q missing", path, row.Label)
			}
		}
		testtool.Run(t, "qpdf", "--check", pdfPath)
		for _, line := range strings.Split(testtool.Run(t, "pdffonts", pdfPath), "\n")[2:] {
			if f := strings.Fields(line); len(f) >= 5 && f[len(f)-5] != "yes" {
				t.Errorf("%s: a font is not embedded: %s", path, line)
			}
		}
		if d.Meta.Slug == "looked-after-children" {
			for _, row := range []string{`March 2011\s+90 \(6\.2%\)\s+322 \(22\.3%\)\s+359 \(24\.9%\)\s+431 \(29\.8%\)\s+242 \(16\.8%\)`, `11\.0% \(155/1,414\)`} {
				if !regexp.MustCompile(row).MatchString(text) {
					t.Errorf("table row %s not found in order", row)
				}
			}
		}
	}
}
