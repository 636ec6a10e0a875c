package chart

import (
	"strings"
	"sync"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/math/fixed"
)

var defaultFont = sync.OnceValue(func() *truetype.Font {
	f, err := truetype.Parse(liberationsansregular.TTF)
	if err != nil {
		// The font is compiled into the binary: failing to parse it is a
		// broken build, not an input error.
		panic("chart: parsing Liberation Sans: " + err.Error())
	}
	return f
})

// DefaultFont is Liberation Sans Regular, the face charts are measured and
// drawn with unless a Style says otherwise. It is parsed once per process.
func DefaultFont() *truetype.Font { return defaultFont() }

// TextWidth is the advance width of s set in f at size points, in points.
//
// It sums each character's advance rounded to thousandths of an em and
// ignores kerning, which is exactly how fpdf places text: a label measured
// here ends where the PDF draws it, so nothing laid out from these widths
// overlaps on the page. (Browsers kern a little; the difference is a
// fraction of a point per label.)
func TextWidth(f *truetype.Font, size float64, s string) float64 {
	upem := f.FUnitsPerEm()
	unscaled := fixed.Int26_6(upem) // HMetric scales by scale/upem: this keeps font units
	var thousandths int64
	for _, r := range s {
		adv := int64(f.HMetric(unscaled, f.Index(r)).AdvanceWidth)
		thousandths += (adv*1000 + int64(upem)/2) / int64(upem)
	}
	return float64(thousandths) * size / 1000
}

// wrapWords breaks s into lines no wider than width points, breaking only
// between words. A word wider than width gets a line of its own; fits
// reports whether every line fits.
func wrapWords(f *truetype.Font, size float64, s string, width float64) (lines []string, fits bool) {
	fits = true
	var line string
	for _, word := range strings.Fields(s) {
		if TextWidth(f, size, word) > width {
			fits = false
		}
		if line == "" {
			line = word
			continue
		}
		if TextWidth(f, size, line+" "+word) <= width {
			line += " " + word
			continue
		}
		lines = append(lines, line)
		line = word
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines, fits
}

// maxWidth is the widest of labels.
func maxWidth(f *truetype.Font, size float64, labels []string) float64 {
	var w float64
	for _, l := range labels {
		w = max(w, TextWidth(f, size, l))
	}
	return w
}
