package pdf_test

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
)

// BenchmarkWriteSample writes each of the project's sample papers as PDF,
// from the model the build makes of them.
func BenchmarkWriteSample(b *testing.B) {
	root := filepath.Join("..", "..")
	paths, err := project.Templates(root, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range paths {
		paper, err := pipeline.Load(root, path, "")
		if err != nil {
			b.Fatal(err)
		}
		doc, err := pipeline.Document(root, paper)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pdf.Write(io.Discard, doc, pdf.Options{Date: time.Unix(0, 0)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
