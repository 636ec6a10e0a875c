package markdown

import (
	"runtime"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/yuin/goldmark/ast"
)

// fenceJob is one table or chart block, read from its data on another
// goroutine while the reader converts the text around it.
type fenceJob struct {
	kind    string
	content []byte
	pos     diag.Pos
	block   model.Block
	err     error
	done    chan struct{}
}

// fencesAhead starts reading the document's table and chart blocks, in
// order, on another goroutine, and returns them by node; nil when there is
// no processor to spare or nothing to read. The fence function reads only
// the block and the paper's snapshots, which nothing changes while the
// document is read, and the reader reports each result (and error) where
// it meets the block, so the document and its errors are the same as when
// each block is read in turn. On a one-paper build these blocks were a
// third of reading the Markdown, with the second processor idle.
func (r *reader) fencesAhead(root ast.Node) (jobs map[ast.Node]*fenceJob, finished chan struct{}) {
	if r.fence == nil || runtime.GOMAXPROCS(0) < 2 {
		return nil, nil
	}
	var order []*fenceJob
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fcb, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if kind := string(fcb.Language(r.src)); kind == "table" || kind == "chart" {
			if jobs == nil {
				jobs = map[ast.Node]*fenceJob{}
			}
			j := &fenceJob{kind: kind, content: r.linesText(fcb), pos: r.fencePos(fcb), done: make(chan struct{})}
			jobs[n] = j
			order = append(order, j)
		}
		return ast.WalkSkipChildren, nil
	})
	if len(order) == 0 {
		return nil, nil
	}
	finished = make(chan struct{})
	fence := r.fence
	go func() {
		defer close(finished)
		for _, j := range order {
			j.block, j.err = fence(j.kind, j.content, j.pos)
			close(j.done)
		}
	}()
	return jobs, finished
}

// fencePos is where a fence's content starts in the template: its first
// line, or the line after the opening fence when it is empty.
func (r *reader) fencePos(n *ast.FencedCodeBlock) diag.Pos {
	pos := r.nodePos(n)
	if n.Lines().Len() > 0 {
		pos = r.position(n.Lines().At(0).Start)
	} else {
		pos.Line++
	}
	return pos
}
