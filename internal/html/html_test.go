package html

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	m "github.com/boardpaper/boardpaper/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// chartOptions link the charts' figures as CSV, as a build's page does.
func chartOptions() Options { return Options{ChartCSV: true} }

func render(t *testing.T, doc *m.Document, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.String()
}

func redactedPaper() *m.Document {
	d := exemptPaper()
	d.Exempt = false
	d.Redacted = true
	s := d.Body[1]
	s.Blocks = []m.Block{&m.ExemptNotice{Text: d.ExemptNotice}}
	return d
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		doc  *m.Document
		opts Options
	}{
		{"executive-board", executivePaper(), chartOptions()},
		{"exempt-full", exemptPaper(), Options{}},
		{"exempt-redacted", redactedPaper(), Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.doc, c.opts)
			path := filepath.Join("testdata", c.name+".html")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/html -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file; run with -update and review the diff:\n%s", path, firstDiff(string(want), got))
			}
			if again := render(t, c.doc, c.opts); again != got {
				t.Error("two renderings of the same document differ")
			}
		})
	}
}

// bodyOf is the page without its head, so that class names in the style
// sheet do not count as content.
func bodyOf(page string) string {
	_, body, _ := strings.Cut(page, "<body>")
	return body
}

// headOf is the page's head without the style sheet.
func headOf(page string) string {
	head, _, _ := strings.Cut(page, "<style>")
	return head
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

// TestWellFormed parses every page as XML: unclosed or misnested elements,
// stray "&" or "<" in text, or a named entity XML does not know all fail.
func TestWellFormed(t *testing.T) {
	for name, page := range map[string]string{
		"executive":  render(t, executivePaper(), chartOptions()),
		"no-csv":     render(t, executivePaper(), Options{}),
		"exempt":     render(t, exemptPaper(), Options{}),
		"hostile":    render(t, hostilePaper(), Options{}),
		"no-details": render(t, &m.Document{}, Options{}),
	} {
		d := xml.NewDecoder(strings.NewReader(page))
		d.Strict = true
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: not well-formed: %v", name, err)
				break
			}
		}
	}
}

func TestPageBasics(t *testing.T) {
	page := render(t, executivePaper(), chartOptions())
	for _, want := range []string{
		"<!DOCTYPE html>\n<html lang=\"en-GB\">",
		`<meta charset="utf-8"/>`,
		`<meta name="viewport" content="width=device-width, initial-scale=1"/>`,
		"<title>Reducing the need for children to be looked after – Executive Board, 13th March 2013</title>",
		"<main id=\"main\">",
		"<header class=\"cover\">",
		`<img class="logo" src="data:image/png;base64,`,
		`alt="Leeds City Council"/>`,
		"--size-screen: 16px;",
		"--size-print: 11pt;",
		`Arial, "Liberation Sans", Helvetica, sans-serif`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Self-contained: nothing that would fetch from elsewhere.
	for _, bad := range []string{"<script", "<link", "@import", "url(", `src="http`, "<iframe"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q: it must need nothing from the network", bad)
		}
	}
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("%d h1 elements, want 1", n)
	}
}

var headingRE = regexp.MustCompile(`<h([1-6])[ >]`)

func TestHeadingOrder(t *testing.T) {
	for name, doc := range map[string]*m.Document{"executive": executivePaper(), "exempt": exemptPaper()} {
		page := render(t, doc, chartOptions())
		var levels []string
		prev := 0
		for _, mm := range headingRE.FindAllStringSubmatch(page, -1) {
			level := int(mm[1][0] - '0')
			levels = append(levels, mm[1])
			if level > prev+1 {
				t.Errorf("%s: heading levels %v skip from h%d to h%d", name, levels, prev, level)
			}
			prev = level
		}
		if len(levels) == 0 || levels[0] != "1" {
			t.Errorf("%s: first heading is not h1: %v", name, levels)
		}
	}
	// The executive paper has a cross-heading in a section (h3) and one
	// in a subsection (h4).
	page := render(t, executivePaper(), Options{})
	for _, want := range []string{
		`<h2 id="summary-title">Executive Summary</h2>`,
		`<h2 id="recommendations-title">Recommendations</h2>`,
		`<h2 id="sec-3-title" class="numbered"><span class="secnum">3.0</span> Main issues</h2>`,
		`<h3 class="cross-heading">Common Assessment Framework (CAF)</h3>`,
		`<h3 id="sec-4-1-title" class="numbered"><span class="secnum">4.1</span> Consultation and Engagement</h3>`,
		`<h4 class="cross-heading">Children in Care Council</h4>`,
		`<section class="sec" id="sec-3" aria-labelledby="sec-3-title">`,
		`<section class="sec" id="sec-background" aria-labelledby="sec-background-title">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestCoverQuestions(t *testing.T) {
	page := render(t, exemptPaper(), Options{})
	for _, want := range []string{
		`<th scope="row">Are specific electoral wards affected?</th><td class="answer"><span aria-hidden="true">☒ Yes ☐ No</span><span class="visually-hidden">Yes</span></td>`,
		`<th scope="row">Is the decision eligible for call-in?</th><td class="answer"><span aria-hidden="true">☐ Yes ☒ No</span><span class="visually-hidden">No</span></td>`,
		`<tr class="cover-detail"><td colspan="2">Wards: Armley, Beeston &amp; Holbeck</td></tr>`,
		`<tr class="cover-detail"><td colspan="2">Appendix number: 1</td></tr>`,
		`<dt>Report to</dt>` + "\n" + `<dd>Scrutiny Board (Children and Families)</dd>`,
		`<dt>Subject</dt>` + "\n" + `<dd><h1>Update on recent inspections</h1></dd>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestParagraphNumbersAndIDs(t *testing.T) {
	page := render(t, executivePaper(), Options{})
	for _, want := range []string{
		`<p class="numbered" id="para-1-0"><span class="pnum">1.0</span> This report updates`,
		`<p class="numbered" id="para-2-1"><span class="pnum">2.1</span> The number`,
		`<p class="numbered" id="para-ages"><span class="pnum">2.2</span> Younger`,
		`<p class="numbered" id="para-4-1-2"><span class="pnum">4.1.2</span> The Children`,
		`<p>Executive Board is asked to note the progress made.</p>`,
		`<a class="xref" href="#para-ages">paragraph 2.2</a>`,
		`<a class="xref" href="#tbl-age-groups">Table Two</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	scrutiny := render(t, exemptPaper(), Options{})
	if want := `<p class="numbered" id="para-1"><span class="pnum">1.</span> Ofsted`; !strings.Contains(scrutiny, want) {
		t.Errorf("scrutiny page lacks %q", want)
	}
	// The writer places the model's ids as they are, and the anchors it
	// makes from them, each once.
	doc := executivePaper()
	doc.Body[2].Attr.ID = "sec-main"
	doc.Body[2].Blocks[0].(*m.Para).Attr.ID = "para-safe"
	page = render(t, doc, chartOptions())
	for _, want := range []string{
		`<section class="sec" id="sec-main" aria-labelledby="sec-main-title">`,
		`<h2 id="sec-main-title" class="numbered">`,
		`<p class="numbered" id="para-safe"><span class="pnum">3.1</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	seen := map[string]bool{}
	for _, mm := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if seen[mm[1]] {
			t.Errorf("id %q used twice", mm[1])
		}
		seen[mm[1]] = true
	}
	if seen["sec-3"] || seen["para-3-1"] {
		t.Errorf("the writer made ids of its own: %v", seen)
	}
}

func TestTables(t *testing.T) {
	page := render(t, executivePaper(), Options{})
	for _, want := range []string{
		`<div class="table-wrap" id="tbl-age-groups" role="region" aria-label="Table Two: Looked after children by age group at March 2011 and March 2012" tabindex="0">`,
		`<caption><span class="exhibit-label">Table Two:</span> Looked after children by age group at March 2011 and March 2012</caption>`,
		`<tr><td class="left"></td><th scope="col" class="num">0</th>`,
		`<tr><th scope="row" class="left">March 2011</th><td class="num">90 (6.2%)</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Every header cell says what it heads.
	for _, th := range regexp.MustCompile(`<th[ >][^>]*`).FindAllString(page, -1) {
		if !strings.Contains(th, `scope="col"`) && !strings.Contains(th, `scope="row"`) {
			t.Errorf("header cell without scope: %s", th)
		}
	}
	if strings.Contains(page, "<th></th>") || regexp.MustCompile(`<th [^>]*></th>`).MatchString(page) {
		t.Error("empty header cell")
	}
}

func TestCharts(t *testing.T) {
	drawn := render(t, executivePaper(), chartOptions())
	for _, want := range []string{
		`<div class="exhibit chart" id="tbl-lac-trend">` + "\n<figure>\n<div class=\"chart-svg\">\n<svg ",
		`<figcaption><span class="exhibit-label">Table One:</span> Looked after children, November 2009 to January 2013</figcaption>` + "\n</figure>\n" +
			`<details class="chart-figures">` + "\n<summary>Show the figures as a table</summary>",
		`<caption>Figures for Table One</caption>`,
		`<p class="chart-csv"><a href="looked-after-children-tbl-lac-trend.csv" download="looked-after-children-tbl-lac-trend.csv">Download the figures for Table One (CSV)</a></p>`,
	} {
		if !strings.Contains(drawn, want) {
			t.Errorf("page with charts lacks %q", want)
		}
	}
	// Without ChartCSV the page links no file.
	if plain := bodyOf(render(t, executivePaper(), Options{})); strings.Contains(plain, "chart-csv") || strings.Contains(plain, ".csv") {
		t.Error("a page without ChartCSV links a CSV file")
	}
	// A chart that cannot be drawn stops the page.
	doc := executivePaper()
	charts := 0
	m.Walk(doc, func(n m.Node, entering bool) m.WalkStatus {
		if c, ok := n.(*m.Chart); ok && entering {
			c.Series = nil
			charts++
		}
		return m.WalkContinue
	})
	if charts == 0 {
		t.Fatal("the test paper has no chart")
	}
	if err := Write(io.Discard, doc, chartOptions()); err == nil || !strings.Contains(err.Error(), "no data to draw") {
		t.Errorf("Write returned %v, want the chart's error", err)
	}
}

func TestFootnotes(t *testing.T) {
	page := render(t, executivePaper(), Options{})
	for _, want := range []string{
		`<sup class="fnref"><a href="#fn-1" id="fnref-1"><span class="visually-hidden">Footnote </span>1</a></sup>`,
		`<section class="footnotes" aria-label="Footnotes">`,
		`<li id="fn-1"><span class="fnnum">1</span> <p>Children looked after on the last day of each month. <a class="fnback" href="#fnref-1">Back to paragraph 2.1</a></p>`,
		`<li id="fn-2"><span class="fnnum">2</span> <p>The headings follow the council's template. <a class="fnback" href="#fnref-2">Back to section 4.0</a></p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestProvenanceFooter(t *testing.T) {
	page := render(t, executivePaper(), Options{})
	want := `<footer>` + "\n" + `<p class="provenance">Built by boardpaper 0.1.0 from <span class="source">templates/looked-after-children.md (sha256 <code>9f2c4e1a0b3d5f6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f</code>)</span>, <span class="source">data/looked-after-children/2013-01-25.yaml (sha256 <code>0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9</code>)</span>.</p>` + "\n</footer>"
	if !strings.Contains(page, want) {
		t.Errorf("page lacks the provenance footer %q", want)
	}
}

func TestNotForPublication(t *testing.T) {
	full := render(t, exemptPaper(), Options{})
	for _, want := range []string{
		`<div class="nfp-banner" role="note"><strong>NOT FOR PUBLICATION</strong> <span class="nfp-rule">Not for publication (Access to Information Procedure Rule 10.4(3))</span></div>`,
		`<title>NOT FOR PUBLICATION: Update on recent inspections`,
		`<meta name="robots" content="noindex, nofollow"/>`,
		`<p class="exempt-mark" role="note"><strong>NOT FOR PUBLICATION</strong></p>`,
		"SENTINEL",
	} {
		if !strings.Contains(full, want) {
			t.Errorf("full exempt page lacks %q", want)
		}
	}
	// The banner must come before the cover's heading: the top of the page.
	if strings.Index(full, "nfp-banner") > strings.Index(full, "<h1") {
		t.Error("NOT FOR PUBLICATION banner is not at the top of the page")
	}
	public := render(t, redactedPaper(), Options{})
	for _, bad := range []string{"NOT FOR PUBLICATION", "nfp-banner", "noindex", "SENTINEL"} {
		if strings.Contains(headOf(public)+bodyOf(public), bad) {
			t.Errorf("public page contains %q", bad)
		}
	}
	if want := `<p class="exempt-notice" role="note">Not for publication (Access to Information Procedure Rule 10.4(3))</p>`; !strings.Contains(public, want) {
		t.Errorf("public page lacks the exempt notice %q", want)
	}
}

// hostilePaper carries script, markup and dangerous links in every place
// text can reach the page.
func hostilePaper() *m.Document {
	d := &m.Document{}
	d.Meta.Title = `<script>alert("subject")</script>`
	d.Meta.Committee = `Board & "Friends"`
	d.Cover.Council = `<b>Council</b>`
	d.Cover.Item = `<i>7</i>`
	d.Cover.Rows = []m.CoverRow{
		{Label: "Subject:", Title: true, Lines: []string{d.Meta.Title}},
		{Label: "<u>to</u>", Lines: []string{d.Meta.Committee}},
		{Kind: m.CoverQuestion, Label: "<b>bold?</b>", Yes: true, Details: []string{"<i>x</i>"}},
		{Kind: m.CoverBlock, Label: "<s>who</s>", Lines: []string{"<em>A</em>", "<q>tel</q>"}},
	}
	d.Style.LogoAlt = `"><script>alert(1)</script>`
	d.Style.FontFamily = `x";}</style><script>alert(1)</script>`
	d.Style.Logo = []byte{1}
	var links []m.Inline
	for _, u := range []string{
		"javascript:alert(1)", "JaVaScRiPt:alert(2)", "java\tscript:alert(3)", " javascript:alert(4)",
		"vbscript:msgbox(5)", "data:text/html,<script>alert(6)</script>", "file:///etc/passwd", "http:no-host",
	} {
		links = append(links, &m.Link{URL: u, Inlines: txt("bad " + u)})
	}
	d.Body = []*m.Section{{Level: 1, Number: "1", Attr: m.Attr{ID: `x" onmouseover="alert(7)`},
		Title: txt("<img src=x onerror=alert(8)>"),
		Blocks: []m.Block{
			&m.Para{Number: "1.1", Inlines: append(txt("<script>alert(9)</script> & more "), links...)},
			&m.Para{Number: "1.2", Inlines: []m.Inline{
				&m.Link{URL: `https://example.org/?a=1&b="2"`, Title: `t"><script>`, Inlines: txt("good")},
				&m.Ref{Target: `x"><script>`, Text: "<ref>"},
				m.Code("<code>"),
			}},
			&m.CodeBlock{Text: "</pre><script>alert(10)</script>"},
			&m.Table{Exhibit: m.Exhibit{Label: "Table <1>", Caption: txt("</caption>")},
				Head: [][]m.Cell{cells("<th>")}, Rows: [][]m.Cell{cells("<td onclick=x>")}},
		}}}
	d.Provenance = m.Provenance{Generator: "<gen>", Sources: []m.Source{{Path: "<path>", SHA256: "<sha>"}}}
	return d
}

func TestEscapingAndLinkSchemes(t *testing.T) {
	page := render(t, hostilePaper(), Options{})
	if strings.Contains(page, "<script") {
		t.Error("a <script> element reached the page")
	}
	for _, bad := range []string{"<img src=x", "<b>", "<i>", "<th>", "<td onclick", "<ref>", "onmouseover=\"", "</pre><", "</style><"} {
		if strings.Contains(page, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	for _, want := range []string{
		`&lt;script&gt;alert(9)&lt;/script&gt; &amp; more `,
		`<h1>&lt;script&gt;alert("subject")&lt;/script&gt;</h1>`,
		`<a href="https://example.org/?a=1&amp;b=&#34;2&#34;" title="t&#34;&gt;&lt;script&gt;">good</a>`,
		`<a class="xref" href="#x&#34;&gt;&lt;script&gt;">&lt;ref&gt;</a>`,
		`id="x&#34; onmouseover=&#34;alert(7)"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Links with a dangerous or unknown scheme keep their words as text.
	for _, scheme := range []string{"javascript", "JaVaScRiPt", "vbscript", "data:", "file:", "http:no-host"} {
		if regexp.MustCompile(`href="[^"]*` + regexp.QuoteMeta(scheme)).MatchString(page) {
			t.Errorf("a link to %s reached the page", scheme)
		}
	}
	if !strings.Contains(page, "bad javascript:alert(1)bad JaVaScRiPt:alert(2)") {
		t.Error("the words of a refused link were lost")
	}
}

func TestSafeHref(t *testing.T) {
	for _, c := range []struct {
		url string
		ok  bool
	}{
		{"https://www.leeds.gov.uk/", true},
		{"http://example.org/a?b=c#d", true},
		{"HTTPS://EXAMPLE.ORG", true},
		{"mailto:clerk@example.org", true},
		{"#para-3-14", true},
		{"looked-after-children.pdf", true},
		{"../index.html", true},
		{"", false},
		{"javascript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"\x01javascript:alert(1)", false},
		{"vbscript:x", false},
		{"data:text/html;base64,PHNjcmlwdD4=", false},
		{"ftp://example.org/", false},
		{"mailto:", false},
		{"https:///path", false},
		{"a b", false},
	} {
		if _, ok := safeHref(c.url); ok != c.ok {
			t.Errorf("safeHref(%q) = %v, want %v", c.url, ok, c.ok)
		}
	}
}

func TestFontSizeAndFamily(t *testing.T) {
	for _, c := range []struct {
		size         float64
		family       string
		screen, font string
	}{
		{11, "Liberation Sans", "--size-screen: 16px;", `--font: Arial, "Liberation Sans"`},
		{12, "Arial", "--size-screen: 17.45px;", `--font: Arial, "Liberation Sans"`},
		{0, "", "--size-screen: 16px;", `--font: Arial, "Liberation Sans"`},
		{10, "DejaVu Sans", "--size-screen: 14.55px;", `--font: "DejaVu Sans", Arial, "Liberation Sans"`},
	} {
		css := styleSheet(m.Style{FontSize: c.size, FontFamily: c.family})
		if !strings.Contains(css, c.screen) || !strings.Contains(css, c.font) {
			t.Errorf("size %v family %q: style sheet lacks %q or %q:\n%s", c.size, c.family, c.screen, c.font, css[:200])
		}
	}
}
