package format

import (
	"errors"
	"fmt"
	"testing"
)

// w is a figure as a snapshot writes it.
func w(text string) Number {
	var v float64
	if _, err := fmt.Sscan(text, &v); err != nil {
		panic(err)
	}
	return Written(v, text)
}

func div(a, b Number) Number {
	q, err := a.Div(b)
	if err != nil {
		panic(err)
	}
	return q
}

func TestWrittenKeepsItsPlaces(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"1.99", "1.99"}, {"565.777", "565.777"}, {"17421", "17,421"}, {"2.50", "2.50"},
		{"6.0", "6.0"}, {"-2572", "-2,572"}, {"+1.5", "1.5"}, {".5", "0.5"},
		{"1.5e3", "1,500"}, {"2.5e-3", "0.0025"}, {"1.25E+1", "12.5"}, {"0.10", "0.10"},
		{"2039817225.85", "2,039,817,225.85"}, {"-0.04", "-0.04"},
	} {
		if got := Num(w(c.text)); got != c.want {
			t.Errorf("Num(%s) = %q, want %q", c.text, got, c.want)
		}
	}
	for text, places := range map[string]int{"17_421": 0, "0x1F": 0, "1_000.5_0": 2, "1e-300": maxCarried, "1e400": 0} {
		if got := writtenPlaces(text); got != places {
			t.Errorf("writtenPlaces(%s) = %d, want %d", text, got, places)
		}
	}
}

func TestFromFloat(t *testing.T) {
	for x, places := range map[float64]int{1.5: 1, 0.0835: 4, 12: 0, -815: 0, 1e-7: 7} {
		if got := FromFloat(x); got.Places != places || got.Value != x {
			t.Errorf("FromFloat(%v) = %+v, want %d places", x, got, places)
		}
	}
}

func TestArithmeticPlaces(t *testing.T) {
	for _, c := range []struct {
		name string
		n    Number
		want string
	}{
		{"add keeps the most places", w("1.99").Add(w("0.01")), "2.00"},
		{"add of a whole and a half", w("17421").Add(w("0.5")), "17,421.5"},
		{"add of pence", w("2.50").Add(w("1.50")), "4.00"},
		{"sub below zero", w("1").Sub(w("2")), "-1"},
		{"sub of hundredths", w("2.04").Sub(w("2.00")), "0.04"},
		{"float noise is gone", FromFloat(0.1).Add(FromFloat(0.2)), "0.3"},
		{"mul is the exact product", w("1.5").Mul(w("1.5")), "2.25"},
		{"mul of a rate", w("0.0835").Mul(w("100")), "8.35"},
		{"mul drops trailing zeros", w("2.50").Mul(w("3")), "7.5"},
		{"mul to a whole", w("2.5").Mul(w("4")), "10"},
		{"mul changes the unit", w("565.777").Mul(w("1000")), "565,777"},
		{"mul of a quotient", div(w("1"), w("3")).Mul(w("100")), "33.3"},
		{"div to one place", div(w("7"), w("2")), "3.5"},
		{"div whole", div(w("10"), w("2")), "5"},
		{"div recurring", div(w("1"), w("3")), "0.3"},
		{"div never whole-looking", div(w("396"), w("100")), "4.0"},
		{"div of decimals", div(w("0.3"), w("0.1")), "3"},
		{"add of a quotient and pence", div(w("1"), w("3")).Add(w("2.55")), "2.88"},
		{"add of a quotient and a whole", div(w("1"), w("3")).Add(w("2")), "2.3"},
		{"abs", w("-2.50").Abs(), "2.50"},
		{"rounded", w("1.99").Rounded(0), "2"},
		{"rounded half away", w("2.345").Rounded(2), "2.35"},
		{"rounded negative half away", w("-2.5").Rounded(0), "-3"},
		{"rounded to nothing is zero", w("-0.04").Rounded(1), "0.0"},
		{"rounded adds places", w("7").Rounded(2), "7.00"},
	} {
		if got := Num(c.n); got != c.want {
			t.Errorf("%s: %q, want %q (%+v)", c.name, got, c.want, c.n)
		}
	}
	if n := FromFloat(0.1).Add(FromFloat(0.2)); n.Value != 0.3 {
		t.Errorf("0.1+0.2 = %v, want exactly the float 0.3", n.Value)
	}
	if _, err := w("1").Div(w("0.00")); !errors.Is(err, ErrZeroDenominator) {
		t.Errorf("1/0: %v", err)
	}
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b Number
		want int
	}{
		{"whole", w("1"), w("2"), -1},
		{"trailing zeros are the same figure", w("2.50"), w("2.5"), 0},
		{"sum against its literal", FromFloat(0.1).Add(FromFloat(0.2)), FromFloat(0.3), 0},
		{"quotient against its value", div(w("0.3"), w("0.1")), w("3"), 0},
		{"a quotient just over", div(w("1004"), w("1000")), w("1"), 1},
		{"exact figures a penny apart at a trillion", w("1000000000000.01"), w("1000000000000"), 1},
		{"negative", w("-0.04"), w("0"), -1},
	} {
		if got := Compare(c.a, c.b); got != c.want {
			t.Errorf("%s: Compare = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestStyle(t *testing.T) {
	for _, c := range []struct {
		n    Number
		s    Style
		want string
	}{
		{w("-2572"), Style{}, "-2,572"},
		{w("-2572"), Style{Brackets: true}, "(2,572)"},
		{w("-0.2"), Style{Brackets: true}, "(0.2)"},
		{w("2572"), Style{Brackets: true}, "2,572"},
		// A small negative keeps its sign; nothing is plain 0.
		{w("-0.4"), Style{Fixed: true, Places: 0, Brackets: true}, "(0)"},
		{w("-0.4"), Style{Fixed: true, Places: 0}, "-0"},
		{w("-0.04"), Style{Fixed: true, Places: 1}, "-0.0"},
		{w("-400"), Style{Scale: Thousands, Brackets: true}, "(0)"},
		{w("0"), Style{Brackets: true}, "0"},
		{w("-1").Mul(w("0")), Style{Brackets: true}, "0"},
		{w("2.04").Sub(w("2.04")), Style{Fixed: true, Places: 1}, "0.0"},
		{div(w("1"), w("3")).Sub(div(w("2"), w("6"))), Style{}, "0"},
		{div(w("-1"), w("30")), Style{}, "-0.0"},
		// Money as finance teams write it.
		{w("565777000"), Style{Money: true, Scale: Millions}, "£565.8m"},
		{w("565777000"), Style{Money: true, Scale: Millions, Fixed: true, Places: 2}, "£565.78m"},
		{w("7.18"), Style{Money: true}, "£7.18"},
		{w("2.5"), Style{Money: true}, "£2.50"},
		{w("17421"), Style{Money: true}, "£17,421"},
		{w("0.2862"), Style{Money: true}, "£0.2862"},
		{w("2039817225.85"), Style{Money: true}, "£2,039,817,225.85"},
		{w("2039817225.85"), Style{Money: true, Scale: Billions}, "£2.0bn"},
		{w("14913450"), Style{Money: true, Scale: Thousands}, "£14,913k"},
		{w("-2572000"), Style{Money: true, Scale: Millions}, "-£2.6m"},
		{w("-2572000"), Style{Money: true, Scale: Millions, Brackets: true}, "(£2.6m)"},
		{div(w("1000"), w("3")), Style{Money: true}, "£333.33"},
		{div(w("1000"), w("4")), Style{Money: true}, "£250"},
		// A £'000 table: the exact pounds, scaled by moving the point and rounded once.
		{w("2572500"), Style{Scale: Thousands}, "2,573"},
		{w("2572499.99"), Style{Scale: Thousands}, "2,572"},
		{w("-2572500"), Style{Scale: Thousands, Brackets: true}, "(2,573)"},
		{w("1250000"), Style{Scale: Millions}, "1.3"},
		{w("999"), Style{Scale: Millions, Fixed: true, Places: 3}, "0.001"},
		{w("1.005"), Style{Fixed: true, Places: 2}, "1.01"},
	} {
		if got := c.s.Format(c.n); got != c.want {
			t.Errorf("%+v.Format(%v) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

func TestShownAddsUpAsPrinted(t *testing.T) {
	s := Style{Scale: Thousands}
	rows := []Number{w("1400"), w("1400"), w("1400")} // 1, 1, 1 in £'000; total 4
	var shown, exact Number
	for _, r := range rows {
		shown = shown.Add(s.Shown(r))
		exact = exact.Add(r)
	}
	if got, total := Num(shown), s.Format(exact); got != "3" || total != "4" {
		t.Errorf("rows shown add to %s, the total shows %s; want 3 and 4", got, total)
	}
	if n := s.Shown(w("-400")); n.Value != 0 || n.Places != 0 {
		t.Errorf("Shown(-400) in thousands = %+v", n)
	}
}

func TestScalesAndPlaces(t *testing.T) {
	for in, want := range map[string]Scale{"k": Thousands, "m": Millions, "bn": Billions, "£'000": Thousands, "£m": Millions} {
		if got, err := ParseScale(in); err != nil || got != want {
			t.Errorf("ParseScale(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"M", "", "thousands", "mn"} {
		if _, err := ParseScale(in); err == nil {
			t.Errorf("ParseScale(%q) took it", in)
		}
	}
	_, err := ParseScale("M")
	if want := `unknown scale "M": write "k" for thousands (£14,913k), "m" for millions (£565.8m) or "bn" for billions (£2.0bn)`; err.Error() != want {
		t.Errorf("ParseScale(M): %v", err)
	}
	if Thousands.Units() != "£'000" || Millions.Units() != "£m" || NoScale.Units() != "£" {
		t.Errorf("units: %s %s %s", Thousands.Units(), Millions.Units(), NoScale.Units())
	}
	for x, ok := range map[float64]bool{0: true, 2: true, 10: true, 2.5: false, -1: false, 11: false} {
		if p, err := Places(x); (err == nil) != ok || (ok && p != int(x)) {
			t.Errorf("Places(%v) = %d, %v", x, p, err)
		}
	}
	if _, err := Places(2.5); err == nil || err.Error() != "decimal places must be a whole number from 0 to 10, got 2.5" {
		t.Errorf("Places(2.5): %v", err)
	}
}

func TestBracketsAndSpoken(t *testing.T) {
	for in, want := range map[string]string{
		"-2,572": "(2,572)", "2,572": "2,572", "-£2.6m": "(£2.6m)", "-1.2%": "(1.2%)",
		"-0": "(0)", "(2,572)": "(2,572)", "£14,913k": "£14,913k",
	} {
		if got, err := Brackets(in); err != nil || got != want {
			t.Errorf("Brackets(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"hello", "", "-", "n/a", "2.", ",5", "(2", "£", "1.2.3"} {
		if got, err := Brackets(in); err == nil {
			t.Errorf("Brackets(%q) = %q, want an error", in, got)
		}
	}
	for in, want := range map[string]string{
		"(2,572)": "minus 2,572", "-2,572": "minus 2,572", "(0)": "minus 0", "(0.2)": "minus 0.2",
		"£565.8m": "£565.8 million", "(£14,913k)": "minus £14,913 thousand", "-£2.0bn": "minus £2.0 billion",
		"2,572": "2,572", "n/a": "n/a", "-1.2%": "minus 1.2%",
	} {
		if got := Spoken(in); got != want {
			t.Errorf("Spoken(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStringAndPrintf(t *testing.T) {
	got := fmt.Sprintf("%v %s %d %.1f %v %d %v", w("2.50"), w("17421"), w("17421"), w("2.50"), []any{w("1.0"), w("-0.04")}, w("1.5"), div(w("7"), w("3")))
	if want := "2.50 17421 17421 2.5 [1.0 -0.04] %!d(float64=1.5) 2.3"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestChange(t *testing.T) {
	for _, c := range []struct {
		a, b   Number
		places int
		want   string
	}{
		{w("1370"), w("1434"), -1, "rose by 64"},
		{w("1474"), w("1384"), -1, "fell by 90"},
		{w("1384"), w("1384"), -1, "did not change"},
		{w("-5"), w("5"), -1, "rose by 10"},
		{w("0"), w("1500"), -1, "rose by 1,500"},
		{w("36.1"), w("33.3"), -1, "fell by 2.8"},
		{FromFloat(0.1).Add(FromFloat(0.2)), w("0.3"), -1, "did not change"},
		// Judged at the places printed.
		{w("17.00"), w("17.04"), -1, "rose by 0.04"},
		{w("17.00"), w("17.04"), 1, "did not change"},
		{w("2.04"), w("2.06"), 1, "rose by 0.1"}, // printed 2.0 and 2.1
		{div(w("1"), w("3")), div(w("1.04"), w("3")), -1, "did not change"},
		{w("2.50"), w("3.00"), -1, "rose by 0.50"},
	} {
		if got := Change(c.a, c.b, c.places); got != c.want {
			t.Errorf("Change(%v, %v, %d) = %q, want %q", c.a, c.b, c.places, got, c.want)
		}
		want := map[byte]int{'r': 1, 'f': -1, 'd': 0}[c.want[0]]
		if got := Direction(c.a, c.b, c.places); got != want {
			t.Errorf("Direction(%v, %v, %d) = %d, want %d", c.a, c.b, c.places, got, want)
		}
	}
}
