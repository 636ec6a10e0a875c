package check

import "time"

// Bank holidays in England and Wales, for counting working days. The
// regular ones follow the rules of the Banking and Financial Dealings Act
// 1971 and royal proclamation (a holiday on a weekend moves to the next
// weekday); the one-off changes are listed.
var (
	// moved holidays: the regular date → the date actually kept.
	moved = map[string]string{
		"2012-05-28": "2012-06-04", // spring holiday moved for the Diamond Jubilee
		"2020-05-04": "2020-05-08", // early May holiday moved for VE Day
		"2022-05-30": "2022-06-02", // spring holiday moved for the Platinum Jubilee
	}
	// extra one-off holidays.
	extra = []string{
		"2012-06-05", // Diamond Jubilee
		"2022-06-03", // Platinum Jubilee
		"2022-09-19", // state funeral of Queen Elizabeth II
		"2023-05-08", // coronation of King Charles III
	}
)

// bankHolidays returns the year's bank holidays in England and Wales.
func bankHolidays(year int) map[string]bool {
	day := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, time.UTC) }
	out := map[string]bool{}
	add := func(t time.Time) {
		k := t.Format("2006-01-02")
		if m, ok := moved[k]; ok {
			k = m
		}
		out[k] = true
	}
	// New Year's Day, or the Monday after.
	ny := day(time.January, 1)
	for ny.Weekday() == time.Saturday || ny.Weekday() == time.Sunday {
		ny = ny.AddDate(0, 0, 1)
	}
	add(ny)
	easter := easterSunday(year)
	add(easter.AddDate(0, 0, -2)) // Good Friday
	add(easter.AddDate(0, 0, 1))  // Easter Monday
	add(firstMonday(day(time.May, 1)))
	add(lastMonday(day(time.May, 31)))
	add(lastMonday(day(time.August, 31)))
	// Christmas and Boxing Day, each moved to the next free weekday.
	taken := map[string]bool{}
	for _, d := range []time.Time{day(time.December, 25), day(time.December, 26)} {
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || taken[d.Format("2006-01-02")] {
			d = d.AddDate(0, 0, 1)
		}
		taken[d.Format("2006-01-02")] = true
		add(d)
	}
	for _, e := range extra {
		if e[:4] == day(time.January, 1).Format("2006") {
			out[e] = true
		}
	}
	return out
}

func firstMonday(t time.Time) time.Time {
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func lastMonday(t time.Time) time.Time {
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, -1)
	}
	return t
}

// easterSunday is the Gregorian Easter (the anonymous algorithm, as in
// Meeus).
func easterSunday(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dayOf := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), dayOf, 0, 0, 0, 0, time.UTC)
}

// workingDay reports whether t is a weekday that is not a bank holiday.
func workingDay(t time.Time) bool {
	if t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		return false
	}
	return !bankHolidays(t.Year())[t.Format("2006-01-02")]
}

// clearWorkingDays counts the working days strictly between from and to:
// "clear" days leave out both the day of publication and the day of the
// meeting.
func clearWorkingDays(from, to time.Time) int {
	n := 0
	for d := from.AddDate(0, 0, 1); d.Before(to); d = d.AddDate(0, 0, 1) {
		if workingDay(d) {
			n++
		}
	}
	return n
}

// clearDays counts the calendar days strictly between from and to.
func clearDays(from, to time.Time) int {
	n := 0
	for d := from.AddDate(0, 0, 1); d.Before(to); d = d.AddDate(0, 0, 1) {
		n++
	}
	return n
}
