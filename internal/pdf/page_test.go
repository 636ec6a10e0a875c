package pdf

import (
	"math"
	"testing"

	"github.com/boardpaper/boardpaper/internal/pdf/textset"
)

// TestWidowsAndOrphans places paragraphs near a page foot: a single line
// of a paragraph is never left at the foot or carried to the head.
func TestWidowsAndOrphans(t *testing.T) {
	if err := textset.Load(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		room, lines int // lines of room left, lines in the paragraph
		wantPage    int // page the paragraph ends on
		wantAfter   int // lines of it on that page
	}{
		{room: 1, lines: 1, wantPage: 1, wantAfter: 1},
		{room: 0, lines: 1, wantPage: 2, wantAfter: 1},
		{room: 1, lines: 4, wantPage: 2, wantAfter: 4}, // no orphan: all move
		{room: 2, lines: 3, wantPage: 2, wantAfter: 3}, // 2+1 would leave a widow
		{room: 3, lines: 3, wantPage: 1, wantAfter: 3}, // fits
		{room: 4, lines: 5, wantPage: 2, wantAfter: 2}, // 3 here, 2 there
		{room: 4, lines: 4, wantPage: 1, wantAfter: 4}, // fits
		{room: 2, lines: 6, wantPage: 2, wantAfter: 4}, // 2 here, 4 there
		{room: 5, lines: 6, wantPage: 2, wantAfter: 2}, // 4 here, not 5+1
		{room: 0, lines: 2, wantPage: 2, wantAfter: 2}, // nothing fits here
	} {
		w := newWriter(Options{})
		w.base = 11
		w.newPage()
		var ls []textset.Line
		for i := 0; i < c.lines; i++ {
			ls = append(ls, textset.Plain("line", textset.Style{Size: 11}, w.left))
		}
		h := ls[0].Height
		w.y = w.bottom - float64(c.room)*h - h/2 // half a line to spare
		w.flow(ls)
		after := int(math.Round((w.y - w.top) / h))
		if w.pdf.PageNo() == 1 {
			after = c.lines
		}
		if w.pdf.PageNo() != c.wantPage || after != c.wantAfter {
			t.Errorf("room %d, %d lines: ends on page %d with %d lines there; want page %d with %d",
				c.room, c.lines, w.pdf.PageNo(), after, c.wantPage, c.wantAfter)
		}
	}
}
