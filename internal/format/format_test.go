package format

import (
	"errors"
	"math"
	"testing"
	"time"
)

func TestCount(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{1414, "1,414"},
		{-815, "-815"},
		{-1234567, "-1,234,567"},
		{6000000, "6,000,000"},
		{3.5, "3.5"},
		{1234.5, "1,234.5"},
		{-1234.5, "-1,234.5"},
		{3.96, "4.0"},   // one decimal place, so it never reads as whole
		{0.25, "0.3"},   // half away from zero
		{-0.25, "-0.3"}, // and on the negative side
		{0.04, "0.0"},
		{-0.04, "0.0"}, // no "-0.0"
		{999.95, "1,000.0"},
		{math.Copysign(0, -1), "0"}, // negative zero (0 × -1) is plain 0
		{MaxExact, "9,007,199,254,740,992"},
	}
	for _, tt := range tests {
		if got := Count(tt.in); got != tt.want {
			t.Errorf("Count(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		in     float64
		places int
		want   string
	}{
		{6.25, 1, "6.3"},
		{6.35, 1, "6.4"}, // 6.35 is 6.3499999… as a float; rounded as written
		{-6.25, 1, "-6.3"},
		{2.5, 0, "3"},
		{-2.5, 0, "-3"},
		{0.0835 * 100, 1, "8.4"}, // 8.350000000000001 reads back as that, rounds up
		{9.96, 1, "10.0"},
		{99.5, 0, "100"},
		{7, 2, "7.00"},
		{1e-7, 2, "0.00"},
	}
	for _, tt := range tests {
		if got := Round(tt.in, tt.places); got != tt.want {
			t.Errorf("Round(%v, %d) = %q, want %q", tt.in, tt.places, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		a, b   float64
		places int
		want   string
	}{
		{1, 12, 1, "8.3%"},
		{122, 313, 0, "39%"},
		{197, 313, 0, "63%"},
		{90, 1444, 1, "6.2%"},
		{123, 1474, 1, "8.3%"},
		{1, 16, 1, "6.3%"}, // 6.25 exactly: half away from zero
		{-1, 16, 1, "-6.3%"},
		{167, 2000, 1, "8.4%"}, // 8.35: a*100/b keeps it exact
		{0, 5, 1, "0.0%"},
		{5, 5, 0, "100%"},
		{3, 2, 1, "150.0%"},
	}
	for _, tt := range tests {
		got, err := Percent(tt.a, tt.b, tt.places)
		if err != nil || got != tt.want {
			t.Errorf("Percent(%v, %v, %d) = %q, %v; want %q", tt.a, tt.b, tt.places, got, err, tt.want)
		}
	}
	if _, err := Percent(1, 0, 1); !errors.Is(err, ErrZeroDenominator) {
		t.Errorf("Percent(1, 0) error = %v, want ErrZeroDenominator", err)
	}
	// A share of a tiny figure can pass what prints exactly, or overflow.
	for _, b := range []float64{1e-300, 1e-320, -1e-10} {
		if got, err := Percent(MaxExact, b, 1); !errors.Is(err, ErrTooLarge) {
			t.Errorf("Percent(2^53, %g) = %q, %v; want ErrTooLarge", b, got, err)
		}
	}
	if got, err := Percent(math.Copysign(0, -1), 5, 1); err != nil || got != "0.0%" {
		t.Errorf("Percent(-0, 5) = %q, %v", got, err)
	}
}

// Printable refuses what a paper cannot print exactly: NaN, the
// infinities, and figures beyond 2^53, where float64 stops holding every
// whole number.
func TestPrintable(t *testing.T) {
	for x, want := range map[float64]error{
		0: nil, -MaxExact: nil, MaxExact: nil, 1.5: nil, math.Copysign(0, -1): nil,
		MaxExact + 2: ErrTooLarge, -MaxExact - 2: ErrTooLarge, 1e20: ErrTooLarge,
		math.Inf(1): ErrTooLarge, math.Inf(-1): ErrTooLarge, math.NaN(): ErrNotANumber,
	} {
		if err := Printable(x); err != want {
			t.Errorf("Printable(%g) = %v, want %v", x, err, want)
		}
	}
}

func TestShareRatioPercentCell(t *testing.T) {
	shares := []struct {
		n, total float64
		want     string
	}{
		{90, 1444, "90 (6.2%)"},
		{431, 1444, "431 (29.8%)"},
		{1444, 1444, "1,444 (100.0%)"},
		{0, 0, "0"}, // a row of zeros has no shares
		{math.Copysign(0, -1), 10, "0 (0.0%)"},
	}
	for _, tt := range shares {
		if got, err := Share(tt.n, tt.total); err != nil || got != tt.want {
			t.Errorf("Share(%v, %v) = %q, %v; want %q", tt.n, tt.total, got, err, tt.want)
		}
	}
	// Figures of both signs that nearly cancel leave a tiny total.
	if got, err := Share(4e15, 1e-3); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Share of a tiny total = %q, %v; want ErrTooLarge", got, err)
	}

	ratios := []struct {
		n, of float64
		want  string
	}{
		{155, 1414, "11.0% (155/1,414)"},
		{193, 1448, "13.3% (193/1,448)"},
		{381, 557, "68.4% (381/557)"},
		{0, 10, "0.0% (0/10)"},
	}
	for _, tt := range ratios {
		got, err := Ratio(tt.n, tt.of)
		if err != nil || got != tt.want {
			t.Errorf("Ratio(%v, %v) = %q, %v; want %q", tt.n, tt.of, got, err, tt.want)
		}
	}
	if _, err := Ratio(3, 0); !errors.Is(err, ErrZeroDenominator) {
		t.Errorf("Ratio(3, 0) error = %v, want ErrZeroDenominator", err)
	}

	cells := []struct {
		in   float64
		want string
	}{
		{11.3, "11.3%"},
		{7, "7.0%"},
		{10.65, "10.7%"},
		{-2.5, "-2.5%"},
		{1234.5, "1,234.5%"},
	}
	for _, tt := range cells {
		if got := PercentCell(tt.in); got != tt.want {
			t.Errorf("PercentCell(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		want      time.Time
		monthOnly bool
		bad       bool
	}{
		{in: "2013-01-25", want: time.Date(2013, 1, 25, 0, 0, 0, 0, time.UTC)},
		{in: "2012-03", want: time.Date(2012, 3, 1, 0, 0, 0, 0, time.UTC), monthOnly: true},
		{in: "2012-02-30", bad: true},
		{in: "2012-13", bad: true},
		{in: "25/01/2013", bad: true},
		{in: "March 2012", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		got, mo, err := ParseDate(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) || mo != tt.monthOnly || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, %v, %v; want %v, %v", tt.in, got, mo, err, tt.want, tt.monthOnly)
		}
	}
}

func TestOrdinalAndDates(t *testing.T) {
	ordinals := map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 10: "10th",
		11: "11th", 12: "12th", 13: "13th", 14: "14th", 21: "21st", 22: "22nd",
		23: "23rd", 31: "31st", 101: "101st", 111: "111th", 112: "112th",
		113: "113th", 121: "121st", 0: "0th"}
	for n, want := range ordinals {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	d := time.Date(2013, 1, 25, 0, 0, 0, 0, time.UTC)
	if got := LongDate(d); got != "25th January 2013" {
		t.Errorf("LongDate = %q", got)
	}
	if got := LongDate(time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)); got != "13th March 2013" {
		t.Errorf("LongDate(13 March) = %q", got)
	}
	if got := LongDate(time.Date(2012, 3, 31, 0, 0, 0, 0, time.UTC)); got != "31st March 2012" {
		t.Errorf("LongDate(31 March) = %q", got)
	}
	if got := MonthYear(d); got != "January 2013" {
		t.Errorf("MonthYear = %q", got)
	}
	if got := ShortMonth(d); got != "Jan 2013" {
		t.Errorf("ShortMonth = %q", got)
	}
	if got := ShortDay(time.Date(2009, 11, 30, 0, 0, 0, 0, time.UTC)); got != "30 Nov 2009" {
		t.Errorf("ShortDay = %q", got)
	}
}

func TestWords(t *testing.T) {
	tests := map[int]string{0: "zero", 1: "one", 7: "seven", 13: "thirteen",
		14: "fourteen", 19: "nineteen", 20: "twenty", 21: "twenty-one",
		40: "forty", 57: "fifty-seven", 99: "ninety-nine", 100: "one hundred"}
	for n, want := range tests {
		got, err := Words(n)
		if err != nil || got != want {
			t.Errorf("Words(%d) = %q, %v; want %q", n, got, err, want)
		}
	}
	for _, n := range []int{-1, 101, 1414} {
		if got, err := Words(n); err == nil {
			t.Errorf("Words(%d) = %q, want an error", n, got)
		}
	}
}

func TestTitleWords(t *testing.T) {
	tests := map[int]string{1: "One", 2: "Two", 6: "Six", 12: "Twelve",
		21: "Twenty-One", 100: "One Hundred", 101: "101", -3: "-3"}
	for n, want := range tests {
		if got := TitleWords(n); got != want {
			t.Errorf("TitleWords(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFixed(t *testing.T) {
	for _, c := range []struct {
		x      float64
		places int
		want   string
	}{
		{0, 0, "0"}, {1400, 0, "1,400"}, {-815, 0, "-815"}, {1234567, 0, "1,234,567"},
		{-0.0001, 0, "0"}, {math.Copysign(0, -1), 1, "0.0"}, {2500.5, 1, "2,500.5"}, {0.3, 1, "0.3"}, {2.25, 1, "2.3"},
	} {
		if got := Fixed(c.x, c.places); got != c.want {
			t.Errorf("Fixed(%g, %d) = %q, want %q", c.x, c.places, got, c.want)
		}
	}
}
