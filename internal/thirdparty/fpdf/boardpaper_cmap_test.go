// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"slices"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
)

var testFonts = map[string][]byte{
	"LiberationSans-Regular":    liberationsansregular.TTF,
	"LiberationSans-Bold":       liberationsansbold.TTF,
	"LiberationSans-Italic":     liberationsansitalic.TTF,
	"LiberationSans-BoldItalic": liberationsansbolditalic.TTF,
	"LiberationMono-Regular":    liberationmonoregular.TTF,
	"LiberationMono-Bold":       liberationmonobold.TTF,
	"DejaVuSans":                dejavusans.TTF,
	"DejaVuSans-Bold":           dejavusansbold.TTF,
	"DejaVuSans-Oblique":        dejavusansoblique.TTF,
	"DejaVuSans-BoldOblique":    dejavusansboldoblique.TTF,
}

func parseTestFont(t *testing.T, ttf []byte, segments bool) *utf8FontFile {
	t.Helper()
	useCmapSegments = segments
	defer func() { useCmapSegments = true }()
	f := newUTF8Font(&fileReader{array: ttf})
	if err := f.parseFile(); err != nil {
		t.Fatal(err)
	}
	if segments && f.parsedCmap == nil {
		t.Fatal("the cmap's segments were not used")
	}
	return f
}

// The widths and glyphs read from the cmap's segments are those fpdf's
// maps give, for every character of every font boardpaper embeds, and the
// subsets cut from either parse are the same bytes.
func TestCmapSegmentsAsFpdfMaps(t *testing.T) {
	for name, ttf := range testFonts {
		t.Run(name, func(t *testing.T) {
			old := parseTestFont(t, ttf, false)
			cur := parseTestFont(t, ttf, true)
			if !slices.Equal(old.CharWidths, cur.CharWidths) {
				for r := range old.CharWidths {
					if old.CharWidths[r] != cur.CharWidths[r] {
						t.Fatalf("width of U+%04X: %d, fpdf's %d", r, cur.CharWidths[r], old.CharWidths[r])
					}
				}
			}
			if old.DefaultWidth != cur.DefaultWidth {
				t.Errorf("default width %v, fpdf's %v", cur.DefaultWidth, old.DefaultWidth)
			}
			for r := 0; r <= 0xFFFF; r++ {
				g, ok := cur.glyphOf(r)
				og, ook := old.parsedCharSymbols[r]
				if g != og || ok != ook {
					t.Fatalf("glyph of U+%04X: %d %v, fpdf's %d %v", r, g, ok, og, ook)
				}
			}
			used := map[int]int{}
			for _, r := range "Reducing the need for children to be looked after: £1,234 – 56% “quoted” ☐☒ ÀÉÎõü Ωλ 0123456789" {
				used[int(r)] = int(r)
			}
			cut := func(f *utf8FontFile) []byte {
				prep := *f
				prep.fileReader = &fileReader{array: ttf}
				oldMetrics, ok := prep.prepareCut()
				if !ok {
					t.Fatal("cannot cut")
				}
				return prep.cutFont(oldMetrics, used)
			}
			if !bytes.Equal(cut(old), cut(cur)) {
				t.Error("subsets differ")
			}
		})
	}
}

// A cmap whose segments overlap or are out of order is not searched: the
// parse falls back to fpdf's maps.
func TestCmapOrdered(t *testing.T) {
	for _, c := range []struct {
		starts, ends []int
		want         bool
	}{
		{[]int{32, 160, 0xFFFF}, []int{126, 255, 0xFFFF}, true},
		{[]int{32, 100}, []int{126, 255}, false}, // overlap
		{[]int{160, 32}, []int{255, 126}, false}, // out of order
		{[]int{32, 200}, []int{126, 150}, false}, // empty segment
	} {
		if got := (&cmap4{starts: c.starts, ends: c.ends}).ordered(); got != c.want {
			t.Errorf("%v-%v: ordered %v, want %v", c.starts, c.ends, got, c.want)
		}
	}
}
