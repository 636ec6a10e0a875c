package pipeline

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/boardpaper/boardpaper/internal/expand"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/markdown"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/transform"
)

// Benchmarks for each stage on both samples (whole builds are benchmarked
// in internal/publish). make bench runs them with the whole-process
// figures.

func loadSample(b *testing.B, path string) *Inputs {
	b.Helper()
	in, err := Load(root, path, "")
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func forEachSample(b *testing.B, fn func(b *testing.B, in *Inputs)) {
	for _, path := range samples {
		b.Run(filepath.Base(path), func(b *testing.B) {
			in := loadSample(b, path)
			b.ReportAllocs()
			fn(b, in)
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	for _, path := range samples {
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(root, path, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkExpand(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Inputs) {
		p := in.Paper
		for b.Loop() {
			if _, err := expand.Body(p.Path, p.BodyLine, p.Body, in.Data.Value(), p.Front); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Inputs) {
		p := in.Paper
		body, err := expand.Body(p.Path, p.BodyLine, p.Body, in.Data.Value(), p.Front)
		if err != nil {
			b.Fatal(err)
		}
		src := markdown.Source{Path: p.Path, FirstLine: p.BodyLine, Template: p.Body, Expanded: body}
		for b.Loop() {
			if _, err := markdown.Read(src, fenceFunc(in.Data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPasses(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Inputs) {
		p := in.Paper
		body, _ := expand.Body(p.Path, p.BodyLine, p.Body, in.Data.Value(), p.Front)
		src := markdown.Source{Path: p.Path, FirstLine: p.BodyLine, Template: p.Body, Expanded: body}
		for b.Loop() {
			b.StopTimer()
			res, err := markdown.Read(src, fenceFunc(in.Data))
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := transform.Apply(res.Doc, numbering(in.Layout), res.Positions); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDocument(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Inputs) {
		for b.Loop() {
			if _, err := Document(root, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Inputs) {
		d, err := Document(root, in)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := html.Write(io.Discard, d, htmlOptions()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPDF(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Inputs) {
		d, err := Document(root, in)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if _, err := pdf.Write(&buf, d, pdf.Options{Date: d.Meta.Date}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
