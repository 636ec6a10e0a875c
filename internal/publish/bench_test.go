package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/boardpaper/boardpaper/internal/synth"
)

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
					o := Options{Root: dir, HTML: true, PDF: withPDF, Sink: new(Memory)}
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
	o := Options{Root: dir, HTML: true, PDF: true, Sink: new(Memory)}
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
