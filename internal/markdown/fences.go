package markdown

import (
	"bytes"
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
		if kind := string(fcb.Language(r.src)); (kind == "table" || kind == "chart") && r.fenceClosed(fcb) {
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

// fenceMark is the run of backticks or tildes that opens a fenced block
// ("```", "~~~~").
func (r *reader) fenceMark(n *ast.FencedCodeBlock) string {
	start := n.Pos()
	if start < 0 || start >= len(r.src) {
		return "```"
	}
	end := start
	for end < len(r.src) && r.src[end] == r.src[start] {
		end++
	}
	return string(r.src[start:end])
}

// fenceClosed reports whether a fenced block ends with a closing fence.
// CommonMark lets a fence run to the end of the document (or of the list
// item or quote it is in) when none closes it, which for a table or chart
// block reads the prose after it as the block's YAML. The closing fence,
// when there is one, is the line after the block's last line: as many or
// more of the same character, after the indentation and any "> " of the
// quote the block is in, and nothing but spaces after them.
func (r *reader) fenceClosed(n *ast.FencedCodeBlock) bool {
	mark := r.fenceMark(n)
	var end int
	if lines := n.Lines(); lines.Len() > 0 {
		end = lines.At(lines.Len() - 1).Stop
	} else if nl := bytes.IndexByte(r.src[max(n.Pos(), 0):], '\n'); nl >= 0 {
		end = max(n.Pos(), 0) + nl + 1
	} else {
		return false
	}
	if end > 0 && end <= len(r.src) && r.src[end-1] != '\n' {
		// The last line ran to the end of the text without a newline.
		return false
	}
	if end >= len(r.src) {
		return false
	}
	line := r.src[end:]
	if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	line = bytes.TrimLeft(line, " \t>")
	run := 0
	for run < len(line) && line[run] == mark[0] {
		run++
	}
	return run >= len(mark) && len(bytes.TrimRight(line[run:], " \t\r")) == 0
}
