package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/boardpaper/boardpaper/internal/chart"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
)

// File is a rendered file, named within its meeting's folder
// ("looked-after-children.html").
type File struct {
	Name string
	Data []byte
}

// Formats says which files Render makes.
type Formats struct{ HTML, PDF bool }

// Rendered is what Render makes of a document.
type Rendered struct {
	// Files are in the order they are best written: the page, the CSV
	// files by name, the PDF.
	Files []File
	Pages int // the PDF's
	// Laid is the PDF's pages as laid out, for an agenda pack to place.
	Laid *pdf.LaidOut
}

// Render makes a document's files: with HTML, its page and the CSV file of
// each of its charts; with PDF, its PDF.
func Render(doc *model.Document, f Formats) (*Rendered, error) {
	r := &Rendered{}
	if f.HTML {
		var err error
		if r.Files, err = htmlFiles(doc); err != nil {
			return nil, err
		}
	}
	if f.PDF {
		var buf bytes.Buffer
		laid, err := pdf.Write(&buf, doc, pdf.Options{Date: OutputDate(doc.Meta.Date)})
		if err != nil {
			return nil, fmt.Errorf("writing PDF: %w", err)
		}
		r.Files = append(r.Files, File{doc.Meta.Slug + ".pdf", buf.Bytes()})
		r.Pages, r.Laid = PDFPages(buf.Bytes()), laid
	}
	return r, nil
}

// PDFPages counts the pages of a PDF this package rendered.
func PDFPages(data []byte) int { return bytes.Count(data, pageObject) }

// pageObject is how fpdf opens each page's dictionary ("/Type /Pages",
// the page tree, does not match: it is followed by "s").
var pageObject = []byte("<</Type /Page\n")

// htmlFiles renders a document's page and the CSV of each of its charts.
func htmlFiles(doc *model.Document) ([]File, error) {
	var buf bytes.Buffer
	if err := html.Write(&buf, doc, htmlOptions()); err != nil {
		return nil, fmt.Errorf("writing HTML: %w", err)
	}
	files := []File{{doc.Meta.Slug + ".html", buf.Bytes()}}
	csvs := chartCSVs(doc)
	names := make([]string, 0, len(csvs))
	for name := range csvs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		files = append(files, File{name, csvs[name]})
	}
	return files, nil
}

// OutputDate is the date written into outputs: SOURCE_DATE_EPOCH when set
// (the reproducible-builds convention), else the meeting date, so the same
// inputs always give the same bytes.
func OutputDate(meeting time.Time) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		var secs int64
		if _, err := fmt.Sscan(s, &secs); err == nil {
			return time.Unix(secs, 0).UTC()
		}
	}
	return meeting.UTC()
}

// htmlOptions are the HTML writer's options for a page whose charts' CSV
// files are published beside it, as htmlFiles makes them.
func htmlOptions() html.Options { return html.Options{ChartCSV: true} }

// chartCSVs lists the CSV files of a document's charts.
func chartCSVs(d *model.Document) map[string][]byte {
	files := map[string][]byte{}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if c, ok := n.(*model.Chart); ok && entering {
			files[chart.CSVName(d.Meta.Slug, c)] = chart.CSV(c)
		}
		return model.WalkContinue
	})
	return files
}
