package exhibit

import (
	"errors"
	"math"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
	"gopkg.in/yaml.v3"
)

// Cell kinds a table block may ask for (cells:).
const (
	cellCount      = "count"
	cellCountShare = "count-share"
	cellPercent    = "percent"
	cellRatio      = "ratio"
	cellText       = "text"
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
