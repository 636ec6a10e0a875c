package chart

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// SVGWidth and SVGHeight are the SVG canvas size in user units. The SVG is
// drawn at width 100% and scales to the column, so text in it is set at
// Style.FontSize units on a canvas SVGWidth units wide.
const (
	SVGWidth  = 600
	SVGHeight = 340
)

// fontFamily is what SVG text asks for: the face the chart was measured
// with, then its metric-compatible stand-ins.
const fontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif"

// SVG returns c as an inline SVG element for an HTML page: role="img",
// labelled by its <title> (the chart's title, or its exhibit label) and
// described by its <desc> (c.Summary), with ids derived from the chart's
// id, a viewBox and width 100% so it scales with the column. All text is
// escaped.
func SVG(c *model.Chart, st Style) ([]byte, error) {
	return svgSized(c, st, SVGWidth, SVGHeight)
}

func svgSized(c *model.Chart, st Style, width, height float64) ([]byte, error) {
	sr := &svgRenderer{Pen: Pen{DPI: DPI}}
	provider := func(w, h int) (gochart.Renderer, error) {
		sr.width, sr.height = w, h
		return sr, nil
	}
	if err := Draw(c, st, provider, width, height, io.Discard); err != nil {
		return nil, err
	}

	id := svgID(c)
	title := c.Title
	if title == "" {
		title = c.Label
	}
	if title == "" {
		title = "Chart"
	}
	// The model words the description once (internal/exhibit), so the
	// SVG says what the page's text alternative says.
	desc := c.Summary
	if desc == "" {
		desc = title
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img" aria-labelledby="%s-title %s-desc" font-family="%s">`,
		sr.width, sr.height, id, id, fontFamily)
	b.WriteString("\n")
	fmt.Fprintf(&b, "<title id=\"%s-title\">%s</title>\n", id, escapeXML(title))
	fmt.Fprintf(&b, "<desc id=\"%s-desc\">%s</desc>\n", id, escapeXML(desc))
	b.Write(sr.body.Bytes())
	b.WriteString("</svg>")
	return b.Bytes(), nil
}

// svgID is the prefix of the SVG's element ids: the chart's own id, or for
// a chart without one a hash of what it shows, so ids stay stable from
// build to build.
func svgID(c *model.Chart) string {
	base := c.Attr.ID
	if base == "" {
		h := fnv.New32a()
		io.WriteString(h, c.Title)
		for _, p := range c.X {
			io.WriteString(h, "\x00"+p.Label)
		}
		for _, s := range c.Series {
			io.WriteString(h, "\x00"+s.Name)
		}
		base = fmt.Sprintf("chart-%08x", h.Sum32())
	}
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String() + "-svg"
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// escapeXML escapes text for SVG content and attributes. Control
// characters XML cannot hold become spaces.
func escapeXML(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return ' '
		}
		return r
	}, s)
	return xmlEscaper.Replace(s)
}

// svgRenderer is a go-chart Renderer that writes SVG elements. go-chart's
// own SVG writer neither escapes text nor keeps fractional stroke widths,
// and repeats the font on every element; this one does all three.
type svgRenderer struct {
	width, height int
	body          bytes.Buffer

	Pen
	font         *truetype.Font
	path         []string
	lastX, lastY float64
}

func (s *svgRenderer) SetFont(f *truetype.Font) { s.font = f }
func (s *svgRenderer) MoveTo(x, y int)          { s.moveTo(float64(x), float64(y)) }
func (s *svgRenderer) LineTo(x, y int)          { s.lineTo(float64(x), float64(y)) }
func (s *svgRenderer) Close()                   { s.path = append(s.path, "Z") }
func (s *svgRenderer) Stroke()                  { s.paint(false, true) }
func (s *svgRenderer) Fill()                    { s.paint(true, false) }
func (s *svgRenderer) FillStroke()              { s.paint(true, true) }
func (s *svgRenderer) MeasureText(body string) gochart.Box {
	return MeasureText(s.font, s.FontSize, s.DPI, body, s.Rotation)
}

func (s *svgRenderer) moveTo(x, y float64) {
	s.path = append(s.path, "M"+num(x)+" "+num(y))
	s.lastX, s.lastY = x, y
}

func (s *svgRenderer) lineTo(x, y float64) {
	s.path = append(s.path, "L"+num(x)+" "+num(y))
	s.lastX, s.lastY = x, y
}

func (s *svgRenderer) QuadCurveTo(cx, cy, x, y int) {
	s.path = append(s.path, fmt.Sprintf("Q%s %s %s %s", num(float64(cx)), num(float64(cy)), num(float64(x)), num(float64(y))))
	s.lastX, s.lastY = float64(x), float64(y)
}

// ArcTo follows go-chart's convention: the point at angle a is
// (cx + rx·cos a, cy + ry·sin a) on the y-down canvas, and a positive delta
// sweeps clockwise on screen.
func (s *svgRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	x0 := float64(cx) + rx*math.Cos(startAngle)
	y0 := float64(cy) + ry*math.Sin(startAngle)
	if len(s.path) == 0 {
		s.moveTo(x0, y0)
	} else {
		s.lineTo(x0, y0)
	}
	end := startAngle + delta
	x1 := float64(cx) + rx*math.Cos(end)
	y1 := float64(cy) + ry*math.Sin(end)
	large, sweep := 0, 1
	if math.Abs(delta) > math.Pi {
		large = 1
	}
	if delta < 0 {
		sweep = 0
	}
	s.path = append(s.path, fmt.Sprintf("A%s %s 0 %d %d %s %s", num(rx), num(ry), large, sweep, num(x1), num(y1)))
	s.lastX, s.lastY = x1, y1
}

// Circle adds a circle to the path; like go-chart's raster renderer (and
// unlike its SVG one) it leaves painting to Fill/Stroke.
func (s *svgRenderer) Circle(radius float64, x, y int) {
	s.path = nil
	s.ArcTo(x, y, radius, radius, 0, math.Pi)
	s.ArcTo(x, y, radius, radius, math.Pi, math.Pi)
	s.Close()
}

func (s *svgRenderer) paint(fill, stroke bool) {
	path := s.path
	s.path = nil
	if len(path) == 0 {
		return
	}
	fill = fill && visible(s.FillColor)
	stroke = stroke && visible(s.StrokeColor) && s.StrokeWidth > 0
	if !fill && !stroke {
		return
	}
	b := &s.body
	b.WriteString(`<path d="`)
	b.WriteString(strings.Join(path, ""))
	b.WriteString(`"`)
	if fill {
		b.WriteString(` fill="` + hexColour(s.FillColor) + `"`)
	} else {
		b.WriteString(` fill="none"`)
	}
	if stroke {
		b.WriteString(` stroke="` + hexColour(s.StrokeColor) + `" stroke-width="` + num(s.StrokeWidth) + `"`)
		if len(s.DashArray) > 0 {
			parts := make([]string, len(s.DashArray))
			for i, d := range s.DashArray {
				parts[i] = num(d)
			}
			b.WriteString(` stroke-dasharray="` + strings.Join(parts, " ") + `"`)
		}
	}
	b.WriteString("/>\n")
}

func (s *svgRenderer) Text(body string, x, y int) {
	if strings.TrimSpace(body) == "" {
		return
	}
	size := s.FontSize * s.DPI / 72
	b := &s.body
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="%s"`, x, y, num(size))
	if c := s.FontColor; visible(c) {
		b.WriteString(` fill="` + hexColour(c) + `"`)
	}
	if s.Rotation != nil && *s.Rotation != 0 {
		fmt.Fprintf(b, ` transform="rotate(%s %d %d)"`, num(*s.Rotation*180/math.Pi), x, y)
	}
	b.WriteString(">" + escapeXML(body) + "</text>\n")
}

func visible(c drawing.Color) bool { return c.A > 0 }

// num writes a coordinate with at most two decimals and no trailing zeros.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// MeasureText is go-chart's Renderer.MeasureText for text set in f at
// size points on a canvas of dpi: the advance width (see TextWidth) by the
// font size, turned with the text when it is rotated. This package's SVG
// renderer and the PDF writer's renderer both measure with it, so a chart
// is laid out identically in both.
func MeasureText(f *truetype.Font, size, dpi float64, text string, rotation *float64) gochart.Box {
	if f == nil {
		f = DefaultFont()
	}
	px := size * dpi / 72
	box := gochart.Box{Right: int(math.Ceil(TextWidth(f, px, text))), Bottom: int(px)}
	if rotation != nil && *rotation != 0 {
		box = box.Corners().Rotate(*rotation * 180 / math.Pi).Box()
	}
	return box
}
