package pdf

import (
	"runtime"
	"sync/atomic"

	"github.com/boardpaper/boardpaper/internal/model"
)

// ahead lays out, on another goroutine, the paragraphs the paginator will
// set in the text column at body size (nearly all of a paper's text), in
// document order, so that when a processor is free (a one-paper build, once
// the HTML is written) the paginator finds their lines ready. Each
// paragraph is laid out once, by whichever of the two reaches it first, and
// its lines are the same either way: setting text reads only the text, the
// faces and the document's link destinations, all fixed before layout
// starts.
type ahead struct {
	ts    textStyle
	box   lineBox
	texts []aheadText
	index map[*model.Inline]int // by the text's first inline
	stop  atomic.Bool
	ended chan struct{} // closed when the goroutine returns
}

// aheadText is one paragraph's text and, once laid out, its lines.
type aheadText struct {
	in    []model.Inline
	state atomic.Int32
	done  chan struct{} // closed when a layout ahead is finished
	lines []line
}

// States of an aheadText.
const (
	aheadWaiting int32 = iota
	aheadBusy          // being laid out ahead
	aheadDone          // laid out ahead; lines set
	aheadTaken         // the paginator has it (or sets it itself)
)

// layAhead starts laying out doc's body paragraphs; nil when there is no
// processor to spare.
func (w *writer) layAhead(doc *model.Document) *ahead {
	if runtime.GOMAXPROCS(0) < 2 {
		return nil
	}
	col := w.textColumn()
	a := &ahead{ts: w.body(), box: lineBox{x: col.x, width: col.width}, index: map[*model.Inline]int{}}
	for _, s := range doc.Sections() {
		for _, b := range s.Blocks {
			if p, ok := b.(*model.Para); ok && len(p.Inlines) > 0 {
				a.index[&p.Inlines[0]] = len(a.texts)
				a.texts = append(a.texts, aheadText{in: p.Inlines})
			}
		}
	}
	if len(a.texts) == 0 {
		return nil
	}
	for i := range a.texts {
		a.texts[i].done = make(chan struct{})
	}
	// The goroutine sees only what setting text reads, not the writer, so
	// it holds nothing of the PDF being made.
	links := &writer{dest: w.dest, noteDest: w.noteDest}
	a.ended = make(chan struct{})
	go func() {
		defer close(a.ended)
		for i := range a.texts {
			if a.stop.Load() {
				return
			}
			t := &a.texts[i]
			if !t.state.CompareAndSwap(aheadWaiting, aheadBusy) {
				continue
			}
			t.lines = breakLines(words(links.runs(t.in, a.ts, nil, nil)), a.box, a.ts.size)
			t.state.Store(aheadDone)
			close(t.done)
		}
	}()
	return a
}

// take returns the lines laid out ahead for in, set in ts and box, waiting
// if they are being laid out; ok is false if the paginator must lay the
// text out itself. A text's lines are handed out once (the paginator
// changes them).
func (a *ahead) take(in []model.Inline, ts textStyle, box lineBox) (lines []line, ok bool) {
	if a == nil || len(in) == 0 || ts != a.ts || box != a.box {
		return nil, false
	}
	i, found := a.index[&in[0]]
	if !found || len(a.texts[i].in) != len(in) {
		return nil, false
	}
	t := &a.texts[i]
	if t.state.CompareAndSwap(aheadWaiting, aheadTaken) {
		return nil, false
	}
	if t.state.Load() == aheadTaken {
		return nil, false
	}
	<-t.done
	lines, t.lines = t.lines, nil
	t.state.Store(aheadTaken)
	return lines, true
}

// finish stops laying out ahead, once the document is written, and waits
// for the goroutine to return (at most the paragraph it is setting), so no
// work of a document outlives it.
func (a *ahead) finish() {
	if a != nil {
		a.stop.Store(true)
		<-a.ended
	}
}
