package exhibit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
)

const finPath = "data/fin/2025-12-31.yaml"

// Line 1 is "budget:". Figures are in pounds.
const finYAML = `budget:
  corner: Directorate
  columns: [Budget, Forecast, Note]
  rows:
    - {label: Adults and Health, values: [216450400, 219022900, "pressures"]}
    - {label: Children and Families, values: [148300200, 147900700, ""]}
    - {label: City Development, values: [42010300, 42010600, ""]}
    - {label: Fees and charges, income: true, values: [30000000, 28500000, ""]}
given_total:
  columns: [Budget, Forecast]
  rows:
    - {label: A, values: [100, 120]}
    - {label: B, values: [200, 190]}
    - {label: Total, values: [300, 320]}
with_text:
  columns: [Budget, Forecast]
  rows:
    - {label: A, values: [100, "n/a"]}
grouped:
  columns: [Budget]
  rows:
    - {label: Schools, group: Children and Families, values: [1000]}
    - {label: Transport, group: Children and Families, values: [2000]}
    - {label: Highways, group: City Development, values: [3000]}
funding:
  columns: [Budget, Forecast]
  rows:
    - {label: Council tax, income: true, values: [1000, 1010]}
    - {label: Business rates, income: true, values: [500, 480]}
small:
  columns: [Budget, Forecast]
  rows:
    - {label: Under, values: [1000, 700]}
    - {label: Over, values: [1000, 1300]}
rates:
  columns: [Rise]
  rows:
    - {label: Council tax, values: [1.99]}
    - {label: Adult social care precept, values: [2]}
`

func finData(t *testing.T) *project.DataSet {
	t.Helper()
	snap, err := project.ParseSnapshot(finPath, []byte(finYAML))
	if err != nil {
		t.Fatal(err)
	}
	return &project.DataSet{Snapshots: []*project.Snapshot{snap}}
}

const budgetBlock = `data: budget
caption: Budget at month 9
scale: thousands
brackets: true
total_row: Total
columns:
  - {name: Budget}
  - {name: Forecast, group: Year end forecast}
  - {name: Variance, formula: Forecast - Budget, group: Year end forecast}
  - {name: "%", formula: Variance / Budget, group: Year end forecast}
  - {name: Status, rag: "%", amber: 1, red: 1.5}
  - {name: "", assess: Variance}
`

func TestFinanceTable(t *testing.T) {
	tbl, err := Table([]byte(budgetBlock), at20, finData(t))
	if err != nil {
		t.Fatal(err)
	}
	wantHead := [][]string{
		{"", "", "Year end forecast", "", ""},
		{"Directorate", "Budget", "Forecast", "Variance", "%", "Status", ""},
		{"", "£'000", "£'000", "£'000", "", "", ""},
	}
	if got := texts(tbl.Head); !reflect.DeepEqual(got, wantHead) {
		t.Errorf("head\n got %q\nwant %q", got, wantHead)
	}
	if span := tbl.Head[0][2].Span; span != 3 {
		t.Errorf("the group spans %d columns, want 3", span)
	}
	// Variances from exact pounds, rounded once: 2,572,500 is 2,573;
	// -399,500 is (400); 300 is 0. Income short by 1.5m is adverse. The
	// total adds the exact figures: 436,760,900 -> 436,761 while the
	// rows print 216,450 + 148,300 + 42,010 + 30,000 = 436,760.
	want := [][]string{
		{"Adults and Health", "216,450", "219,023", "2,573", "1.2%", "Amber", "Adverse"},
		{"Children and Families", "148,300", "147,901", "(400)", "(0.3%)", "Green", "Favourable"},
		{"City Development", "42,010", "42,011", "0", "0.0%", "Green", "On budget"},
		{"Fees and charges", "30,000", "28,500", "(1,500)", "(5.0%)", "Red", "Adverse"},
		{"Total", "436,761", "437,434", "673", "0.2%", "Green", "Adverse"},
	}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	if tbl.Kind(4) != model.RowTotal || tbl.Kind(0) != model.RowPlain {
		t.Errorf("row kinds %v: want the last a total", tbl.RowKinds)
	}
	if c := tbl.Rows[1][3]; c.Spoken != "minus 400" {
		t.Errorf("(400) is spoken %q, want minus 400", c.Spoken)
	}
	if c := tbl.Rows[0][5]; c.Status != model.StatusAmber {
		t.Errorf("status %q, want amber", c.Status)
	}
	if !strings.Contains(model.PlainText(tbl.Caption), "may not sum because of rounding") {
		t.Errorf("caption %q has no rounding note", model.PlainText(tbl.Caption))
	}
	if len(tbl.Align) != 7 || tbl.Align[1] != model.AlignRight || tbl.Align[5] != model.AlignCenter {
		t.Errorf("align %v", tbl.Align)
	}
}

func TestFinanceGivenTotalIsChecked(t *testing.T) {
	tbl, err := Table([]byte("data: given_total\ntotal_row: Total\n"), at20, finData(t))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"A", "100", "120"}, {"B", "200", "190"}, {"Total", "300", "320"}}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	if len(tbl.Warnings) != 1 || !strings.Contains(tbl.Warnings[0].Error(), "data/fin/2025-12-31.yaml:14:36:") || !strings.Contains(tbl.Warnings[0].Error(), "Forecast (320) is not the sum of the rows above it (310)") {
		t.Errorf("warnings %v: want one at the Total row's Forecast", tbl.Warnings)
	}
}

func TestFinanceGroupsAndPlaces(t *testing.T) {
	tbl, err := Table([]byte("data: grouped\ntotal_row: Total\ncolumns: [Budget]\n"), at20, finData(t))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Children and Families"}, {"Schools", "1,000"}, {"Transport", "2,000"}, {"City Development"}, {"Highways", "3,000"}, {"Total", "6,000"}}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	if tbl.Kind(0) != model.RowGroup || tbl.Rows[0][0].Span != 2 || tbl.Kind(5) != model.RowTotal {
		t.Errorf("kinds %v, span %d", tbl.RowKinds, tbl.Rows[0][0].Span)
	}
	// A percentage keeps the places it was written with.
	tbl, err = Table([]byte("data: rates\ncolumns: [{name: Rise, format: percent}]\n"), at20, finData(t))
	if err != nil {
		t.Fatal(err)
	}
	want = [][]string{{"Council tax", "1.99%"}, {"Adult social care precept", "2%"}}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	tbl, err = Table([]byte("data: rates\ncolumns: [{name: Rise, format: decimals}]\nbrackets: true\n"), at20, finData(t))
	if err != nil {
		t.Fatal(err)
	}
	want = [][]string{{"Council tax", "1.99"}, {"Adult social care precept", "2.00"}}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

func TestFinanceErrors(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"missing column", "data: budget\ncolumns:\n  - {name: Forcast}\n",
			`templates/p.md:22:12: there is no column "Forcast" in budget (did you mean "Forecast"?); a column worked out from others needs formula:`},
		{"formula names a missing column", "data: budget\ncolumns:\n  - {name: Variance, formula: Forecast - Budgett}\n",
			`templates/p.md:22:31: formula: no column "Budgett" in budget or among the table's columns before this one (did you mean "Budget"?)`},
		{"formula without spaces", "data: budget\ncolumns:\n  - {name: Variance, formula: Forecast-Budget}\n",
			`templates/p.md:22:31: formula: "Forecast-Budget" is not a formula of two columns`},
		{"rag names a missing column", "data: budget\ncolumns:\n  - {name: RAG, rag: Varience, amber: 1, red: 2}\n",
			`templates/p.md:22:22: rag: no column "Varience" in budget or among the table's columns before this one (its columns: Budget, Forecast, Note)`},
		{"rag without red", "data: budget\ncolumns:\n  - {name: RAG, rag: Budget, amber: 1}\n",
			`templates/p.md:22:5: rag: needs amber: and red:`},
		{"scale on text", "data: budget\ncolumns:\n  - {name: Note, format: text, scale: thousands}\n",
			`templates/p.md:22:39: scale: the column "Note" shows text, not figures, so it cannot be scaled`},
		{"total over text", "data: with_text\ntotal_row: Total\n",
			`data/fin/2025-12-31.yaml:18:32: the total row cannot add up "Forecast": row "A" holds text ("n/a") where a figure belongs`},
		{"unknown column key", "data: budget\ncolumns:\n  - {name: Budget, formt: money}\n",
			`templates/p.md:22:20: unknown key "formt" in a column (did you mean "format"?)`},
		{"bad scale", "data: budget\nscale: hundreds\n",
			`templates/p.md:21:8: scale: "hundreds" is not a scale`},
		{"total with finance", "data: budget\ntotal: 5\ntotal_row: Total\n",
			`templates/p.md:21:1: total: a table with total_row: checks its total with total_row:`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Table([]byte(tt.src), at20, finData(t))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("\n got %v\nwant %s…", err, tt.want)
			}
		})
	}
}

func TestOrientation(t *testing.T) {
	tbl, err := Table([]byte("data: given_total\norientation: landscape\n"), at20, finData(t))
	if err != nil || !tbl.Landscape {
		t.Fatalf("landscape %v, %v", tbl != nil && tbl.Landscape, err)
	}
	if _, err := Table([]byte("data: given_total\norientation: sideways\n"), at20, finData(t)); err == nil {
		t.Error("orientation: sideways was accepted")
	}
}

// A shortfall of income is adverse, a surplus favourable, and a total of
// income rows is income too.
func TestFinanceIncome(t *testing.T) {
	tbl, err := Table([]byte("data: funding\ntotal_row: Total\ncolumns: [Budget, Forecast, {name: Variance, formula: Forecast - Budget}, {name: Judged, assess: Variance}]\n"), at20, finData(t))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Council tax", "1,000", "1,010", "10", "Favourable"}, {"Business rates", "500", "480", "-20", "Adverse"}, {"Total", "1,500", "1,490", "-10", "Adverse"}}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

// A variance that rounds to nothing in £'000 keeps its sign: an
// underspend of £300 is (0), read "minus 0", not nil.
func TestFinanceSmallNegativeStaysHonest(t *testing.T) {
	tbl, err := Table([]byte("data: small\nscale: thousands\nbrackets: true\ncolumns: [Budget, Forecast, {name: Variance, formula: Forecast - Budget}]\n"), at20, finData(t))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Under", "1", "1", "(0)"}, {"Over", "1", "1", "0"}}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	if c := tbl.Rows[0][3]; c.Spoken != "minus 0" {
		t.Errorf("(0) is spoken %q", c.Spoken)
	}
}
