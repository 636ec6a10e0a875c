package chart

import (
	"math"
	"slices"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
	gochart "github.com/wcharczuk/go-chart/v2"
)

// xKind says how points are placed along the x axis.
type xKind int

const (
	xCategory xKind = iota // text labels: one equal slot each, in order
	xMonth                 // YYYY-MM points: placed by month number
	xDay                   // dates: placed by day number, so gaps show
)

// xScale places a chart's points on the x axis. Positions are in axis
// units: slot number, month number (year*12 + month) or day number since
// 1970.
type xScale struct {
	kind   xKind
	pos    []float64
	order  []int   // point indexes by ascending position: lines join them so
	slot   float64 // the width a bar may take, in axis units
	lo, hi float64 // the axis range
}

func newXScale(c *model.Chart, bars bool) xScale {
	s := xScale{kind: xCategory}
	if c.IsTime {
		s.kind = xDay
		if c.Monthly {
			s.kind = xMonth
		}
	}
	s.pos = make([]float64, len(c.X))
	for i, p := range c.X {
		switch s.kind {
		case xCategory:
			s.pos[i] = float64(i)
		case xMonth:
			s.pos[i] = monthNumber(p.Time)
		case xDay:
			s.pos[i] = dayNumber(p.Time)
		}
	}
	s.order = make([]int, len(s.pos))
	for i := range s.order {
		s.order[i] = i
	}
	slices.SortStableFunc(s.order, func(a, b int) int {
		switch {
		case s.pos[a] < s.pos[b]:
			return -1
		case s.pos[a] > s.pos[b]:
			return 1
		}
		return 0
	})
	first, last := s.pos[s.order[0]], s.pos[s.order[len(s.order)-1]]

	// A bar's slot is the closest spacing of two points, so bars never
	// overlap; categories and months always have slots of 1.
	s.slot = 1
	if s.kind == xDay {
		s.slot = math.Inf(1)
		for i := 1; i < len(s.order); i++ {
			if gap := s.pos[s.order[i]] - s.pos[s.order[i-1]]; gap > 0 {
				s.slot = min(s.slot, gap)
			}
		}
		if math.IsInf(s.slot, 1) {
			s.slot = 30
		}
	}
	switch {
	case s.kind != xDay || bars:
		s.lo, s.hi = first-s.slot/2, last+s.slot/2
	default:
		// A line on a date axis: a little room at each end so the first
		// and last markers clear the axes.
		pad := max((last-first)*0.03, 1)
		if last == first {
			pad = 15
		}
		s.lo, s.hi = first-pad, last+pad
	}
	return s
}

func monthNumber(t time.Time) float64 { return float64(t.Year()*12 + int(t.Month()) - 1) }

func dayNumber(t time.Time) float64 {
	y, m, d := t.Date()
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// monthSteps are the tick intervals, in months, a time axis may use:
// months, quarters (Jan, Apr, Jul, Oct, so the financial year's quarters),
// half years and years, so ticks fall on the same months every year.
var monthSteps = []int{1, 3, 6, 12, 24, 60, 120, 240, 600}

// timeTicks labels a time axis domain points wide: ticks on the first of a
// month every k months, k the smallest step whose labels fit side by side.
// Labels never repeat because no two ticks share a month. Monthly data is
// labelled "Jan 2012" under the month's own point; dated data is labelled
// "Jan 2012" at the month's start, or "2012" at the year's start when the
// step is a year or more.
func (l *layout) timeTicks(domain int) []gochart.Tick {
	x := l.x
	perUnit := float64(domain) / (x.hi - x.lo)
	gap := l.axisFS
	for _, k := range monthSteps {
		ticks := l.monthTicks(k)
		if len(ticks) < 2 && k == monthSteps[0] {
			break // the data span less than a month or two: label points
		}
		if len(ticks) > 12 {
			continue
		}
		labels := make([]string, len(ticks))
		for i, t := range ticks {
			labels[i] = t.Label
		}
		need := maxWidth(l.font, l.axisFS, labels) + gap
		spacing := math.Inf(1)
		for i := 1; i < len(ticks); i++ {
			spacing = min(spacing, (ticks[i].Value-ticks[i-1].Value)*perUnit)
		}
		if spacing >= need {
			return ticks
		}
	}
	return l.pointTicks(domain)
}

// monthTicks are the ticks every k months inside the axis range.
func (l *layout) monthTicks(k int) []gochart.Tick {
	x := l.x
	var ticks []gochart.Tick
	layoutStr := "Jan 2006"
	if x.kind == xDay && k >= 12 {
		layoutStr = "2006"
	}
	// Month numbers covering the range; for a day axis a month's tick
	// sits on its first day.
	var m0, m1 int
	if x.kind == xMonth {
		m0, m1 = int(math.Ceil(x.lo)), int(math.Floor(x.hi))
	} else {
		lo := time.Unix(int64(math.Ceil(x.lo))*86400, 0).UTC()
		hi := time.Unix(int64(math.Floor(x.hi))*86400, 0).UTC()
		m0, m1 = lo.Year()*12+int(lo.Month())-1, hi.Year()*12+int(hi.Month())-1
		if lo.Day() != 1 {
			m0++
		}
	}
	for m := m0; m <= m1; m++ {
		if m%k != 0 {
			continue
		}
		t := time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC)
		v := float64(m)
		if x.kind == xDay {
			v = dayNumber(t)
		}
		ticks = append(ticks, gochart.Tick{Value: v, Label: t.Format(layoutStr)})
	}
	return ticks
}

// pointTicks labels the points themselves, every k-th so labels do not
// touch: for a time axis too short for month ticks.
func (l *layout) pointTicks(domain int) []gochart.Tick {
	x := l.x
	perUnit := float64(domain) / (x.hi - x.lo)
	labels := make([]string, len(l.c.X))
	for i, p := range l.c.X {
		labels[i] = p.Label
	}
	need := maxWidth(l.font, l.axisFS, labels) + l.axisFS
	k := 1
	for ; k < len(x.order); k++ {
		spacing := math.Inf(1)
		for i := k; i < len(x.order); i += k {
			spacing = min(spacing, (x.pos[x.order[i]]-x.pos[x.order[i-k]])*perUnit)
		}
		if spacing >= need {
			break
		}
	}
	var ticks []gochart.Tick
	prev := math.Inf(-1)
	for i := 0; i < len(x.order); i += k {
		idx := x.order[i]
		if x.pos[idx] == prev {
			continue // the same date twice: one label
		}
		prev = x.pos[idx]
		ticks = append(ticks, gochart.Tick{Value: x.pos[idx], Label: labels[idx]})
	}
	return ticks
}

// categoryAxis decides how text categories are labelled, given about how
// wide the plot will be. Labels are wrapped inside their own slot, up to
// four lines, at the axis size or a little smaller; when even that fails
// (many long labels) every k-th label is shown on one line.
func (l *layout) categoryAxis(plotWidth float64) {
	n := len(l.c.X)
	slot := plotWidth / float64(n)
	const maxLines = 4
	for size := l.axisFS; size >= minFontSize; size -= 0.5 {
		ticks := []gochart.Tick{{Value: -0.5}}
		most := 1
		ok := true
		for i, p := range l.c.X {
			lines, fits := wrapWords(l.font, size, p.Label, slot-4)
			if !fits || len(lines) > maxLines {
				ok = false
				break
			}
			most = max(most, len(lines))
			ticks = append(ticks, gochart.Tick{Value: float64(i) + 0.5, Label: joinLines(lines)})
		}
		if ok {
			l.catTicks, l.catBetween, l.catFS, l.catLines = ticks, true, size, most
			return
		}
	}
	labels := make([]string, n)
	for i, p := range l.c.X {
		labels[i] = p.Label
	}
	need := maxWidth(l.font, l.axisFS, labels) + l.axisFS
	k := max(1, int(math.Ceil(need/slot)))
	var ticks []gochart.Tick
	for i := 0; i < n; i += k {
		ticks = append(ticks, gochart.Tick{Value: float64(i), Label: labels[i]})
	}
	l.catTicks, l.catBetween, l.catFS, l.catLines = ticks, false, l.axisFS, 1
}

func joinLines(lines []string) string {
	s := ""
	for i, line := range lines {
		if i > 0 {
			s += "\n"
		}
		s += line
	}
	return s
}
