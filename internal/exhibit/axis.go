package exhibit

import (
	"math"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
)

// axisIntervals is about how many intervals a value axis is divided into:
// enough to read a value off the chart in print and on screen, few enough
// that the labels of the smallest chart never crowd.
const axisIntervals = 5

// maxIntervals bounds the ticks of an axis, whatever its values: a nice
// step is at least a fifth of the range, so sane values give at most
// axisIntervals+2.
const maxIntervals = 100

// ValueAxis decides a chart's value axis from its values: round-number
// ticks about axisIntervals apart, written with thousands separators, from
// at or below the lowest value to at or above the highest, and through
// zero whenever the chart has bars (they are measured from it). Whole-number
// data never gets fractional ticks. It is decided here, once, so that the
// page's SVG and the PDF, drawn at different sizes, show the same axis.
func ValueAxis(c *model.Chart) model.Axis {
	lo, hi := math.Inf(1), math.Inf(-1)
	whole := true
	for _, s := range c.Series {
		for _, v := range s.Values {
			lo, hi = min(lo, v), max(hi, v)
			whole = whole && v == math.Trunc(v)
		}
	}
	if lo > hi { // no values
		lo, hi = 0, 0
	}
	if c.Type == model.ChartBar || c.Type == model.ChartBarLine {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	ticks, decimals := valueScale(lo, hi, whole, axisIntervals)
	labels := make([]string, len(ticks))
	for i, v := range ticks {
		labels[i] = format.Fixed(v, decimals)
	}
	return model.Axis{Ticks: ticks, Labels: labels}
}

// valueScale chooses round-number ticks from at or below lo to at or above
// hi, about target intervals apart. Whole-number data never gets
// fractional ticks. decimals is how many places the labels need.
func valueScale(lo, hi float64, wholeNumbers bool, target int) (ticks []float64, decimals int) {
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		// One value (or all equal): give it room above and below, or
		// above only when it sits on zero.
		pad := math.Abs(lo) * 0.1
		if pad == 0 {
			pad = 1
		}
		if lo == 0 {
			hi = pad
		} else {
			lo, hi = lo-pad, hi+pad
		}
	}
	step := niceStep((hi - lo) / float64(max(target, 1)))
	if wholeNumbers && step < 1 {
		step = 1
	}
	first := math.Floor(lo/step + 1e-9)
	last := math.Ceil(hi/step - 1e-9)
	if !(last-first <= maxIntervals) {
		// Only values a snapshot refuses (past 2^53, where lo and hi are
		// too far apart for any step to span in float64) come here: the
		// axis is its two ends rather than a loop without end.
		return []float64{lo, hi}, 0
	}
	for k := first; k <= last; k++ {
		ticks = append(ticks, k*step)
	}
	if step < 1 {
		decimals = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	return ticks, decimals
}

// niceStep is the smallest of 1, 2 or 5 times a power of ten that is at
// least raw.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}
