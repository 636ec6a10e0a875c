// Package format writes figures and dates the way a council paper prints
// them: "1,414", "1.99", "8.3%", "90 (6.2%)", "11.0% (155/1,414)",
// "£565.8m", "(2,572)", "25th January 2013", "Table Two". Every function
// is pure, so HTML and PDF (and the template expressions that feed both)
// cannot disagree about a figure.
//
// A figure is a Number: its value and the decimal places it prints with,
// those it was written with in the snapshot or those the rules of its
// arithmetic give. Style prints one in a scale (£'000, £m), as money, or
// with a negative in brackets; Spoken words a printed figure for a screen
// reader.
//
// Rounding is half away from zero on the decimal value the figure stands
// for: 6.25 gives "6.3", -6.25 gives "-6.3". Binary floating point cannot
// hold 6.25-like values after arithmetic exactly (0.0835*100 is
// 8.349999…), so rounding works on the shortest decimal string that reads
// back as the same float64 (strconv's 'f', -1), not on the float itself.
// For shares, the percentage is computed as a*100/b — one division of exact
// integers for count data — so the float is the nearest one to the true
// ratio and its shortest decimal is the ratio itself whenever that is short.
package format

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrZeroDenominator is returned when a share or ratio is taken of zero.
var ErrZeroDenominator = errors.New("zero denominator")

// MaxExact is the largest figure a paper prints, either side of zero:
// 2^53, 9,007,199,254,740,992. Figures are held as float64, which holds
// every whole number up to 2^53 and only every second one above it, so
// 9007199254740993 written in a snapshot would be printed one less. No
// council figure comes near it (a budget in pence is twelve digits); a
// number beyond it is a reference number or a slip, and is refused rather
// than printed wrongly.
const MaxExact = 1 << 53

// ErrTooLarge is returned for a figure beyond MaxExact, infinite included.
var ErrTooLarge = errors.New("too large to print exactly (more than 9,007,199,254,740,992 either side of 0)")

// ErrNotANumber is returned for NaN, which arithmetic on figures never
// gives but a Go caller may pass.
var ErrNotANumber = errors.New("not a number (NaN)")

// Printable reports whether x can be printed as a figure: nil, or
// ErrNotANumber or ErrTooLarge.
func Printable(x float64) error {
	switch {
	case math.IsNaN(x):
		return ErrNotANumber
	case math.Abs(x) > MaxExact:
		return ErrTooLarge
	}
	return nil
}

// Count writes a count: "1,414", "-815"; a value that is not a whole number
// gets one decimal place ("3.5", "1,234.5", and "4.0" for 3.96, so a
// non-integer never passes for a whole number). Negative zero is "0".
func Count(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	if x == 0 {
		x = 0 // not -0
	}
	if x == math.Trunc(x) {
		return groupThousands(strconv.FormatFloat(x, 'f', 0, 64))
	}
	return groupThousands(Round(x, 1))
}

// Fixed writes x with exactly places decimal places and thousands
// separators: (1400, 0) is "1,400", (2.5, 1) is "2.5". Chart axes use it,
// where every tick has the same number of places.
func Fixed(x float64, places int) string {
	return groupThousands(Round(x, places))
}

// Round writes x with exactly places decimal places, rounding half away
// from zero on x's shortest decimal representation. A result that rounds
// to zero is written without a minus sign.
func Round(x float64, places int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	out := roundDecimal(plain(math.Abs(x)), places)
	if x < 0 && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}

// plain is the shortest decimal that reads back as x, without an
// exponent: 0.1 is "0.1", not 0.1000000000000000055…
func plain(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// roundDecimal rounds a plain unsigned decimal ("1234.5678") to exactly
// places decimal places, half away from zero.
func roundDecimal(s string, places int) string {
	intPart, frac, _ := strings.Cut(s, ".")
	digits := intPart + padRight(frac, places)
	// digits now holds the integer part and at least places fraction
	// digits; anything after them decides the rounding.
	keep := len(intPart) + places
	roundUp := len(digits) > keep && digits[keep] >= '5'
	digits = digits[:keep]
	if roundUp {
		digits = incrementDecimal(digits)
	}
	// incrementDecimal may have added a leading digit ("99" -> "100").
	split := len(digits) - places
	out := digits[:split]
	if places > 0 {
		out += "." + digits[split:]
	}
	return out
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat("0", n-len(s))
}

// incrementDecimal adds one to a string of decimal digits.
func incrementDecimal(d string) string {
	b := []byte(d)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// groupThousands puts commas into the integer part of a plain decimal
// string ("-1234.5" -> "-1,234.5").
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Percent writes a as a share of b with the given decimal places: (1, 12,
// 1) is "8.3%", (122, 313, 0) is "39%". A zero b is ErrZeroDenominator; a
// share too large to print (of a tiny b) is ErrTooLarge.
func Percent(a, b float64, places int) (string, error) {
	if b == 0 {
		return "", ErrZeroDenominator
	}
	p := a * 100 / b
	if err := Printable(p); err != nil {
		return "", err
	}
	return Round(p, places) + "%", nil
}

// PercentCell writes a value that is already a percentage: 11.3 is
// "11.3%", 7 is "7.0%" (cells in one column keep one decimal place).
func PercentCell(x float64) string {
	return groupThousands(Round(x, 1)) + "%"
}

// Share writes a count with its share of a row's total: "90 (6.2%)". When
// the total is zero (a row of zeros) there is no share to give and the
// count is written alone. A share too large to print (a row whose figures
// of both signs nearly cancel) is ErrTooLarge.
func Share(n, rowTotal float64) (string, error) {
	p, err := Percent(n, rowTotal, 1)
	if errors.Is(err, ErrZeroDenominator) {
		return Count(n), nil
	}
	if err != nil {
		return "", err
	}
	return Count(n) + " (" + p + ")", nil
}

// Ratio writes n out of "of" as a percentage with its figures:
// "11.0% (155/1,414)". A zero "of" is ErrZeroDenominator.
func Ratio(n, of float64) (string, error) {
	p, err := Percent(n, of, 1)
	if err != nil {
		return "", err
	}
	return p + " (" + Count(n) + "/" + Count(of) + ")", nil
}
