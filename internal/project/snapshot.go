package project

import (
	"fmt"
	"os"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"gopkg.in/yaml.v3"
)

// MaxSnapshotBytes bounds a snapshot's size. A council snapshot is a few
// kilobytes; anything near this is a mistake (an export pasted whole) and
// is refused rather than slowly built.
const MaxSnapshotBytes = 8 << 20

// Snapshot is one data file: its figures as a node tree (order and lines
// kept, for tables, charts and messages) and as plain values (for
// templates).
type Snapshot struct {
	Name   string // the name a paper gave it ("" when it is the only one)
	Path   string // relative to the project root
	Root   *yaml.Node
	Value  map[string]any
	SHA256 string
}

// LoadSnapshot reads and parses data/… relative to root.
func LoadSnapshot(root, rel string) (*Snapshot, error) {
	full, err := Resolve(root, rel)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(full)
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxSnapshotBytes {
		return nil, diag.Errorf(rel, 1, 1, "snapshot is %.1f MB; the limit is %d MB (a snapshot holds a paper's figures, not a whole export)", float64(info.Size())/1e6, MaxSnapshotBytes>>20)
	}
	src, err := os.ReadFile(full)
	if err != nil {
		return nil, err
	}
	return ParseSnapshot(rel, src)
}

// ParseSnapshot parses a snapshot's bytes.
func ParseSnapshot(rel string, src []byte) (*Snapshot, error) {
	doc, err := ParseYAML(rel, 0, src)
	if err != nil {
		return nil, err
	}
	root := Root(doc)
	if root == nil {
		return nil, diag.Errorf(rel, 1, 1, "snapshot is empty")
	}
	if root.Kind != yaml.MappingNode {
		return nil, diag.Errorf(rel, root.Line, root.Column, "a snapshot should be a map of names to figures, not %s", KindName(root))
	}
	v, err := snapshotValue(rel, root)
	if err != nil {
		return nil, err
	}
	return &Snapshot{Path: rel, Root: root, Value: v.(map[string]any), SHA256: sha256Hex(src)}, nil
}

// DataSet is the snapshots one paper sees: one as .Data, or several as
// .Data.<name>.
type DataSet struct {
	Snapshots []*Snapshot
}

// Named reports whether the snapshots are named (.Data.<name>).
func (d *DataSet) Named() bool {
	return len(d.Snapshots) > 0 && d.Snapshots[0].Name != ""
}

// Value is what templates see as .Data.
func (d *DataSet) Value() any {
	if len(d.Snapshots) == 0 {
		return map[string]any{}
	}
	if !d.Named() {
		return d.Snapshots[0].Value
	}
	m := make(map[string]any, len(d.Snapshots))
	for _, s := range d.Snapshots {
		m[s.Name] = s.Value
	}
	return m
}

// Lookup follows a dotted path ("age_groups", or "lac.age_groups" with named
// snapshots) to a node, returning the snapshot it is in.
func (d *DataSet) Lookup(dotted string) (*yaml.Node, *Snapshot, error) {
	if len(d.Snapshots) == 0 {
		return nil, nil, fmt.Errorf("the paper names no data snapshot (add data: to its front matter)")
	}
	parts := strings.Split(dotted, ".")
	snap := d.Snapshots[0]
	if d.Named() {
		snap = nil
		for _, s := range d.Snapshots {
			if s.Name == parts[0] {
				snap = s
			}
		}
		if snap == nil {
			var names []string
			for _, s := range d.Snapshots {
				names = append(names, s.Name)
			}
			if near := diag.Nearest(parts[0], names); near != "" {
				return nil, nil, fmt.Errorf("no snapshot named %q (did you mean %q? the paper's data names %s)", parts[0], near, d.names())
			}
			return nil, nil, fmt.Errorf("no snapshot named %q (the paper's data names %s)", parts[0], d.names())
		}
		parts = parts[1:]
	}
	n := snap.Root
	for i, p := range parts {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n.Kind != yaml.MappingNode {
			return nil, nil, fmt.Errorf("%s: %q is %s, so it has no %q", snap.Path, strings.Join(parts[:i], "."), KindName(n), p)
		}
		next := mapGet(n, p)
		if next == nil {
			var keys []string
			for j := 0; j+1 < len(n.Content); j += 2 {
				keys = append(keys, n.Content[j].Value)
			}
			if near := diag.Nearest(p, keys); near != "" {
				return nil, nil, fmt.Errorf("%s has no %q (did you mean %q?)", snap.Path, strings.Join(parts[:i+1], "."), strings.Join(append(parts[:i:i], near), "."))
			}
			return nil, nil, fmt.Errorf("%s has no %q", snap.Path, strings.Join(parts[:i+1], "."))
		}
		n = next
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n, snap, nil
}

func (d *DataSet) names() string {
	var ns []string
	for _, s := range d.Snapshots {
		ns = append(ns, s.Name)
	}
	return strings.Join(ns, ", ")
}

// mapGet returns the value of key k in a mapping node, or nil.
func mapGet(n *yaml.Node, k string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == k {
			return n.Content[i+1]
		}
	}
	return nil
}

// MapGet returns the value of key k in a mapping node, or nil.
func MapGet(n *yaml.Node, k string) *yaml.Node { return mapGet(n, k) }
