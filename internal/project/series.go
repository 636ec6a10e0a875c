package project

import (
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"gopkg.in/yaml.v3"
)

// XValue is one x value of a series set (a map with x and series), read
// as a chart places it.
type XValue struct {
	Label     string    // as written
	Time      time.Time // for a date
	MonthOnly bool      // a month (YYYY-MM) rather than a day
	IsDate    bool
}

var (
	// monthShaped matches text written as a month, real or not.
	monthShaped = lazyregexp.New(`^\d{4}-\d{2}$`)
	// dayMonthYear matches a date written the British way, 25/01/2013.
	dayMonthYear = lazyregexp.New(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
)

// ReadX reads a series set's x values: all dates (YYYY-MM-DD, or YYYY-MM
// for months) running forward in time, or all labels. A snapshot is
// checked with it as it is read, so that a bad x is reported at its line
// in the snapshot whether a chart or a template reads it; the chart reader
// uses it to place the points.
func ReadX(path string, xs []*yaml.Node) ([]XValue, error) {
	out := make([]XValue, len(xs))
	for i, x := range xs {
		if x.Kind == yaml.AliasNode {
			x = x.Alias
		}
		if x.Kind != yaml.ScalarNode {
			return nil, diag.Errorf(path, x.Line, x.Column, "an x value should be text, not %s", KindName(x))
		}
		s := x.Value
		if x.ShortTag() == "!!null" {
			s = ""
		}
		var t time.Time
		var monthOnly bool
		isDate := false
		if dayShaped(s) || monthShaped().MatchString(s) {
			var err error
			if t, monthOnly, err = format.ParseDate(s); err != nil {
				// Written as a date but not one (a 13th month, a 30th
				// of February): say so, rather than treat it as a label.
				return nil, diag.Errorf(path, x.Line, x.Column, "%q is not a real date", s)
			}
			isDate = true
		}
		if m := dayMonthYear().FindStringSubmatch(s); m != nil {
			fix := "YYYY-MM-DD"
			if d, err := time.Parse("2/1/2006", s); err == nil {
				fix = d.Format("2006-01-02")
			}
			return nil, diag.Errorf(path, x.Line, x.Column, "%q is written day/month/year: write a date as YYYY-MM-DD (%s)", s, fix)
		}
		out[i] = XValue{Label: s, Time: t, MonthOnly: monthOnly, IsDate: isDate}
		first, v := out[0], out[i]
		if v.IsDate != first.IsDate {
			kind := func(v XValue) string {
				if v.IsDate {
					return "a date"
				}
				return "a label"
			}
			return nil, diag.Errorf(path, x.Line, x.Column, "x mixes dates and labels: %q is %s but %q is %s; write every x as a date (YYYY-MM-DD or YYYY-MM) or every x as a label", first.Label, kind(first), s, kind(v))
		}
		if v.IsDate && v.MonthOnly != first.MonthOnly {
			return nil, diag.Errorf(path, x.Line, x.Column, "x mixes months and days: %q and %q; write every x as YYYY-MM-DD or every x as YYYY-MM", first.Label, s)
		}
		if v.IsDate && i > 0 && !t.After(out[i-1].Time) {
			return nil, diag.Errorf(path, x.Line, x.Column, "x dates must run forward in time: %s does not come after %s", s, out[i-1].Label)
		}
	}
	return out, nil
}

// checkSeriesX checks the x of a map that has x and series (a series
// set), when x is a list; anything else is left to the reader that needs
// the set.
func checkSeriesX(path string, set *yaml.Node) error {
	if mapGet(set, "series") == nil {
		return nil
	}
	x := mapGet(set, "x")
	if x.Kind == yaml.AliasNode {
		x = x.Alias
	}
	if x.Kind != yaml.SequenceNode {
		return nil
	}
	_, err := ReadX(path, x.Content)
	return err
}
