package project

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/format"
	"gopkg.in/yaml.v3"
)

// FigureProblem says why a scalar written as a number cannot be a figure,
// or "" when it can (or is not a number at all). YAML's own spellings of
// "not a number" and infinity (.nan, .NaN, -.Inf, +.INF …) and the
// spellings Go reads as them (NaN, inf, -Infinity, unquoted) would print as
// "NaN" or "+Inf"; a number beyond format.MaxExact would print as another
// number, and one beyond float64 altogether (1e400) would be taken for
// text. Quoted, any of them is text the author meant.
func FigureProblem(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return figureProblem(n, Scalar(n))
}

// figureProblem is FigureProblem for the scalar n read as v (Scalar).
func figureProblem(n *yaml.Node, v any) string {
	switch v := v.(type) {
	case int:
		if v > format.MaxExact || v < -format.MaxExact {
			return tooLarge(n.Value)
		}
	case float64:
		switch {
		case math.IsNaN(v):
			return notANumber(n.Value)
		case math.IsInf(v, 0):
			return infinite(n.Value)
		case math.Abs(v) > format.MaxExact:
			return tooLarge(n.Value)
		}
	case string:
		tag := n.ShortTag()
		if tag == "!!int" || tag == "!!float" {
			return fmt.Sprintf("%s is marked as a number (%s) but is not one: write the figure, or \"n/a\" in quotes where there is none", n.Value, tag)
		}
		if n.Style != 0 || tag != "!!str" || !maybeNumber(v) {
			return ""
		}
		f, err := strconv.ParseFloat(v, 64)
		switch t := strings.TrimLeft(v, "+-"); {
		case math.IsNaN(f), t == "NaN" || t == "nan" || t == "NAN":
			return notANumber(n.Value)
		case errors.Is(err, strconv.ErrRange) && math.IsInf(f, 0):
			return tooLarge(n.Value)
		case err == nil && math.IsInf(f, 0):
			return infinite(n.Value)
		}
	}
	return ""
}

// maybeNumber is a quick test that s could be read by strconv.ParseFloat
// as NaN, an infinity or an overflowing number, so that ordinary text is
// not parsed. NaN and the infinities count in the spellings programs
// write them (NaN, nan, NAN, inf, Inf, INF, Infinity …), not in any mix
// of case: "Nan" may be a name.
func maybeNumber(s string) bool {
	s = strings.TrimLeft(s, "+-")
	if s == "" {
		return false
	}
	if c := s[0]; c >= '0' && c <= '9' || c == '.' {
		return true
	}
	switch s {
	case "NaN", "nan", "NAN", "inf", "Inf", "INF", "infinity", "Infinity", "INFINITY":
		return true
	}
	return false
}

func notANumber(written string) string {
	return fmt.Sprintf(`%s means "not a number", which no paper can print: write the figure, or "n/a" in quotes where there is none`, written)
}

func infinite(written string) string {
	return fmt.Sprintf(`%s means infinity, which no paper can print: write the figure, or "n/a" in quotes where there is none`, written)
}

func tooLarge(written string) string {
	return fmt.Sprintf("%s is too large to print exactly: a figure must be within %s either side of 0 (put a reference number, which is not a figure, in quotes)", written, format.Count(format.MaxExact))
}

// dateProblem says why text written as a day (YYYY-MM-DD) is not a real
// date, or "". A template reading it would fail at the template's line,
// far from the mistake.
func dateProblem(s string) string {
	if !dayShaped(s) {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return fmt.Sprintf("%q is not a real date", s)
	}
	return ""
}

// dayShaped reports whether s is written as YYYY-MM-DD, real or not.
func dayShaped(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}
