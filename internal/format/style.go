package format

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Scale is the unit a figure is printed in: as it is, or in thousands,
// millions or billions. A figure is always held in its own unit (pounds)
// and scaled only as it is printed, so totals and variances are worked
// out from the exact values and rounded once.
type Scale int

// The scales. NoScale is the zero value.
const (
	NoScale Scale = iota
	Thousands
	Millions
	Billions
)

var scales = [...]struct {
	name   string // as an author writes it in money's argument
	exp    int    // the power of ten it divides by
	places int    // the decimal places it prints with unless asked
	units  string // the units line of a money table
	word   string // how its letter is read aloud
}{
	NoScale:   {"", 0, 0, "£", ""},
	Thousands: {"k", 3, 0, "£'000", "thousand"},
	Millions:  {"m", 6, 1, "£m", "million"},
	Billions:  {"bn", 9, 1, "£bn", "billion"},
}

// ParseScale reads a scale as an author writes it: "k" for thousands
// (£14,913k), "m" for millions (£565.8m), "bn" for billions (£2.0bn), or
// as a table's units are headed: "£'000", "£m", "£bn".
func ParseScale(s string) (Scale, error) {
	for i := Thousands; i <= Billions; i++ {
		if s == scales[i].name || s == scales[i].units {
			return i, nil
		}
	}
	return NoScale, fmt.Errorf(`unknown scale %q: write "k" for thousands (£14,913k), "m" for millions (£565.8m) or "bn" for billions (£2.0bn)`, s)
}

// Units is the line a money table in this scale carries under its
// header or in its caption: "£'000", "£m", "£bn", and "£" unscaled.
func (s Scale) Units() string { return scales[s].units }

// Places is the decimal places a figure in this scale prints with unless
// asked for others, as finance teams write them: none in thousands
// (£14,913k, and 14,913 in a £'000 table), one in millions and billions
// (£565.8m, £2.0bn). Unscaled figures print with their own places (see
// Style), for which it is 0.
func (s Scale) Places() int { return scales[s].places }

// Style says how a figure is printed. The zero Style prints a figure as
// Num does: at its own places, with thousands separators and a minus.
type Style struct {
	// Scale divides the figure as it is printed: Thousands prints
	// 14,913,450 as 14,913 (and £14,913k with Money).
	Scale Scale
	// Money puts "£" before the figure and the scale's letter after it:
	// £7.18, £14,913k, £565.8m. Unscaled money has pence when the figure
	// has any decimals (2.5 is £2.50), none when it is whole (£17,421).
	Money bool
	// Brackets writes a negative figure in brackets, (2,572) rather than
	// -2,572, as finance tables do.
	Brackets bool
	// Fixed prints Places decimal places rather than the default: the
	// figure's own when unscaled, the scale's (Scale.Places) when scaled.
	Fixed  bool
	Places int
}

// places is the decimal places s prints n with.
func (s Style) places(n Number) int {
	switch {
	case s.Fixed:
		return s.Places
	case s.Scale != NoScale:
		return s.Scale.Places()
	}
	p := n.Shown()
	if s.Money && p == 1 {
		return 2 // £2.50, never £2.5
	}
	return p
}

// digits is n's size as s prints it, scaled and rounded, without sign or
// separators. Scaling moves the decimal point of n's exact decimal, so
// that 2,572,500 in thousands is 2,572.5 exactly and rounds to 2,573.
func (s Style) digits(n Number) string {
	d := plain(math.Abs(n.Value))
	if e := scales[s.Scale].exp; e > 0 {
		d = shiftLeft(d, e)
	}
	return roundDecimal(d, s.places(n))
}

// shiftLeft divides a plain unsigned decimal by 10^e by moving its point.
func shiftLeft(d string, e int) string {
	intPart, frac, _ := strings.Cut(d, ".")
	if len(intPart) <= e {
		intPart = strings.Repeat("0", e-len(intPart)+1) + intPart
	}
	point := len(intPart) - e
	return intPart[:point] + "." + intPart[point:] + frac
}

// Format prints n in style s: "17,421", "(2,572)", "£565.8m",
// "-£0.3m". A negative figure that rounds to nothing keeps its sign,
// "(0)" or "-0.0": a variance of -£400 in a £'000 column is a small
// negative, not nil, and is written as the finance officer's own
// spreadsheet writes it. Only a figure that is zero prints "0".
func (s Style) Format(n Number) string {
	if Printable(n.Value) != nil {
		return plain(n.Value)
	}
	body := groupThousands(s.digits(n))
	if s.Money {
		body = "£" + body + scales[s.Scale].name
	}
	switch {
	case !n.negative():
		return body
	case s.Brackets:
		return "(" + body + ")"
	}
	return "-" + body
}

// Shown is n as s prints it, as a figure in the scale's unit: 2,572,499
// in thousands is 2,572 with no places. Summing the figures a table shows
// and comparing the sum with the total it shows says whether the table
// needs a note that its figures may not add up because of rounding.
func (s Style) Shown(n Number) Number {
	v, _ := strconv.ParseFloat(s.digits(n), 64)
	if n.negative() && v != 0 {
		v = -v
	}
	return Number{Value: v, Places: s.places(n)}
}

// Places reads decimal places an author asked for: a whole number from 0
// to MaxPlaces.
func Places(x float64) (int, error) {
	if x != math.Trunc(x) || x < 0 || x > MaxPlaces {
		return 0, fmt.Errorf("decimal places must be a whole number from 0 to %d, got %s", MaxPlaces, plain(x))
	}
	return int(x), nil
}

// Brackets rewrites a printed figure's minus as brackets: "-2,572" is
// "(2,572)", "-£2.6m" "(£2.6m)", "-0.2" "(0.2)"; a figure without a minus
// is returned as it is. Text that is not a figure as this package prints
// it is an error.
func Brackets(printed string) (string, error) {
	neg, body, ok := splitPrinted(printed)
	switch {
	case !ok:
		return "", fmt.Errorf("%q is not a printed figure", printed)
	case neg:
		return "(" + body + ")", nil
	}
	return printed, nil
}

// Spoken is a printed figure as a screen reader should read it, for a
// table cell's accessible label: the minus or the brackets said as
// "minus" ("(2,572)" and "-2,572" are "minus 2,572"; "(0)" is "minus 0")
// and a scale's letter as its word ("£565.8m" is "£565.8 million").
// Text that is not a printed figure is returned as it is.
func Spoken(printed string) string {
	neg, body, ok := splitPrinted(printed)
	if !ok {
		return printed
	}
	if strings.HasPrefix(body, "£") {
		for _, sc := range scales[Thousands:] {
			if f, cut := strings.CutSuffix(body, sc.name); cut {
				body = f + " " + sc.word
				break
			}
		}
	}
	if neg {
		return "minus " + body
	}
	return body
}

// splitPrinted reads a figure as this package prints it ("2,572",
// "-2,572", "(2,572)", "£7.18", "(£565.8m)", "-1.2%"): whether it is
// negative, and the figure without its sign or brackets.
func splitPrinted(s string) (neg bool, body string, ok bool) {
	body = s
	if in, cut := strings.CutPrefix(s, "("); cut {
		if in, cut = strings.CutSuffix(in, ")"); !cut {
			return false, "", false
		}
		neg, body = true, in
	} else if in, cut := strings.CutPrefix(s, "-"); cut {
		neg, body = true, in
	}
	digits := strings.TrimPrefix(body, "£")
	for _, suffix := range []string{"bn", "m", "k", "%"} {
		if d, cut := strings.CutSuffix(digits, suffix); cut {
			digits = d
			break
		}
	}
	intPart, frac, hasPoint := strings.Cut(digits, ".")
	if intPart == "" || intPart[0] == ',' || (hasPoint && frac == "") {
		return false, "", false
	}
	for i, c := range intPart + frac {
		if c < '0' || c > '9' {
			if c != ',' || i >= len(intPart) {
				return false, "", false
			}
		}
	}
	return neg, body, true
}
