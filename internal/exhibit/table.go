package exhibit

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
	"gopkg.in/yaml.v3"
)

// Cell kinds a table block may ask for (cells:); a finance table's
// column may ask for count, percent and text, or money or decimals
// (format:).
const (
	cellCount      = "count"
	cellCountShare = "count-share"
	cellPercent    = "percent"
	cellRatio      = "ratio"
	cellText       = "text"
	fmtMoney       = "money"
	fmtDecimals    = "decimals"
)

var (
	tableKeys = append([]string{"id", "data", "caption", "cells", "total", "orientation"}, financeKeys...)
	cellKinds = []string{cellCount, cellCountShare, cellPercent, cellRatio, cellText}
)

// Table reads a ```table block. src is the YAML inside the fence; pos is
// the template-file position of its first line (pos.Col, when more than 1,
// is the column the content starts at after indentation was stripped).
// data is the paper's snapshots.
//
// The table's Label is left empty: numbering is the transform pass's job.
// What a reader adding up the figures would query does not stop the build:
// it is recorded as the table's Warnings, for boardpaper check (a total:
// the rows do not add up to; count-share rows whose rounded shares do not
// make 100%).
func Table(src []byte, pos diag.Pos, data *project.DataSet) (*model.Table, error) {
	f, err := readFence("table", src, pos, tableKeys)
	if err != nil {
		return nil, err
	}
	id := f.id()
	caption := f.str("caption")
	cells := f.choice("cells", cellCount, cellKinds)
	if t := f.values["total"]; t != nil {
		if msg := project.FigureProblem(t); msg != "" {
			f.fail(t, "total: %s", msg)
		} else if _, ok := project.Number(t); !ok {
			f.fail(t, "total: want a number, got %s", describe(t))
		}
	}
	landscape := f.choice("orientation", "portrait", []string{"portrait", "landscape"}) == "landscape"
	finance := f.isFinance()
	if finance && f.values["total"] != nil {
		f.fail(f.keys["total"], "total: a table with %s checks its total with total_row: (the label of its total row)", financeKeyUsed(f))
	}
	if finance && f.values["cells"] != nil && !contains([]string{cellCount, cellPercent, cellText}, cells) {
		f.fail(f.values["cells"], "cells: %s is for a table without %s: give each column a format: instead", cells, financeKeyUsed(f))
	}
	n, snap := f.lookup(data)
	if n == nil || len(f.errs) > 0 || f.wrongKind(n, snap) {
		return nil, f.errs.Err()
	}

	t := &model.Table{
		Exhibit:    model.Exhibit{Attr: model.Attr{ID: id}, Caption: inlines(caption)},
		RowHeaders: true,
		Landscape:  landscape,
	}
	if finance {
		if err := financeTable(f, snap, n, t); err != nil {
			return nil, err
		}
		return t, nil
	}
	var errs diag.List
	sum, ok := readTable(&errs, snap, n, cells, t)
	if !ok {
		return nil, errs.Err()
	}
	if v := f.values["total"]; v != nil {
		if want, _ := project.Number(v); math.Abs(sum-want) > 1e-9 {
			t.Warnings = append(t.Warnings, diag.Warnf(f.path, v.Line, v.Column, "the table's rows add up to %s, not the total of %s it declares", format.Count(sum), format.Count(want)))
		}
	}
	return t, nil
}

// financeKeyUsed names the first finance key a block uses, for messages.
func financeKeyUsed(f *fence) string {
	for _, k := range financeKeys {
		if f.values[k] != nil {
			return k + ":"
		}
	}
	return ""
}

// readTable fills t from a snapshot's {corner, columns, rows}, and returns
// what the numbers in its rows add up to. It reports false after recording
// errors at the snapshot's lines.
func readTable(errs *diag.List, snap *project.Snapshot, n *yaml.Node, cells string, t *model.Table) (sum float64, ok bool) {
	fields := shape(errs, snap, n, "a table", []string{"columns", "rows"}, []string{"corner"})
	if fields == nil {
		return 0, false
	}
	corner := ""
	if c := fields["corner"]; c != nil {
		corner, _ = scalarText(errs, snap, c, "corner")
	}
	head := []model.Cell{cell(corner)}
	cols := seq(errs, snap, fields["columns"], "columns")
	for _, c := range cols {
		s, _ := scalarText(errs, snap, c, "a column heading")
		head = append(head, cell(s))
	}
	rows := seq(errs, snap, fields["rows"], "rows")
	if cols == nil || rows == nil {
		return 0, false
	}
	numeric := make([]bool, len(cols))
	for _, r := range rows {
		row, total, ok := readRow(errs, snap, r, len(cols), cells, numeric, &t.Warnings)
		if ok {
			t.Rows = append(t.Rows, row)
		}
		sum += total
	}
	if len(*errs) > 0 {
		return 0, false
	}
	t.Head = [][]model.Cell{head}
	t.Align = []model.Align{model.AlignLeft}
	for _, isNum := range numeric {
		a := model.AlignDefault
		if isNum {
			a = model.AlignRight
		}
		t.Align = append(t.Align, a)
	}
	return sum, true
}

// readRow formats one {label, values} row, and returns what its numbers add
// up to. numeric[i] is set for columns holding figures (they are
// right-aligned). A count-share row whose shares, each rounded to one
// decimal place as printed, add to more than 0.1 away from 100% gets a
// warning: a reader adding them up will query it.
func readRow(errs *diag.List, snap *project.Snapshot, r *yaml.Node, ncols int, cells string, numeric []bool, warns *[]error) ([]model.Cell, float64, bool) {
	fields := shape(errs, snap, r, "a table row", []string{"label", "values"}, nil)
	if fields == nil {
		return nil, 0, false
	}
	label, ok := scalarText(errs, snap, fields["label"], "a row label")
	if !ok {
		return nil, 0, false
	}
	vals := seq(errs, snap, fields["values"], "a row's values")
	if vals == nil {
		return nil, 0, false
	}
	if len(vals) != ncols {
		errs.Errorf(snap.Path, r.Line, r.Column, "row %q has %d values but the table has %d columns", label, len(vals), ncols)
		return nil, 0, false
	}
	// A count-share is a share of the row's own total: the sum of its
	// plain numbers (text such as "n/a" and {n, of} ratios are not counts).
	var counts []float64
	var total float64
	for _, v := range vals {
		if x, ok := project.Number(v); ok {
			counts = append(counts, x)
			total += x
		}
	}
	if cells == cellCountShare && total != 0 && len(counts) > 1 {
		var shares float64
		for _, x := range counts {
			shares += math.Round(x*1000/total) / 10
		}
		if math.Abs(shares-100) > 0.1+1e-9 {
			*warns = append(*warns, diag.Warnf(snap.Path, r.Line, r.Column, "the shares in row %q add up to %s%% once rounded, not 100%%: a reader may query it", label, format.Round(shares, 1)))
		}
	}
	row := []model.Cell{cell(label)}
	good := true
	for i, v := range vals {
		s, isNum, ok := formatCell(errs, snap, v, cells, total)
		good = good && ok
		numeric[i] = numeric[i] || isNum
		row = append(row, cell(s))
	}
	return row, total, good
}

// formatCell writes one value as cells asks. isNum reports a figure (for
// alignment).
func formatCell(errs *diag.List, snap *project.Snapshot, v *yaml.Node, cells string, rowTotal float64) (s string, isNum, ok bool) {
	bad := func(format string, args ...any) (string, bool, bool) {
		errs.Errorf(snap.Path, v.Line, v.Column, format, args...)
		return "", false, false
	}
	switch v.Kind {
	case yaml.MappingNode:
		return ratioCell(errs, snap, v)
	case yaml.SequenceNode:
		return bad("a table value should be a number, text or {n, of}, not a list")
	}
	if v.ShortTag() == "!!null" {
		return bad(`a table value is empty: write "n/a" or "–" for a figure that is not available`)
	}
	if v.ShortTag() == "!!bool" {
		return bad("a table value should be a number, text or {n, of}, not true/false (%s); quote it if it is meant as text", v.Value)
	}
	x, isNumber := project.Number(v)
	if !isNumber || cells == cellText {
		// Text (quoted numbers and dates included) is shown as written;
		// a number of nothing loses its minus sign ("-0.0" is "0.0").
		if isNumber && x == 0 {
			return strings.TrimPrefix(v.Value, "-"), false, true
		}
		return v.Value, false, true
	}
	fig, _ := project.Figure(v)
	switch cells {
	case cellCountShare:
		share, err := format.Percent(x, rowTotal, 1)
		switch {
		case errors.Is(err, format.ErrZeroDenominator):
			return format.Num(fig), true, true
		case err != nil:
			return bad("%s as a share of its row's total (%s) is %v: do the row's figures nearly cancel out?", v.Value, format.Count(rowTotal), err)
		}
		return format.Num(fig) + " (" + share + ")", true, true
	case cellPercent:
		// One place at least, so that a column's shares line up; more
		// when the snapshot gives more (1.99% is never 2.0%).
		return format.Style{Fixed: true, Places: max(1, fig.Places)}.Format(fig) + "%", true, true
	case cellRatio:
		return bad("a plain number (%s) in a table of ratios: write {n: …, of: …}, or set cells: to count or percent", v.Value)
	}
	return format.Num(fig), true, true
}

// ratioCell writes {n: 155, of: 1414} as "11.0% (155/1,414)", whatever the
// table's cells: say.
func ratioCell(errs *diag.List, snap *project.Snapshot, v *yaml.Node) (string, bool, bool) {
	fields := shape(errs, snap, v, "a ratio", []string{"n", "of"}, nil)
	if fields == nil {
		return "", false, false
	}
	n, okN := project.Number(fields["n"])
	of, okOf := project.Number(fields["of"])
	for _, k := range []string{"n", "of"} {
		if _, ok := project.Number(fields[k]); !ok {
			errs.Errorf(snap.Path, fields[k].Line, fields[k].Column, "%s: want a number, got %s", k, describe(fields[k]))
		}
	}
	if !okN || !okOf {
		return "", false, false
	}
	s, err := format.Ratio(n, of)
	if errors.Is(err, format.ErrZeroDenominator) {
		errs.Errorf(snap.Path, fields["of"].Line, fields["of"].Column, "of: a ratio of 0 (%v)", err)
		return "", false, false
	}
	if err != nil {
		errs.Errorf(snap.Path, fields["of"].Line, fields["of"].Column, "of: %s out of %s is a share %v", fields["n"].Value, fields["of"].Value, err)
		return "", false, false
	}
	return s, true, true
}

// cell is a table cell holding text; an empty string gives an empty cell.
func cell(s string) model.Cell {
	return model.Cell{Inlines: inlines(s)}
}

func inlines(s string) []model.Inline {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []model.Inline{model.Text(s)}
}

// A finance table is a table block that says how each of its columns is
// shown (columns:), or gives a scale, units, brackets or a total row. Its
// figures are held exact, in the snapshot's own unit, and every total,
// difference and percentage is worked out from those exact values and
// rounded once, as it is printed, as finance teams do.

var (
	financeKeys = []string{"columns", "scale", "units", "brackets", "total_row"}
	columnKeys  = []string{"name", "from", "formula", "format", "places", "scale", "brackets", "align", "group", "rag", "amber", "red", "assess"}
	formats     = []string{cellCount, fmtMoney, cellPercent, fmtDecimals, cellText}
	aligns      = map[string]model.Align{"left": model.AlignLeft, "centre": model.AlignCenter, "center": model.AlignCenter, "right": model.AlignRight}
	operators   = []string{" - ", " + ", " / "}
)

// finCol is one column of a finance table as its block describes it.
type finCol struct {
	node     *yaml.Node // the column's entry in columns:, for errors
	name     string     // its heading
	group    string     // the heading of the group it is under, if any
	src      int        // the snapshot column it shows, or -1
	op       string     // a formula's operator: "-", "+" or "/"; "" when none
	args     [2]int     // a formula's operands: columns of the table
	rag      int        // the column a status is judged on, or -1
	amber    format.Number
	red      format.Number
	assess   int // the column whose sign says favourable or adverse, or -1
	format   string
	style    format.Style
	percentX bool // a quotient shown as a percentage: times 100
	words    bool // a column of ratings or favourable/adverse words
	align    model.Align
}

// figure is one cell's value before it is printed: a number, or text as
// written (what a cell that is not a figure shows).
type figure struct {
	n    format.Number
	num  bool
	text string
	node *yaml.Node // where it was written; nil when worked out
}

// finRow is a snapshot row of a finance table.
type finRow struct {
	node   *yaml.Node
	label  string
	group  string
	income bool
	vals   []*yaml.Node
}

// isFinance reports whether a table block uses any key of a finance table.
func (f *fence) isFinance() bool {
	for _, k := range financeKeys {
		if f.values[k] != nil {
			return true
		}
	}
	return false
}

// financeTable reads a finance table's figures (n, in snap) as its block
// (f) describes them into t.
func financeTable(f *fence, snap *project.Snapshot, n *yaml.Node, t *model.Table) error {
	var errs diag.List
	fields := shape(&errs, snap, n, "a table", []string{"columns", "rows"}, []string{"corner"})
	if fields == nil {
		return errs.Err()
	}
	corner := ""
	if c := fields["corner"]; c != nil {
		corner, _ = scalarText(&errs, snap, c, "corner")
	}
	var srcNames []string
	for _, c := range seq(&errs, snap, fields["columns"], "columns") {
		s, _ := scalarText(&errs, snap, c, "a column heading")
		srcNames = append(srcNames, s)
	}
	rowNodes := seq(&errs, snap, fields["rows"], "rows")
	var rows []finRow
	for _, r := range rowNodes {
		if row, ok := readFinRow(&errs, snap, r, len(srcNames)); ok {
			rows = append(rows, row)
		}
	}
	if len(errs) > 0 {
		return errs.Err()
	}

	table := tableStyle(f)
	cols := f.finColumns(srcNames, table)
	totalLabel := f.str("total_row")
	if len(f.errs) > 0 {
		return f.errs.Err()
	}

	// The snapshot's own total, when its last row is labelled as the
	// block's total_row says, is checked against the rows above it.
	var given *finRow
	if totalLabel != "" && len(rows) > 0 && strings.EqualFold(rows[len(rows)-1].label, totalLabel) {
		given = &rows[len(rows)-1]
		rows = rows[:len(rows)-1]
	}
	figs := make([][]figure, len(rows))
	for i, r := range rows {
		figs[i] = rowFigures(r, cols, nil)
	}
	var total []figure
	if totalLabel != "" {
		sums, ok := columnSums(&errs, snap, f, cols, rows, figs)
		if !ok {
			return errs.Err()
		}
		if given != nil {
			total = rowFigures(*given, cols, nil)
			checkTotal(f, snap, t, cols, *given, total, sums)
		} else {
			total = rowFigures(finRow{label: totalLabel}, cols, sums)
		}
	}

	t.Head = finHead(cols, corner, table.units)
	t.Align = []model.Align{model.AlignLeft}
	for _, c := range cols {
		t.Align = append(t.Align, c.align)
	}
	group := ""
	for i, r := range rows {
		if r.group != "" && r.group != group {
			t.Rows = append(t.Rows, []model.Cell{{Inlines: inlines(r.group), Span: len(cols) + 1, Align: model.AlignLeft}})
			setKind(t, len(t.Rows)-1, model.RowGroup)
		}
		group = r.group
		t.Rows = append(t.Rows, finCells(r.label, r.income, cols, figs[i]))
	}
	if total != nil {
		label := totalLabel
		if given != nil {
			label = given.label
		}
		// A total of income rows is income: its shortfall is adverse.
		income := len(rows) > 0
		for _, r := range rows {
			income = income && r.income
		}
		t.Rows = append(t.Rows, finCells(label, income, cols, total))
		setKind(t, len(t.Rows)-1, model.RowTotal)
		if roundingShows(cols, figs, total) {
			t.Caption = append(t.Caption, model.Text(" (figures may not sum because of rounding)"))
		}
	}
	return nil
}

// tableWide is what a finance table's block says for all its columns.
type tableWide struct {
	scale    format.Scale
	brackets bool
	units    string
}

func tableStyle(f *fence) tableWide {
	var w tableWide
	if v := f.values["scale"]; v != nil {
		w.scale = f.scale(v)
	}
	w.brackets = f.flag("brackets", false)
	w.units = w.scale.Units()
	if w.scale == format.NoScale {
		w.units = ""
	}
	if f.values["units"] != nil {
		w.units = f.str("units")
	}
	return w
}

// scale reads a scale key: thousands, millions, billions, or as
// format.ParseScale reads it (k, £'000, m, £m …).
func (f *fence) scale(v *yaml.Node) format.Scale {
	s := strings.TrimSpace(v.Value)
	switch s {
	case "thousands":
		return format.Thousands
	case "millions":
		return format.Millions
	case "billions":
		return format.Billions
	}
	sc, err := format.ParseScale(s)
	if err != nil || v.Kind != yaml.ScalarNode {
		f.fail(v, `scale: %q is not a scale: write thousands (£'000), millions (£m) or billions (£bn)`, v.Value)
	}
	return sc
}

// flag reads an optional true/false key of node m (the block when m is
// nil).
func (f *fence) flag(key string, def bool) bool {
	return f.boolAt(f.values[key], key, def)
}

func (f *fence) boolAt(v *yaml.Node, key string, def bool) bool {
	if v == nil {
		return def
	}
	switch v.Value {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	f.fail(v, "%s: want true or false, got %s", key, describe(v))
	return def
}

// readFinRow reads {label, values, group, income} with values one per
// snapshot column.
func readFinRow(errs *diag.List, snap *project.Snapshot, r *yaml.Node, ncols int) (finRow, bool) {
	fields := shape(errs, snap, r, "a table row", []string{"label", "values"}, []string{"group", "income"})
	if fields == nil {
		return finRow{}, false
	}
	row := finRow{node: r}
	var ok bool
	if row.label, ok = scalarText(errs, snap, fields["label"], "a row label"); !ok {
		return row, false
	}
	if g := fields["group"]; g != nil {
		if row.group, ok = scalarText(errs, snap, g, "a row's group"); !ok {
			return row, false
		}
	}
	if in := fields["income"]; in != nil {
		switch in.Value {
		case "true":
			row.income = true
		case "false":
		default:
			errs.Errorf(snap.Path, in.Line, in.Column, "income: want true (the row is income: a shortfall is adverse) or false, got %s", describe(in))
			return row, false
		}
	}
	row.vals = seq(errs, snap, fields["values"], "a row's values")
	if row.vals == nil {
		return row, false
	}
	if len(row.vals) != ncols {
		errs.Errorf(snap.Path, r.Line, r.Column, "row %q has %d values but the table has %d columns", row.label, len(row.vals), ncols)
		return row, false
	}
	for _, v := range row.vals {
		if !plainValue(errs, snap, v) {
			return row, false
		}
	}
	return row, true
}

// plainValue checks that a finance table's value is a number or text.
func plainValue(errs *diag.List, snap *project.Snapshot, v *yaml.Node) bool {
	switch {
	case v.Kind != yaml.ScalarNode:
		errs.Errorf(snap.Path, v.Line, v.Column, "a value in a table with columns: should be a number or text, not %s", project.KindName(v))
	case v.ShortTag() == "!!null":
		errs.Errorf(snap.Path, v.Line, v.Column, `a table value is empty: write "n/a" or "–" for a figure that is not available`)
	case v.ShortTag() == "!!bool":
		errs.Errorf(snap.Path, v.Line, v.Column, "a table value should be a number or text, not true/false (%s); quote it if it is meant as text", v.Value)
	default:
		return true
	}
	return false
}

// finColumns reads the block's columns:, or when it has none shows every
// snapshot column in the table's style.
func (f *fence) finColumns(srcNames []string, table tableWide) []*finCol {
	def := cellCount
	switch {
	case table.scale != format.NoScale:
		def = fmtMoney
	case f.values["cells"] != nil:
		def = f.str("cells") // count, percent or text: Table checked
	}
	list := f.values["columns"]
	if list == nil {
		cols := make([]*finCol, len(srcNames))
		for i, s := range srcNames {
			c := &finCol{node: f.keys["data"], name: s, src: i, rag: -1, assess: -1, format: def}
			f.finishColumn(c, nil, table)
			cols[i] = c
		}
		return cols
	}
	if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		f.fail(list, "columns: give a list of the columns to show, e.g. - {name: Budget, format: money}")
		return nil
	}
	var cols []*finCol
	// find is the column a formula, rag: or assess: names: one of the
	// block's columns so far, else a column of the snapshot (added,
	// hidden, as a source of figures).
	find := func(at *yaml.Node, key, name string) int {
		name = strings.TrimSpace(name)
		for i, c := range cols {
			if c.name == name {
				return i
			}
		}
		for i, s := range srcNames {
			if s == name {
				return -2 - i
			}
		}
		known := append([]string{}, srcNames...)
		for _, c := range cols {
			if !contains(known, c.name) {
				known = append(known, c.name)
			}
		}
		where := fmt.Sprintf("no column %q in %s or among the table's columns before this one", name, f.values["data"].Value)
		msg := fmt.Sprintf("%s: %s (its columns: %s)", key, where, strings.Join(known, ", "))
		if near := diag.Nearest(name, known); near != "" {
			msg = fmt.Sprintf("%s: %s (did you mean %q?)", key, where, near)
		}
		f.fail(at, "%s", msg)
		return -1
	}
	for _, item := range list.Content {
		c := &finCol{node: item, src: -1, rag: -1, assess: -1, format: def}
		keys := f.columnKeys(item)
		if keys == nil {
			continue
		}
		text := func(k string) string { return f.textIn(keys, k) }
		c.name = text("name")
		c.group = text("group")
		if c.name == "" && keys["name"] == nil {
			f.fail(item, "a column needs name: (its heading)")
			continue
		}
		switch {
		case keys["formula"] != nil:
			c.op, c.args = f.formula(keys["formula"], text("formula"), find)
			c.src = -1
		case keys["rag"] != nil:
			c.rag = find(keys["rag"], "rag", text("rag"))
			c.format, c.words = cellText, true
			var okA, okR bool
			c.amber, okA = f.threshold(keys, "amber", item)
			c.red, okR = f.threshold(keys, "red", item)
			if okA && okR && format.Compare(c.amber, c.red) > 0 {
				f.fail(keys["amber"], "amber: %s is above red: %s: amber starts below red", keys["amber"].Value, keys["red"].Value)
			}
		case keys["assess"] != nil:
			c.assess = find(keys["assess"], "assess", text("assess"))
			c.format, c.words = cellText, true
		default:
			from := c.name
			at := keys["name"]
			if keys["from"] != nil {
				from, at = text("from"), keys["from"]
			}
			c.src = -1
			for i, s := range srcNames {
				if s == from {
					c.src = i
				}
			}
			if c.src < 0 {
				msg := fmt.Sprintf("there is no column %q in %s (its columns: %s)", from, f.values["data"].Value, strings.Join(srcNames, ", "))
				if near := diag.Nearest(from, srcNames); near != "" {
					msg = fmt.Sprintf("there is no column %q in %s (did you mean %q?)", from, f.values["data"].Value, near)
				}
				f.fail(at, "%s; a column worked out from others needs formula:", msg)
			}
		}
		if v := keys["format"]; v != nil {
			s := text("format")
			if !contains(formats, s) {
				f.fail(v, "format: %q is not one of %s", s, strings.Join(formats, ", "))
			} else if c.words {
				f.fail(v, "format: a column of %s shows words, not figures: remove format:", map[bool]string{true: "red/amber/green ratings", false: "favourable/adverse words"}[keys["rag"] != nil])
			} else {
				c.format = s
			}
		}
		if c.op == "/" && keys["format"] == nil {
			c.format = cellPercent
		}
		f.finishColumn(c, keys, table)
		cols = append(cols, c)
	}
	return f.resolveHidden(cols, srcNames)
}

// resolveHidden turns references to snapshot columns the block does not
// show (find's -2-i) into hidden columns of their own, kept after the
// shown ones, so that every reference is to a column of cols.
func (f *fence) resolveHidden(cols []*finCol, srcNames []string) []*finCol {
	shown := len(cols)
	hidden := map[int]int{}
	ref := func(i int) int {
		if i > -2 {
			return i
		}
		src := -2 - i
		if k, ok := hidden[src]; ok {
			return k
		}
		cols = append(cols, &finCol{name: srcNames[src], src: src, rag: -1, assess: -1, format: cellCount})
		hidden[src] = len(cols) - 1
		return len(cols) - 1
	}
	for _, c := range cols[:shown] {
		c.args[0], c.args[1] = ref(c.args[0]), ref(c.args[1])
		c.rag, c.assess = ref(c.rag), ref(c.assess)
	}
	return cols
}

// columnKeys checks a column's entry: a map of known keys, or a heading
// alone.
func (f *fence) columnKeys(item *yaml.Node) map[string]*yaml.Node {
	if item.Kind == yaml.ScalarNode && item.ShortTag() != "!!null" {
		return map[string]*yaml.Node{"name": item}
	}
	if item.Kind != yaml.MappingNode {
		f.fail(item, "a column is a heading or keys such as {name: Budget, format: money}, not %s", project.KindName(item))
		return nil
	}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		switch {
		case !contains(columnKeys, k.Value):
			if near := diag.Nearest(k.Value, columnKeys); near != "" {
				f.fail(k, "unknown key %q in a column (did you mean %q?)", k.Value, near)
			} else {
				f.fail(k, "unknown key %q in a column (known keys: %s)", k.Value, strings.Join(columnKeys, ", "))
			}
		case keys[k.Value] != nil:
			f.fail(k, "key %q is given twice", k.Value)
		default:
			keys[k.Value] = v
		}
	}
	for _, pair := range [][2]string{{"formula", "rag"}, {"formula", "assess"}, {"rag", "assess"}, {"from", "formula"}, {"from", "rag"}, {"from", "assess"}} {
		if keys[pair[0]] != nil && keys[pair[1]] != nil {
			f.fail(keys[pair[1]], "%s: a column is worked out one way: it has %s: already", pair[1], pair[0])
			return nil
		}
	}
	for _, k := range []string{"amber", "red"} {
		if keys[k] != nil && keys["rag"] == nil {
			f.fail(keys[k], "%s: a threshold belongs with rag: (the column it rates)", k)
			return nil
		}
	}
	return keys
}

// formula reads "A - B", "A + B" or "A / B", each side a column's name.
func (f *fence) formula(v *yaml.Node, s string, find func(*yaml.Node, string, string) int) (string, [2]int) {
	for _, op := range operators {
		if a, b, ok := strings.Cut(s, op); ok && strings.TrimSpace(a) != "" && strings.TrimSpace(b) != "" {
			if strings.Contains(b, op) {
				break
			}
			return strings.TrimSpace(op), [2]int{find(v, "formula", a), find(v, "formula", b)}
		}
	}
	f.fail(v, "formula: %q is not a formula of two columns: write A - B, A + B or A / B, with spaces around the sign (e.g. Forecast - Budget)", s)
	return "", [2]int{-1, -1}
}

// threshold reads rag's amber: or red:, a number of the rated column's
// unit (a percentage for a column of percentages).
func (f *fence) threshold(keys map[string]*yaml.Node, k string, item *yaml.Node) (format.Number, bool) {
	v := keys[k]
	if v == nil {
		if k == "amber" || keys["amber"] != nil {
			f.fail(item, "rag: needs amber: and red:, the adverse figures each rating starts at, as the rated column prints them (e.g. amber: 2, red: 5)")
		}
		return format.Number{}, false
	}
	n, ok := project.Figure(v)
	if !ok {
		f.fail(v, "%s: want a number as the rated column prints it, without %% or £ (e.g. 5), got %s", k, describe(v))
	}
	return n, ok
}

// finishColumn settles a column's style and alignment from its keys and
// the table's.
func (f *fence) finishColumn(c *finCol, keys map[string]*yaml.Node, table tableWide) {
	brackets := table.brackets
	sc := format.NoScale
	if c.format == fmtMoney {
		sc = table.scale
	}
	places, hasPlaces := 0, false
	if keys != nil {
		brackets = f.boolAt(keys["brackets"], "brackets", brackets)
		if v := keys["scale"]; v != nil {
			sc = f.scale(v)
			if c.format == cellText {
				f.fail(v, "scale: the column %q shows text, not figures, so it cannot be scaled; remove scale: or give the column format: money", c.name)
			}
		}
		if v := keys["places"]; v != nil {
			n, ok := project.Figure(v)
			p, err := format.Places(n.Value)
			switch {
			case !ok:
				f.fail(v, "places: want a whole number from 0 to %d, got %s", format.MaxPlaces, describe(v))
			case err != nil:
				f.fail(v, "places: %v", err)
			}
			places, hasPlaces = p, true
		}
		if v := keys["align"]; v != nil {
			a, ok := aligns[v.Value]
			if !ok {
				f.fail(v, "align: %q is not one of left, centre, right", v.Value)
			}
			c.align = a
		}
	}
	c.style = format.Style{Scale: sc, Brackets: brackets, Money: c.format == fmtMoney && sc == format.NoScale, Fixed: hasPlaces, Places: places}
	switch c.format {
	case fmtDecimals:
		if !hasPlaces {
			c.style.Fixed, c.style.Places = true, 2
		}
	case cellPercent:
		c.percentX = c.op == "/"
		if c.percentX && !hasPlaces {
			c.style.Fixed, c.style.Places = true, 1
		}
	}
	if c.align == model.AlignDefault {
		switch c.format {
		case cellText:
			c.align = model.AlignLeft
			if c.words {
				c.align = model.AlignCenter
			}
		default:
			c.align = model.AlignRight
		}
	}
}

// setKind records row i's kind.
func setKind(t *model.Table, i int, k model.RowKind) {
	for len(t.RowKinds) <= i {
		t.RowKinds = append(t.RowKinds, model.RowPlain)
	}
	t.RowKinds[i] = k
}

// rowFigures works out a row's figures column by column: sources from the
// row's values (or from given, a total's sums, when not nil), formulas
// from the columns they name.
func rowFigures(r finRow, cols []*finCol, given []figure) []figure {
	out := make([]figure, len(cols))
	for i, c := range cols {
		switch {
		case c.src >= 0 && given != nil:
			out[i] = given[i]
		case c.src >= 0:
			v := r.vals[c.src]
			if n, ok := project.Figure(v); ok && c.format != cellText {
				out[i] = figure{n: n, num: true, node: v}
			} else {
				out[i] = figure{text: plainText(v), node: v}
			}
		case c.op != "":
			out[i] = compute(c.op, out[c.args[0]], out[c.args[1]])
		}
	}
	return out
}

// plainText is a value shown as written; a number of nothing loses its
// minus ("-0.0" is "0.0").
func plainText(v *yaml.Node) string {
	if x, ok := project.Number(v); ok && x == 0 {
		return strings.TrimPrefix(v.Value, "-")
	}
	return v.Value
}

// compute is a op b; text in either (n/a) or a division by zero gives
// "n/a".
func compute(op string, a, b figure) figure {
	if !a.num || !b.num {
		return figure{text: "n/a"}
	}
	switch op {
	case "+":
		return figure{n: a.n.Add(b.n), num: true}
	case "-":
		return figure{n: a.n.Sub(b.n), num: true}
	}
	q, err := a.n.Div(b.n.Abs())
	if err != nil {
		return figure{text: "n/a"}
	}
	return figure{n: q, num: true}
}

// columnSums adds up each figure column over the rows, from the exact
// values. Text in a column that is added up is an error at its line.
func columnSums(errs *diag.List, snap *project.Snapshot, f *fence, cols []*finCol, rows []finRow, figs [][]figure) ([]figure, bool) {
	sums := make([]figure, len(cols))
	for i, c := range cols {
		if c.src < 0 || c.format == cellText || c.format == cellPercent {
			continue
		}
		sum := figure{n: format.Number{}, num: true}
		for r := range rows {
			x := figs[r][i]
			if !x.num {
				errs.Errorf(snap.Path, x.node.Line, x.node.Column, "the total row cannot add up %q: row %q holds text (%q) where a figure belongs; write the figure, or give the column format: text (not totalled)", c.name, rows[r].label, x.text)
				continue
			}
			sum.n = sum.n.Add(x.n)
		}
		sums[i] = sum
	}
	return sums, len(*errs) == 0
}

// checkTotal compares a total row the snapshot gives with the sums of the
// rows above it, column by column, and warns at each figure that differs.
func checkTotal(f *fence, snap *project.Snapshot, t *model.Table, cols []*finCol, given finRow, total, sums []figure) {
	for i, c := range cols {
		if c.src < 0 || c.format == cellText || !sums[i].num {
			continue
		}
		g := total[i]
		if !g.num {
			t.Warnings = append(t.Warnings, diag.Warnf(snap.Path, g.node.Line, g.node.Column, "the %s row's %s is text (%q), not the sum of the rows above it (%s)", given.label, c.name, g.text, format.Num(sums[i].n)))
			continue
		}
		if format.Compare(g.n, sums[i].n) != 0 {
			t.Warnings = append(t.Warnings, diag.Warnf(snap.Path, g.node.Line, g.node.Column, "the %s row's %s (%s) is not the sum of the rows above it (%s)", given.label, c.name, format.Num(g.n), format.Num(sums[i].n)))
		}
	}
}

// finHead makes a finance table's header: a row of groups over their
// columns when any column has one, the columns' headings, and a row of
// units under the scaled money columns.
func finHead(cols []*finCol, corner, units string) [][]model.Cell {
	shown := visible(cols)
	var head [][]model.Cell
	grouped := false
	for _, c := range shown {
		grouped = grouped || c.group != ""
	}
	if grouped {
		row := []model.Cell{{}}
		for i := 0; i < len(shown); {
			j := i + 1
			for shown[i].group != "" && j < len(shown) && shown[j].group == shown[i].group {
				j++
			}
			row = append(row, model.Cell{Inlines: inlines(shown[i].group), Span: j - i, Align: model.AlignCenter})
			i = j
		}
		head = append(head, row)
	}
	names := []model.Cell{cell(corner)}
	for _, c := range shown {
		names = append(names, cell(c.name))
	}
	head = append(head, names)
	if units != "" {
		row := []model.Cell{{}}
		any := false
		for _, c := range shown {
			if c.format == fmtMoney {
				row = append(row, cell(units))
				any = true
			} else {
				row = append(row, model.Cell{})
			}
		}
		if any {
			head = append(head, row)
		}
	}
	return head
}

// visible is the columns shown: those the block lists (a hidden source
// column of a formula comes after them).
func visible(cols []*finCol) []*finCol {
	for i, c := range cols {
		if c.node == nil {
			return cols[:i]
		}
	}
	return cols
}

// finCells prints a row: its label and each shown column's figure, word
// or text.
func finCells(label string, income bool, cols []*finCol, figs []figure) []model.Cell {
	row := []model.Cell{cell(label)}
	for i, c := range visible(cols) {
		x := figs[i]
		switch {
		case c.rag >= 0:
			row = append(row, ragCell(c, cols[c.rag], figs[c.rag], income))
		case c.assess >= 0:
			row = append(row, cell(assessWord(cols[c.assess], figs[c.assess], income)))
		case !x.num:
			row = append(row, cell(x.text))
		default:
			s := printFigure(c, x.n)
			out := cell(s)
			if strings.HasPrefix(s, "(") {
				out.Spoken = format.Spoken(s)
			}
			row = append(row, out)
		}
	}
	return row
}

// printFigure prints n as column c shows it: "(2,572)", "£7.18", "1.99%".
func printFigure(c *finCol, n format.Number) string {
	if c.percentX {
		n = n.Mul(format.Number{Value: 100})
	}
	s := c.style.Format(n)
	if c.format != cellPercent {
		return s
	}
	if body, ok := strings.CutSuffix(s, ")"); ok {
		return body + "%)"
	}
	return s + "%"
}

// adverse is how far a variance is adverse, as printed: for spending
// (the default) an overspend, a positive variance; for income a
// shortfall, a negative one.
func adverse(c *finCol, n format.Number, income bool) format.Number {
	if c.percentX {
		n = n.Mul(format.Number{Value: 100})
	}
	n = c.style.Shown(n)
	if income {
		n = format.Number{}.Sub(n)
	}
	return n
}

// ragCell rates a row by its figure in the column rag: names: red at or
// beyond red:, amber at or beyond amber:, else green.
func ragCell(c, rated *finCol, x figure, income bool) model.Cell {
	if !x.num {
		return cell("–")
	}
	a := adverse(rated, x.n, income)
	st, word := model.StatusGreen, "Green"
	switch {
	case format.Compare(a, c.red) >= 0:
		st, word = model.StatusRed, "Red"
	case format.Compare(a, c.amber) >= 0:
		st, word = model.StatusAmber, "Amber"
	}
	out := cell(word)
	out.Status = st
	return out
}

// assessWord says whether a variance is favourable or adverse.
func assessWord(c *finCol, x figure, income bool) string {
	if !x.num {
		return "–"
	}
	a := adverse(c, x.n, income)
	switch {
	case a.Value > 0:
		return "Adverse"
	case a.Value < 0:
		return "Favourable"
	}
	return "On budget"
}

// roundingShows reports whether a column's printed figures do not add up
// to its printed total, so that a reader would need the note.
func roundingShows(cols []*finCol, figs [][]figure, total []figure) bool {
	for i, c := range visible(cols) {
		if c.format == cellText || c.format == cellPercent || !total[i].num {
			continue
		}
		var sum format.Number
		ok := true
		for _, r := range figs {
			if !r[i].num {
				ok = false
				break
			}
			sum = sum.Add(c.style.Shown(r[i].n))
		}
		if ok && format.Compare(sum, c.style.Shown(total[i].n)) != 0 {
			return true
		}
	}
	return false
}
