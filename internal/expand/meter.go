package expand

import (
	"errors"
	"fmt"
	"strconv"
	"sync/atomic"
	"text/template"
	"text/template/parse"

	"github.com/boardpaper/boardpaper/internal/format"
)

// Limits on the work of one expansion, counted rather than timed so that a
// runaway template stops at the same point on a fast machine and a busy
// one. A paper's expansion does a few thousand steps; these are far above
// that, and low enough that reaching them takes a fraction of a second.
var (
	// MaxSteps bounds the passes of every {{range}}, the {{template}}
	// calls and the list items the functions look at (sum, at, row…),
	// together. A paper prints a few hundred figures; a table of a
	// thousand rows would already run to twenty pages.
	MaxSteps = 100_000
	// MaxCallDepth bounds {{template}} calls inside {{template}} calls: a
	// paper's templates call one another two or three deep, and one that
	// calls itself reaches this at once, where Go's own limit (100,000
	// deep) cost 100 MB.
	MaxCallDepth = 100
	// MaxMade bounds the text made by printf, print, println, html, js and
	// urlquery, which is held before it is written: without it, a variable
	// doubled in a few dozen assignments fills memory before a byte of it
	// reaches the output limit.
	MaxMade = 4 << 20
)

// Parse inserts calls to these into the template (see meter.instrument);
// they print nothing.
const (
	stepFunc  = "__boardpaperStep"
	enterFunc = "__boardpaperEnter"
	leaveFunc = "__boardpaperLeave"
)

// internalFuncs are the inserted calls, whose names an author never wrote
// and must never see.
var internalFuncs = map[string]bool{stepFunc: true, enterFunc: true, leaveFunc: true, truthFunc: true, indexFunc: true}

// errStopped ends an expansion that passed TimeLimit.
var errStopped = errors.New("stopped: time limit")

// meter counts one expansion's work. An expansion runs on one goroutine,
// so only stop (set by Execute's timer) is shared. The limits are copied
// in when the expansion starts: one stopped by the time limit may still be
// winding down when the next starts, and reads nothing shared but stop.
type meter struct {
	steps, maxSteps int
	depth, maxDepth int
	made, maxMade   int
	stop            atomic.Bool
}

// start readies m for an expansion, with the limits as they are now.
func (m *meter) start() {
	m.maxSteps, m.maxDepth, m.maxMade = MaxSteps, MaxCallDepth, MaxMade
}

// step counts n units of work.
func (m *meter) step(n int) error {
	if m == nil {
		return nil
	}
	m.steps += n
	if m.steps > m.maxSteps {
		return fmt.Errorf("the template does more than %s steps of work as it is expanded (passes of {{range}}, template calls and list items looked at): is a {{range}} going over far more items than the paper has?", format.Count(float64(m.maxSteps)))
	}
	if m.stop.Load() {
		return errStopped
	}
	return nil
}

// makes counts text made by a function before it is written.
func (m *meter) makes(s string) (string, error) {
	if m == nil {
		return s, nil
	}
	m.made += len(s)
	if m.made > m.maxMade {
		return "", fmt.Errorf("the expressions make more than %d MB of text: is a variable doubled again and again, or a {{range}} going over far more items than the paper has?", m.maxMade>>20)
	}
	return s, m.step(1)
}

func (m *meter) enter(name string) (string, error) {
	m.depth++
	if m.depth > m.maxDepth {
		return "", fmt.Errorf("templates call each other without end ({{template %q}} is called inside itself, or inside a template it calls, more than %d deep)", name, m.maxDepth)
	}
	return "", m.step(1)
}

func (m *meter) leave() string {
	m.depth--
	return ""
}

// funcs is the template's functions with their work counted by m (nil
// counts nothing, for parsing), and the calls instrument inserts.
func (m *meter) funcs() template.FuncMap {
	fm := funcs(m)
	fm[stepFunc] = func() (string, error) { return "", m.step(1) }
	fm[enterFunc] = func(name string) (string, error) {
		if m == nil {
			return "", nil
		}
		return m.enter(name)
	}
	fm[leaveFunc] = func() string {
		if m == nil {
			return ""
		}
		return m.leave()
	}
	fm[truthFunc] = goTruth
	fm[indexFunc] = goIndex
	return fm
}

// instrument puts a step at the start of every {{range}} body and an enter
// and a leave around every {{template}} call, in n and the lists under it.
// text/template cannot be interrupted from outside, and Go's templates can
// {{range}} over an integer, so a body can loop for as long as it likes
// without writing anything: these calls fail once the work is done or the
// time is up, which ends the execution at the action that ran away. It
// also makes Go's own constructs judge figures as numbers (judgeFigures).
func instrument(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		nodes := make([]parse.Node, 0, len(n.Nodes))
		for _, c := range n.Nodes {
			t, ok := c.(*parse.TemplateNode)
			if !ok {
				instrument(c)
				nodes = append(nodes, c)
				continue
			}
			judgeFigures(t.Pipe, "")
			name := &parse.StringNode{NodeType: parse.NodeString, Pos: t.Pos, Quoted: strconv.Quote(t.Name), Text: t.Name}
			nodes = append(nodes, call(t.Pos, enterFunc, name), t, call(t.Pos, leaveFunc))
		}
		n.Nodes = nodes
	case *parse.ActionNode:
		judgeFigures(n.Pipe, "")
	case *parse.RangeNode:
		judgeFigures(n.Pipe, indexFunc)
		if n.List != nil {
			instrument(n.List)
			n.List.Nodes = append([]parse.Node{call(n.Pos, stepFunc)}, n.List.Nodes...)
		}
		instrument(n.ElseList)
	case *parse.IfNode:
		judgeFigures(n.Pipe, truthFunc)
		instrument(n.List)
		instrument(n.ElseList)
	case *parse.WithNode:
		judgeFigures(n.Pipe, truthFunc)
		instrument(n.List)
		instrument(n.ElseList)
	}
}

// call is the action {{fn args…}} at pos.
func call(pos parse.Pos, fn string, args ...parse.Node) *parse.ActionNode {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: &parse.PipeNode{
		NodeType: parse.NodePipe, Pos: pos,
		Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos,
			Args: append([]parse.Node{parse.NewIdentifier(fn).SetPos(pos)}, args...)}},
	}}
}
