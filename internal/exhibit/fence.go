// Package exhibit turns ```table and ```chart blocks into model tables and
// charts, with every figure formatted (FORMAT.md "Tables and charts from
// data").
//
// Two files are involved in every exhibit and an error names the right
// one: a mistake in the block's own keys (an unknown key, cells: cout, a
// data: path that leads nowhere) is reported at its line in the template;
// a mistake in the figures (a row one value short, true where a number
// belongs) at its line in the snapshot.
package exhibit

import (
	"errors"
	"fmt"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"github.com/boardpaper/boardpaper/internal/project"
	"gopkg.in/yaml.v3"
)

// fence is a ```table or ```chart block's YAML: its keys, read strictly.
type fence struct {
	kind   string // "table" or "chart", for messages
	path   string // the template file
	values map[string]*yaml.Node
	keys   map[string]*yaml.Node
	errs   diag.List
}

// readFence parses src, placed at pos in the template, and checks that it
// is a map whose keys are all among known.
func readFence(kind string, src []byte, pos diag.Pos, known []string) (*fence, error) {
	doc, err := project.ParseYAML(pos.Path, pos.Line-1, src)
	if err != nil {
		var list diag.List
		if pos.Col > 1 && errors.As(err, &list) {
			// As below: the columns of the text as the file has it.
			for _, e := range list {
				e.Pos.Col += pos.Col - 1
			}
		}
		return nil, err
	}
	if pos.Col > 1 {
		// The Markdown reader strips a fence's indentation (inside a list
		// item); put it back so columns match the file.
		project.Shift(doc, 0, pos.Col-1)
	}
	root := project.Root(doc)
	if root == nil {
		return nil, diag.At(pos, "the %s block is empty: give at least data: (the figures to show)", kind)
	}
	if root.Kind != yaml.MappingNode {
		return nil, diag.Errorf(pos.Path, root.Line, root.Column, "a %s block holds keys and values (id:, data:, caption: …), not %s", kind, project.KindName(root))
	}
	f := &fence{kind: kind, path: pos.Path, values: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case !contains(known, k.Value):
			if near := diag.Nearest(k.Value, known); near != "" {
				f.fail(k, "unknown key %q in a %s block (did you mean %q?)", k.Value, kind, near)
			} else {
				f.fail(k, "unknown key %q in a %s block (known keys: %s)", k.Value, kind, strings.Join(known, ", "))
			}
		case f.keys[k.Value] != nil:
			f.fail(k, "key %q is given twice", k.Value)
		default:
			f.keys[k.Value], f.values[k.Value] = k, v
		}
	}
	return f, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (f *fence) fail(n *yaml.Node, format string, args ...any) {
	f.errs.Errorf(f.path, n.Line, n.Column, format, args...)
}

// str reads an optional text value; "" when absent.
func (f *fence) str(key string) string { return f.textIn(f.values, key) }

// textIn reads an optional text value of key among values (the block's,
// or a column's); "" when absent.
func (f *fence) textIn(values map[string]*yaml.Node, key string) string {
	v := values[key]
	if v == nil {
		return ""
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		f.fail(v, "%s: want text, got %s", key, project.KindName(v))
		return ""
	}
	return v.Value
}

// choice reads an optional value that must be one of allowed; def when
// absent.
func (f *fence) choice(key, def string, allowed []string) string {
	v := f.values[key]
	if v == nil {
		return def
	}
	s := f.str(key)
	if v.Kind == yaml.ScalarNode && !contains(allowed, s) {
		f.fail(v, "%s: %q is not one of %s", key, s, strings.Join(allowed, ", "))
		return def
	}
	return s
}

var idRE = lazyregexp.New(`^[A-Za-z][A-Za-z0-9_-]*$`)

// id reads the label that @references use.
func (f *fence) id() string {
	id := f.str("id")
	if id != "" && !idRE().MatchString(id) {
		f.fail(f.values["id"], "id: %q is not a label: use letters, digits, - and _ (e.g. tbl-age-groups)", id)
		return ""
	}
	return id
}

// lookup resolves data: in the paper's snapshots. The node is nil when
// data: is missing or leads nowhere (the error is then recorded).
func (f *fence) lookup(data *project.DataSet) (*yaml.Node, *project.Snapshot) {
	v := f.values["data"]
	if v == nil {
		f.errs.Errorf(f.path, f.firstLine(), 1, "a %s block needs data: (a dotted path into the paper's data, e.g. data: age_groups)", f.kind)
		return nil, nil
	}
	path := f.str("data")
	if path == "" {
		if v.Kind == yaml.ScalarNode {
			f.fail(v, "data: give a dotted path into the paper's data, e.g. data: age_groups")
		}
		return nil, nil
	}
	if data == nil {
		f.fail(v, "data: the paper names no data snapshot (add data: to its front matter)")
		return nil, nil
	}
	n, snap, err := data.Lookup(path)
	if err != nil {
		f.fail(v, "data: %v", err)
		return nil, nil
	}
	return n, snap
}

// wrongKind reports, at the block's data: line, a table block that names a
// series set or a chart block that names a table: one error where the
// author chose the data, rather than a list of the keys the figures lack
// at the snapshot's lines. It reports false when n is not clearly the
// other kind.
func (f *fence) wrongKind(n *yaml.Node, snap *project.Snapshot) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	has := func(k string) bool { return mapGet(n, k) }
	series := has("x") && has("series")
	table := has("columns") || has("rows")
	name := f.values["data"].Value
	switch {
	case f.kind == "table" && series && !table:
		f.fail(f.values["data"], "data: %q is a series for a chart (it has x and series, %s:%d), not a table (columns and rows): show it in a chart block, or name a table", name, snap.Path, n.Line)
	case f.kind == "chart" && table && !has("x") && !has("series"):
		f.fail(f.values["data"], "data: %q is a table (it has columns and rows, %s:%d), not a series for a chart (x and series): show it in a table block, or name a series", name, snap.Path, n.Line)
	default:
		return false
	}
	return true
}

func mapGet(n *yaml.Node, k string) bool { return project.MapGet(n, k) != nil }

// firstLine is the line of the block's first key, for errors about a key
// that is missing.
func (f *fence) firstLine() int {
	line := 0
	for _, k := range f.keys {
		if line == 0 || k.Line < line {
			line = k.Line
		}
	}
	return line
}

// shape checks a snapshot value's keys: required ones present, no others.
// It returns the values by key, or nil when the shape is wrong (the errors
// are in errs, at the snapshot's lines).
func shape(errs *diag.List, snap *project.Snapshot, n *yaml.Node, what string, required, optional []string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		errs.Errorf(snap.Path, n.Line, n.Column, "%s should be a map with %s, not %s", what, strings.Join(required, " and "), project.KindName(n))
		return nil
	}
	out := map[string]*yaml.Node{}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		if !contains(required, k.Value) && !contains(optional, k.Value) {
			known := append(append([]string{}, required...), optional...)
			if near := diag.Nearest(k.Value, known); near != "" {
				errs.Errorf(snap.Path, k.Line, k.Column, "unknown key %q in %s (did you mean %q?)", k.Value, what, near)
			} else {
				errs.Errorf(snap.Path, k.Line, k.Column, "unknown key %q in %s (known keys: %s)", k.Value, what, strings.Join(known, ", "))
			}
			ok = false
			continue
		}
		out[k.Value] = v
	}
	for _, r := range required {
		if out[r] == nil {
			errs.Errorf(snap.Path, n.Line, n.Column, "%s has no %s", what, r)
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return out
}

// seq checks that n is a list, returning its items (nil after an error).
func seq(errs *diag.List, snap *project.Snapshot, n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		errs.Errorf(snap.Path, n.Line, n.Column, "%s should be a list, not %s", what, project.KindName(n))
		return nil
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			c = c.Alias
		}
		items[i] = c
	}
	return items
}

// scalarText is a label or heading as written; an error for lists and maps.
func scalarText(errs *diag.List, snap *project.Snapshot, n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		errs.Errorf(snap.Path, n.Line, n.Column, "%s should be text, not %s", what, project.KindName(n))
		return "", false
	}
	if n.ShortTag() == "!!null" {
		return "", true
	}
	return n.Value, true
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.ShortTag() != "!!null" {
		return fmt.Sprintf("%s (%s)", project.KindName(n), n.Value)
	}
	return project.KindName(n)
}
