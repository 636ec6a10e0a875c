package chart

import (
	"fmt"
	"math"
	"strconv"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// DefaultColours are the series colours used when a Style gives none: the
// shipped layouts' palette, each at least 3:1 against white.
var DefaultColours = []string{"#1d4f91", "#c05600", "#2b7a3b", "#6f3e8f"}

// Colours of the chart furniture. Text and axes are near-black and dark
// grey so they read at small sizes; grid lines are light because they only
// guide the eye.
var (
	white      = drawing.Color{R: 255, G: 255, B: 255, A: 255}
	textColour = drawing.Color{R: 0x0b, G: 0x0c, B: 0x0c, A: 255}
	axisColour = drawing.Color{R: 0x50, G: 0x5a, B: 0x5f, A: 255}
	gridColour = drawing.Color{R: 0xdd, G: 0xdd, B: 0xdd, A: 255}
)

// minContrast is WCAG 2.1's minimum contrast for graphical objects (1.4.11).
const minContrast = 3.0

// parseColour reads "#rrggbb" or "#rgb".
func parseColour(s string) (drawing.Color, error) {
	hex := s
	if len(hex) > 0 && hex[0] == '#' {
		hex = hex[1:]
	}
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	if len(hex) != 6 {
		return drawing.Color{}, fmt.Errorf("chart colour %q: want #rrggbb", s)
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return drawing.Color{}, fmt.Errorf("chart colour %q: want #rrggbb", s)
	}
	return drawing.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

// seriesColours parses the palette and darkens any colour too light to
// reach 3:1 against the white background, so a layout cannot make a series
// unreadable by mistake.
func seriesColours(hexes []string) ([]drawing.Color, error) {
	if len(hexes) == 0 {
		hexes = DefaultColours
	}
	out := make([]drawing.Color, len(hexes))
	for i, h := range hexes {
		c, err := parseColour(h)
		if err != nil {
			return nil, err
		}
		for contrast(c, white) < minContrast {
			c = drawing.Color{R: uint8(float64(c.R) * 0.9), G: uint8(float64(c.G) * 0.9), B: uint8(float64(c.B) * 0.9), A: 255}
		}
		out[i] = c
	}
	return out, nil
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b drawing.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG's relative luminance.
func luminance(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// hexColour writes c as "#rrggbb".
func hexColour(c drawing.Color) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
