package build

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/boardpaper/boardpaper/internal/expand"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/markdown"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/synth"
	"github.com/boardpaper/boardpaper/internal/transform"
)

// Benchmarks for each stage on both samples, and for whole builds of
// synthetic projects. make bench runs them with the whole-process figures.

func loadSample(b *testing.B, path string) *Paper {
	b.Helper()
	in, err := Load(root, path, "")
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func forEachSample(b *testing.B, fn func(b *testing.B, in *Paper)) {
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
	forEachSample(b, func(b *testing.B, in *Paper) {
		p := in.Paper
		for b.Loop() {
			if _, err := expand.Body(p.Path, p.BodyLine, p.Body, in.Data.Value(), p.Front); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Paper) {
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
	forEachSample(b, func(b *testing.B, in *Paper) {
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
	forEachSample(b, func(b *testing.B, in *Paper) {
		for b.Loop() {
			if _, err := Document(root, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Paper) {
		d, err := Document(root, in)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := html.Write(io.Discard, d, htmlOptions(d)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPDF(b *testing.B) {
	forEachSample(b, func(b *testing.B, in *Paper) {
		d, err := Document(root, in)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := pdf.Write(&buf, d, pdf.Options{Date: d.Meta.Date}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBuild builds synthetic projects of 10 and 100 papers, HTML
// alone and HTML with PDF, into memory.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10, 100} {
		dir := b.TempDir()
		if err := synth.Write(root, dir, n, 1); err != nil {
			b.Fatal(err)
		}
		for _, withPDF := range []bool{false, true} {
			name := fmt.Sprintf("papers=%d/html", n)
			if withPDF {
				name += "+pdf"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					o := Options{Root: dir, HTML: true, PDF: withPDF, Sink: func(string, []byte) error { return nil }}
					if _, err := Run(o); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkServeRebuild is serve's rebuild after a save: a 100-paper
// project built into memory, then one paper's snapshot changed and the
// project built again with the same Memory (that paper, its meeting's pack
// and the index are made; the rest are given from memory).
func BenchmarkServeRebuild(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(root, dir, 100, 1); err != nil {
		b.Fatal(err)
	}
	snapshots, _ := filepath.Glob(filepath.Join(dir, "data", "*", "*.yaml"))
	if len(snapshots) == 0 {
		b.Fatal("no snapshots")
	}
	saved, err := os.ReadFile(snapshots[0])
	if err != nil {
		b.Fatal(err)
	}
	var memory Memory
	o := Options{Root: dir, HTML: true, PDF: true, Memory: &memory, Sink: func(string, []byte) error { return nil }}
	if _, err := Run(o); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	edit := 0
	for b.Loop() {
		edit++
		os.WriteFile(snapshots[0], fmt.Appendf(bytes.Clone(saved), "\nsaved_at: %d\n", edit), 0o644)
		if _, err := Run(o); err != nil {
			b.Fatal(err)
		}
	}
}
