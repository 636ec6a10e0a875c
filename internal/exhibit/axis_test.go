package exhibit

import (
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
)

func TestValueScale(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		whole  bool
		want   string
	}{
		{0, 75, true, "0 20 40 60 80"},
		{1370, 1474, true, "1,350 1,400 1,450 1,500"},
		{0, 0, true, "0 1"},
		{-815, 300, true, "-1,000 -500 0 500"},
		{0, 0.31, false, "0.0 0.1 0.2 0.3 0.4"},
		{0, 3, true, "0 1 2 3"},
		{5, 5, true, "4 5 6"},
	} {
		ticks, dec := valueScale(tc.lo, tc.hi, tc.whole, 4)
		var got []string
		for _, v := range ticks {
			got = append(got, format.Fixed(v, dec))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("valueScale(%g, %g) = %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
}

func TestValueAxis(t *testing.T) {
	for _, tc := range []struct {
		typ    model.ChartType
		values []float64
		want   string
	}{
		// The chart of issue 18, whose axis topped out at 2,500 on the
		// page and 3,000 in the PDF.
		{model.ChartBarLine, []float64{1012, 2304, 1250, 1090}, "0 500 1,000 1,500 2,000 2,500"},
		{model.ChartLine, []float64{1370, 1434, 1474, 1384}, "1,350 1,400 1,450 1,500"},
		{model.ChartBar, []float64{41, 75}, "0 20 40 60 80"},
		{model.ChartBar, []float64{-815, 300}, "-1,000 -500 0 500"},
		{model.ChartBar, []float64{815, 300}, "0 200 400 600 800 1,000"},
		{model.ChartLine, []float64{0.12, 0.31}, "0.10 0.15 0.20 0.25 0.30 0.35"},
	} {
		c := &model.Chart{Type: tc.typ, Series: []model.Series{{Name: "n", Values: tc.values}}}
		a := ValueAxis(c)
		if len(a.Ticks) != len(a.Labels) {
			t.Fatalf("%v: %d ticks, %d labels", tc.values, len(a.Ticks), len(a.Labels))
		}
		if got := strings.Join(a.Labels, " "); got != tc.want {
			t.Errorf("%s %v: axis %q, want %q", tc.typ, tc.values, got, tc.want)
		}
	}
	// Values no snapshot holds, too far apart for any step: the axis is
	// its two ends, not a loop without end.
	c := &model.Chart{Type: model.ChartLine, Series: []model.Series{{Name: "n", Values: []float64{-1e308, 1e308}}}}
	if a := ValueAxis(c); len(a.Ticks) != 2 || a.Ticks[0] != -1e308 || a.Ticks[1] != 1e308 {
		t.Errorf("values ±1e308: ticks %v", a.Ticks)
	}
}
