// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
)

// fpdfCidFontWidths is fpdf's /W builder as boardpaper had it before
// cidFontWidths was rewritten (boardpaper_widths.go), kept to check the
// rewrite against: a port of tFPDF's PHP, PHP arrays and all.
func fpdfCidFontWidths(font *fontDefType, LastRune int) string {
	rangeID := 0
	cidArray := make(map[int]*untypedKeyMap)
	cidArrayKeys := make([]int, 0)
	prevCid := -2
	prevWidth := -1
	interval := false
	startCid := 1
	cwLen := LastRune + 1

	// boardpaper: the characters written are those below 256 and the
	// document's others. fpdf looked each of the font's characters up in
	// usedRunes, some 8,000 map lookups a font; the list is the same, in
	// the same order.
	cids := make([]int, 0, 256+len(font.usedRunes))
	for cid := startCid; cid < cwLen && cid <= 255; cid++ {
		cids = append(cids, cid)
	}
	low := len(cids)
	for cid, numb := range font.usedRunes {
		if cid > 255 && cid < cwLen && numb != 0 {
			cids = append(cids, cid)
		}
	}
	slices.Sort(cids[low:])

	// for each character
	for _, cid := range cids {
		if font.Cw[cid] == 0x00 {
			continue
		}
		width := font.Cw[cid]
		if width == 65535 {
			width = 0
		}

		if cid == prevCid+1 {
			if width == prevWidth {

				if width == cidArray[rangeID].get(0) {
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].pop()
					rangeID = prevCid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]interface{}, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, prevWidth)
					cidArray[rangeID].put(nil, width)
				}
				interval = true
				cidArray[rangeID].put("interval", 1)
			} else {
				if interval {
					// new range
					rangeID = cid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]interface{}, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].put(nil, width)
				}
				interval = false
			}
		} else {
			rangeID = cid
			r := untypedKeyMap{
				valueSet: make([]int, 0),
				keySet:   make([]interface{}, 0),
			}
			cidArray[rangeID] = &r
			cidArrayKeys = append(cidArrayKeys, rangeID)
			cidArray[rangeID].put(nil, width)
			interval = false
		}
		prevCid = cid
		prevWidth = width

	}
	previousKey := -1
	nextKey := -1
	isInterval := false
	for g := 0; g < len(cidArrayKeys); {
		key := cidArrayKeys[g]
		ws := *cidArray[key]
		cws := len(ws.keySet)
		if (key == nextKey) && (!isInterval) && (ws.getIndex("interval") < 0 || cws < 4) {
			if cidArray[key].getIndex("interval") >= 0 {
				cidArray[key].delete("interval")
			}
			cidArray[previousKey] = arrayMerge(cidArray[previousKey], cidArray[key])
			cidArrayKeys = remove(cidArrayKeys, key)
		} else {
			g++
			previousKey = key
		}
		nextKey = key + cws
		// ui := ws.getIndex("interval")
		// ui = ui + 1
		if ws.getIndex("interval") >= 0 {
			if cws > 3 {
				isInterval = true
			} else {
				isInterval = false
			}
			cidArray[key].delete("interval")
			nextKey--
		} else {
			isInterval = false
		}
	}
	var w fmtBuffer
	for _, k := range cidArrayKeys {
		ws := cidArray[k]
		if len(arrayCountValues(ws.valueSet)) == 1 {
			w.printf(" %d %d %d", k, k+len(ws.valueSet)-1, ws.get(0))
		} else {
			w.printf(" %d [ %s ]\n", k, implode(" ", ws.valueSet))
		}
	}
	return "/W [" + w.String() + " ]"
}

// The /W line is the one fpdf wrote: for each face boardpaper embeds with
// random characters, and for made-up widths full of runs, repeats and
// zero-width and missing characters.
func TestWidthsAsFpdfWroteThem(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	check := func(font *fontDefType, lastRune int, what string) {
		t.Helper()
		if got, want := cidFontWidths(font, lastRune), fpdfCidFontWidths(font, lastRune); got != want {
			t.Fatalf("%s:\n got %q\nwant %q", what, got, want)
		}
	}
	for _, ttf := range [][]byte{liberationsansregular.TTF, liberationsansbold.TTF, liberationmonoregular.TTF, dejavusans.TTF} {
		f := New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("Face", "", ttf)
		font := f.fonts["face"]
		for i := 0; i < 200; i++ {
			font.usedRunes = map[int]int{}
			for n := r.Intn(150); n > 0; n-- {
				c := r.Intn(0x2700)
				if r.Intn(3) == 0 {
					c = 32 + r.Intn(400)
				}
				font.usedRunes[c] = c
			}
			check(&font, len(font.Cw)-1, "a real face")
			check(&font, 255+r.Intn(300), "a real face, cut short")
		}
	}
	for i := 0; i < 3000; i++ {
		n := 260 + r.Intn(400)
		cw := make([]int, n)
		kinds := 1 + r.Intn(4)
		for c := range cw {
			switch r.Intn(12) {
			case 0:
				cw[c] = 0 // no glyph
			case 1:
				cw[c] = 65535 // a glyph of no width
			default:
				cw[c] = 500 + 50*r.Intn(kinds)
			}
			if r.Intn(5) == 0 && c > 0 {
				cw[c] = cw[c-1] // a run
			}
		}
		font := fontDefType{Cw: cw, usedRunes: map[int]int{}}
		for m := r.Intn(120); m > 0; m-- {
			c := r.Intn(n)
			font.usedRunes[c] = c
			if r.Intn(4) == 0 {
				font.usedRunes[c] = 0 // a placeholder: not used
			}
		}
		check(&font, n-1-r.Intn(10), "made-up widths")
	}
}
