package pdf

import (
	"io"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// BenchmarkWrite writes a paper the size of a sample (about 4,500 words
// and six tables).
func BenchmarkWrite(b *testing.B) {
	doc := pdftest.BenchPaper()
	date := time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(io.Discard, doc, Options{Date: date}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegisterFace is what a document pays to register a face once
// the process has parsed it (our copy of fpdf shares the parse; fpdf
// v0.9.0 parsed it again for every document, about 4 ms).
func BenchmarkRegisterFace(b *testing.B) {
	for b.Loop() {
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes(textset.Primary(0).Family(), textset.Primary(0).Style(), textset.Primary(0).TTF())
		if p.Err() {
			b.Fatal(p.Error())
		}
	}
}
