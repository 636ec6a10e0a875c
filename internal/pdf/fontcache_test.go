package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

// Our copy of fpdf parses each font once per process and keeps each subset
// it makes (internal/thirdparty/fpdf/PATCHES.md). A document must come out
// byte for byte as a fresh process writes it, whatever the process wrote
// before: here after papers with other characters, in other faces, and
// after itself.
func TestSharedFontsLeaveNoTrace(t *testing.T) {
	if out := os.Getenv("BOARDPAPER_FRESH_PDF"); out != "" {
		b, err := render(pdftest.SamplePaper(), pdftest.Date)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fresh.pdf")
	cmd := exec.Command(exe, "-test.run", "^TestSharedFontsLeaveNoTrace$", "-test.count=1")
	cmd.Env = append(os.Environ(), "BOARDPAPER_FRESH_PDF="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fresh process: %v\n%s", err, out)
	}
	fresh, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	other := pdftest.SamplePaper()
	other.Body = append(other.Body, &model.Section{Level: 1, Number: "9", Title: []model.Inline{pdftest.Txt("Ĉu ☒ «autre» ½")}, Blocks: []model.Block{
		pdftest.Para("9.1",
			&model.Strong{Inlines: []model.Inline{&model.Emph{Inlines: []model.Inline{pdftest.Txt("Þórsmörk — ŵ, ☐ and ✓")}}}},
			model.Code("mono ¬ƒ")),
	}})
	if _, err := render(other, pdftest.Date); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		b, err := render(pdftest.SamplePaper(), pdftest.Date)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, fresh) {
			t.Fatalf("write %d in a process that wrote another paper first differs from a fresh process's (%d bytes, want %d)", i+1, len(b), len(fresh))
		}
	}
}
