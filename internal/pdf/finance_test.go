package pdf

import (
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

// A landscape table is on landscape pages (842 x 595 points), with portrait
// pages before and after it and the page numbers running on; the budget
// table's group heading, brackets, ratings and total are in the text.
func TestFinanceTablesAndLandscape(t *testing.T) {
	path := writeTemp(t, pdftest.FinancePaper())
	n := pdftest.PageCount(t, path)
	landscape := 0
	for p := 1; p <= n; p++ {
		w, h := pdftest.PageSize(t, path, p)
		text := pdftest.PageText(t, path, p)
		if !strings.Contains(text, "Page "+itoa(p)+" of "+itoa(n)) {
			t.Errorf("page %d lacks its number", p)
		}
		switch {
		case w == 842 && h == 595:
			landscape = p
			if !strings.Contains(text, "Carriageway resurfacing programme") || !strings.Contains(text, "Table Four") {
				t.Errorf("landscape page %d does not hold the capital table:\n%s", p, text)
			}
		case w == 595 && h == 842:
		default:
			t.Errorf("page %d is %d x %d", p, w, h)
		}
	}
	if landscape == 0 || landscape == n {
		t.Fatalf("landscape page %d of %d: want one, with a portrait page after it", landscape, n)
	}
	if before := pdftest.PageText(t, path, landscape-1); !strings.Contains(before, "turned sideways") {
		t.Errorf("the page before the landscape one does not end with the paragraph before the table")
	}
	if after := pdftest.PageText(t, path, landscape+1); !strings.Contains(after, "turns back to portrait") {
		t.Errorf("the page after the landscape one does not hold the paragraph after the table")
	}
	all := pdftest.AllText(t, path)
	for _, want := range []string{"Year end forecast", "(400)", "Amber", "Green", "Red", "Net total", "£'000", "Directorates", "Income"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// A finance table too wide even for its page is set in parts; a group
// heading over columns of two parts heads its columns in each, and a
// group row spans each part.
func TestSpanningCellsInParts(t *testing.T) {
	cols := "columns:\n"
	for _, y := range []string{"2021/22", "2022/23", "2023/24", "2024/25", "2025/26", "2026/27"} {
		for _, c := range []string{"Budget", "Spent to date", "Forecast"} {
			cols += "  - {name: " + c + " " + y + ", from: \"2025/26\", group: Years from 2021/22 to 2026/27}\n"
		}
	}
	tbl := pdftest.FinanceTable("data: capital\nscale: thousands\ntotal_row: Total\n" + cols)
	tbl.Label = "Table Five"
	doc := pdftest.SamplePaper()
	doc.Body = append(doc.Body, pdftest.Heading("10", 1, "Wide", tbl))
	path := writeTemp(t, doc)
	text := pdftest.AllText(t, path)
	parts := strings.Count(text, "Table Five (part")
	if parts < 2 {
		t.Fatalf("the table was not set in parts:\n%s", text)
	}
	if n := strings.Count(text, "Years from 2021/22 to 2026/27"); n != parts {
		t.Errorf("the group heading is in %d parts, want all %d", n, parts)
	}
	if n := strings.Count(text, "Highways "); n != parts {
		t.Errorf("the row names are in %d parts, want all %d", n, parts)
	}
}
