package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
)

func read(t *testing.T, body string) *model.Document {
	t.Helper()
	res, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: body, Expanded: body}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Doc
}

func TestRawHTMLIsText(t *testing.T) {
	d := read(t, "# A\n\nHello <script>alert(1)</script> world.\n\n<div onclick=\"x()\">block</div>\n")
	dump := model.Dump(d)
	if !strings.Contains(dump, `"Hello <script>alert(1)</script> world."`) || !strings.Contains(dump, `Para "" "<div onclick=\"x()\">block</div>"`) {
		t.Errorf("raw HTML was not kept as text:\n%s", dump)
	}
}

func TestOnlySafeLinksAreLive(t *testing.T) {
	d := read(t, "# A\n\n[ok](https://example.org) [bad](javascript:alert(1)) [data](data:text/html,x) [mail](mailto:a@b.org) [rel](minutes.pdf) <javascript:alert(2)>\n")
	dump := model.Dump(d)
	for _, want := range []string{`Link("https://example.org")`, `Link("mailto:a@b.org")`, `Link("minutes.pdf")`} {
		if !strings.Contains(dump, want) {
			t.Errorf("missing %s:\n%s", want, dump)
		}
	}
	if strings.Contains(dump, `Link("javascript`) || strings.Contains(dump, `Link("data:`) {
		t.Errorf("an unsafe link stayed live:\n%s", dump)
	}
}

func TestHeadingsAndCaptions(t *testing.T) {
	d := read(t, "# Main {#sec-main}\n\nText. {#para-x}\n\n## Cross {-}\n\nMore.\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nTable: A caption {#tbl-x}\n")
	dump := model.Dump(d)
	for _, want := range []string{`Section "" {#sec-main} "Main"`, `Para "" {#para-x} "Text."`, `CrossHeading {.unnumbered} "Cross"`, `Table "" {#tbl-x .numbered} rowheaders=false align=[0 3] "A caption"`} {
		if !strings.Contains(dump, want) {
			t.Errorf("missing %s:\n%s", want, dump)
		}
	}
}

func TestStructureErrorsNameTheLine(t *testing.T) {
	cases := map[string]string{
		"Intro first.\n\n# A\n":                     "templates/p.md:5:1: text before the first heading",
		"## Sub first\n\nText.\n":                   "templates/p.md:5:1: a subsection (##) needs a numbered section (#) before it",
		"# A\n\nText.\n\n# S {.summary}\n\nLate.\n": "templates/p.md:9:1: the front part ({.summary}, {.recommendations}) must come before the first numbered section",
	}
	for body, want := range cases {
		_, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: body, Expanded: body}, nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %s", body, err, want)
		}
	}
}

// Lines that expansion changed or added are reported at the template line
// that made them.
func TestLineMapFollowsTheTemplate(t *testing.T) {
	tpl := "# A\n\n{{ template \"recs\" . }}\n\nSee @tbl-missing.\n"
	expanded := "# A\n\nFirst recommendation.\n\nSecond one.\n\nSee @tbl-missing.\n"
	res, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: tpl, Expanded: expanded}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ref *model.Ref
	for _, b := range res.Doc.Body[0].Blocks {
		for _, in := range b.(*model.Para).Inlines {
			if r, ok := in.(*model.Ref); ok {
				ref = r
			}
		}
	}
	if got := res.Positions[ref]; got != (diag.Pos{Path: "templates/p.md", Line: 9, Col: 5}) {
		t.Errorf("reference at %v, want templates/p.md:9:5", got)
	}
}

func TestPeelAttrs(t *testing.T) {
	cases := []struct{ in, rest, attr, bad string }{
		{"Appendix B {.exempt} {-}", "Appendix B", "{.exempt .unnumbered}", ""},
		{"Appendix B {-} {.exempt}", "Appendix B", "{.unnumbered .exempt}", ""},
		{"Costs {#sec-costs .exempt lang=en}", "Costs", "{#sec-costs .exempt lang=en}", ""},
		{`Costs {title="a b" .exempt}`, "Costs", "{.exempt title=a b}", ""},
		{"Costs {£m}", "Costs {£m}", "", "{£m}"},
		{"Costs in {year}", "Costs in {year}", "", "{year}"},
		{"Plain", "Plain", "", ""},
		{`Costs {title="open .exempt}`, `Costs {title="open .exempt}`, "", `{title="open .exempt}`},
	}
	for _, c := range cases {
		rest, a, bad := peelAttrs(c.in)
		got := model.Dump(&model.Document{Body: []*model.Section{{Attr: a}}})
		if rest != c.rest || bad != c.bad || (c.attr != "" && !strings.Contains(got, c.attr)) {
			t.Errorf("peelAttrs(%q) = %q, %+v, %q; want %q, %s, %q", c.in, rest, a, bad, c.rest, c.attr, c.bad)
		}
	}
}

// A paragraph an expression changed is reported at its own line, not at
// the line after the last unchanged one.
func TestLineMapLinesAnExpressionChanged(t *testing.T) {
	tpl := "# A\n\nOne {{ num 5 }} here. {#para-x}\n\nTwo {{ num 6 }}\nrunning on.\n\nThree {{ .x }}\nand {{ .y }}.\n\nFour.\n"
	expanded := "# A\n\nOne 5 here. {#para-x}\n\nTwo 6\nrunning on.\n\nThree x\nand y.\n\nFour.\n"
	res, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: tpl, Expanded: expanded}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, b := range res.Doc.Body[0].Blocks {
		got = append(got, res.Positions[b].Line)
	}
	if want := []int{7, 9, 12, 15}; !slices.Equal(got, want) {
		t.Errorf("paragraphs at lines %v, want %v", got, want)
	}
	// Lines an expression added, with no template lines left before the
	// next unchanged one, stay before it.
	m := newLineMap("# A\n\n{{ .three_lines }}\nNext.\n", "# A\n\none\ntwo\nthree\nNext.\n")
	if want := []int{0, 1, 2, 2, 2, 3, 4}; !slices.Equal(m.toSource, want) {
		t.Errorf("lines added by an expression map to %v, want %v", m.toSource, want)
	}
}

// Text that would be published as written, or dropped, though the author
// meant something else by it, is an error at its line and column: a
// footnote reference with no footnote, an image, a reference whose prefix
// is capitalised.
func TestMistakesInTextAreErrors(t *testing.T) {
	body := "# A {#sec-a}\n\n" + // lines 5, 6
		"Text[^1] and [^missing], \\[^escaped] and `[^code]`.\n\n" + // 7
		"A plan: ![Site plan](plan.png) and ![](x.png).\n\n" + // 9
		"See @Sec-a, @TBL-costs, @sec-a and bob@Sec-a.org.\n\n" + // 11
		"# B ![logo](l.png) [^gone]\n\n" + // 13
		"[^1]: A note.\n"
	_, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: body, Expanded: body}, nil)
	if err == nil {
		t.Fatal("no errors")
	}
	want := []string{
		`templates/p.md:7:14: footnote [^missing] is not defined: add its text on a line of its own, "[^missing]: …", or write \[^missing] to print the characters`,
		`templates/p.md:9:9: the image ![Site plan](plan.png) must stand alone, in a paragraph of its own: put a blank line before and after it`,
		`templates/p.md:9:36: the image ![](x.png) must stand alone, in a paragraph of its own: put a blank line before and after it`,
		`templates/p.md:11:5: @Sec-a is not a reference (its prefix is written in small letters): did you mean @sec-a?`,
		`templates/p.md:11:13: @TBL-costs is not a reference (its prefix is written in small letters): did you mean @tbl-costs?`,
		`templates/p.md:13:5: the image ![logo](l.png) must stand alone, in a paragraph of its own: put a blank line before and after it`,
		`templates/p.md:13:20: footnote [^gone] is not defined`,
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("%d errors, want %d:\n%s", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n  %s\nwant\n  %s", i+1, got[i], want[i])
		}
	}
}

// Text is what CommonMark makes of it: backslash escapes and character
// references resolved, in text, headings, table cells and link titles;
// code and raw HTML as written. Link addresses are resolved before they
// are checked, so an encoded scheme is no way round SafeURL.
func TestEscapesAndReferences(t *testing.T) {
	d := read(t, "# Costs &amp; savings \\#1\n\n"+
		"\\*Not emphasis\\*, 1\\. not a list, &pound;3.5m, &#163;2m, &#x20AC;4, caf&eacute;, \\&amp; and &madeup; and \\\\.\n\n"+
		"`&amp; \\*` and <b>&amp;</b>\n\n"+
		"| a \\| b | &lt;c&gt; |\n|---|---|\n| 1 | 2 |\n\n"+
		"[x](https://example.org/a&amp;b \"Fish &amp; chips\") [y](https://example.org/caf\\(e\\)) [z](https://example.org/ö)\n\n"+
		"[bad](javascript&#58;alert(1)) [bad2](&#106;avascript:alert(2)) [bad3](data&colon;text/html,x)\n")
	dump := model.Dump(d)
	for _, want := range []string{
		`Section "" "Costs & savings #1"`,
		`"*Not emphasis*, 1. not a list, £3.5m, £2m, €4, café, &amp; and &madeup; and \\."`,
		`Code("&amp; \\*")" and <b>&</b>"`,
		`"a | b"`, `"<c>"`,
		`Link("https://example.org/a&b")["x"]`,
		`Link("https://example.org/caf(e)")["y"]`,
		`Link("https://example.org/%C3%B6")["z"]`,
		`Para "" "bad bad2 bad3"`,
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("missing %s", want)
		}
	}
	if l, ok := d.Body[0].Blocks[3].(*model.Para).Inlines[0].(*model.Link); !ok || l.Title != "Fish & chips" {
		t.Errorf("the link's title is not \"Fish & chips\": %#v", d.Body[0].Blocks[3].(*model.Para).Inlines[0])
	}
	if t.Failed() {
		t.Log(dump)
	}
}

// TestImages: an image alone in its paragraph is a block, with its
// description, caption, label and class; the file is read through the
// ImageFunc, whose error is placed at the image.
func TestImages(t *testing.T) {
	body := "# A\n\n" +
		"![Map of the wards](images/map.png \"The wards affected\"){#fig-map}\n\n" + // 7
		"![](images/rule.png){.decorative}\n\n" + // 9
		"![Plan](images/gone.png)\n" // 11
	var asked []string
	images := func(path string) (*model.Image, error) {
		asked = append(asked, path)
		if path == "images/gone.png" {
			return nil, fmt.Errorf("file %q not found", path)
		}
		return &model.Image{Type: "png", Data: []byte("png"), Width: 40, Height: 20}, nil
	}
	res, err := Read(Source{Path: "templates/p.md", FirstLine: 5, Template: body, Expanded: body, Images: images}, nil)
	if err == nil || err.Error() != `templates/p.md:11:1: image: file "images/gone.png" not found` {
		t.Fatalf("error %v", err)
	}
	if strings.Join(asked, " ") != "images/map.png images/rule.png images/gone.png" {
		t.Errorf("files read: %q", asked)
	}
	_ = res
	body = strings.TrimSuffix(body, "![Plan](images/gone.png)\n")
	res, err = Read(Source{Path: "templates/p.md", FirstLine: 5, Template: body, Expanded: body, Images: images}, nil)
	if err != nil {
		t.Fatal(err)
	}
	bs := res.Doc.Body[0].Blocks
	if len(bs) != 2 {
		t.Fatalf("%d blocks, want 2:\n%s", len(bs), model.Dump(res.Doc))
	}
	m, ok := bs[0].(*model.Image)
	if !ok || m.Alt != "Map of the wards" || model.PlainText(m.Caption) != "The wards affected" || m.Attr.ID != "fig-map" || m.Width != 40 || m.Decorative {
		t.Errorf("first image read as %#v", bs[0])
	}
	if d, ok := bs[1].(*model.Image); !ok || !d.Decorative || d.Alt != "" || len(d.Caption) != 0 {
		t.Errorf("decorative image read as %#v", bs[1])
	}
}
