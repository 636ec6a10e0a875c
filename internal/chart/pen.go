package chart

import (
	"io"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Pen is the drawing state go-chart sets on a Renderer before each shape
// and piece of text. Both of boardpaper's renderers (the SVG one here, the
// PDF one in internal/pdf) embed it, so they read the state the same way
// and only the drawing differs.
type Pen struct {
	StrokeColor, FillColor, FontColor drawing.Color
	StrokeWidth                       float64
	DashArray                         []float64
	FontSize                          float64
	Rotation                          *float64 // radians; nil for level text
	DPI                               float64
}

func (p *Pen) ResetStyle() {
	dpi := p.DPI
	*p = Pen{DPI: dpi}
}
func (p *Pen) GetDPI() float64                 { return p.DPI }
func (p *Pen) SetDPI(dpi float64)              { p.DPI = dpi }
func (p *Pen) SetClassName(string)             {}
func (p *Pen) SetStrokeColor(c drawing.Color)  { p.StrokeColor = c }
func (p *Pen) SetFillColor(c drawing.Color)    { p.FillColor = c }
func (p *Pen) SetStrokeWidth(w float64)        { p.StrokeWidth = w }
func (p *Pen) SetStrokeDashArray(d []float64)  { p.DashArray = d }
func (p *Pen) SetFontColor(c drawing.Color)    { p.FontColor = c }
func (p *Pen) SetFontSize(size float64)        { p.FontSize = size }
func (p *Pen) SetTextRotation(radians float64) { p.Rotation = &radians }
func (p *Pen) ClearTextRotation()              { p.Rotation = nil }

// Save is part of go-chart's Renderer; boardpaper's renderers write their
// output elsewhere.
func (p *Pen) Save(io.Writer) error { return nil }
