package format

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Number is a figure as a paper carries it: its value and the decimal
// places it prints with.
//
// A figure read from a snapshot keeps the places it was written with,
// trailing zeros included: 1.99 prints "1.99" (a council tax rise chosen
// to stay under 2% must never read "2.0"), 565.777 "565.777", 17421
// "17,421", and 2.50 "2.50", because a finance officer who writes pence
// means them. Arithmetic gives its result places by the rules of Add,
// Mul and Div, so that a paper's figures follow rules its authors can be
// told.
//
// Value is never rounded by printing. Arithmetic on exact figures (those
// read or written as decimals, and sums, differences and products of
// them) is made exact: the result is the float64 nearest the true
// decimal, so 0.1+0.2 is 0.3 and compares equal to it. A quotient, and
// arithmetic on one, is approximate: it carries a float's error, which
// Compare, Shown and the sign of a zero allow for.
type Number struct {
	Value float64
	// Places is the decimal places the figure prints with, or Auto.
	Places int
	approx bool
}

// Auto as Number.Places: one decimal place, or none when the figure is
// whole. It is what a quotient prints with ("div 7 2" is 3.5, "div 10 2"
// is 5), and what Count has always printed.
const Auto = -1

// MaxPlaces is the most decimal places an author may ask for.
const MaxPlaces = 10

// maxCarried bounds the places a figure carries, so that a snapshot's
// 1e-300 or a product of two long decimals does not print hundreds of
// zeros; a float64 holds no more than 17 significant digits in any case.
const maxCarried = 20

// Written is a figure read from a snapshot: its value, and the places of
// text, the figure as written ("2.50" has two, "17_421" and "0x1F" none,
// "1.5e3" none, "2.5e-3" four).
func Written(value float64, text string) Number {
	return Number{Value: value, Places: writtenPlaces(text)}
}

func writtenPlaces(s string) int {
	s = strings.TrimLeft(s, "+-")
	if len(s) > 1 && s[0] == '0' && strings.ContainsRune("xXoObB", rune(s[1])) {
		return 0
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	_, frac, _ := strings.Cut(mant, ".")
	p := len(frac) - strings.Count(frac, "_")
	if hasExp {
		// Atoi gives the nearest int for an exponent out of its range.
		e, _ := strconv.Atoi(strings.TrimPrefix(exp, "+"))
		p -= max(min(e, maxCarried), -maxCarried)
	}
	return max(0, min(p, maxCarried))
}

// FromFloat is x as a figure written in full: the places of the
// shortest decimal that reads back as x (1.5 has one, 0.0835 four, 12
// none). It is how a number written in a template, or given by Go code,
// becomes a figure.
func FromFloat(x float64) Number {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return Number{Value: x}
	}
	_, frac, _ := strings.Cut(plain(math.Abs(x)), ".")
	if x == 0 {
		x = 0 // not -0
	}
	return Number{Value: x, Places: min(len(frac), maxCarried)}
}

// inexact reports whether the figure may differ from the decimal it
// stands for by a float's error.
func (n Number) inexact() bool { return n.approx || n.Places < 0 }

// tolerance is how far apart two approximate figures of magnitude m may
// be and still be the same figure: a few units in the last of a
// float64's sixteen digits, far below anything a paper prints.
func tolerance(m float64) float64 { return 1e-12 * m }

// Whole reports whether the figure is a whole number, an approximate one
// allowing for a float's error (0.3/0.1 is 2.9999999999999996).
func (n Number) Whole() bool {
	if !n.inexact() {
		return n.Value == math.Trunc(n.Value)
	}
	return math.Abs(n.Value-math.Round(n.Value)) <= tolerance(max(1, math.Abs(n.Value)))
}

// Shown is the decimal places n prints with: its Places, or for Auto one
// place, none when it is whole.
func (n Number) Shown() int {
	switch {
	case n.Places >= 0:
		return n.Places
	case n.Whole():
		return 0
	}
	return 1
}

// negative reports whether n is below zero as a figure: an exact figure
// whenever its value is, however small (-0.04 printed with one place
// is "-0.0"); an approximate one only beyond a float's error, so that
// the difference of two equal quotients is not shown as "-0.0".
func (n Number) negative() bool {
	if n.inexact() {
		return n.Value < -1e-9
	}
	return n.Value < 0
}

// exactAt is the float64 nearest x written with places decimal places:
// what makes 0.1+0.2 exactly 0.3 once its places (one) are known.
func exactAt(x float64, places int) float64 {
	v, _ := strconv.ParseFloat(roundDecimal(plain(math.Abs(x)), places), 64)
	if x < 0 {
		v = -v
	}
	return v
}

// sumPlaces is the places of a sum or difference: the more of the two,
// Auto counting as more than none and less than one.
func sumPlaces(a, b int) int {
	switch {
	case a == Auto && b < 1:
		return Auto
	case b == Auto && a < 1:
		return Auto
	}
	return max(a, b)
}

// result makes the Number of arithmetic on a and b: approximate if either
// is, otherwise exact at its places.
func result(a, b Number, x float64, places int) Number {
	n := Number{Value: x, Places: places, approx: a.inexact() || b.inexact()}
	if !n.inexact() {
		n.Value = exactAt(x, places)
	}
	if n.Value == 0 {
		n.Value = 0 // not -0
	}
	return n
}

// Add is a + b with the places of the more precise: 1.99 + 0.01 is
// 2.00, 17421 + 0.5 is 17421.5.
func (a Number) Add(b Number) Number {
	return result(a, b, a.Value+b.Value, sumPlaces(a.Places, b.Places))
}

// Sub is a - b, with Add's places.
func (a Number) Sub(b Number) Number {
	return result(a, b, a.Value-b.Value, sumPlaces(a.Places, b.Places))
}

// Mul is a × b. The product of two exact figures is exact, with the
// places it needs and no trailing zeros: 1.5 × 1.5 is 2.25, 0.0835 × 100
// is 8.35, 2.50 × 3 is 7.5. A product with a quotient has Add's places.
func (a Number) Mul(b Number) Number {
	x := a.Value * b.Value
	if a.inexact() || b.inexact() {
		return result(a, b, x, sumPlaces(a.Places, b.Places))
	}
	s := roundDecimal(plain(math.Abs(x)), min(a.Places+b.Places, maxCarried))
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	_, frac, _ := strings.Cut(s, ".")
	return result(a, b, x, len(frac))
}

// Div is a ÷ b, approximate, printed with one place or none when whole
// (Auto): 7 ÷ 2 is 3.5, 10 ÷ 2 is 5, 1 ÷ 3 is 0.3. A zero b is
// ErrZeroDenominator.
func (a Number) Div(b Number) (Number, error) {
	if b.Value == 0 {
		return Number{}, ErrZeroDenominator
	}
	n := Number{Value: a.Value / b.Value, Places: Auto, approx: true}
	if n.Value == 0 {
		n.Value = 0
	}
	return n, nil
}

// Abs is |n|, with n's places.
func (n Number) Abs() Number {
	n.Value = math.Abs(n.Value)
	return n
}

// Rounded is n rounded half away from zero to places decimal places, as
// an exact figure with those places: 1.99 to 0 places is 2, 2.345 to 2 is
// 2.35. A figure rounded to nothing is zero, without a sign; printing
// without rounding (Style) keeps the sign of a small negative.
func (n Number) Rounded(places int) Number {
	v, _ := strconv.ParseFloat(roundDecimal(plain(math.Abs(n.Value)), places), 64)
	if n.Value < 0 && v != 0 {
		v = -v
	}
	return Number{Value: v, Places: places}
}

// Compare is -1, 0 or +1 as a is less than, equal to or more than b.
// Exact figures compare exactly (0.1+0.2 equals 0.3); an approximate one
// equals a figure within a float's error of it (0.3/0.1 equals 3).
func Compare(a, b Number) int {
	x, y := a.Value, b.Value
	switch {
	case x == y:
		return 0
	case (a.inexact() || b.inexact()) && math.Abs(x-y) <= tolerance(max(math.Abs(x), math.Abs(y))):
		return 0
	case x < y:
		return -1
	}
	return 1
}

// String writes n plainly, at its places, without thousands separators:
// "17421", "2.50", "-0.04". It is what {{ .Data.x }} prints.
func (n Number) String() string {
	if Printable(n.Value) != nil {
		return plain(n.Value)
	}
	s := roundDecimal(plain(math.Abs(n.Value)), n.Shown())
	if n.negative() {
		s = "-" + s
	}
	return s
}

// Format makes fmt (and so a template's printf) print n as String does
// for %v and %s, as a whole number for %d when it is one, and as its
// value for any other verb (%.2f).
func (n Number) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' || verb == 's' || verb == 'q':
		fmt.Fprintf(f, fmt.FormatString(f, verb), n.String())
	case verb == 'd' && n.Whole() && Printable(n.Value) == nil:
		fmt.Fprintf(f, fmt.FormatString(f, verb), int64(math.Round(n.Value)))
	default:
		fmt.Fprintf(f, fmt.FormatString(f, verb), n.Value)
	}
}

// Num writes n at its places with thousands separators: "17,421",
// "1.99", "2.50", "-2,572".
func Num(n Number) string { return Style{}.Format(n) }

// Direction is +1 when b is more than a as the two print at places
// decimal places, -1 when less, and 0 when they print the same. A
// negative places means as the figures print: the finer of their own
// places. So 17.00 to 17.04 printed with one place did not change, and
// 2.04 to 2.06 printed with one place (2.0 to 2.1) rose.
func Direction(a, b Number, places int) int {
	d, _ := difference(a, b, places)
	switch {
	case d.Value > 0:
		return 1
	case d.Value < 0:
		return -1
	}
	return 0
}

// difference is b - a as the two print at places (see Direction), and
// the places it is printed with.
func difference(a, b Number, places int) (Number, int) {
	if places < 0 {
		places = max(a.Shown(), b.Shown())
	}
	return b.Rounded(places).Sub(a.Rounded(places)), places
}

// Change says in words how a figure moved from a to b, judged and
// written at places as Direction judges: "rose by 64", "fell by 0.3",
// "did not change".
func Change(a, b Number, places int) string {
	d, p := difference(a, b, places)
	by := Style{Fixed: true, Places: p}.Format(d.Abs())
	switch {
	case d.Value > 0:
		return "rose by " + by
	case d.Value < 0:
		return "fell by " + by
	}
	return "did not change"
}
