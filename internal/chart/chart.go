// Package chart draws the document model's charts with go-chart: as an
// accessible inline SVG for HTML, onto any go-chart Renderer (the PDF
// writer supplies one over fpdf), and as CSV figures.
//
// Layout is done once, in points on a 72 DPI canvas, so a 9 pt label is 9 pt
// in print. go-chart places the axes and plot area; this package supplies
// what go-chart gets wrong or lacks for papers:
//
//   - the value axis is drawn on the left (go-chart's "secondary" axis; its
//     primary one is on the right), with the ticks and labels the model
//     decided (model.Chart.Y), whatever the size it is drawn at;
//   - x ticks are chosen here (go-chart's automatic time ticks repeat
//     labels): month or year ticks on a true time axis, wrapped category
//     labels, each thinned so labels never touch;
//   - bars and lines are small custom series (go-chart's bar series start
//     from the minimum or overflow the plot);
//   - the title, legend and value-axis label are drawn here, above the
//     plot, so nothing is clipped or overlaps the axis labels.
//
// Output is deterministic: the same chart and style give the same bytes.
package chart

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Style is how a chart looks: the layout's colours and the page's type.
type Style struct {
	// Colours are the series colours in order, "#rrggbb"; DefaultColours
	// when empty. A colour lighter than 3:1 against white is darkened.
	Colours []string
	// FontSize is the body text size in canvas units (points in PDF). The
	// title is set at this size and axis text a little smaller. 12 when 0.
	FontSize float64
	// Font measures and draws the chart's text; DefaultFont() when nil.
	Font *truetype.Font
}

// DPI is the resolution go-chart is told the canvas has: one canvas unit is
// one point.
const DPI = 72

// minFontSize is the smallest text a chart shrinks labels to.
const minFontSize = 6.5

// Build lays c out as a go-chart chart width × height points in size. Render
// it with any go-chart RendererProvider.
func Build(c *model.Chart, st Style, width, height float64) (gochart.Chart, error) {
	l, err := newLayout(c, st, width, height)
	if err != nil {
		return gochart.Chart{}, err
	}
	return l.chart(), nil
}

// Draw renders c, width × height points, through rp; the renderer's Save
// writes to w (the PDF renderer writes nothing there).
func Draw(c *model.Chart, st Style, rp gochart.RendererProvider, width, height float64, w io.Writer) error {
	ch, err := Build(c, st, width, height)
	if err != nil {
		return err
	}
	return ch.Render(rp, w)
}

// layout is everything decided about a chart before go-chart runs.
type layout struct {
	c       *model.Chart
	font    *truetype.Font
	colours []drawing.Color
	width   int
	height  int

	scale   float64 // sizes relative to a 12 pt body
	titleFS float64
	axisFS  float64
	pad     float64 // margin around the whole chart

	x     xScale
	bars  int // how many series are drawn as bars
	looks []look

	// Category axes are labelled once, from the estimated plot width.
	catTicks   []gochart.Tick
	catBetween bool // labels wrapped between slot boundaries
	catFS      float64
	catLines   int

	// The block above the plot: title, legend, value axis label.
	titleLines []string
	legend     []legendRow
	yLabelY    float64 // baseline of the value axis label
	top        float64 // height of the block
}

// legendRow is one line of legend entries.
type legendRow struct {
	y     float64 // baseline of the row's first text line
	items []legendItem
}

type legendItem struct {
	series int
	x      float64 // left of the swatch
	lines  []string
}

func newLayout(c *model.Chart, st Style, width, height float64) (*layout, error) {
	if err := check(c); err != nil {
		return nil, err
	}
	if width < 100 || height < 60 || math.IsNaN(width) || math.IsNaN(height) {
		return nil, fmt.Errorf("chart %s: %.0f × %.0f pt is too small to draw", chartName(c), width, height)
	}
	colours, err := seriesColours(st.Colours)
	if err != nil {
		return nil, err
	}
	fs := st.FontSize
	if fs <= 0 {
		fs = 12
	}
	l := &layout{
		c:       c,
		font:    st.Font,
		colours: colours,
		width:   int(math.Round(width)),
		height:  int(math.Round(height)),
		scale:   fs / 12,
		titleFS: fs,
		axisFS:  max(minFontSize, math.Round(fs*0.8*2)/2),
	}
	if l.font == nil {
		l.font = DefaultFont()
	}
	l.pad = math.Round(4 * l.scale)

	switch c.Type {
	case model.ChartBar:
		l.bars = len(c.Series)
	case model.ChartBarLine:
		l.bars = 1
	}
	l.x = newXScale(c, l.bars > 0)
	l.setLooks()
	l.setTopBlock()
	if l.x.kind == xCategory {
		l.categoryAxis(l.estimatePlotWidth())
	}
	return l, nil
}

// check rejects charts that cannot be drawn.
func check(c *model.Chart) error {
	if c == nil {
		return errors.New("chart: nil chart")
	}
	if len(c.X) == 0 || len(c.Series) == 0 {
		return fmt.Errorf("chart %s has no data to draw", chartName(c))
	}
	for _, s := range c.Series {
		if len(s.Values) != len(c.X) {
			return fmt.Errorf("chart %s: series %q has %d values for %d x values", chartName(c), s.Name, len(s.Values), len(c.X))
		}
		for _, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("chart %s: series %q has a value that is not a number", chartName(c), s.Name)
			}
		}
	}
	switch c.Type {
	case model.ChartLine, model.ChartBar, model.ChartBarLine:
	default:
		return fmt.Errorf("chart %s: unknown chart type %q", chartName(c), c.Type)
	}
	if len(c.Y.Ticks) < 2 || len(c.Y.Labels) != len(c.Y.Ticks) {
		return fmt.Errorf("chart %s has no value axis: the model decides it (exhibit.ValueAxis)", chartName(c))
	}
	return nil
}

func chartName(c *model.Chart) string {
	if c.Attr.ID != "" {
		return c.Attr.ID
	}
	return fmt.Sprintf("%q", c.Title)
}

// setLooks gives each series its colour and, so that series are told
// apart without colour, a bar pattern or a line dash and marker.
func (l *layout) setLooks() {
	l.looks = make([]look, len(l.c.Series))
	markers := len(l.c.X) <= 40
	line := 0
	for i := range l.c.Series {
		lk := look{colour: l.colours[i%len(l.colours)]}
		if i < l.bars {
			lk.bar = true
			lk.pattern = i % patternCount
		} else {
			lk.dash = lineDashes[line%len(lineDashes)]
			lk.marker = line % markerCount
			lk.markers = markers
			line++
		}
		l.looks[i] = lk
	}
}

// Sizes of the legend, relative to the axis text size.
func (l *layout) swatchWidth(i int) float64 {
	if l.looks[i].bar {
		return math.Round(l.axisFS * 1.1)
	}
	return math.Round(l.axisFS * 2.6)
}

func (l *layout) lineHeight(fs float64) float64 { return math.Round(fs * 1.25) }

// setTopBlock lays out what goes above the plot, left-aligned: the title
// (wrapped), the legend when there is more than one series, and the value
// axis label, written level above the axis where it reads easily rather
// than turned on its side.
func (l *layout) setTopBlock() {
	avail := float64(l.width) - 2*l.pad
	y := l.pad
	if l.c.Title != "" {
		l.titleLines, _ = wrapWords(l.font, l.titleFS, l.c.Title, avail)
		for range l.titleLines {
			y += l.lineHeight(l.titleFS)
		}
		y += math.Round(l.titleFS * 0.4)
	}
	if len(l.c.Series) > 1 {
		gap := math.Round(l.axisFS * 0.5)
		between := math.Round(l.axisFS * 1.6)
		var row legendRow
		x := l.pad
		rowLines := 1
		flush := func() {
			row.y = y + l.axisFS
			l.legend = append(l.legend, row)
			y += float64(rowLines)*l.lineHeight(l.axisFS) + math.Round(l.axisFS*0.3)
			row, x, rowLines = legendRow{}, l.pad, 1
		}
		for i, s := range l.c.Series {
			sw := l.swatchWidth(i)
			lines, _ := wrapWords(l.font, l.axisFS, s.Name, avail-sw-gap)
			w := sw + gap + maxWidth(l.font, l.axisFS, lines)
			if len(row.items) > 0 && x+w > l.pad+avail {
				flush()
			}
			row.items = append(row.items, legendItem{series: i, x: x, lines: lines})
			rowLines = max(rowLines, len(lines))
			x += w + between
		}
		flush()
		y += math.Round(l.axisFS * 0.2)
	}
	if l.c.YLabel != "" {
		l.yLabelY = y + l.axisFS
		y += l.lineHeight(l.axisFS)
	}
	l.top = y + math.Round(l.axisFS*0.3)
}

// padding is the room go-chart leaves around its axes: the top block
// above, and below the wrapped category labels' extra lines, which
// go-chart measures as one line.
func (l *layout) padding() gochart.Box {
	bottom := l.pad
	if l.catLines > 1 {
		bottom += float64(l.catLines-1) * (l.catFS + l.catLineSpacing())
	}
	return gochart.Box{
		Top:    int(math.Round(l.top)),
		Left:   int(l.pad),
		Right:  int(math.Round(l.pad + 6*l.scale)),
		Bottom: int(math.Round(bottom)),
	}
}

func (l *layout) catLineSpacing() float64 { return math.Round(l.catFS * 0.2) }

// estimatePlotWidth is how wide go-chart will make the plot: the canvas less
// the padding and the value axis labels (and, for labels between ticks, a
// second left padding go-chart's measuring adds; see categoryAxis).
func (l *layout) estimatePlotWidth() float64 {
	yw := maxWidth(l.font, l.axisFS, l.c.Y.Labels)
	left := 3*l.pad + max(l.pad, gochart.DefaultYAxisMargin+axisWidth+yw)
	return float64(l.width) - left - (l.pad + 6*l.scale) - 2
}

// tickedRange is a go-chart range that supplies its own ticks. Ticks given
// this way, unlike XAxis.Ticks, do not reset the range to their extent, and
// are asked for once the plot's size is known.
type tickedRange struct {
	gochart.ContinuousRange
	ticks func(domain int) []gochart.Tick
}

func (r *tickedRange) GetTicks(gochart.Renderer, gochart.Style, gochart.ValueFormatter) []gochart.Tick {
	return r.ticks(r.Domain)
}

// chart assembles the go-chart chart.
func (l *layout) chart() gochart.Chart {
	axisText := gochart.Style{FontSize: l.axisFS, FontColor: textColour, Font: l.font}
	axisLine := gochart.Style{StrokeColor: axisColour, StrokeWidth: axisWidth, FontSize: l.axisFS, FontColor: textColour, Font: l.font}

	xr := &tickedRange{ContinuousRange: gochart.ContinuousRange{Min: l.x.lo, Max: l.x.hi}}
	xAxis := gochart.XAxis{
		Name:           l.c.XLabel,
		NameStyle:      axisText,
		Style:          axisLine,
		Range:          xr,
		TickPosition:   gochart.TickPositionUnderTick,
		GridMajorStyle: gochart.Hidden(),
		GridMinorStyle: gochart.Hidden(),
	}
	if l.x.kind == xCategory {
		ticks := l.catTicks
		xr.ticks = func(int) []gochart.Tick { return ticks }
		if l.catBetween {
			xAxis.TickPosition = gochart.TickPositionBetweenTicks
			xAxis.TickStyle = gochart.Style{
				FontSize:        l.catFS,
				TextWrap:        gochart.TextWrapWord,
				TextLineSpacing: int(l.catLineSpacing()),
			}
		}
	} else {
		xr.ticks = l.timeTicks
	}

	y := l.c.Y
	lo, hi := y.Ticks[0], y.Ticks[len(y.Ticks)-1]
	yTicks := make([]gochart.Tick, len(y.Ticks))
	var grid []gochart.GridLine
	for i, v := range y.Ticks {
		yTicks[i] = gochart.Tick{Value: v, Label: y.Labels[i]}
		if i > 0 && v != 0 {
			grid = append(grid, gochart.GridLine{Value: v})
		}
	}
	gridStyle := gochart.Style{StrokeColor: gridColour, StrokeWidth: axisWidth}
	yr := &tickedRange{
		ContinuousRange: gochart.ContinuousRange{Min: lo, Max: hi},
		ticks:           func(int) []gochart.Tick { return yTicks },
	}

	var series []gochart.Series
	for i, s := range l.c.Series {
		if i < l.bars {
			series = append(series, &barSeries{name: s.Name, x: &l.x, values: s.Values, look: l.looks[i],
				group: i, of: l.bars, widthOfSlot: 0.75, scale: l.scale})
		} else {
			series = append(series, &lineSeries{name: s.Name, x: &l.x, values: s.Values, look: l.looks[i], scale: l.scale})
		}
	}

	return gochart.Chart{
		Width:      l.width,
		Height:     l.height,
		DPI:        DPI,
		Font:       l.font,
		Background: gochart.Style{Padding: l.padding(), FillColor: white},
		Canvas:     gochart.Style{FillColor: white},
		XAxis:      xAxis,
		// The right-hand axis is hidden; its range only has to be finite.
		YAxis: gochart.YAxis{Style: gochart.Hidden(), Range: &gochart.ContinuousRange{Min: lo, Max: hi}},
		YAxisSecondary: gochart.YAxis{
			Style:          axisLine,
			Range:          yr,
			GridLines:      grid,
			GridMajorStyle: gridStyle,
			GridMinorStyle: gridStyle,
			Zero:           gochart.GridLine{Style: gochart.Hidden()},
		},
		Series: series,
		Elements: []gochart.Renderable{
			l.drawZeroLine(yr),
			l.drawTopBlock,
		},
	}
}

// drawZeroLine marks zero across the plot when values fall both sides of
// it, after the bars so they hang from it.
func (l *layout) drawZeroLine(yr gochart.Range) gochart.Renderable {
	return func(r gochart.Renderer, box gochart.Box, _ gochart.Style) {
		if !(yr.GetMin() < 0 && yr.GetMax() > 0) {
			return
		}
		y := box.Bottom - yr.Translate(0)
		r.ResetStyle()
		r.SetStrokeColor(axisColour)
		r.SetStrokeWidth(axisWidth)
		r.MoveTo(box.Left, y)
		r.LineTo(box.Right, y)
		r.Stroke()
		r.ResetStyle()
	}
}

func (l *layout) text(r gochart.Renderer, s string, size, x, y float64) {
	r.SetFont(l.font)
	r.SetFontSize(size)
	r.SetFontColor(textColour)
	r.ClearTextRotation()
	r.Text(s, int(math.Round(x)), int(math.Round(y)))
}

// drawTopBlock draws the title, legend and value axis label.
func (l *layout) drawTopBlock(r gochart.Renderer, _ gochart.Box, _ gochart.Style) {
	r.ResetStyle()
	y := l.pad
	for _, line := range l.titleLines {
		l.text(r, line, l.titleFS, l.pad, y+l.titleFS)
		y += l.lineHeight(l.titleFS)
	}
	gap := math.Round(l.axisFS * 0.5)
	for _, row := range l.legend {
		for _, it := range row.items {
			sw := l.swatchWidth(it.series)
			// Swatches sit on the middle of the first line's x-height.
			mid := row.y - math.Round(l.axisFS*0.33)
			lk := l.looks[it.series]
			if lk.bar {
				h := math.Round(l.axisFS * 0.9)
				drawBar(r, lk, int(it.x), int(mid-h/2), int(it.x+sw), int(mid+h/2), l.scale)
			} else {
				drawLineSwatch(r, lk, int(it.x), int(it.x+sw), int(mid), l.scale)
			}
			for j, line := range it.lines {
				l.text(r, line, l.axisFS, it.x+sw+gap, row.y+float64(j)*l.lineHeight(l.axisFS))
			}
		}
	}
	if l.c.YLabel != "" {
		l.text(r, l.c.YLabel, l.axisFS, l.pad, l.yLabelY)
	}
	r.ResetStyle()
}
