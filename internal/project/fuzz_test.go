package project

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

// FuzzSnapshot feeds the snapshot loader arbitrary bytes: it must never
// panic or hang, and every failure must be a diagnostic naming the file.
func FuzzSnapshot(f *testing.F) {
	seeds, _ := filepath.Glob("../../data/*/*.yaml")
	more, _ := filepath.Glob("../../testdata/broken/*/data/*.yaml")
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<20 {
			f.Add(b)
		}
	}
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		defer testtool.PanicAfter(10*time.Second, "the snapshot loader")()
		snap, err := ParseSnapshot("data/f.yaml", src)
		if err != nil {
			var list diag.List
			var one *diag.Error
			if !errors.As(err, &list) && !errors.As(err, &one) {
				t.Fatalf("not a diagnostic: %T %v", err, err)
			}
			return
		}
		if snap.Value == nil || snap.Root == nil {
			t.Fatal("a snapshot without values")
		}
	})
}
