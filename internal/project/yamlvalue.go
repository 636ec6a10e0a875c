package project

import (
	"math"
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"gopkg.in/yaml.v3"
)

// Limits that keep a hostile or mistaken file from exhausting the machine.
const (
	// MaxNodes bounds the values one YAML document may expand to, counting
	// each use of an alias again: a "billion laughs" file stops here.
	MaxNodes = 1_000_000
	// MaxDepth bounds nesting.
	MaxDepth = 200
)

// Value converts a YAML node to plain Go values for templates:
// map[string]any, []any, string, int, float64, bool or nil. Dates are kept as
// the strings written ("2013-01-25"); the formatting functions parse them.
// Keys are kept as strings. path names the file for errors. A number that
// cannot be a figure (FigureProblem) is an error at its line.
func Value(path string, n *yaml.Node) (any, error) {
	c := converter{path: path, root: n}
	return c.value(n, 0)
}

// snapshotValue is Value for a snapshot, whose figures are
// format.Numbers carrying the places they were written with (so that
// 1.99 prints "1.99" and 2.50 "2.50"), and whose dates are checked as
// well: text written as a day must be a real one, and a series set's x
// must be what a chart can place (ReadX), so that a mistake is reported at
// its line in the snapshot rather than in the template or block that
// reads it.
func snapshotValue(path string, n *yaml.Node) (any, error) {
	c := converter{path: path, root: n, snapshot: true}
	return c.value(n, 0)
}

type converter struct {
	path     string
	root     *yaml.Node
	nodes    int
	aliases  bool // the aliases have been counted (checkAliases)
	snapshot bool // check dates (snapshotValue)
}

func (c *converter) value(n *yaml.Node, depth int) (any, error) {
	if n.Kind != yaml.AliasNode {
		// An alias is counted as the values it stands for, not as one
		// more (checkAliases counts so).
		c.nodes++
	}
	if c.nodes > MaxNodes {
		return nil, diag.Errorf(c.path, n.Line, n.Column, "too many values (more than %d, counting aliases each time they are used)", MaxNodes)
	}
	if depth > MaxDepth {
		return nil, diag.Errorf(c.path, n.Line, n.Column, "nested more than %d levels deep", MaxDepth)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.value(n.Content[0], depth+1)
	case yaml.AliasNode:
		if !c.aliases {
			c.aliases = true
			if err := checkAliases(c.path, c.root); err != nil {
				return nil, err
			}
		}
		return c.value(n.Alias, depth+1)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				return nil, diag.Errorf(c.path, k.Line, k.Column, "merge keys (<<) are not supported")
			}
			if k.Kind != yaml.ScalarNode {
				return nil, diag.Errorf(c.path, k.Line, k.Column, "a key must be plain text")
			}
			if _, dup := m[k.Value]; dup {
				return nil, diag.Errorf(c.path, k.Line, k.Column, "key %q is given twice", k.Value)
			}
			val, err := c.value(v, depth+1)
			if err != nil {
				return nil, err
			}
			if c.snapshot && k.Value == "x" {
				if err := checkSeriesX(c.path, n); err != nil {
					return nil, err
				}
			}
			m[k.Value] = val
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			val, err := c.value(e, depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, val)
		}
		return s, nil
	case yaml.ScalarNode:
		v := Scalar(n)
		if msg := figureProblem(n, v); msg != "" {
			return nil, diag.Errorf(c.path, n.Line, n.Column, "%s", msg)
		}
		if !c.snapshot {
			return v, nil
		}
		switch x := v.(type) {
		case string:
			if msg := dateProblem(x); msg != "" {
				return nil, diag.Errorf(c.path, n.Line, n.Column, "%s", msg)
			}
		case int:
			return format.Number{Value: float64(x)}, nil
		case float64:
			return format.Written(x, n.Value), nil
		}
		return v, nil
	}
	return nil, diag.Errorf(c.path, n.Line, n.Column, "unexpected YAML value")
}

// checkAliases counts the values a document expands to, each alias as
// many values as its anchor holds, without expanding them: a "billion
// laughs" file (ten aliases of ten aliases of ten …) is refused at the
// alias that passes MaxNodes, having cost a walk of the file's own nodes
// rather than the million values it would have been converted to first.
// It runs only for documents that use an alias.
func checkAliases(path string, root *yaml.Node) error {
	size := map[*yaml.Node]int{} // values under an anchor, MaxNodes+1 for "too many"
	var expanded func(n *yaml.Node, depth int) int
	expanded = func(n *yaml.Node, depth int) int {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if v, ok := size[n]; ok {
			return v // an anchor inside itself counts as 0: the nesting limit stops it
		}
		if depth > MaxDepth {
			return 0 // the converter reports the nesting at its place
		}
		size[n] = 0
		total := 1
		for _, c := range n.Content {
			total = min(total+expanded(c, depth+1), MaxNodes+1)
		}
		size[n] = total
		return total
	}
	count := 0
	var walk func(n *yaml.Node, depth int) error
	walk = func(n *yaml.Node, depth int) error {
		if depth > MaxDepth {
			return nil
		}
		if n.Kind == yaml.AliasNode {
			count += expanded(n.Alias, depth)
		} else {
			count++
		}
		if count > MaxNodes {
			return diag.Errorf(path, n.Line, n.Column, "too many values (more than %d, counting aliases each time they are used)", MaxNodes)
		}
		if n.Kind == yaml.AliasNode {
			return nil
		}
		for _, c := range n.Content {
			if err := walk(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(root, 0)
}

// Scalar converts one scalar node: ints and floats to numbers (an int that
// does not fit stays a float; -0.0 is 0), booleans and null as such,
// everything else (dates included) as the string written.
func Scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!int":
		s := strings.ReplaceAll(n.Value, "_", "")
		if i, err := strconv.ParseInt(s, 0, 64); err == nil && i >= math.MinInt && i <= math.MaxInt {
			return int(i)
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
		return n.Value
	case "!!float":
		var f float64
		if err := n.Decode(&f); err == nil {
			if f == 0 {
				f = 0 // not -0, which would print "-0"
			}
			return f
		}
		return n.Value
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
		return n.Value
	case "!!null":
		return nil
	}
	return n.Value
}

// Figure reads a numeric scalar as a figure with the decimal places it
// was written with ("2.50" prints "2.50"). ok is false as for Number.
func Figure(n *yaml.Node) (format.Number, bool) {
	x, ok := Number(n)
	if !ok {
		return format.Number{}, false
	}
	return format.Written(x, n.Value), true
}

// Number reads a numeric scalar as a figure. ok is false for anything else:
// quoted numbers (they are text), and .nan and .inf (YAML numbers, but not
// figures; a snapshot holding one is refused as it is read).
func Number(n *yaml.Node) (float64, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch v := Scalar(n).(type) {
	case int:
		return float64(v), true
	case float64:
		return v, !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	return 0, false
}
