package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

var testDate = time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)

func render(doc *model.Document, date time.Time) ([]byte, error) {
	var buf bytes.Buffer
	err := Write(&buf, doc, Options{Date: date})
	return buf.Bytes(), err
}

// writeTemp renders doc into a temporary file and returns its path.
func writeTemp(t *testing.T, doc *model.Document) string {
	t.Helper()
	b, err := render(doc, testDate)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool runs an external program (skipping the test when it is missing,
// failing it under make test) and returns its output.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	return testtool.Run(t, name, args...)
}

// pageText is the layout text of one page (1-based).
func pageText(t *testing.T, path string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	return normalise(tool(t, "pdftotext", "-layout", "-f", p, "-l", p, path, "-"))
}

// allText is the layout text of the whole document.
func allText(t *testing.T, path string) string {
	t.Helper()
	return normalise(tool(t, "pdftotext", "-layout", path, "-"))
}

// normalise turns no-break spaces into spaces and page breaks into line
// breaks, so every line starts after a newline.
func normalise(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\f", "\n").Replace(s)
}

// pageCount is the number of pages pdfinfo reports.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(tool(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo reports no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// numbersInOrder lists the section and paragraph numbers of doc in reading
// order, as the model gives them.
func numbersInOrder(doc *model.Document) []string {
	var out []string
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for _, b := range bs {
			if p, ok := b.(*model.Para); ok && p.Number != "" {
				out = append(out, p.Number)
			}
		}
	}
	for _, s := range doc.Sections() {
		if s.Number != "" {
			out = append(out, s.Number)
		}
		blocks(s.Blocks)
	}
	return out
}

// gutterNumbers lists the numbers printed at the start of lines (in the
// gutter), in the order they appear in the text.
func gutterNumbers(text string) []string {
	re := regexp.MustCompile(`(?m)^(\d+(?:\.\d+)*\.?)\s{2,}\S`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}
