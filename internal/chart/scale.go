package chart

import (
	"math"
)

// valueScale chooses the value axis: round-number ticks from at or below lo
// to at or above hi, about target intervals apart. Whole-number data never
// gets fractional ticks. decimals is how many places the labels need.
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
