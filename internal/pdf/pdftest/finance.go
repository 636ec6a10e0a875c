package pdftest

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/exhibit"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
)

const financeSnapshot = `budget:
  corner: Directorate
  columns: [Budget, Forecast]
  rows:
    - {label: Adults and Health, group: Directorates, values: [216450400, 219022900]}
    - {label: Children and Families, group: Directorates, values: [148300200, 147900700]}
    - {label: Fees and charges, group: Income, income: true, values: [30000000, 28500000]}
capital:
  columns: [Scheme, "2025/26", "2026/27", "2027/28", "2028/29", Total, Spent]
  rows:
    - {label: Schools, values: ["Primary places", 12000, 8000, 6000, 1000, 27000, 9000]}
    - {label: Highways, values: ["Carriageway resurfacing programme", 9000, 9500, 9800, 9900, 38200, 7200]}
`

// FinanceTable reads a finance table block over a small snapshot, as a
// paper would: src is the block's YAML.
func FinanceTable(src string) *model.Table {
	snap, err := project.ParseSnapshot("data/fin/2025-12-31.yaml", []byte(financeSnapshot))
	if err != nil {
		panic(err)
	}
	t, err := exhibit.Table([]byte(src), diag.Pos{Path: "templates/p.md", Line: 1, Col: 1}, &project.DataSet{Snapshots: []*project.Snapshot{snap}})
	if err != nil {
		panic(err)
	}
	return t
}

// FinancePaper is a paper with a budget table (a group over its columns,
// row groups, brackets, ratings, a total) and, between paragraphs, a wide
// capital table set on a landscape page.
func FinancePaper() *model.Document {
	d := SamplePaper()
	budget := FinanceTable(`data: budget
caption: Budget at month 9
scale: thousands
brackets: true
total_row: Net total
columns:
  - {name: Budget}
  - {name: Forecast, group: Year end forecast}
  - {name: Variance, formula: Forecast - Budget, group: Year end forecast}
  - {name: Status, rag: Variance, amber: 1000, red: 2000}
`)
	budget.Label = "Table Three"
	capital := FinanceTable(`data: capital
caption: Capital programme
orientation: landscape
scale: thousands
total_row: Total
columns: [{name: Scheme, format: text}, "2025/26", "2026/27", "2027/28", "2028/29", Total, Spent]
`)
	capital.Label = "Table Four"
	d.Body = append(d.Body, Heading("9", 1, "Finance",
		Para("9.1", Txt("The budget is set out below.")), budget,
		Para("9.2", Txt("The capital programme follows on a page turned sideways.")), capital,
		Para("9.3", Txt("After the capital programme the paper turns back to portrait pages."))))
	return d
}

// PageSize is a page's width and height in points as pdfinfo reports them,
// rounded.
func PageSize(t *testing.T, path string, page int) (w, h int) {
	t.Helper()
	p := strconv.Itoa(page)
	m := regexp.MustCompile(`size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(Tool(t, "pdfinfo", "-f", p, "-l", p, path))
	if m == nil {
		t.Fatalf("pdfinfo reports no size for page %d", page)
	}
	x, _ := strconv.ParseFloat(m[1], 64)
	y, _ := strconv.ParseFloat(m[2], 64)
	return int(x + 0.5), int(y + 0.5)
}
