package pdf

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/chart"
	"github.com/boardpaper/boardpaper/internal/exhibit"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
)

// vectorCharts are three charts shaped like the seed paper's (figures
// illustrative): a line over irregular dates, monthly bars, and bars with
// two lines.
func vectorCharts() []*model.Chart {
	day := func(s string) time.Time {
		t, _ := time.Parse("2006-01-02", s)
		return t
	}
	months := func(start string, n int) []model.XPoint {
		t := day(start + "-01")
		out := make([]model.XPoint, n)
		for i := range out {
			m := t.AddDate(0, i, 0)
			out[i] = model.XPoint{Label: m.Format("Jan 2006"), Time: m}
		}
		return out
	}
	line := &model.Chart{Type: model.ChartLine, Title: "Number of looked after children", YLabel: "Children",
		XLabel: "Date of count", IsTime: true,
		Series: []model.Series{{Name: "Looked after children", Values: []float64{1370, 1434, 1474, 1384}}}}
	for _, d := range []string{"2009-11-30", "2010-11-30", "2012-03-31", "2013-01-25"} {
		line.X = append(line.X, model.XPoint{Label: day(d).Format("Jan 2006"), Time: day(d)})
	}
	bar := &model.Chart{Type: model.ChartBar, Title: "Foster carer expressions of interest", YLabel: "Expressions of interest",
		IsTime: true, Monthly: true, X: months("2011-04", 18),
		Series: []model.Series{{Name: "Expressions", Values: []float64{41, 38, 47, 52, 44, 39, 30, 46, 49, 51, 43, 48, 66, 72, 75, 69, 70, 74}}}}
	barLine := &model.Chart{Type: model.ChartBarLine, Title: "Contacts & referrals by month", YLabel: "Number",
		IsTime: true, Monthly: true, X: months("2012-01", 12),
		Series: []model.Series{
			{Name: "Contacts", Values: []float64{1012, 1104, 1250, 1090, 1187, 1302, 1230, 1001, 1145, 1280, 1266, 1050}},
			{Name: "Referrals", Values: []float64{512, 560, 640, 588, 602, 700, 655, 498, 590, 671, 660, 540}},
			{Name: "Re-referrals", Values: []float64{120, 131, 150, 128, 140, 161, 149, 110, 137, 158, 152, 126}},
		}}
	charts := []*model.Chart{line, bar, barLine}
	for _, c := range charts {
		c.Y = exhibit.ValueAxis(c)
	}
	return charts
}

// vectorDoc is an A4 document in mm with the page fonts registered as the
// writer registers them, text before the charts and after them.
func vectorDoc(t testing.TB) *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(false)
	f.SetCatalogSort(true)
	date := time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.AddUTF8FontFromBytes(chartFace().Family(), "", liberationsansregular.TTF)
	f.AddUTF8FontFromBytes(chartFace().Family(), "B", liberationsansbold.TTF)
	f.AddPage()
	return f
}

const vectorW, vectorH = 160.0, 85.0 // mm: the text column's width

func vectorPDF(t *testing.T) []byte {
	f := vectorDoc(t)
	st := chart.Style{Colours: []string{"#1d4f91", "#c05600", "#2b7a3b"}, FontSize: 11}
	y := 15.0
	for _, c := range vectorCharts() {
		if err := drawChart(f, c, st, 25, y, vectorW, vectorH); err != nil {
			t.Fatal(err)
		}
		y += vectorH + 5
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func vectorTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestVectorChartTextImagesAndStructure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "charts.pdf")
	if err := os.WriteFile(path, vectorPDF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	text := vectorTool(t, "pdftotext", "-layout", path, "-")
	for _, want := range []string{
		"Number of looked after children", "Children", "Date of count", "1,400", "1,450", "Jan 2011",
		"Foster carer expressions of interest", "Expressions of interest", "Apr 2011", "Jul 2012",
		"Contacts & referrals by month", "Contacts", "Referrals", "Re-referrals", "1,500",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not find %q in:\n%s", want, text)
		}
	}
	images := vectorTool(t, "pdfimages", "-list", path)
	if lines := strings.Split(strings.TrimSpace(images), "\n"); len(lines) > 2 {
		t.Errorf("charts should be vectors, pdfimages lists:\n%s", images)
	}
	vectorTool(t, "qpdf", "--check", path)
	if dir := os.Getenv("BOARDPAPER_LOOK"); dir != "" {
		// To look at the page: BOARDPAPER_LOOK=/tmp go test -run Vector
		vectorTool(t, "pdftoppm", "-png", "-r", "70", path, filepath.Join(dir, "vector"))
		os.WriteFile(filepath.Join(dir, "vector.pdf"), vectorPDF(t), 0o644)
	}
}

// A chart must leave the page's colours and line width as it found them,
// and the dash pattern solid (the document draws no dashed lines).
func TestVectorChartRestoresState(t *testing.T) {
	f := vectorDoc(t)
	f.SetFont(chartFace().Family(), "B", 14)
	f.SetDrawColor(10, 20, 30)
	f.SetFillColor(40, 50, 60)
	f.SetTextColor(70, 80, 90)
	f.SetLineWidth(0.7)
	before := saveGraphicsState(f)
	if err := drawChart(f, vectorCharts()[2], chart.Style{FontSize: 11}, 20, 20, vectorW, vectorH); err != nil {
		t.Fatal(err)
	}
	if after := saveGraphicsState(f); before != after {
		t.Errorf("state not restored:\nbefore %+v\nafter  %+v", before, after)
	}
	f.Text(20, 120, "AFTER")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	all := regexp.MustCompile(`\[[^\]]*\] [\d.]+ d`).FindAllString(b.String(), -1)
	if len(all) == 0 || all[len(all)-1] != "[] 0.00 d" {
		t.Errorf("the dash pattern after a chart is %q, want solid", all)
	}
}

// Arcs are drawn in pieces of at most 30°, clockwise or not, ending where
// they should: fpdf's ArcTo gets clockwise sweeps wrong.
func TestVectorArcPieces(t *testing.T) {
	f := vectorDoc(t)
	r := newChartRenderer(f, 0, 0, chartFace().Family(), chart.DefaultFont())
	for _, delta := range []float64{math.Pi / 2, -math.Pi / 2, 2 * math.Pi, -3 * math.Pi / 4} {
		r.path = nil
		r.ArcTo(100, 100, 20, 10, 0.3, delta)
		curves := 0
		for _, op := range r.path {
			if op.kind == 'C' {
				curves++
			}
		}
		if want := int(math.Ceil(math.Abs(delta) / (math.Pi / 6))); curves != want {
			t.Errorf("sweep %.2f: %d pieces, want %d", delta, curves, want)
		}
		end := r.path[len(r.path)-1].pts[2]
		wx, wy := 100+20*math.Cos(0.3+delta), 100+10*math.Sin(0.3+delta)
		if math.Abs(end[0]-wx) > 1e-9 || math.Abs(end[1]-wy) > 1e-9 {
			t.Errorf("sweep %.2f ends at %v, want (%.3f, %.3f)", delta, end, wx, wy)
		}
		// The middle of each piece lies on the ellipse.
		prev := r.path[0].pts[0]
		for _, op := range r.path[1:] {
			if op.kind != 'C' {
				continue
			}
			mx := (prev[0] + 3*op.pts[0][0] + 3*op.pts[1][0] + op.pts[2][0]) / 8
			my := (prev[1] + 3*op.pts[0][1] + 3*op.pts[1][1] + op.pts[2][1]) / 8
			if e := math.Hypot((mx-100)/20, (my-100)/10); math.Abs(e-1) > 1e-4 {
				t.Errorf("sweep %.2f: piece midpoint %.4f radii from the centre", delta, e)
			}
			prev = op.pts[2]
		}
	}
}

// Rotated text turns the way go-chart means: a quarter turn clockwise on
// its y-down canvas is a quarter turn clockwise on the page, which fpdf
// writes as -90°.
func TestVectorRotatedText(t *testing.T) {
	f := vectorDoc(t)
	r := newChartRenderer(f, 10, 10, chartFace().Family(), chart.DefaultFont())
	r.SetFontSize(10)
	r.SetTextRotation(math.Pi / 2)
	r.Text("Turned", 50, 50)
	if b := r.MeasureText("Turned"); b.Height() <= b.Width() {
		t.Errorf("a quarter-turned label measures %d wide × %d high; want taller than wide", b.Width(), b.Height())
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	// fpdf's TransformRotate writes cos, sin, -sin, cos: -90° gives
	// 0 -1 1 0.
	if !regexp.MustCompile(`0\.0+ -1\.0+ 1\.0+ 0\.0+ [-\d.]+ [-\d.]+ cm`).Match(b.Bytes()) {
		t.Errorf("no clockwise quarter turn in the content stream")
	}
}

func BenchmarkVectorChart(b *testing.B) {
	charts := vectorCharts()
	st := chart.Style{FontSize: 11}
	for _, c := range charts {
		b.Run(string(c.Type), func(b *testing.B) {
			f := vectorDoc(b)
			for b.Loop() {
				if err := drawChart(f, c, st, 25, 20, vectorW, vectorH); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestVectorChartByteIdentical(t *testing.T) {
	a := vectorPDF(t)
	for range 3 {
		if !bytes.Equal(a, vectorPDF(t)) {
			t.Fatal("two PDFs of the same charts differ")
		}
	}
}
