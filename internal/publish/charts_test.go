package publish

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/testtool"
)

// The samples' charts: an inline, labelled SVG with its figures table and a
// CSV file in HTML; vectors with real text and no images in PDF.
func TestSampleChartsInBothOutputs(t *testing.T) {
	out := t.TempDir()
	if _, err := Run(Options{Root: root, Templates: samples, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, "2013-03-13-executive-board")
	page, err := os.ReadFile(filepath.Join(dir, "looked-after-children.html"))
	if err != nil {
		t.Fatal(err)
	}
	svgs := regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(string(page), -1)
	if len(svgs) != 3 {
		t.Fatalf("%d charts in the page, want 3", len(svgs))
	}
	for _, svg := range svgs {
		if !strings.Contains(svg, `role="img"`) || !strings.Contains(svg, "<title") || !strings.Contains(svg, "<desc") {
			t.Errorf("chart lacks role, title or desc: %.200s", svg)
		}
		d := xml.NewDecoder(strings.NewReader(svg))
		for {
			if _, err := d.Token(); err != nil {
				if err.Error() != "EOF" {
					t.Errorf("chart SVG is not well-formed XML: %v", err)
				}
				break
			}
		}
	}
	// Each chart is followed by its figures and a link to them as CSV.
	for _, id := range []string{"tbl-lac-trend", "tbl-carer-interest", "tbl-contacts"} {
		csv := "looked-after-children-" + id + ".csv"
		if !strings.Contains(string(page), `href="`+csv+`"`) {
			t.Errorf("no link to %s", csv)
		}
		b, err := os.ReadFile(filepath.Join(dir, csv))
		if err != nil || !strings.Contains(string(b), "\r\n") {
			t.Errorf("%s: %v", csv, err)
		}
	}
	if !strings.Contains(string(page), "1,370") || !strings.Contains(string(page), "Show the figures as a table") {
		t.Error("the trend chart's figures table is missing")
	}

	pdfPath := filepath.Join(dir, "looked-after-children.pdf")
	images := testtool.Run(t, "pdfimages", "-list", pdfPath)
	if n := len(strings.Split(strings.TrimSpace(images), "\n")); n > 2 {
		t.Errorf("the PDF holds images (charts must be vectors):\n%s", images)
	}
	text := testtool.Run(t, "pdftotext", pdfPath, "-")
	for _, want := range []string{"Number of looked after children", "1,450", "Jan 2013", "Total contacts and referrals by month", "Referrals", "Table Six: Contacts and referrals"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}
