package chart

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"github.com/boardpaper/boardpaper/internal/exhibit"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
)

// svgDoc is what the tests read back from an SVG.
type svgDoc struct {
	XMLName       xml.Name  `xml:"svg"`
	Role          string    `xml:"role,attr"`
	LabelledBy    string    `xml:"aria-labelledby,attr"`
	ViewBox       string    `xml:"viewBox,attr"`
	Width         string    `xml:"width,attr"`
	Title         svgNode   `xml:"title"`
	Desc          svgNode   `xml:"desc"`
	Texts         []svgText `xml:"text"`
	Paths         []svgPath `xml:"path"`
	width, height float64
	xName         string
}

type svgNode struct {
	ID   string `xml:"id,attr"`
	Text string `xml:",chardata"`
}

type svgText struct {
	X         float64 `xml:"x,attr"`
	Y         float64 `xml:"y,attr"`
	Size      float64 `xml:"font-size,attr"`
	Transform string  `xml:"transform,attr"`
	Text      string  `xml:",chardata"`
}

type svgPath struct {
	D      string `xml:"d,attr"`
	Fill   string `xml:"fill,attr"`
	Stroke string `xml:"stroke,attr"`
	Width  string `xml:"stroke-width,attr"`
	Dash   string `xml:"stroke-dasharray,attr"`
}

// render draws c as SVG and parses it, failing the test if it is not XML.
func render(t testing.TB, c *model.Chart, st Style) svgDoc {
	t.Helper()
	return renderSized(t, c, st, SVGWidth, SVGHeight)
}

// renderSized draws c as SVG at a size, with the value axis the model
// decides for it as it stands.
func renderSized(t testing.TB, c *model.Chart, st Style, width, height float64) svgDoc {
	t.Helper()
	c.Y = exhibit.ValueAxis(c)
	b, err := svgSized(c, st, width, height)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("BOARDPAPER_LOOK"); dir != "" {
		// To look at the charts: BOARDPAPER_LOOK=/tmp go test ./internal/chart
		name := strings.NewReplacer("/", "-", " ", "-").Replace(t.Name())
		os.WriteFile(filepath.Join(dir, name+".svg"), b, 0o644)
	}
	var doc svgDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("SVG is not XML: %v\n%s", err, b)
	}
	fmt.Sscanf(doc.ViewBox, "0 0 %g %g", &doc.width, &doc.height)
	doc.xName = c.XLabel
	return doc
}

// box is a text's extent: its advance by its font size, from the ascender
// to the descender.
type box struct{ left, top, right, bottom float64 }

func (d svgDoc) textBoxes() []box {
	var out []box
	for _, t := range d.Texts {
		w := TextWidth(DefaultFont(), t.Size, t.Text)
		out = append(out, box{t.X, t.Y - 0.9*t.Size, t.X + w, t.Y + 0.22*t.Size})
	}
	return out
}

// checkTextLayout fails when a text runs off the canvas or two texts
// overlap.
func checkTextLayout(t *testing.T, d svgDoc) {
	t.Helper()
	boxes := d.textBoxes()
	for i, a := range boxes {
		if a.left < 0 || a.top < 0 || a.right > d.width || a.bottom > d.height {
			t.Errorf("text %q at %+v is clipped by the %gx%g canvas", d.Texts[i].Text, a, d.width, d.height)
		}
		for j := i + 1; j < len(boxes); j++ {
			b := boxes[j]
			if a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom {
				t.Errorf("texts %q and %q overlap", d.Texts[i].Text, d.Texts[j].Text)
			}
		}
	}
}

// xTickLabels are the tick labels under the plot, in order; the lines of a
// wrapped label (texts centred on the same x) are joined with spaces.
func (d svgDoc) xTickLabels() []string {
	bottom := d.axisBottom()
	var out []string
	var centres []float64
	for _, t := range d.Texts {
		// below the axis by more than the half line the lowest value
		// label hangs below it, and above the x axis name
		if t.Y < bottom+t.Size || t.Y > bottom+5*t.Size || d.isAxisName(t) {
			continue
		}
		centre := math.Round(t.X + TextWidth(DefaultFont(), t.Size, t.Text)/2)
		if i := slices.Index(centres, centre); i >= 0 {
			out[i] += " " + t.Text
			continue
		}
		centres = append(centres, centre)
		out = append(out, t.Text)
	}
	return out
}

func (d svgDoc) isAxisName(t svgText) bool { return d.xName != "" && t.Text == d.xName }

var pathNum = regexp.MustCompile(`-?[\d.]+`)

func coords(d string) []float64 {
	var out []float64
	for _, s := range pathNum.FindAllString(d, -1) {
		v, _ := strconv.ParseFloat(s, 64)
		out = append(out, v)
	}
	return out
}

// axisBottom is the y of the x axis line: the lowest long horizontal axis
// stroke.
func (d svgDoc) axisBottom() float64 {
	y := 0.0
	for _, p := range d.Paths {
		if p.Stroke != hexColour(axisColour) {
			continue
		}
		c := coords(p.D)
		if len(c) == 4 && c[1] == c[3] && c[2]-c[0] > d.width/3 {
			y = max(y, c[1])
		}
	}
	return y
}

// seriesLine is the stroked polyline drawn in colour, as points.
func (d svgDoc) seriesLine(colour string) [][2]float64 {
	for _, p := range d.Paths {
		if p.Stroke == colour && p.Fill == "none" && p.Width == num(lineWidth) {
			c := coords(p.D)
			var pts [][2]float64
			for i := 0; i+1 < len(c); i += 2 {
				pts = append(pts, [2]float64{c[i], c[i+1]})
			}
			if len(pts) > 2 { // a legend swatch has two points
				return pts
			}
		}
	}
	return nil
}

// bars are the rectangles filled in colour below the legend.
func (d svgDoc) bars(colour string, below float64) []box {
	var out []box
	for _, p := range d.Paths {
		if p.Fill != colour {
			continue
		}
		c := coords(p.D)
		if len(c) != 8 {
			continue
		}
		b := box{c[0], math.Min(c[1], c[5]), c[2], math.Max(c[1], c[5])}
		if b.top >= below {
			out = append(out, b)
		}
	}
	return out
}

// yTick finds the y of the value axis label written label.
func (d svgDoc) yTick(t *testing.T, label string) float64 {
	t.Helper()
	for _, tx := range d.Texts {
		if tx.Text == label && tx.X < d.width/4 {
			return tx.Y - 0.5*tx.Size*0.72 // the label is centred on its tick
		}
	}
	t.Fatalf("no value axis label %q", label)
	return 0
}

func noRepeats(t *testing.T, labels []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range labels {
		if seen[l] {
			t.Errorf("tick label %q repeats in %q", l, labels)
		}
		seen[l] = true
	}
}

func TestSVGIsAccessibleXMLWithAwkwardText(t *testing.T) {
	c := contactsReferrals()
	c.Title = `Contacts & referrals <2012> "monthly"`
	c.YLabel = `Contacts & "referrals"`
	c.XLabel = `Month <of contact>`
	c.Summary = `Contacts ranged from 1,001 to 1,302 & referrals from 498 to 700 <see table>.`
	c.Series[1].Name = `Referrals & <re-referrals>`
	c.Series[2].Name = `"Re-referrals"`
	doc := render(t, c, Style{})
	if doc.Role != "img" {
		t.Errorf("role = %q", doc.Role)
	}
	if doc.Title.Text != c.Title || doc.Desc.Text != c.Summary {
		t.Errorf("title %q, desc %q", doc.Title.Text, doc.Desc.Text)
	}
	if want := doc.Title.ID + " " + doc.Desc.ID; doc.LabelledBy != want || doc.Title.ID == "" || doc.Desc.ID == "" {
		t.Errorf("aria-labelledby %q, title id %q, desc id %q", doc.LabelledBy, doc.Title.ID, doc.Desc.ID)
	}
	if !strings.HasPrefix(doc.Title.ID, c.Attr.ID) {
		t.Errorf("ids should come from the chart's id %q, got %q", c.Attr.ID, doc.Title.ID)
	}
	if doc.Width != "100%" || doc.width != SVGWidth || doc.height != SVGHeight {
		t.Errorf("width %q viewBox %q", doc.Width, doc.ViewBox)
	}
	var texts []string
	for _, tx := range doc.Texts {
		texts = append(texts, tx.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{c.Title, c.YLabel, c.XLabel, c.Series[1].Name, c.Series[2].Name} {
		if !strings.Contains(all, want) {
			t.Errorf("chart text lacks %q:\n%s", want, all)
		}
	}
}

func TestSVGWithoutTitleOrIDOrSummary(t *testing.T) {
	c := lookedAfter()
	c.Title, c.Summary, c.Attr.ID = "", "", ""
	doc := render(t, c, Style{})
	if doc.Title.Text != "Table One" {
		t.Errorf("title falls back to the label, got %q", doc.Title.Text)
	}
	// The description is the model's; without one the title stands in,
	// so the SVG never has an empty text alternative.
	if doc.Desc.Text != "Table One" {
		t.Errorf("desc = %q, want the title", doc.Desc.Text)
	}
	again := render(t, c, Style{})
	if doc.Title.ID == "" || doc.Title.ID != again.Title.ID {
		t.Errorf("ids must be stable without a chart id: %q, %q", doc.Title.ID, again.Title.ID)
	}
}

// Irregular dates are spaced by time: the gaps between the line's points
// are in proportion to the days between the counts.
func TestLineWithIrregularDates(t *testing.T) {
	c := lookedAfter()
	doc := render(t, c, Style{})
	pts := doc.seriesLine(DefaultColours[0])
	if len(pts) != 4 {
		t.Fatalf("want a 4-point line, got %v", pts)
	}
	days := func(i int) float64 { return c.X[i].Time.Sub(c.X[0].Time).Hours() / 24 }
	perDay := (pts[3][0] - pts[0][0]) / days(3)
	for i := 1; i < 3; i++ {
		want := pts[0][0] + days(i)*perDay
		if math.Abs(pts[i][0]-want) > 1.5 {
			t.Errorf("point %d at x=%.1f, want %.1f for its date", i, pts[i][0], want)
		}
	}
	// The highest count is drawn highest.
	if !(pts[2][1] < pts[1][1] && pts[1][1] < pts[3][1] && pts[3][1] < pts[0][1]) {
		t.Errorf("points out of order by value: %v", pts)
	}
	labels := doc.xTickLabels()
	noRepeats(t, labels)
	if len(labels) < 3 {
		t.Errorf("too few date ticks: %q", labels)
	}
	for _, want := range []string{"1,350", "1,400", "1,450", "1,500"} {
		doc.yTick(t, want)
	}
	checkTextLayout(t, doc)
}

func TestMonthlyBars(t *testing.T) {
	c := fosterInterest()
	doc := render(t, c, Style{})
	labels := doc.xTickLabels()
	noRepeats(t, labels)
	if len(labels) < 4 || labels[0] != "Apr 2011" {
		t.Errorf("monthly ticks %q: want quarters from Apr 2011", labels)
	}
	bars := doc.bars(DefaultColours[0], 0)
	if len(bars) != len(c.X) {
		t.Fatalf("%d bars for %d months", len(bars), len(c.X))
	}
	zero := doc.yTick(t, "0")
	for i, b := range bars {
		if math.Abs(b.bottom-zero) > 2 {
			t.Errorf("bar %d ends at %.1f, not at zero (%.1f)", i, b.bottom, zero)
		}
		if i > 0 && b.left < bars[i-1].right {
			t.Errorf("bars %d and %d overlap", i-1, i)
		}
	}
	// Taller bar for the larger value.
	if !(bars[14].top < bars[6].top) {
		t.Errorf("75 drawn no taller than 30")
	}
	checkTextLayout(t, doc)
}

func TestBarLineWithThreeSeries(t *testing.T) {
	c := contactsReferrals()
	doc := render(t, c, Style{})
	legendBottom := 0.0
	for _, s := range c.Series {
		found := false
		for _, tx := range doc.Texts {
			if tx.Text == s.Name {
				found = true
				legendBottom = max(legendBottom, tx.Y)
			}
		}
		if !found {
			t.Errorf("legend lacks %q", s.Name)
		}
	}
	if n := len(doc.bars(DefaultColours[0], legendBottom)); n != 12 {
		t.Errorf("%d contact bars, want 12", n)
	}
	ref, rerefs := doc.seriesLine(DefaultColours[1]), doc.seriesLine(DefaultColours[2])
	if len(ref) != 12 || len(rerefs) != 12 {
		t.Fatalf("lines of %d and %d points, want 12 each", len(ref), len(rerefs))
	}
	// The lines are told apart by more than colour: one is dashed.
	dashes := map[string]bool{}
	for _, p := range doc.Paths {
		if p.Width == num(lineWidth) && (p.Stroke == DefaultColours[1] || p.Stroke == DefaultColours[2]) {
			dashes[p.Dash] = true
		}
	}
	if len(dashes) < 2 {
		t.Errorf("the two lines share a dash pattern: %v", dashes)
	}
	// Every line point is inside the plot, above the axis.
	bottom := doc.axisBottom()
	for _, p := range append(ref, rerefs...) {
		if p[1] > bottom {
			t.Errorf("line point %v below the axis at %.0f", p, bottom)
		}
	}
	noRepeats(t, doc.xTickLabels())
	checkTextLayout(t, doc)
}

// Edge cases each chart kind must draw cleanly.
func TestEdgeCases(t *testing.T) {
	long := func() *model.Chart {
		c := &model.Chart{Type: model.ChartBar, Title: "Placements by type of placement for children looked after by the council at 31 March 2012, compared with the previous year's figures",
			YLabel: "Children placed with each kind of carer", XLabel: "Placement type"}
		for _, l := range []string{"Foster placements with relative or friend", "Placement with other foster carer", "Placed for adoption", "Placement with parents", "Other placement in the community", "Secure units, children's homes and hostels", "Other residential settings"} {
			c.X = append(c.X, model.XPoint{Label: l})
		}
		c.Series = []model.Series{
			{Name: "At 31 March 2011, before the change in commissioning arrangements", Values: []float64{160, 620, 85, 90, 40, 180, 25}},
			{Name: "At 31 March 2012", Values: []float64{170, 640, 95, 80, 35, 160, 20}},
		}
		return c
	}
	cases := map[string]func() *model.Chart{
		"one point line": func() *model.Chart {
			c := lookedAfter()
			c.X, c.Series[0].Values = c.X[:1], c.Series[0].Values[:1]
			return c
		},
		"one point bar": func() *model.Chart {
			c := fosterInterest()
			c.X, c.Series[0].Values = c.X[:1], c.Series[0].Values[:1]
			return c
		},
		"all zeros": func() *model.Chart {
			c := fosterInterest()
			c.Series[0].Values = make([]float64, len(c.X))
			return c
		},
		"negative bars": func() *model.Chart {
			c := contactsReferrals()
			c.Type = model.ChartBar
			c.Series = []model.Series{{Name: "Change on last year", Values: []float64{-815, 120, 45, -30, 0, 210, -400, 90, 15, -5, 300, -60}}}
			return c
		},
		"sixty months": func() *model.Chart {
			c := fosterInterest()
			c.X = months("2008-01", 60)
			c.Series[0].Values = make([]float64, 60)
			for i := range c.Series[0].Values {
				c.Series[0].Values[i] = float64(1000 + 37*i%290)
			}
			return c
		},
		"sixty months line": func() *model.Chart {
			c := contactsReferrals()
			c.Type = model.ChartLine
			c.X = months("2008-01", 60)
			for s := range c.Series {
				c.Series[s].Values = make([]float64, 60)
				for i := range c.Series[s].Values {
					c.Series[s].Values[i] = float64((s+1)*300 + 17*i%90)
				}
			}
			return c
		},
		"long labels": long,
		"many long categories": func() *model.Chart {
			c := long()
			var x []model.XPoint
			for i := range 40 {
				x = append(x, model.XPoint{Label: fmt.Sprintf("%s (%d)", c.X[i%len(c.X)].Label, i)})
			}
			c.X = x
			for s := range c.Series {
				c.Series[s].Values = make([]float64, 40)
				for i := range c.Series[s].Values {
					c.Series[s].Values[i] = float64(i*7%50 + s)
				}
			}
			return c
		},
		"days apart": func() *model.Chart {
			c := lookedAfter()
			for i := range c.X {
				c.X[i].Time = day("2013-01-01").AddDate(0, 0, 3*i)
				c.X[i].Label = c.X[i].Time.Format("2 Jan 2006")
			}
			return c
		},
		"fractions": func() *model.Chart {
			c := lookedAfter()
			c.Series[0].Values = []float64{0.12, 0.31, 0.27, 0.05}
			return c
		},
	}
	for name, mk := range cases {
		// At the HTML size and type, and at the PDF's (a 160 mm column
		// at 11 pt).
		for _, size := range []struct {
			w, h float64
			st   Style
		}{{SVGWidth, SVGHeight, Style{}}, {453, 240, Style{FontSize: 11}}} {
			t.Run(fmt.Sprintf("%s %.0f", name, size.w), func(t *testing.T) {
				c := mk()
				doc := renderSized(t, c, size.st, size.w, size.h)
				labels := doc.xTickLabels()
				if len(labels) == 0 {
					t.Errorf("no x tick labels")
				}
				noRepeats(t, labels)
				checkTextLayout(t, doc)
				if c.Type != model.ChartLine {
					doc.yTick(t, "0") // bars start at zero
				}
			})
		}
	}
}

func TestNegativeValuesHangBelowZero(t *testing.T) {
	c := contactsReferrals()
	c.Type = model.ChartBar
	c.Series = []model.Series{{Name: "Change", Values: []float64{-815, 120, 45, -30, 0, 210, -400, 90, 15, -5, 300, -60}}}
	doc := render(t, c, Style{})
	zero := doc.yTick(t, "0")
	doc.yTick(t, "-1,000")
	bars := doc.bars(DefaultColours[0], 0)
	if len(bars) != 11 { // the zero bar has no height
		t.Fatalf("%d bars, want 11", len(bars))
	}
	if math.Abs(bars[0].top-zero) > 2 || bars[0].bottom <= zero {
		t.Errorf("-815 should hang from zero (%.1f): %+v", zero, bars[0])
	}
	if math.Abs(bars[1].bottom-zero) > 2 || bars[1].top >= zero {
		t.Errorf("120 should stand on zero (%.1f): %+v", zero, bars[1])
	}
}

// The value axis is the model's, whatever the size the chart is drawn at:
// the page's SVG and the PDF show the same ticks.
func TestValueAxisIsTheModels(t *testing.T) {
	for _, mk := range []func() *model.Chart{lookedAfter, fosterInterest, contactsReferrals} {
		for _, size := range []struct {
			w, h float64
			st   Style
		}{{SVGWidth, SVGHeight, Style{}}, {439, 220, Style{FontSize: 11}}, {200, 90, Style{FontSize: 8}}} {
			c := mk()
			doc := renderSized(t, c, size.st, size.w, size.h)
			// The labels left of the plot, from the foot of the axis up.
			var labels []svgText
			for _, tx := range doc.Texts {
				if tx.X < size.w/4 && slices.Contains(c.Y.Labels, tx.Text) {
					labels = append(labels, tx)
				}
			}
			slices.SortFunc(labels, func(a, b svgText) int { return cmp.Compare(b.Y, a.Y) })
			var got []string
			for _, tx := range labels {
				got = append(got, tx.Text)
			}
			if !slices.Equal(got, c.Y.Labels) {
				t.Errorf("%s at %.0f × %.0f: value axis %q, want the model's %q", c.Attr.ID, size.w, size.h, got, c.Y.Labels)
			}
		}
	}
	c := lookedAfter()
	c.Y = model.Axis{}
	if _, err := SVG(c, Style{}); err == nil || !strings.Contains(err.Error(), "no value axis") {
		t.Errorf("a chart without its axis gave %v", err)
	}
}

func TestColoursReachContrast(t *testing.T) {
	cs, err := seriesColours([]string{"#ffdd00", "#1d4f91", "#ccc"})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cs {
		if r := contrast(c, white); r < minContrast {
			t.Errorf("colour %d %s has contrast %.2f", i, hexColour(c), r)
		}
	}
	if hexColour(cs[1]) != "#1d4f91" {
		t.Errorf("a dark enough colour must be kept, got %s", hexColour(cs[1]))
	}
	for _, h := range DefaultColours {
		c, _ := parseColour(h)
		if contrast(c, white) < minContrast {
			t.Errorf("default colour %s is too light", h)
		}
	}
	if _, err := seriesColours([]string{"blue"}); err == nil {
		t.Error("a colour that is not #rrggbb must be an error")
	}
}

func TestByteIdentical(t *testing.T) {
	for _, c := range []*model.Chart{lookedAfter(), fosterInterest(), contactsReferrals()} {
		a, err := SVG(c, Style{})
		if err != nil {
			t.Fatal(err)
		}
		for range 5 {
			b, _ := SVG(c, Style{})
			if !bytes.Equal(a, b) {
				t.Fatalf("%s: two renderings differ", c.Attr.ID)
			}
		}
	}
}

func TestBadCharts(t *testing.T) {
	c := lookedAfter()
	c.Series[0].Values = c.Series[0].Values[:2]
	if _, err := SVG(c, Style{}); err == nil {
		t.Error("a series shorter than x must be an error")
	}
	c = lookedAfter()
	c.X, c.Series[0].Values = nil, nil
	if _, err := SVG(c, Style{}); err == nil {
		t.Error("a chart without points must be an error")
	}
	c = lookedAfter()
	c.Series[0].Values[1] = math.NaN()
	if _, err := SVG(c, Style{}); err == nil {
		t.Error("NaN must be an error")
	}
}

func TestCSV(t *testing.T) {
	c := contactsReferrals()
	c.Series[1].Name = `Referrals, "new"`
	got := string(CSV(c))
	lines := strings.Split(got, "\r\n")
	if lines[0] != `Date,Contacts,"Referrals, ""new""",Re-referrals` {
		t.Errorf("header %q", lines[0])
	}
	if lines[1] != "2012-01,1012,512,120" || lines[12] != "2012-12,1050,540,126" || lines[13] != "" || len(lines) != 14 {
		t.Errorf("rows:\n%s", got)
	}
	c = lookedAfter()
	c.XLabel = "Date of count"
	c.Series[0].Values[0] = 1370.25
	lines = strings.Split(string(CSV(c)), "\r\n")
	if lines[0] != "Date of count,Looked after children" || lines[1] != "2009-11-30,1370.25" {
		t.Errorf("got %q", lines[:2])
	}
	cat := &model.Chart{X: []model.XPoint{{Label: "Q1 2012"}, {Label: "Q2 2012"}}, Series: []model.Series{{Name: "n", Values: []float64{1, 2}}}}
	if got := string(CSV(cat)); got != "Category,n\r\nQ1 2012,1\r\nQ2 2012,2\r\n" {
		t.Errorf("got %q", got)
	}
}

func benchmarkSVG(b *testing.B, c *model.Chart) {
	for b.Loop() {
		if _, err := SVG(c, Style{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSVGLine(b *testing.B)    { benchmarkSVG(b, lookedAfter()) }
func BenchmarkSVGBar(b *testing.B)     { benchmarkSVG(b, fosterInterest()) }
func BenchmarkSVGBarLine(b *testing.B) { benchmarkSVG(b, contactsReferrals()) }

func TestCSVLabelsCannotRunAsFormulas(t *testing.T) {
	c := lookedAfter()
	c.Series[0].Name = "=HYPERLINK(\"http://x\")"
	c.IsTime, c.X[0].Label = false, "@SUM(A1)"
	for i := range c.X[1:] {
		c.X[i+1].Label = "Q" + strconv.Itoa(i)
	}
	c.Series[0].Values[0] = -815
	out := string(CSV(c))
	for _, want := range []string{`"'=HYPERLINK(""http://x"")"`, "'@SUM(A1),-815"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %s:\n%s", want, out)
		}
	}
}
