package exhibit

import (
	"fmt"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
	"gopkg.in/yaml.v3"
)

var (
	chartKeys  = []string{"id", "type", "data", "title", "caption", "y_label", "x_label"}
	chartTypes = []string{string(model.ChartLine), string(model.ChartBar), string(model.ChartBarLine)}
)

// Chart reads a ```chart block (see Table for src, pos and data). Besides
// the points it decides the value axis every writer draws (ValueAxis), and
// builds the chart's figures as a table and a one-sentence summary per
// series, the text alternative writers show with it.
func Chart(src []byte, pos diag.Pos, data *project.DataSet) (*model.Chart, error) {
	f, err := readFence("chart", src, pos, chartKeys)
	if err != nil {
		return nil, err
	}
	c := &model.Chart{
		Exhibit: model.Exhibit{Attr: model.Attr{ID: f.id()}, Caption: inlines(f.str("caption"))},
		Type:    model.ChartType(f.choice("type", string(model.ChartLine), chartTypes)),
		Title:   f.str("title"),
		YLabel:  f.str("y_label"),
		XLabel:  f.str("x_label"),
	}
	n, snap := f.lookup(data)
	if n == nil || len(f.errs) > 0 || f.wrongKind(n, snap) {
		return nil, f.errs.Err()
	}
	var errs diag.List
	if !readSeries(&errs, snap, n, c) {
		return nil, errs.Err()
	}
	c.Y = ValueAxis(c)
	c.Table = figuresTable(c)
	c.Summary = summary(c)
	return c, nil
}

// readSeries fills c's points from a snapshot's {x, series}.
func readSeries(errs *diag.List, snap *project.Snapshot, n *yaml.Node, c *model.Chart) bool {
	fields := shape(errs, snap, n, "a chart's data", []string{"x", "series"}, nil)
	if fields == nil {
		return false
	}
	xs := seq(errs, snap, fields["x"], "x")
	series := seq(errs, snap, fields["series"], "series")
	if xs == nil || series == nil {
		return false
	}
	if len(xs) == 0 {
		errs.Errorf(snap.Path, fields["x"].Line, fields["x"].Column, "x is empty: a chart needs at least one point")
		return false
	}
	if len(series) == 0 {
		errs.Errorf(snap.Path, fields["series"].Line, fields["series"].Column, "series is empty: a chart needs at least one series")
		return false
	}
	if !readX(errs, snap, xs, c) {
		return false
	}
	for _, s := range series {
		sf := shape(errs, snap, s, "a series", []string{"name", "values"}, nil)
		if sf == nil {
			continue
		}
		name, ok := scalarText(errs, snap, sf["name"], "a series name")
		vals := seq(errs, snap, sf["values"], "a series' values")
		if !ok || vals == nil {
			continue
		}
		if len(vals) != len(xs) {
			errs.Errorf(snap.Path, s.Line, s.Column, "series %q has %d values but x has %d", name, len(vals), len(xs))
			continue
		}
		out := model.Series{Name: name, Values: make([]float64, len(vals))}
		for i, v := range vals {
			x, ok := project.Number(v)
			if !ok {
				errs.Errorf(snap.Path, v.Line, v.Column, "series %q: a chart value should be a number, not %s", name, describe(v))
			}
			out.Values[i] = x
		}
		c.Series = append(c.Series, out)
	}
	return len(*errs) == 0
}

// readX reads the x values: all dates (a time axis) or all labels
// (project.ReadX, which checked them as the snapshot was read).
func readX(errs *diag.List, snap *project.Snapshot, xs []*yaml.Node, c *model.Chart) bool {
	pts, err := project.ReadX(snap.Path, xs)
	if err != nil {
		errs.Add(err)
		return false
	}
	c.IsTime = pts[0].IsDate
	if !c.IsTime {
		for _, p := range pts {
			c.X = append(c.X, model.XPoint{Label: p.Label})
		}
		return true
	}
	// Label day dates by month ("Nov 2009") unless two fall in the same
	// month, when the day is needed to tell them apart.
	c.Monthly = pts[0].MonthOnly
	sameMonth := false
	seen := map[string]bool{}
	for _, p := range pts {
		m := format.ShortMonth(p.Time)
		sameMonth = sameMonth || seen[m]
		seen[m] = true
	}
	for _, p := range pts {
		label := format.ShortMonth(p.Time)
		if sameMonth && !c.Monthly {
			label = format.ShortDay(p.Time)
		}
		c.X = append(c.X, model.XPoint{Label: label, Time: p.Time})
	}
	return true
}

// figuresTable is the chart's figures as a table: x down the side, one
// column per series. Day dates are written in full ("30 Nov 2009") and
// months as "November 2009", since the table is where a reader goes for
// the exact figure.
func figuresTable(c *model.Chart) *model.Table {
	corner := c.XLabel
	if corner == "" && c.IsTime {
		corner = "Date"
	}
	head := []model.Cell{cell(corner)}
	align := []model.Align{model.AlignLeft}
	for _, s := range c.Series {
		head = append(head, cell(s.Name))
		align = append(align, model.AlignRight)
	}
	t := &model.Table{Head: [][]model.Cell{head}, RowHeaders: true, Align: align}
	for i, x := range c.X {
		label := x.Label
		switch {
		case c.IsTime && c.Monthly:
			label = format.MonthYear(x.Time)
		case c.IsTime:
			label = format.ShortDay(x.Time)
		}
		row := []model.Cell{cell(label)}
		for _, s := range c.Series {
			row = append(row, cell(format.Count(s.Values[i])))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

var chartNames = map[model.ChartType]string{
	model.ChartLine:    "Line chart",
	model.ChartBar:     "Bar chart",
	model.ChartBarLine: "Bar and line chart",
}

// summary describes the chart in words for a text alternative: "Line chart
// of Looked after children from Nov 2009 to Jan 2013: 1,370 at the start
// and 1,384 at the end; highest 1,474 (Mar 2012), lowest 1,370 (Nov
// 2009)." With several series, each gets its own sentence.
func summary(c *model.Chart) string {
	var names []string
	for _, s := range c.Series {
		names = append(names, s.Name)
	}
	first, last := c.X[0].Label, c.X[len(c.X)-1].Label
	span := fmt.Sprintf(" from %s to %s", first, last)
	if len(c.X) == 1 {
		span = " for " + first
	}
	head := chartNames[c.Type] + " of " + joinAnd(names) + span
	if len(c.Series) == 1 {
		return head + ": " + seriesSummary(c, c.Series[0]) + "."
	}
	var b strings.Builder
	b.WriteString(head + ".")
	for _, s := range c.Series {
		b.WriteString(" " + s.Name + ": " + seriesSummary(c, s) + ".")
	}
	return b.String()
}

func seriesSummary(c *model.Chart, s model.Series) string {
	if len(s.Values) == 1 {
		return format.Count(s.Values[0])
	}
	hi, lo := 0, 0
	for i, v := range s.Values {
		if v > s.Values[hi] {
			hi = i
		}
		if v < s.Values[lo] {
			lo = i
		}
	}
	return fmt.Sprintf("%s at the start and %s at the end; highest %s (%s), lowest %s (%s)",
		format.Count(s.Values[0]), format.Count(s.Values[len(s.Values)-1]),
		format.Count(s.Values[hi]), c.X[hi].Label, format.Count(s.Values[lo]), c.X[lo].Label)
}

// joinAnd joins names as prose: "A", "A and B", "A, B and C".
func joinAnd(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
