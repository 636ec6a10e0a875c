package markdown_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/markdown"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/transform"
)

// readPaper reads and numbers a body as the build does.
func readPaper(t *testing.T, body string) (*model.Document, error) {
	t.Helper()
	res, err := markdown.Read(markdown.Source{Path: "templates/p.md", FirstLine: 9, Template: body, Expanded: body}, nil)
	if err != nil {
		return nil, err
	}
	if err := transform.Apply(res.Doc, transform.Options{SummaryNumbers: "1.0", SectionNumbers: "1.0", TableLabel: "Table", ChartLabel: "Table", NumberWords: true}, res.Positions); err != nil {
		return nil, err
	}
	res.Doc.Meta = model.Meta{Slug: "p", Title: "Links", Date: time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC), Language: "en-GB"}
	res.Doc.Style = model.Style{FontFamily: "Liberation Sans", FontSize: 11}
	return res.Doc, nil
}

// Reference-style links, as background papers write long addresses, are
// links in the HTML and the PDF, in every form CommonMark gives them; the
// definitions print nothing; only web and mail addresses are live.
func TestReferenceLinks(t *testing.T) {
	body := `# Background papers

The [Ofsted report][ofsted] and the [strategy][] were published, as was
the [Plan] and the [[second plan]]. Write to [the team][Team Mail].

- A list: see [ofsted] again.

  [in-list]: https://example.org/in-list

> Quoted: [in-list][].

Not live: [bad][js], [data][dt]. No definition: [missing][nowhere].

[ofsted]: https://reports.ofsted.gov.uk/provider/44/80449 "Ofsted: inspection report"
[strategy]:
  <https://www.leeds.gov.uk/docs/Children and Young People's Plan.pdf>
[PLAN]: https://www.leeds.gov.uk/plan
[second plan]: https://www.leeds.gov.uk/plan-2
[team mail]: mailto:childrens.services@leeds.gov.uk
[ofsted]: https://example.org/not-the-first
[js]: javascript:alert(1)
[dt]: data:text/html,x
`
	doc, err := readPaper(t, body)
	if err != nil {
		t.Fatal(err)
	}
	dump := model.Dump(doc)
	for _, want := range []string{
		`Link("https://reports.ofsted.gov.uk/provider/44/80449")["Ofsted report"]`,
		`Link("https://www.leeds.gov.uk/docs/Children%20and%20Young%20People's%20Plan.pdf")["strategy"]`,
		`Link("https://www.leeds.gov.uk/plan")["Plan"]`,
		`Link("https://www.leeds.gov.uk/plan-2")["second plan"]`,
		`Link("mailto:childrens.services@leeds.gov.uk")["the team"]`,
		`Link("https://reports.ofsted.gov.uk/provider/44/80449")["ofsted"]`,
		`Link("https://example.org/in-list")["in-list"]`,
		`Not live: bad, data. No definition: [missing][nowhere].`,
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, never := range []string{"not-the-first", "javascript", "data:", "]:"} {
		if strings.Contains(dump, never) {
			t.Errorf("the document holds %q:\n%s", never, dump)
		}
	}
	if t.Failed() {
		t.Log(dump)
	}

	var page bytes.Buffer
	if err := html.Write(&page, doc, html.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<a href="https://reports.ofsted.gov.uk/provider/44/80449" title="Ofsted: inspection report">Ofsted report</a>`,
		`<a href="https://www.leeds.gov.uk/plan">Plan</a>`,
		`<a href="mailto:childrens.services@leeds.gov.uk">the team</a>`,
	} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	if strings.Contains(page.String(), "javascript") || strings.Contains(page.String(), "data:text") {
		t.Error("the HTML holds an unsafe address")
	}

	var out bytes.Buffer
	if _, err := pdf.Write(&out, doc, pdf.Options{Date: doc.Meta.Date}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"/URI (https://reports.ofsted.gov.uk/provider/44/80449)",
		"/URI (https://www.leeds.gov.uk/plan)",
		"/URI (https://www.leeds.gov.uk/plan-2)",
		"/URI (mailto:childrens.services@leeds.gov.uk)",
		"/URI (https://example.org/in-list)",
	} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
	if bytes.Contains(out.Bytes(), []byte("javascript")) {
		t.Error("the PDF holds an unsafe address")
	}
}

// Where a definition is written does not decide whether its address is
// published, as for footnotes: a link in public text is published with its
// address, wherever the "[ref]:" line is (papers usually keep them at the
// end, after an exempt appendix); the same link in exempt material goes
// with it.
func TestReferenceLinkAddressesFollowTheirLinks(t *testing.T) {
	body := `# Main issues

See [the costs][costs].

# Appendix 1: Tender {.exempt}

Evaluated as [the tender][tender] says.

[tender]: https://example.org/confidential-tender.pdf
[costs]: https://example.org/costs.pdf
`
	doc, err := readPaper(t, body)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := transform.Redact(doc, "Not for publication")
	if err != nil {
		t.Fatal(err)
	}
	dump := model.Dump(pub)
	if !strings.Contains(dump, `Link("https://example.org/costs.pdf")`) || strings.Contains(dump, "confidential-tender") {
		t.Errorf("public version:\n%s", dump)
	}
}

// A heading inside a list, a quote or a footnote, and a heading with
// nothing to read, are errors in words at their line.
func TestHeadingsThatCannotBe(t *testing.T) {
	cases := map[string]string{
		"# A\n\n- item\n\n  ## In the list\n":               "templates/p.md:13:3: a heading cannot be part of a list",
		"# A\n\n- Underlined\n  ---\n":                      "templates/p.md:11:3: a heading cannot be part of a list: start it at the beginning of a line, after a blank line, or write it as the item's text without the line of === or --- under it",
		"# A\n\n- # In the list\n":                          "templates/p.md:11:3: a heading cannot be part of a list",
		"# A\n\n> Quote.\n>\n> ### In the quote\n":          "templates/p.md:13:3: a heading cannot be inside a quote",
		"# A\n\n- > # In a quote in a list\n":               "templates/p.md:11:5: a heading cannot be inside a quote",
		"# A\n\nText.[^1]\n\n[^1]: # In the footnote\n":     "templates/p.md:13:7: a heading cannot be inside a footnote",
		"# A\n\n##\n\nText.\n":                              "templates/p.md:11:1: this heading has no text",
		"# A\n\n## {-}\n\nText.\n":                          "templates/p.md:11:1: this heading has no text",
		"# A\n\n## &nbsp;&#8203;\n\nText.\n":                "templates/p.md:11:1: this heading has no text",
		"# A\n\n## \u00a0\u200b\n\nText.\n":                 "templates/p.md:11:1: this heading has no text",
		"# A\n\n## `  `\n\nText.\n":                         "templates/p.md:11:1: this heading has no text",
		"# A\n\nText.\n\n   \n===\n":                        "",
		"# A\n\nText.[^1]\n\n[^1]: A list:\n\n    - item\n": "",
	}
	for body, want := range cases {
		_, err := readPaper(t, body)
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", body, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%q: error %v, want %s", body, err, want)
		}
	}
}
