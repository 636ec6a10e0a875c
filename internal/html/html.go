// Package html writes a Document as one self-contained, accessible HTML page.
//
// The page needs nothing from the network: the style sheet is inline, the
// logo is a data: URI and charts are inline SVG. The markup is kept
// XHTML-clean (void elements closed, no named entities) so that it can be
// checked with encoding/xml, and it is byte-identical for the same model.
//
// The writer prints what the model says: paragraph numbers, exhibit labels,
// cross-reference text and table cells all arrive already formatted.
// Charts are drawn by internal/chart, as the PDF writer's are, from the
// scales the model decided.
package html

import (
	"bytes"
	"io"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Options say what a page links to beyond itself.
type Options struct {
	// ChartCSV links, under each chart, its figures as a CSV file beside
	// the page, named by chart.CSVName: the caller writes the files
	// (chart.CSV).
	ChartCSV bool
}

// Write renders doc as one self-contained HTML page.
func Write(w io.Writer, doc *model.Document, opts Options) error {
	p := &page{doc: doc, opts: opts, noteRefs: map[int][]string{}}
	if err := p.document(); err != nil {
		return err
	}
	_, err := w.Write(p.buf.Bytes())
	return err
}

// page holds the state of one rendering.
type page struct {
	doc  *model.Document
	opts Options
	buf  bytes.Buffer

	// noteRefs lists, per footnote number, the ids of the references to it
	// in the order they appear, for the footnote's back-link.
	noteRefs map[int][]string
	// noteBack says where the first reference to each footnote sits
	// ("paragraph 3.14"), for the back-link's wording.
	noteBack map[int]string
	// where names the numbered paragraph or exhibit being written
	// ("paragraph 3.14", "Table Two"), empty outside one.
	where string
}

func (p *page) s(parts ...string) {
	for _, x := range parts {
		p.buf.WriteString(x)
	}
}

// text writes escaped text.
func (p *page) text(s string) { p.buf.WriteString(escapeText(s)) }

func (p *page) document() error {
	d := p.doc
	lang := d.Meta.Language
	if lang == "" {
		lang = "en-GB"
	}
	p.s("<!DOCTYPE html>\n<html lang=\"", escapeAttr(lang), "\">\n<head>\n")
	p.s("<meta charset=\"utf-8\"/>\n")
	p.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	p.s("<title>")
	p.text(pageTitle(d))
	p.s("</title>\n")
	p.metaTag("author", d.Meta.Author)
	p.metaTag("keywords", strings.Join(d.Meta.Keywords, ", "))
	p.metaTag("generator", d.Provenance.Generator)
	if d.NotForPublication() {
		// A full rendering of exempt material must not be indexed even if
		// it is put somewhere it should not be.
		p.metaTag("robots", "noindex, nofollow")
	}
	p.s("<style>\n", styleSheet(d.Style), featureCSS(d), "</style>\n</head>\n<body>\n")
	p.s("<a class=\"skip-link\" href=\"#", model.MainID, "\">Skip to the report</a>\n")
	p.header()
	p.s("<main id=\"", model.MainID, "\">\n")
	for _, s := range d.Front {
		if err := p.section(s, 2); err != nil {
			return err
		}
	}
	for _, s := range d.Body {
		if err := p.section(s, 2); err != nil {
			return err
		}
	}
	if err := p.footnotes(); err != nil {
		return err
	}
	p.s("</main>\n")
	p.footer()
	p.s("</body>\n</html>\n")
	return nil
}

func (p *page) metaTag(name, content string) {
	if content == "" {
		return
	}
	p.s("<meta name=\"", name, "\" content=\"", escapeAttr(content), "\"/>\n")
}

// pageTitle is "Subject – Committee, 13th March 2013".
func pageTitle(d *model.Document) string {
	subject := d.Meta.Title
	meeting := d.Meta.Committee
	if d.Meta.DateText != "" {
		if meeting != "" {
			meeting += ", "
		}
		meeting += d.Meta.DateText
	}
	t := subject
	if meeting != "" {
		if t != "" {
			t += " – "
		}
		t += meeting
	}
	if d.NotForPublication() {
		t = "NOT FOR PUBLICATION: " + t
	}
	return t
}

func (p *page) footer() {
	pr := p.doc.Provenance
	if pr.Generator == "" && len(pr.Sources) == 0 {
		return
	}
	p.s("<footer>\n<p class=\"provenance\">Built by ")
	p.text(firstNonEmpty(pr.Generator, "boardpaper"))
	for i, src := range pr.Sources {
		if i == 0 {
			p.s(" from ")
		} else {
			p.s(", ")
		}
		p.s("<span class=\"source\">")
		p.text(src.Path)
		if src.SHA256 != "" {
			p.s(" (sha256 <code>")
			p.text(src.SHA256)
			p.s("</code>)")
		}
		p.s("</span>")
	}
	p.s(".</p>\n</footer>\n")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
