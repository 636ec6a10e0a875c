package publish

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/testtool"
)

// The finance sample as a reader sees it: the council tax rise as the
// snapshot writes it, an underspend in brackets, the directorate table's
// rows and total in order, its two-level header, the ratings written as
// words, and the capital programme on a landscape page between portrait
// ones.
func TestFinanceSample(t *testing.T) {
	out := t.TempDir()
	const path = "templates/financial-health-monitoring.md"
	if _, err := Run(Options{Root: root, Templates: []string{path}, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	d := sampleDoc(t, path)
	dir := filepath.Join(out, MeetingDir(d.Meta))
	pdfPath := filepath.Join(dir, d.Meta.Slug+".pdf")
	text := strings.ReplaceAll(testtool.Run(t, "pdftotext", "-layout", pdfPath, "-"), "\u00a0", " ")
	for _, re := range []string{
		`raised the core council tax by 1\.99%, below the 2%`,
		`increase of 3\.99% in\s+all`,
		`Year end forecast`,
		`Directorate\s+Net budget\s+Forecast\s+Variance\s+Variance %\s+Status`,
		`Adults and Health\s+261,845\s+267,513\s+5,668\s+2\.2%\s+Amber`,
		`Children and Families\s+172,431\s+182,115\s+9,684\s+5\.6%\s+Red`,
		`Strategic and Central Accounts\s+45,318\s+42,746\s+\(2,572\)\s+\(5\.7%\)\s+Green`,
		`Total\s+698,829\s+711,214\s+12,385\s+1\.8%\s+Amber`,
		`figures may not sum because of rounding`,
		`Business rates retained\s+176,540\s+174,912\s+\(1,628\)\s+Adverse`,
		`Total\s+220,060\s+149,287\s+209,550\s+\(10,510\)\s+228,950\s+192,400\s+159,650`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("the PDF's text lacks %s", re)
		}
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(testtool.Run(t, "pdfinfo", pdfPath))
	pages, _ := strconv.Atoi(m[1])
	var landscape []int
	for p := 1; p <= pages; p++ {
		n := strconv.Itoa(p)
		info := testtool.Run(t, "pdfinfo", "-f", n, "-l", n, pdfPath)
		if strings.Contains(info, "size:  841.89 x 595.28 pts") {
			landscape = append(landscape, p)
			page := testtool.Run(t, "pdftotext", "-layout", "-f", n, "-l", n, pdfPath, "-")
			if !strings.Contains(page, "Table Four:") || !strings.Contains(page, "Later years") {
				t.Errorf("landscape page %d does not hold the capital programme", p)
			}
		} else if !strings.Contains(info, "size:  595.28 x 841.89 pts") {
			t.Errorf("page %d is neither A4 portrait nor landscape:\n%s", p, info)
		}
	}
	if len(landscape) != 1 || landscape[0] == 1 || landscape[0] == pages {
		t.Errorf("landscape pages %v of %d: want one, between portrait pages", landscape, pages)
	}
	page, err := os.ReadFile(filepath.Join(dir, d.Meta.Slug+".html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<th colspan="3" scope="colgroup" class="center">Year end forecast</th>`,
		`<span aria-hidden="true">(2,572)</span><span class="visually-hidden">minus 2,572</span>`,
		`<td class="center rag rag-red">Red</td>`,
		`<tfoot>`,
		`scope="rowgroup"`,
		`class="table-wrap wide" id="tbl-capital" role="region"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
