package format

import (
	"fmt"
	"strconv"
	"time"
)

// ParseDate reads a date as written in a snapshot or front matter:
// "2013-01-25", or "2013-01" for a month (monthOnly is then true and t is
// the first of the month). Times are UTC midnight.
func ParseDate(s string) (t time.Time, monthOnly bool, err error) {
	// The length picks the one layout to try: a failed time.Parse makes
	// an error, and snapshots hold many months.
	switch len(s) {
	case len("2006-01-02"):
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, false, nil
		}
	case len("2006-01"):
		if t, err := time.Parse("2006-01", s); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("%q is not a date (write YYYY-MM-DD or YYYY-MM)", s)
}

// Ordinal writes n with its English ordinal suffix: 1st, 2nd, 3rd, 4th,
// 11th, 12th, 13th, 21st, 111th.
func Ordinal(n int) string {
	suffix := "th"
	abs := n
	if abs < 0 {
		abs = -abs
	}
	if abs%100 < 11 || abs%100 > 13 {
		switch abs % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// LongDate writes a date as a paper does: "25th January 2013".
func LongDate(t time.Time) string {
	return Ordinal(t.Day()) + " " + t.Format("January 2006")
}

// MonthYear writes "January 2013".
func MonthYear(t time.Time) string { return t.Format("January 2006") }

// ShortMonth writes "Jan 2013", for chart axes where space is short.
func ShortMonth(t time.Time) string { return t.Format("Jan 2006") }

// ShortDay writes "30 Nov 2009", for chart points that share a month.
func ShortDay(t time.Time) string { return t.Format("2 Jan 2006") }
