package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

func render(doc *model.Document, date time.Time) ([]byte, error) {
	var buf bytes.Buffer
	_, err := Write(&buf, doc, Options{Date: date})
	return buf.Bytes(), err
}

// writeTemp renders doc into a temporary file and returns its path.
func writeTemp(t *testing.T, doc *model.Document) string {
	t.Helper()
	b, err := render(doc, pdftest.Date)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
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
