// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"slices"
	"strconv"
)

// widthRun is one entry of a CIDFont's /W array as cidFontWidths builds it:
// the widths of consecutive characters from start, and whether they were
// first found as an interval (a run of one width), which decides how runs
// are merged.
type widthRun struct {
	start    int
	widths   []int
	interval bool
}

// cidFontWidths returns a subset's "/W [...]" line for LastRune and the
// runes font used (and every character below 256).
//
// boardpaper: rewritten from fpdf's port of tFPDF's PHP, which kept each
// run in an imitation of a PHP array (interface keys searched one by one,
// an "interval" flag stored as one of its elements): a fifth of making a
// subset. The runs are found and merged by the same rules, so the line is
// the same, byte for byte (TestWidthsAsFpdfWroteThem checks it against
// the old code for every face boardpaper embeds and random characters and
// widths).
func cidFontWidths(font *fontDefType, LastRune int) string {
	cwLen := LastRune + 1
	cids := make([]int, 0, 256+len(font.usedRunes))
	for cid := 1; cid < cwLen && cid <= 255; cid++ {
		cids = append(cids, cid)
	}
	low := len(cids)
	for cid, numb := range font.usedRunes {
		if cid > 255 && cid < cwLen && numb != 0 {
			cids = append(cids, cid)
		}
	}
	slices.Sort(cids[low:])

	// Runs of consecutive characters. Two or more of one width start an
	// interval run (taking the previous character from the run it
	// ended); a change of width after an interval starts a new run.
	var runs []*widthRun
	var cur *widthRun
	prevCid, prevWidth, interval := -2, -1, false
	for _, cid := range cids {
		width := font.Cw[cid]
		if width == 0 {
			continue
		}
		if width == 65535 {
			width = 0
		}
		switch {
		case cid != prevCid+1:
			cur = &widthRun{start: cid, widths: []int{width}}
			runs = append(runs, cur)
			interval = false
		case width == prevWidth:
			if width == cur.widths[0] {
				cur.widths = append(cur.widths, width)
			} else {
				cur.widths = cur.widths[:len(cur.widths)-1]
				cur = &widthRun{start: prevCid, widths: []int{prevWidth, width}}
				runs = append(runs, cur)
			}
			interval = true
			cur.interval = true
		case interval:
			cur = &widthRun{start: cid, widths: []int{width}}
			runs = append(runs, cur)
			interval = false
		default:
			cur.widths = append(cur.widths, width)
		}
		prevCid, prevWidth = cid, width
	}

	// A run that continues the one before is merged into it, unless
	// either is an interval of more than two characters. An interval
	// counted its flag as one of its elements, hence the +1 and -1.
	kept := runs[:0]
	nextStart, prevLong := -1, false
	for _, r := range runs {
		count := len(r.widths)
		if r.interval {
			count++
		}
		if r.start == nextStart && !prevLong && (!r.interval || count < 4) {
			last := kept[len(kept)-1]
			last.widths = append(last.widths, r.widths...)
		} else {
			kept = append(kept, r)
		}
		nextStart = r.start + count
		prevLong = r.interval && count > 3
		if r.interval {
			nextStart--
		}
	}

	b := make([]byte, 0, 64+6*len(cids))
	b = append(b, "/W ["...)
	for _, r := range kept {
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(r.start), 10)
		if allEqual(r.widths) {
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(r.start+len(r.widths)-1), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(r.widths[0]), 10)
			continue
		}
		b = append(b, " [ "...)
		for i, w := range r.widths {
			if i > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(w), 10)
		}
		b = append(b, " ]\n"...)
	}
	b = append(b, " ]"...)
	return string(b)
}

// allEqual reports whether ws holds one value, however many times.
func allEqual(ws []int) bool {
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws[1:] {
		if w != ws[0] {
			return false
		}
	}
	return true
}
