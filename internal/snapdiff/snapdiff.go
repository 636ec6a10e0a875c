// Package snapdiff says what changed between two data snapshots, figure by
// figure, in the words a reviewer uses: figures are addressed by their
// labels ("age_groups › March 2012 › 0"), not by list positions, so a row
// added at the top does not make every row below it look changed.
package snapdiff

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/project"
	"gopkg.in/yaml.v3"
)

// Kind is what happened to a figure.
type Kind int

const (
	Changed Kind = iota
	Added
	Removed
)

// Change is one figure that differs.
type Change struct {
	Path     []string // "age_groups", "March 2012", "0"
	Kind     Kind
	Old, New string // as a paper would print them ("1,384", "n/a")
	// Delta is "+7, +5.7%" for a number that changed, else "".
	Delta string
}

// Where joins the path as the reviewer reads it.
func (c Change) Where() string { return strings.Join(c.Path, " › ") }

// Compare lists the changes from old to new, in the order the new snapshot
// (then the old, for removals) is written.
func Compare(old, new *project.Snapshot) []Change {
	var d differ
	d.node(nil, old.Root, new.Root)
	return d.changes
}

type differ struct{ changes []Change }

func (d *differ) add(c Change) { d.changes = append(d.changes, c) }

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func (d *differ) node(path []string, a, b *yaml.Node) {
	a, b = deref(a), deref(b)
	switch {
	case isRatio(a) || isRatio(b):
		// {n, of} is one figure, "11.0% (155/1,414)", not two.
		if sa, sb := summary(a), summary(b); sa != sb {
			d.add(Change{Path: path, Kind: Changed, Old: sa, New: sb})
		}
	case isTable(a) && isTable(b):
		d.table(path, a, b)
	case isSeries(a) && isSeries(b):
		d.series(path, a, b)
	case a.Kind == yaml.MappingNode && b.Kind == yaml.MappingNode:
		d.mapping(path, a, b)
	case a.Kind == yaml.SequenceNode && b.Kind == yaml.SequenceNode:
		d.sequence(path, a, b)
	case a.Kind == yaml.ScalarNode && b.Kind == yaml.ScalarNode:
		d.scalar(path, a, b)
	default:
		d.add(Change{Path: path, Kind: Changed, Old: summary(a), New: summary(b)})
	}
}

func (d *differ) mapping(path []string, a, b *yaml.Node) {
	for i := 0; i+1 < len(b.Content); i += 2 {
		k := b.Content[i].Value
		p := append(append([]string(nil), path...), k)
		if av := project.MapGet(a, k); av != nil {
			d.node(p, av, b.Content[i+1])
		} else {
			d.add(Change{Path: p, Kind: Added, New: summary(b.Content[i+1])})
		}
	}
	for i := 0; i+1 < len(a.Content); i += 2 {
		k := a.Content[i].Value
		if project.MapGet(b, k) == nil {
			d.add(Change{Path: append(append([]string(nil), path...), k), Kind: Removed, Old: summary(a.Content[i+1])})
		}
	}
}

func (d *differ) sequence(path []string, a, b *yaml.Node) {
	for i := 0; i < max(len(a.Content), len(b.Content)); i++ {
		p := append(append([]string(nil), path...), "["+strconv.Itoa(i+1)+"]")
		switch {
		case i >= len(a.Content):
			d.add(Change{Path: p, Kind: Added, New: summary(b.Content[i])})
		case i >= len(b.Content):
			d.add(Change{Path: p, Kind: Removed, Old: summary(a.Content[i])})
		default:
			d.node(p, a.Content[i], b.Content[i])
		}
	}
}

func (d *differ) scalar(path []string, a, b *yaml.Node) {
	if a.Value == b.Value {
		return
	}
	c := Change{Path: path, Kind: Changed, Old: summary(a), New: summary(b)}
	if x, ok := project.Number(a); ok {
		if y, ok := project.Number(b); ok {
			c.Delta = delta(x, y)
		}
	}
	d.add(c)
}

// delta is "+7, +5.7%": the difference, and its share of the old figure.
func delta(x, y float64) string {
	diff := y - x
	s := signed(format.Count(diff), diff)
	if x != 0 {
		pct, _ := format.Percent(math.Abs(diff), math.Abs(x), 1)
		if diff < 0 {
			pct = "-" + pct
		} else {
			pct = "+" + pct
		}
		s += ", " + pct
	}
	return s
}

func signed(s string, v float64) string {
	if v > 0 {
		return "+" + s
	}
	return s
}

func isRatio(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.MappingNode && len(n.Content) == 4 &&
		project.MapGet(n, "n") != nil && project.MapGet(n, "of") != nil
}

// A table is {columns, rows: [{label, values}]}; rows are matched by label
// and cells by column name.
func isTable(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.MappingNode && project.MapGet(n, "columns") != nil && project.MapGet(n, "rows") != nil
}

func (d *differ) table(path []string, a, b *yaml.Node) {
	colsA, colsB := texts(project.MapGet(a, "columns")), texts(project.MapGet(b, "columns"))
	rowsA, rowsB := rows(a), rows(b)
	for _, c := range colsB {
		if !contains(colsA, c) {
			d.add(Change{Path: append(clone(path), "column "+c), Kind: Added})
		}
	}
	for _, c := range colsA {
		if !contains(colsB, c) {
			d.add(Change{Path: append(clone(path), "column "+c), Kind: Removed})
		}
	}
	for _, rb := range rowsB {
		ra, ok := find(rowsA, rb.label)
		if !ok {
			d.add(Change{Path: append(clone(path), rb.label), Kind: Added, New: joinSummaries(rb.values)})
			continue
		}
		for j, col := range colsB {
			i := index(colsA, col)
			if i < 0 || i >= len(ra.values) || j >= len(rb.values) {
				continue
			}
			d.node(append(clone(path), rb.label, col), ra.values[i], rb.values[j])
		}
	}
	for _, ra := range rowsA {
		if _, ok := find(rowsB, ra.label); !ok {
			d.add(Change{Path: append(clone(path), ra.label), Kind: Removed, Old: joinSummaries(ra.values)})
		}
	}
	d.others(path, a, b, "columns", "rows")
}

// A series set is {x, series: [{name, values}]}; points are matched by x
// and series by name. With one series its name is left out of the path.
func isSeries(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.MappingNode && project.MapGet(n, "x") != nil && project.MapGet(n, "series") != nil
}

func (d *differ) series(path []string, a, b *yaml.Node) {
	xa, xb := texts(project.MapGet(a, "x")), texts(project.MapGet(b, "x"))
	sa, sb := namedSeries(a), namedSeries(b)
	single := len(sa) == 1 && len(sb) == 1
	for _, s := range sb {
		p := clone(path)
		if !single {
			p = append(p, s.label)
		}
		old, ok := find(sa, s.label)
		if !ok && single {
			old, ok = sa[0], true
		}
		if !ok {
			d.add(Change{Path: p, Kind: Added, New: joinSummaries(s.values)})
			continue
		}
		for j, x := range xb {
			if j >= len(s.values) {
				break
			}
			i := index(xa, x)
			if i < 0 || i >= len(old.values) {
				d.add(Change{Path: append(clone(p), x), Kind: Added, New: summary(s.values[j])})
				continue
			}
			d.node(append(clone(p), x), old.values[i], s.values[j])
		}
		for i, x := range xa {
			if !contains(xb, x) && i < len(old.values) {
				d.add(Change{Path: append(clone(p), x), Kind: Removed, Old: summary(old.values[i])})
			}
		}
	}
	if !single {
		for _, s := range sa {
			if _, ok := find(sb, s.label); !ok {
				d.add(Change{Path: append(clone(path), s.label), Kind: Removed, Old: joinSummaries(s.values)})
			}
		}
	}
	d.others(path, a, b, "x", "series")
}

// others compares a table's or series' keys besides its figures (corner,
// notes).
func (d *differ) others(path []string, a, b *yaml.Node, skip ...string) {
	strip := func(n *yaml.Node) *yaml.Node {
		out := &yaml.Node{Kind: yaml.MappingNode}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !contains(skip, n.Content[i].Value) {
				out.Content = append(out.Content, n.Content[i], n.Content[i+1])
			}
		}
		return out
	}
	d.mapping(path, strip(a), strip(b))
}

type labelled struct {
	label  string
	values []*yaml.Node
}

func rows(n *yaml.Node) []labelled { return labelledList(project.MapGet(n, "rows"), "label") }

func namedSeries(n *yaml.Node) []labelled { return labelledList(project.MapGet(n, "series"), "name") }

func labelledList(n *yaml.Node, key string) []labelled {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []labelled
	for i, r := range n.Content {
		r = deref(r)
		if r.Kind != yaml.MappingNode {
			continue
		}
		l := labelled{label: "[" + strconv.Itoa(i+1) + "]"}
		if k := project.MapGet(r, key); k != nil {
			l.label = k.Value
		}
		if v := deref(project.MapGet(r, "values")); v != nil && v.Kind == yaml.SequenceNode {
			l.values = v.Content
		}
		out = append(out, l)
	}
	return out
}

func find(ls []labelled, label string) (labelled, bool) {
	for _, l := range ls {
		if l.label == label {
			return l, true
		}
	}
	return labelled{}, false
}

func texts(n *yaml.Node) []string {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]string, len(n.Content))
	for i, c := range n.Content {
		out[i] = deref(c).Value
	}
	return out
}

func index(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

func contains(xs []string, s string) bool { return index(xs, s) >= 0 }

func clone(p []string) []string { return append([]string(nil), p...) }

// summary shows a value as a paper would: numbers with separators, text as
// written, {n, of} as a ratio, lists and maps briefly.
func summary(n *yaml.Node) string {
	n = deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		if x, ok := project.Number(n); ok {
			return format.Count(x)
		}
		return n.Value
	case yaml.MappingNode:
		if isRatio(n) {
			nn, of := project.MapGet(n, "n"), project.MapGet(n, "of")
			if x, ok := project.Number(nn); ok {
				if y, ok := project.Number(of); ok {
					if s, err := format.Ratio(x, y); err == nil {
						return s
					}
				}
			}
		}
		return fmt.Sprintf("(%d entries)", len(n.Content)/2)
	case yaml.SequenceNode:
		return joinSummaries(n.Content)
	}
	return ""
}

func joinSummaries(ns []*yaml.Node) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = summary(n)
	}
	return strings.Join(parts, ", ")
}
