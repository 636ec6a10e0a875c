package pdf

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/boardpaper/boardpaper/internal/chart"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
)

// chartAspect is a chart's height over its width in the PDF: wide enough
// for a year of monthly bars, short enough to sit beside its paragraph.
const chartAspect = 0.5

// chart draws a chart as vectors across the text column, its caption below
// it, the two kept on one page. Its figures are not repeated as a table in
// print: the HTML page carries them, with a CSV file, for those who need
// them.
func (w *writer) chart(c *model.Chart, col column) {
	h := col.width * chartAspect
	size := w.bodyTable().size
	caption := w.captionLines(c.Exhibit, size, textset.Box{X: col.x, Width: col.width})
	if !w.atTop() && !w.fits(h+captionGap+textset.Height(caption), nil) {
		w.newPage()
	}
	w.roomFor(h, nil)
	w.pendingAnchors = append(w.pendingAnchors, c.Attr.ID)
	w.flushPending(w.y)
	w.bound(col.x, w.y, col.x+col.width, w.y+h, "chart")
	w.low = max(w.low, w.y+h)
	st := chart.Style{Colours: w.doc.Style.ChartColours, FontSize: w.base}
	// A Figure described as the HTML's SVG is (its title and summary),
	// with its caption beside it in a Div. Gridlines are part of the
	// figure's picture: a reader hears its description instead.
	w.open("Div", fpdf.TagAttrs{})
	defer w.close()
	var err error
	w.figure(chartAlt(c), func() { err = drawChart(w.pdf, c, st, col.x, w.y, col.width, h) })
	if err != nil {
		w.pdf.SetError(err)
		return
	}
	// fpdf cannot say which font a chart left set, so forget ours: the
	// next text sets its font again.
	w.curFace, w.curSize = nil, 0
	w.y += h
	if len(caption) > 0 {
		w.y += captionGap
		w.open("Caption", fpdf.TagAttrs{})
		w.flow(caption)
		w.close()
	}
}

// chartAlt is a chart's alternative text: its title and the description
// in words the HTML page gives it.
func chartAlt(c *model.Chart) string {
	title := c.Title
	if title == "" {
		title = c.Label
	}
	if title == "" {
		title = "Chart"
	}
	if c.Summary == "" {
		return title
	}
	return strings.TrimSuffix(title, ".") + ". " + c.Summary
}

// chartFace is the face chart text is set in: the page's own Liberation
// Sans, regular, so a chart's labels match the text around them and are
// measured (chart.TextWidth) with the same metrics.
func chartFace() *textset.Face { return textset.Primary(0) }

// drawChart draws c as vectors, with real text, in the box whose top-left
// corner is (x, y) and whose size is w × h, all in the document's user
// unit (mm for this writer). go-chart lays the chart out on a canvas of
// w × h points, one canvas unit to the point, so a 9 pt label prints at
// 9 pt. The chart leaves the document's font, colours, line width and dash
// pattern as it found them.
func drawChart(f *fpdf.Fpdf, c *model.Chart, st chart.Style, x, y, w, h float64) error {
	if err := f.Error(); err != nil {
		return err
	}
	if st.Font == nil {
		st.Font = chart.DefaultFont()
	}
	// The page has normally set body text in this face already; if not,
	// register it (fpdf ignores a second registration of the same face).
	face := chartFace()
	if f.GetFontDesc(face.Family(), "").Ascent == 0 {
		f.AddUTF8FontFromBytes(face.Family(), "", face.TTF())
	}
	saved := saveGraphicsState(f)
	unitsPerPoint := 1 / f.GetConversionRatio()
	rp := func(int, int) (gochart.Renderer, error) {
		return newChartRenderer(f, x, y, face.Family(), st.Font), nil
	}
	err := chart.Draw(c, st, rp, w/unitsPerPoint, h/unitsPerPoint, io.Discard)
	saved.restore(f)
	if err != nil {
		return err
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("drawing chart: %w", err)
	}
	return nil
}

// chartRenderer is go-chart's Renderer over fpdf: charts become PDF paths
// and text rather than images. Canvas coordinates are points from the
// chart's top-left corner; the renderer converts them to the document's
// unit at (originX, originY).
//
// Paths are kept until painted and only then written, after the colour,
// width and dash they are painted with: PDF does not allow state changes
// inside a path, and go-chart sometimes sets style after MoveTo.
type chartRenderer struct {
	f       *fpdf.Fpdf
	ox, oy  float64 // canvas origin on the page, user units
	k       float64 // user units per canvas unit (point)
	family  string
	measure *truetype.Font

	chart.Pen

	path    []pathOp
	cx, cy  float64 // current point, canvas units
	setSize float64 // the font size last given to fpdf; 0 before any text
}

// pathOp is one path segment in canvas units: move, line, cubic curve or
// close.
type pathOp struct {
	kind byte // 'M', 'L', 'C', 'Z'
	pts  [3][2]float64
}

// newChartRenderer draws at (originX, originY) in the document's unit,
// setting text in fontFamily (already registered with f) and measuring it
// with measure, the same face as a TrueType font.
func newChartRenderer(f *fpdf.Fpdf, originX, originY float64, fontFamily string, measure *truetype.Font) *chartRenderer {
	return &chartRenderer{
		f: f, ox: originX, oy: originY, k: 1 / f.GetConversionRatio(),
		family: fontFamily, measure: measure, Pen: chart.Pen{DPI: chart.DPI},
	}
}

func (r *chartRenderer) SetFont(*truetype.Font) {} // always the page's face
func (r *chartRenderer) Stroke()                { r.paint(false, true) }
func (r *chartRenderer) Fill()                  { r.paint(true, false) }
func (r *chartRenderer) FillStroke()            { r.paint(true, true) }

func (r *chartRenderer) MeasureText(body string) gochart.Box {
	return chart.MeasureText(r.measure, r.FontSize, r.DPI, body, r.Rotation)
}

func (r *chartRenderer) MoveTo(x, y int) { r.moveTo(float64(x), float64(y)) }
func (r *chartRenderer) LineTo(x, y int) { r.lineTo(float64(x), float64(y)) }

func (r *chartRenderer) moveTo(x, y float64) {
	r.path = append(r.path, pathOp{kind: 'M', pts: [3][2]float64{{x, y}}})
	r.cx, r.cy = x, y
}

func (r *chartRenderer) lineTo(x, y float64) {
	if len(r.path) == 0 {
		r.moveTo(x, y)
		return
	}
	r.path = append(r.path, pathOp{kind: 'L', pts: [3][2]float64{{x, y}}})
	r.cx, r.cy = x, y
}

func (r *chartRenderer) curveTo(c1x, c1y, c2x, c2y, x, y float64) {
	r.path = append(r.path, pathOp{kind: 'C', pts: [3][2]float64{{c1x, c1y}, {c2x, c2y}, {x, y}}})
	r.cx, r.cy = x, y
}

// QuadCurveTo is written as the equivalent cubic curve.
func (r *chartRenderer) QuadCurveTo(cx, cy, x, y int) {
	qx, qy := float64(cx), float64(cy)
	ex, ey := float64(x), float64(y)
	r.curveTo(r.cx+2.0/3*(qx-r.cx), r.cy+2.0/3*(qy-r.cy), ex+2.0/3*(qx-ex), ey+2.0/3*(qy-ey), ex, ey)
}

// maxArcPiece is the largest sweep drawn as one Bézier curve. fpdf's own
// ArcTo mis-draws clockwise sweeps, so arcs are built here from pieces of
// at most 30°, where a cubic curve is within a millionth of the radius.
const maxArcPiece = math.Pi / 6

// ArcTo follows go-chart's convention: the point at angle a is
// (cx + rx·cos a, cy + ry·sin a) on the y-down canvas, so a positive delta
// turns clockwise on the page. A line joins the current point to the
// arc's start.
func (r *chartRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	ox, oy := float64(cx), float64(cy)
	at := func(a float64) (float64, float64) { return ox + rx*math.Cos(a), oy + ry*math.Sin(a) }
	x0, y0 := at(startAngle)
	if len(r.path) == 0 {
		r.moveTo(x0, y0)
	} else {
		r.lineTo(x0, y0)
	}
	n := int(math.Ceil(math.Abs(delta) / maxArcPiece))
	if n == 0 {
		return
	}
	step := delta / float64(n)
	kappa := 4.0 / 3 * math.Tan(step/4) // control arm for a circular arc of step radians
	for i := range n {
		a0 := startAngle + float64(i)*step
		a1 := a0 + step
		sx, sy := at(a0)
		ex, ey := at(a1)
		r.curveTo(
			sx-kappa*rx*math.Sin(a0), sy+kappa*ry*math.Cos(a0),
			ex+kappa*rx*math.Sin(a1), ey-kappa*ry*math.Cos(a1),
			ex, ey)
	}
}

// Circle adds a closed circle to the path; Fill or Stroke paints it (as in
// go-chart's raster renderer).
func (r *chartRenderer) Circle(radius float64, x, y int) {
	r.moveTo(float64(x)+radius, float64(y))
	r.ArcTo(x, y, radius, radius, 0, 2*math.Pi)
	r.Close()
}

func (r *chartRenderer) Close() {
	if len(r.path) > 0 {
		r.path = append(r.path, pathOp{kind: 'Z'})
	}
}

// page converts a canvas point to page coordinates.
func (r *chartRenderer) page(p [2]float64) (float64, float64) {
	return r.ox + p[0]*r.k, r.oy + p[1]*r.k
}

// paint writes the path and paints it with the current style. Transparent
// colours and zero widths paint nothing, as in go-chart's SVG.
func (r *chartRenderer) paint(fill, stroke bool) {
	path := r.path
	r.path = nil
	fill = fill && r.FillColor.A > 0
	stroke = stroke && r.StrokeColor.A > 0 && r.StrokeWidth > 0
	if len(path) == 0 || (!fill && !stroke) {
		return
	}
	f := r.f
	if fill {
		f.SetFillColor(int(r.FillColor.R), int(r.FillColor.G), int(r.FillColor.B))
	}
	if stroke {
		f.SetDrawColor(int(r.StrokeColor.R), int(r.StrokeColor.G), int(r.StrokeColor.B))
		f.SetLineWidth(r.StrokeWidth * r.k)
		dash := make([]float64, len(r.DashArray))
		for i, d := range r.DashArray {
			dash[i] = d * r.k
		}
		f.SetDashPattern(dash, 0)
	}
	for _, op := range path {
		switch op.kind {
		case 'M':
			f.MoveTo(r.page(op.pts[0]))
		case 'L':
			f.LineTo(r.page(op.pts[0]))
		case 'C':
			x1, y1 := r.page(op.pts[0])
			x2, y2 := r.page(op.pts[1])
			x3, y3 := r.page(op.pts[2])
			f.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
		case 'Z':
			f.ClosePath()
		}
	}
	switch {
	case fill && stroke:
		f.DrawPath("B")
	case fill:
		f.DrawPath("F")
	default:
		f.DrawPath("S")
	}
}

// Text sets body with its baseline's left end at (x, y). go-chart turns
// text clockwise on its y-down canvas; fpdf turns anticlockwise on the
// page, hence the sign flip.
func (r *chartRenderer) Text(body string, x, y int) {
	if body == "" {
		return
	}
	f := r.f
	if size := r.FontSize * r.DPI / 72; size != r.setSize {
		f.SetFont(r.family, "", size)
		r.setSize = size
	}
	f.SetTextColor(int(r.FontColor.R), int(r.FontColor.G), int(r.FontColor.B))
	px, py := r.page([2]float64{float64(x), float64(y)})
	if r.Rotation == nil || *r.Rotation == 0 {
		f.Text(px, py, body)
		return
	}
	f.TransformBegin()
	f.TransformRotate(-*r.Rotation*180/math.Pi, px, py)
	f.Text(px, py, body)
	f.TransformEnd()
}

// graphicsState is what a chart changes and must put back: colours and
// line width, which fpdf can report, and the dash pattern, which the
// document never uses and so is reset to solid. The font is the caller's:
// fpdf cannot report its family or style, so the PDF writer forgets the
// font it last set after a chart and sets it again before the next text.
type graphicsState struct {
	draw, fill, text [3]int
	lineWidth        float64
}

func saveGraphicsState(f *fpdf.Fpdf) graphicsState {
	var s graphicsState
	s.draw[0], s.draw[1], s.draw[2] = f.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = f.GetFillColor()
	s.text[0], s.text[1], s.text[2] = f.GetTextColor()
	s.lineWidth = f.GetLineWidth()
	return s
}

func (s graphicsState) restore(f *fpdf.Fpdf) {
	f.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	f.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	f.SetTextColor(s.text[0], s.text[1], s.text[2])
	f.SetLineWidth(s.lineWidth)
	f.SetDashPattern(nil, 0)
}
