package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// pageObject is how fpdf opens each page's dictionary ("/Type /Pages",
// the page tree, does not match: it is followed by "s").
var pageObject = []byte("<</Type /Page\n")

// Pages counts the pages of the papers' PDFs (not the agenda packs, which
// repeat them), for the build's summary line. Each paper's count was taken
// when its PDF was written (and kept in the manifest for a reused paper);
// a reused paper whose record has none, from an older manifest, is read.
func Pages(o Options, results []*Built) int {
	n := 0
	for _, r := range results {
		if r.Pages > 0 {
			n += r.Pages
			continue
		}
		if !r.Reused {
			continue
		}
		for _, f := range r.Files {
			if !strings.HasSuffix(f, ".pdf") || strings.HasPrefix(f, "exempt/") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(o.outDir(), filepath.FromSlash(f)))
			if err == nil {
				n += bytes.Count(b, pageObject)
			}
		}
	}
	return n
}
