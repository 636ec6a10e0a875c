package expand

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/boardpaper/boardpaper/internal/format"
)

// eq, ne, lt, le, gt and ge replace Go's own, which compare numbers only
// of one Go type: `eq (add 1 1) 2` failed naming an internal type, and a
// comparison that worked on a whole-number snapshot failed when a decimal
// arrived. Here numbers compare by value whatever made them (a snapshot's
// figure, a number in the template, an arithmetic result, len's count),
// as format.Compare does; text compares as Go compares it (byte by byte,
// so in alphabetical order for plain letters); true/false and nothing
// (nil) compare for eq and ne only, as in Go.

// eq reports whether a equals any of bs, as Go's eq does.
func eq(a any, bs ...any) (bool, error) {
	if len(bs) == 0 {
		return false, errors.New("needs something to compare with")
	}
	for _, b := range bs {
		c, err := compare(a, b, false)
		if err != nil || c == 0 {
			return err == nil, err
		}
	}
	return false, nil
}

// comparison is ne, lt, le, gt or ge: whether the order of a against b
// (compare) is what holds says.
func comparison(ordered bool, holds func(c int) bool) func(a, b any) (bool, error) {
	return func(a, b any) (bool, error) {
		c, err := compare(a, b, ordered)
		return err == nil && holds(c), err
	}
}

// compare orders a against b: -1, 0 or +1. ordered is true for lt, le,
// gt and ge, which need an order, not only equality.
func compare(a, b any, ordered bool) (int, error) {
	_, aNum := numeric(a)
	_, bNum := numeric(b)
	if aNum && bNum {
		x, y, err := two(a, b)
		if err != nil {
			return 0, err
		}
		return format.Compare(x, y), nil
	}
	switch a := a.(type) {
	case string:
		if b, ok := b.(string); ok {
			return strings.Compare(a, b), nil
		}
	case bool:
		if b, ok := b.(bool); ok {
			if ordered {
				return 0, errors.New("true/false values have no order: compare numbers or text")
			}
			if a == b {
				return 0, nil
			}
			return 1, nil
		}
	}
	if !ordered && (a == nil || b == nil) {
		if a == b {
			return 0, nil
		}
		return 1, nil
	}
	msg := fmt.Sprintf("cannot compare %s with %s", describe(a), describe(b))
	if aNum || bNum {
		msg += `: text is not a number even when it looks like one (was a figure written in quotes in the snapshot?)`
	}
	return 0, errors.New(msg)
}

// truth is Go's truth of a template value ({{if}}, {{with}}, and, or,
// not), with a zero figure false: a format.Number is a struct, which Go
// counts as always true.
func truth(v any) bool {
	if n, ok := v.(format.Number); ok {
		return n.Value != 0
	}
	t, _ := template.IsTrue(v)
	return t
}

// goTruth is v as Go's {{if}}, {{with}}, and and or should judge it: v
// itself, except a zero figure, which is given to them as the plain 0
// that Go counts as false.
func goTruth(v any) any {
	if n, ok := v.(format.Number); ok && n.Value == 0 {
		return 0
	}
	return v
}

// goIndex is v as Go's index and slice take an index: a whole figure as
// an int (a snapshot's 2 counts items as Go's own 2 does).
func goIndex(v any) any {
	if n, ok := v.(format.Number); ok {
		if n.Whole() && format.Printable(n.Value) == nil {
			return int(n.Value)
		}
		return n.Value
	}
	return v
}

// The calls Parse inserts for goTruth and goIndex.
const (
	truthFunc = "__boardpaperTruth"
	indexFunc = "__boardpaperIndex"
)

// judgeFigures makes Go's own constructs see figures as Go numbers: and
// and or judge each argument through goTruth (they are not replaced, so
// that they still stop at the first argument that decides), and index
// and slice take their indexes through goIndex. last, when not "", is
// called on the pipeline's value: truthFunc for {{if}} and {{with}},
// indexFunc for {{range}} (which counts to a whole figure as to Go's
// int). These calls cannot fail, so no message is ever about one, and
// unwrapInserted takes them out of the actions messages quote.
func judgeFigures(p *parse.PipeNode, last string) {
	if p == nil {
		return
	}
	var cmds []*parse.CommandNode
	for i, c := range p.Cmds {
		for _, a := range c.Args {
			judgeArg(a)
		}
		name := ""
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
			name = id.Ident
		}
		switch name {
		case "and", "or":
			for j := 1; j < len(c.Args); j++ {
				c.Args[j] = wrap(truthFunc, c.Args[j])
			}
			if i > 0 {
				// The value piped in is and's or or's last argument.
				cmds = append(cmds, command(c.Pos, truthFunc))
			}
		case "index", "slice":
			for j := 2; j < len(c.Args); j++ {
				c.Args[j] = wrap(indexFunc, c.Args[j])
			}
			if i > 0 && len(c.Args) > 1 {
				cmds = append(cmds, command(c.Pos, indexFunc))
			}
		}
		cmds = append(cmds, c)
	}
	if last != "" {
		cmds = append(cmds, command(p.Pos, last))
	}
	p.Cmds = cmds
}

// judgeArg applies judgeFigures to the pipelines inside an argument.
func judgeArg(n parse.Node) {
	switch n := n.(type) {
	case *parse.PipeNode:
		judgeFigures(n, "")
	case *parse.ChainNode:
		judgeArg(n.Node)
	}
}

// wrap is the argument (fn arg).
func wrap(fn string, arg parse.Node) *parse.PipeNode {
	c := command(arg.Position(), fn)
	c.Args = append(c.Args, arg)
	return &parse.PipeNode{NodeType: parse.NodePipe, Pos: arg.Position(), Cmds: []*parse.CommandNode{c}}
}

// command is the command fn with no arguments, at pos.
func command(pos parse.Pos, fn string) *parse.CommandNode {
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos,
		Args: []parse.Node{parse.NewIdentifier(fn).SetPos(pos)}}
}
