package check

import (
	"testing"
	"time"
)

func TestBankHolidays(t *testing.T) {
	// From the published calendars of England and Wales.
	for year, want := range map[int][]string{
		2013: {"2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25", "2013-12-26"},
		2020: {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"},
		2021: {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"},
		2022: {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"},
		2026: {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"},
	} {
		got := bankHolidays(year)
		if len(got) != len(want) {
			t.Errorf("%d: %d holidays, want %d: %v", year, len(got), len(want), got)
		}
		for _, d := range want {
			if !got[d] {
				t.Errorf("%d: %s missing", year, d)
			}
		}
	}
}

func TestClearWorkingDays(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	for _, c := range []struct {
		from, to string
		want     int
	}{
		{"2013-03-05", "2013-03-13", 5}, // Wed 6th to Tue 12th
		{"2013-03-06", "2013-03-13", 4},
		{"2013-03-22", "2013-04-03", 5}, // Good Friday and Easter Monday do not count
		{"2013-03-13", "2013-03-13", 0},
	} {
		if got := clearWorkingDays(d(c.from), d(c.to)); got != c.want {
			t.Errorf("%s to %s: %d clear working days, want %d", c.from, c.to, got, c.want)
		}
	}
}
