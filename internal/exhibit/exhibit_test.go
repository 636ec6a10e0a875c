package exhibit

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
)

const snapPath = "data/lac/2013-01-25.yaml"

// The snapshot's line numbers matter: errors in figures are reported at
// them. Line 1 is "age_groups:".
const snapYAML = `age_groups:
  corner: Age group
  columns: ["0", "1-4", "5-10", "11-15", "16+"]
  rows:
    - {label: March 2011, values: [90, 322, 359, 431, 242]}
    - {label: March 2012, values: [123, 331, 387, 396, 237]}
stability:
  columns: [Core cities, "2009-10", "2010-11"]
  rows:
    - {label: Three or more placements, values: [11.3, {n: 155, of: 1414}, {n: 193, of: 1448}]}
    - {label: Not known, values: ["n/a", "–", {n: 0, of: 5}]}
changes:
  columns: [Count, Change]
  rows:
    - {label: Foster care, values: [1414, -815]}
    - {label: Other, values: [3.5, 0]}
short_row:
  columns: [a, b, c]
  rows:
    - {label: ok, values: [1, 2, 3]}
    - {label: short, values: [1, 2]}
bad_values:
  columns: [a, b]
  rows:
    - {label: flag, values: [true, 2]}
    - label: map
      values:
        - 1
        - {x: 2}
    - {label: empty, values: [~, 1]}
zero_ratio:
  columns: [a]
  rows:
    - {label: r, values: [{n: 1, of: 0}]}
plain_in_ratio:
  columns: [a]
  rows:
    - {label: r, values: [12]}
looked_after:
  x: [2009-11-30, 2010-11-30, 2012-03-31, 2013-01-25]
  series:
    - {name: Looked after children, values: [1370, 1434, 1474, 1384]}
interest:
  x: [2011-04, 2011-05, 2011-06]
  series:
    - {name: Registrations, values: [38, 41, 45]}
    - {name: Approvals, values: [5, 3, 4]}
same_month:
  x: [2012-03-01, 2012-03-31]
  series:
    - {name: Children, values: [1, 2]}
quarters:
  x: [Q1, Q2, Q3]
  series:
    - {name: Visits, values: [10, 20, 15]}
mismatch:
  x: [Q1, Q2, Q3]
  series:
    - {name: Visits, values: [10, 20]}
huge_share:
  columns: [a, b]
  rows:
    - {label: r, values: [4000000000000000, -3999999999999999.5]}
huge_ratio:
  columns: [a]
  rows:
    - {label: r, values: [{n: 4000000000000000, of: 0.000001}]}
text_value:
  x: [Q1, Q2]
  series:
    - {name: Visits, values: [10, lots]}
misspelt:
  colums: [a]
  rows:
    - {label: r, values: [1]}
minus_zero:
  columns: [a, b]
  rows:
    - {label: r, values: [-0.0, 5]}
    - {label: s, values: [{n: -0.0, of: 5}, -0.0]}
minus_zero_series:
  x: [Q1, Q2]
  series:
    - {name: Visits, values: [-0.0, -0.0]}
odd_shares:
  columns: [a, b, c, d, e]
  rows:
    - {label: even, values: [1, 1, 1, 1, 1]}
    - {label: odd, values: [1, 1, 1, 6, 7]}
`

func dataSet(t *testing.T) *project.DataSet {
	t.Helper()
	snap, err := project.ParseSnapshot(snapPath, []byte(snapYAML))
	if err != nil {
		t.Fatal(err)
	}
	return &project.DataSet{Snapshots: []*project.Snapshot{snap}}
}

// The fence's first content line is line 20 of the template.
var at20 = diag.Pos{Path: "templates/p.md", Line: 20, Col: 1}

func texts(rows [][]model.Cell) [][]string {
	var out [][]string
	for _, r := range rows {
		var line []string
		for _, c := range r {
			line = append(line, model.PlainText(c.Inlines))
		}
		out = append(out, line)
	}
	return out
}

func TestTableCountShare(t *testing.T) {
	src := "id: tbl-age-groups\ndata: age_groups\ncaption: By age group\ncells: count-share\n"
	tbl, err := Table([]byte(src), at20, dataSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if tbl.Attr.ID != "tbl-age-groups" || model.PlainText(tbl.Caption) != "By age group" || tbl.Label != "" || !tbl.RowHeaders {
		t.Errorf("exhibit = %+v", tbl.Exhibit)
	}
	wantHead := [][]string{{"Age group", "0", "1-4", "5-10", "11-15", "16+"}}
	wantRows := [][]string{
		{"March 2011", "90 (6.2%)", "322 (22.3%)", "359 (24.9%)", "431 (29.8%)", "242 (16.8%)"},
		{"March 2012", "123 (8.3%)", "331 (22.5%)", "387 (26.3%)", "396 (26.9%)", "237 (16.1%)"},
	}
	if got := texts(tbl.Head); !reflect.DeepEqual(got, wantHead) {
		t.Errorf("head = %q", got)
	}
	if got := texts(tbl.Rows); !reflect.DeepEqual(got, wantRows) {
		t.Errorf("rows = %q", got)
	}
	wantAlign := []model.Align{model.AlignLeft, model.AlignRight, model.AlignRight, model.AlignRight, model.AlignRight, model.AlignRight}
	if !reflect.DeepEqual(tbl.Align, wantAlign) {
		t.Errorf("align = %v", tbl.Align)
	}
}

func TestTableCellKinds(t *testing.T) {
	tests := []struct {
		src  string
		want [][]string
	}{
		{"data: stability\ncells: percent", [][]string{
			{"Three or more placements", "11.3%", "11.0% (155/1,414)", "13.3% (193/1,448)"},
			{"Not known", "n/a", "–", "0.0% (0/5)"},
		}},
		// A {n, of} value is a ratio whatever cells: says.
		{"data: stability\ncells: count", [][]string{
			{"Three or more placements", "11.3", "11.0% (155/1,414)", "13.3% (193/1,448)"},
			{"Not known", "n/a", "–", "0.0% (0/5)"},
		}},
		{"data: changes", [][]string{ // count is the default
			{"Foster care", "1,414", "-815"},
			{"Other", "3.5", "0"},
		}},
		{"data: changes\ncells: text", [][]string{
			{"Foster care", "1414", "-815"},
			{"Other", "3.5", "0"},
		}},
		{"data: changes\ncells: count-share", [][]string{
			{"Foster care", "1,414 (236.1%)", "-815 (-136.1%)"},
			{"Other", "3.5 (100.0%)", "0 (0.0%)"},
		}},
	}
	for _, tt := range tests {
		tbl, err := Table([]byte(tt.src), at20, dataSet(t))
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got := texts(tbl.Rows); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

// Negative zero (-0.0 in a snapshot, or a spreadsheet's rounding) prints
// without its minus in every cell kind and chart figure, never "-0" or
// "-0.0", with the places it was written with; a text cell shows it as
// written, less the minus sign.
func TestMinusZeroPrintsZero(t *testing.T) {
	for cells, want := range map[string][][]string{
		"count":       {{"r", "0.0", "5"}, {"s", "0.0% (0/5)", "0.0"}},
		"count-share": {{"r", "0.0 (0.0%)", "5 (100.0%)"}, {"s", "0.0% (0/5)", "0.0"}},
		"percent":     {{"r", "0.0%", "5.0%"}, {"s", "0.0% (0/5)", "0.0%"}},
		"text":        {{"r", "0.0", "5"}, {"s", "0.0% (0/5)", "0.0"}}, // as written, less the minus
	} {
		tbl, err := Table([]byte("data: minus_zero\ncells: "+cells), at20, dataSet(t))
		if err != nil {
			t.Fatal(err)
		}
		if got := texts(tbl.Rows); !reflect.DeepEqual(got, want) {
			t.Errorf("cells: %s\n got %q\nwant %q", cells, got, want)
		}
	}
	c, err := Chart([]byte("data: minus_zero_series"), at20, dataSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(c.Table.Rows); !reflect.DeepEqual(got, [][]string{{"Q1", "0"}, {"Q2", "0"}}) {
		t.Errorf("chart figures = %q", got)
	}
	if strings.Contains(c.Summary, "-0") || c.Series[0].Values[0] != 0 || math.Signbit(c.Series[0].Values[0]) {
		t.Errorf("summary %q, values %v", c.Summary, c.Series[0].Values)
	}
}

func TestTableNamedSnapshot(t *testing.T) {
	ds := dataSet(t)
	ds.Snapshots[0].Name = "lac"
	tbl, err := Table([]byte("data: lac.changes"), at20, ds)
	if err != nil {
		t.Fatal(err)
	}
	if got := model.PlainText(tbl.Rows[0][1].Inlines); got != "1,414" {
		t.Errorf("cell = %q", got)
	}
	if got := texts(tbl.Head); !reflect.DeepEqual(got, [][]string{{"", "Count", "Change"}}) {
		t.Errorf("head without corner = %q", got)
	}
}

// TestErrors checks that each mistake is reported in the file and at the
// line where it was written: the template for the block's keys (its first
// content line is 20), the snapshot for the figures.
func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		chart bool
		src   string
		pos   diag.Pos
		want  string
	}{
		{"unknown table key", false, "id: tbl-x\ndata: changes\ncaptoin: x\n", at20,
			`templates/p.md:22:1: unknown key "captoin" in a table block (did you mean "caption"?)`},
		{"unknown table key far from any", false, "id: tbl-x\ndata: changes\ncolour: red\n", at20,
			`templates/p.md:22:1: unknown key "colour" in a table block (known keys: id, data, caption, cells, total, orientation, columns, scale, units, brackets, total_row)`},
		{"bad cells", false, "data: changes\ncells: counts\n", at20,
			`templates/p.md:21:8: cells: "counts" is not one of count, count-share, percent, ratio, text`},
		{"duplicate key", false, "data: changes\ndata: changes\n", at20,
			`templates/p.md:21:1: key "data" is given twice`},
		{"missing data path", false, "id: tbl-x\ndata: age_group\n", at20,
			`templates/p.md:21:7: data: data/lac/2013-01-25.yaml has no "age_group" (did you mean "age_groups"?)`},
		{"missing nested data path", false, "data: age_groups.rowz\n", at20,
			`templates/p.md:20:7: data: data/lac/2013-01-25.yaml has no "age_groups.rowz" (did you mean "age_groups.rows"?)`},
		{"data path far from any", false, "data: placements\n", at20,
			`templates/p.md:20:7: data: data/lac/2013-01-25.yaml has no "placements"`},
		{"no data key", false, "id: tbl-x\ncaption: x\n", at20,
			`templates/p.md:20:1: a table block needs data: (a dotted path into the paper's data, e.g. data: age_groups)`},
		{"bad id", false, "id: tbl x\ndata: changes\n", at20,
			`templates/p.md:20:5: id: "tbl x" is not a label: use letters, digits, - and _ (e.g. tbl-age-groups)`},
		{"total not a number", false, "data: changes\ntotal: lots\n", at20,
			`templates/p.md:21:8: total: want a number, got text (lots)`},
		{"YAML syntax", false, "data: changes\ncaption: x: y\n", at20,
			`templates/p.md:21:11: the value of "caption" holds ": ", which YAML reads as the start of another key: put the value in quotes`},
		{"YAML syntax in an indented fence", false, "data: changes\n caption: x\n", diag.Pos{Path: "templates/p.md", Line: 20, Col: 4},
			`templates/p.md:21:5: this line is indented 1 space, deeper than the key "data" above it (0 spaces): line "caption" up with "data"`},
		{"not a map", false, "- data\n", at20,
			`templates/p.md:20:1: a table block holds keys and values (id:, data:, caption: …), not a list`},
		{"indented fence", false, "data: changes\ncells: counts\n", diag.Pos{Path: "templates/p.md", Line: 20, Col: 4},
			`templates/p.md:21:11: cells: "counts" is not one of count, count-share, percent, ratio, text`},
		{"short row", false, "data: short_row", at20,
			snapPath + `:21:7: row "short" has 2 values but the table has 3 columns`},
		{"boolean value", false, "data: bad_values", at20,
			snapPath + ":25:30: a table value should be a number, text or {n, of}, not true/false (true); quote it if it is meant as text\n" +
				snapPath + ":29:12: unknown key \"x\" in a ratio (known keys: n, of)\n" +
				snapPath + ":29:11: a ratio has no n\n" +
				snapPath + ":29:11: a ratio has no of\n" +
				snapPath + `:30:31: a table value is empty: write "n/a" or "–" for a figure that is not available`},
		{"zero ratio", false, "data: zero_ratio", at20,
			snapPath + ":34:38: of: a ratio of 0 (zero denominator)"},
		{"plain number among ratios", false, "data: plain_in_ratio\ncells: ratio", at20,
			snapPath + ":38:27: a plain number (12) in a table of ratios: write {n: …, of: …}, or set cells: to count or percent"},
		{"table from series", false, "id: tbl-q\ndata: quarters", at20,
			`templates/p.md:21:7: data: "quarters" is a series for a chart (it has x and series, ` + snapPath + `:53), not a table (columns and rows): show it in a chart block, or name a table`},
		{"misspelt key in the figures", false, "data: misspelt", at20,
			snapPath + ":73:3: unknown key \"colums\" in a table (did you mean \"columns\"?)\n" +
				snapPath + ":73:3: a table has no columns"},
		{"unknown chart key", true, "data: quarters\ny_lable: x\n", at20,
			`templates/p.md:21:1: unknown key "y_lable" in a chart block (did you mean "y_label"?)`},
		{"unknown chart type", true, "data: quarters\ntype: pie\n", at20,
			`templates/p.md:21:7: type: "pie" is not one of line, bar, bar-line`},
		{"values and x differ", true, "data: mismatch", at20,
			snapPath + `:59:7: series "Visits" has 2 values but x has 3`},
		{"share too large to print", false, "data: huge_share\ncells: count-share", at20,
			snapPath + `:63:27: 4000000000000000 as a share of its row's total (0.5) is too large to print exactly (more than 9,007,199,254,740,992 either side of 0): do the row's figures nearly cancel out?` + "\n" +
				snapPath + `:63:45: -3999999999999999.5 as a share of its row's total (0.5) is too large to print exactly (more than 9,007,199,254,740,992 either side of 0): do the row's figures nearly cancel out?`},
		{"ratio too large to print", false, "data: huge_ratio", at20,
			snapPath + `:67:53: of: 4000000000000000 out of 0.000001 is a share too large to print exactly (more than 9,007,199,254,740,992 either side of 0)`},
		{"text value", true, "data: text_value", at20,
			snapPath + `:71:35: series "Visits": a chart value should be a number, not text (lots)`},
		{"chart from table", true, "data: changes", at20,
			`templates/p.md:20:7: data: "changes" is a table (it has columns and rows, ` + snapPath + `:13), not a series for a chart (x and series): show it in a table block, or name a series`},
		{"chart from something else", true, "data: bad_values.rows", at20,
			snapPath + ":25:5: a chart's data should be a map with x and series, not a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.chart {
				_, err = Chart([]byte(tt.src), tt.pos, dataSet(t))
			} else {
				_, err = Table([]byte(tt.src), tt.pos, dataSet(t))
			}
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("\n got %s\nwant %s", err, tt.want)
			}
			var list diag.List
			var one *diag.Error
			if !errors.As(err, &list) && !errors.As(err, &one) {
				t.Errorf("error is a %T, want diag.List or *diag.Error", err)
			}
		})
	}
}

func TestNoSnapshot(t *testing.T) {
	_, err := Table([]byte("data: x"), at20, &project.DataSet{})
	want := "templates/p.md:20:7: data: the paper names no data snapshot (add data: to its front matter)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestChartDates(t *testing.T) {
	src := "id: fig-trend\ndata: looked_after\ntitle: Number of looked after children\ncaption: Looked after children, November 2009 to January 2013\ny_label: Children\n"
	c, err := Chart([]byte(src), at20, dataSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.Attr.ID != "fig-trend" || c.Type != model.ChartLine || c.Title != "Number of looked after children" ||
		c.YLabel != "Children" || c.XLabel != "" || model.PlainText(c.Caption) != "Looked after children, November 2009 to January 2013" {
		t.Errorf("chart = %+v", c)
	}
	wantX := []model.XPoint{
		{Label: "Nov 2009", Time: day(2009, 11, 30)}, {Label: "Nov 2010", Time: day(2010, 11, 30)},
		{Label: "Mar 2012", Time: day(2012, 3, 31)}, {Label: "Jan 2013", Time: day(2013, 1, 25)},
	}
	if !c.IsTime || c.Monthly || !reflect.DeepEqual(c.X, wantX) {
		t.Errorf("IsTime %v Monthly %v X %+v", c.IsTime, c.Monthly, c.X)
	}
	wantSeries := []model.Series{{Name: "Looked after children", Values: []float64{1370, 1434, 1474, 1384}}}
	if !reflect.DeepEqual(c.Series, wantSeries) {
		t.Errorf("series = %+v", c.Series)
	}
	wantTable := [][]string{
		{"30 Nov 2009", "1,370"}, {"30 Nov 2010", "1,434"}, {"31 Mar 2012", "1,474"}, {"25 Jan 2013", "1,384"},
	}
	if got := texts(c.Table.Head); !reflect.DeepEqual(got, [][]string{{"Date", "Looked after children"}}) {
		t.Errorf("table head = %q", got)
	}
	if got := texts(c.Table.Rows); !reflect.DeepEqual(got, wantTable) || !c.Table.RowHeaders {
		t.Errorf("table rows = %q", got)
	}
	wantSummary := "Line chart of Looked after children from Nov 2009 to Jan 2013: 1,370 at the start and 1,384 at the end; highest 1,474 (Mar 2012), lowest 1,370 (Nov 2009)."
	if c.Summary != wantSummary {
		t.Errorf("summary:\n got %q\nwant %q", c.Summary, wantSummary)
	}
}

func TestChartMonthlyTwoSeries(t *testing.T) {
	c, err := Chart([]byte("data: interest\ntype: bar-line\nx_label: Month"), at20, dataSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.Type != model.ChartBarLine || !c.IsTime || !c.Monthly {
		t.Errorf("type %v IsTime %v Monthly %v", c.Type, c.IsTime, c.Monthly)
	}
	var labels []string
	for _, x := range c.X {
		labels = append(labels, x.Label)
	}
	if want := []string{"Apr 2011", "May 2011", "Jun 2011"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels = %q", labels)
	}
	wantTable := [][]string{{"Month", "Registrations", "Approvals"}, {"April 2011", "38", "5"}, {"May 2011", "41", "3"}, {"June 2011", "45", "4"}}
	if got := texts(append(c.Table.Head, c.Table.Rows...)); !reflect.DeepEqual(got, wantTable) {
		t.Errorf("table = %q", got)
	}
	want := "Bar and line chart of Registrations and Approvals from Apr 2011 to Jun 2011. " +
		"Registrations: 38 at the start and 45 at the end; highest 45 (Jun 2011), lowest 38 (Apr 2011). " +
		"Approvals: 5 at the start and 4 at the end; highest 5 (Apr 2011), lowest 3 (May 2011)."
	if c.Summary != want {
		t.Errorf("summary:\n got %q\nwant %q", c.Summary, want)
	}
}

func TestChartLabels(t *testing.T) {
	c, err := Chart([]byte("data: same_month"), at20, dataSet(t))
	if err != nil {
		t.Fatal(err)
	}
	// Two points in one month: the day tells them apart.
	if c.X[0].Label != "1 Mar 2012" || c.X[1].Label != "31 Mar 2012" {
		t.Errorf("same-month labels = %+v", c.X)
	}

	c, err = Chart([]byte("data: quarters\ntype: bar"), at20, dataSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.IsTime || c.Monthly || c.X[1].Label != "Q2" || !c.X[1].Time.IsZero() {
		t.Errorf("category chart: IsTime %v X %+v", c.IsTime, c.X)
	}
	if got := texts(c.Table.Head); !reflect.DeepEqual(got, [][]string{{"", "Visits"}}) {
		t.Errorf("category table head = %q", got)
	}
	if !strings.HasPrefix(c.Summary, "Bar chart of Visits from Q1 to Q3: 10 at the start and 15 at the end; highest 20 (Q2)") {
		t.Errorf("summary = %q", c.Summary)
	}
}

// What a reader adding up a table's figures would query is recorded on the
// table, for check, and stops nothing: a declared total the rows do not
// reach, a count-share row whose rounded shares do not make 100%.
func TestTableWarnings(t *testing.T) {
	warnings := func(src string) string {
		t.Helper()
		tbl, err := Table([]byte(src), at20, dataSet(t))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, w := range tbl.Warnings {
			out = append(out, w.Error())
		}
		return strings.Join(out, "\n")
	}
	if got := warnings("data: age_groups\ncells: count-share\ntotal: 2918\n"); got != "" {
		t.Errorf("a total the rows reach, shares of 100%% and 100.1%%: %s", got)
	}
	if got, want := warnings("data: age_groups\ntotal: 2900\n"), "templates/p.md:21:8: warning: the table's rows add up to 2,918, not the total of 2,900 it declares"; got != want {
		t.Errorf("a total the rows do not reach:\n got %s\nwant %s", got, want)
	}
	line := strings.Count(snapYAML[:strings.Index(snapYAML, "{label: odd")], "\n") + 1
	want := fmt.Sprintf(`%s:%d:7: warning: the shares in row "odd" add up to 100.2%% once rounded, not 100%%: a reader may query it`, snapPath, line)
	if got := warnings("data: odd_shares\ncells: count-share\n"); got != want {
		t.Errorf("shares:\n got %s\nwant %s", got, want)
	}
	if got := warnings("data: odd_shares\ncells: count\n"); got != "" {
		t.Errorf("counts without shares: %s", got)
	}
}
