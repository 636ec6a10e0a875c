package chart

import (
	"math"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// look is how one series is drawn. Series are told apart by more than
// colour: bars by fill pattern, lines by dash pattern and marker shape.
type look struct {
	colour  drawing.Color
	bar     bool
	pattern int       // bars: patternSolid, patternHatch, patternStripes, patternOutline
	dash    []float64 // lines: nil for solid
	marker  int       // lines: markerCircle, markerSquare, markerTriangle, markerDiamond
	markers bool      // lines: draw a marker at each point
}

const (
	patternSolid = iota
	patternHatch
	patternStripes
	patternOutline
	patternCount
)

const (
	markerCircle = iota
	markerSquare
	markerTriangle
	markerDiamond
	markerCount
)

// lineDashes are the dash patterns, in points, of the first, second, …
// line of a chart.
var lineDashes = [][]float64{nil, {6, 3}, {2, 2.5}, {8, 3, 2, 3}}

// Drawing sizes in points at a 12 pt body size; layout scales them.
const (
	lineWidth    = 2.0
	markerRadius = 3.2
	hatchSpacing = 4.0
	axisWidth    = 1.0
	maxBarWidth  = 48.0
)

// barSeries draws one series of bars. go-chart's own bar series either
// needs a BarChart (which scales from the data's minimum, not zero) or, as
// HistogramSeries, overflows the plot; this one draws each bar inside its
// slot from zero to the value, beside the other bar series of its group.
type barSeries struct {
	name        string
	x           *xScale
	values      []float64
	look        look
	group, of   int     // this series' place among the chart's bar series
	widthOfSlot float64 // share of the slot the group of bars takes
	scale       float64 // the layout's size scale
}

// Both series kinds plot against the left-hand value axis, which go-chart
// calls its secondary axis (its primary one is drawn on the right).
func (s *barSeries) GetName() string             { return s.name }
func (s *barSeries) GetYAxis() gochart.YAxisType { return gochart.YAxisSecondary }
func (s *barSeries) GetStyle() gochart.Style     { return gochart.Style{} }
func (s *barSeries) Validate() error             { return nil }

// unitsToPoints is how many points one x axis unit spans.
func unitsToPoints(xr gochart.Range) float64 { return float64(xr.GetDomain()) / xr.GetDelta() }

// Render draws the bars.
func (s *barSeries) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	perUnit := unitsToPoints(xr)
	// A bar wider than maxBarWidth (one point, or a few) reads as an area,
	// not a bar.
	each := min(s.x.slot*s.widthOfSlot*perUnit/float64(s.of), maxBarWidth*s.scale)
	total := each * float64(s.of)
	zero := float64(box.Bottom - yr.Translate(0))
	for i, v := range s.values {
		centre := float64(box.Left) + (s.x.pos[i]-xr.GetMin())*perUnit
		left := math.Round(centre - total/2 + float64(s.group)*each)
		right := math.Round(centre - total/2 + float64(s.group+1)*each)
		if right-left < 1 {
			right = left + 1
		}
		top := float64(box.Bottom - yr.Translate(v))
		lo, hi := min(zero, top), max(zero, top)
		drawBar(r, s.look, int(left), int(lo), int(right), int(hi), s.scale)
	}
}

// drawBar draws one bar (or a legend swatch) in the series' pattern.
func drawBar(r gochart.Renderer, lk look, left, top, right, bottom int, scale float64) {
	r.ResetStyle()
	if bottom-top < 1 {
		return
	}
	if lk.pattern == patternSolid {
		r.SetFillColor(lk.colour)
		rect(r, left, top, right, bottom)
		r.Fill()
		return
	}
	r.SetFillColor(white)
	r.SetStrokeColor(lk.colour)
	r.SetStrokeWidth(axisWidth * scale)
	switch lk.pattern {
	case patternHatch:
		// Lines at 45° (x - y = c), clipped to the bar by hand because the
		// renderers have no clipping.
		step := math.Max(2, math.Round(hatchSpacing*scale))
		w, h := float64(right-left), float64(bottom-top)
		for c := step / 2; c < w+h; c += step {
			// the line through (left + c, bottom) going up and right
			x0, y0 := c, 0.0
			if x0 > w {
				y0 = x0 - w
				x0 = w
			}
			x1, y1 := c-h, h
			if x1 < 0 {
				y1 = c
				x1 = 0
			}
			r.MoveTo(left+int(math.Round(x0)), bottom-int(math.Round(y0)))
			r.LineTo(left+int(math.Round(x1)), bottom-int(math.Round(y1)))
		}
		r.Stroke()
	case patternStripes:
		step := int(math.Max(2, math.Round(hatchSpacing*scale)))
		for y := bottom - step; y > top; y -= step {
			r.MoveTo(left, y)
			r.LineTo(right, y)
		}
		r.Stroke()
	}
	r.SetStrokeWidth(1.5 * axisWidth * scale)
	rect(r, left, top, right, bottom)
	r.Stroke()
	r.ResetStyle()
}

func rect(r gochart.Renderer, left, top, right, bottom int) {
	r.MoveTo(left, top)
	r.LineTo(right, top)
	r.LineTo(right, bottom)
	r.LineTo(left, bottom)
	r.Close()
}

// lineSeries draws one series as a line through its points, in x order,
// with a marker at each point when there are few enough to tell apart.
type lineSeries struct {
	name   string
	x      *xScale
	values []float64
	look   look
	scale  float64
}

func (s *lineSeries) GetName() string             { return s.name }
func (s *lineSeries) GetYAxis() gochart.YAxisType { return gochart.YAxisSecondary }
func (s *lineSeries) GetStyle() gochart.Style     { return gochart.Style{} }
func (s *lineSeries) Validate() error             { return nil }

func (s *lineSeries) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	perUnit := unitsToPoints(xr)
	pts := make([][2]int, 0, len(s.values))
	for _, i := range s.x.order {
		x := float64(box.Left) + (s.x.pos[i]-xr.GetMin())*perUnit
		pts = append(pts, [2]int{int(math.Round(x)), box.Bottom - yr.Translate(s.values[i])})
	}
	r.ResetStyle()
	if len(pts) > 1 {
		r.SetStrokeColor(s.look.colour)
		r.SetStrokeWidth(lineWidth * s.scale)
		r.SetStrokeDashArray(scaled(s.look.dash, s.scale))
		r.MoveTo(pts[0][0], pts[0][1])
		for _, p := range pts[1:] {
			r.LineTo(p[0], p[1])
		}
		r.Stroke()
	}
	if s.look.markers || len(pts) == 1 {
		for _, p := range pts {
			drawMarker(r, s.look, p[0], p[1], s.scale)
		}
	}
	r.ResetStyle()
}

func scaled(v []float64, k float64) []float64 {
	if v == nil {
		return nil
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x * k
	}
	return out
}

// drawMarker draws the series' marker centred on (x, y), filled, with a
// thin white edge so markers stay distinct where lines cross.
func drawMarker(r gochart.Renderer, lk look, x, y int, scale float64) {
	r.ResetStyle()
	r.SetFillColor(lk.colour)
	r.SetStrokeColor(white)
	r.SetStrokeWidth(0.75 * scale)
	m := markerRadius * scale
	at := func(dx, dy float64) (int, int) {
		return x + int(math.Round(dx*m)), y + int(math.Round(dy*m))
	}
	switch lk.marker {
	case markerCircle:
		r.ArcTo(x, y, m, m, 0, math.Pi)
		r.ArcTo(x, y, m, m, math.Pi, math.Pi)
	case markerSquare:
		x0, y0 := at(-0.9, -0.9)
		x1, y1 := at(0.9, 0.9)
		rect(r, x0, y0, x1, y1)
	case markerTriangle:
		r.MoveTo(at(0, -1.2))
		r.LineTo(at(1.1, 0.8))
		r.LineTo(at(-1.1, 0.8))
	case markerDiamond:
		r.MoveTo(at(0, -1.3))
		r.LineTo(at(1.1, 0))
		r.LineTo(at(0, 1.3))
		r.LineTo(at(-1.1, 0))
	}
	r.Close()
	r.FillStroke()
	r.ResetStyle()
}

// drawLineSwatch draws a legend sample of a line series: a short stretch of
// its line with its marker in the middle.
func drawLineSwatch(r gochart.Renderer, lk look, left, right, y int, scale float64) {
	r.ResetStyle()
	r.SetStrokeColor(lk.colour)
	r.SetStrokeWidth(lineWidth * scale)
	r.SetStrokeDashArray(scaled(lk.dash, scale))
	r.MoveTo(left, y)
	r.LineTo(right, y)
	r.Stroke()
	if lk.markers {
		drawMarker(r, lk, (left+right)/2, y, scale)
	}
}
