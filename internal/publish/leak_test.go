package publish

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

// secretWord finds the exempt words of the leak generator in any text.
var secretWord = regexp.MustCompile(secretPrefix + `[0-9]+`)

// writeProject writes files (path → content) under a new folder.
func writeProject(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// readable returns what a reader or a program can get out of each file
// under dir, lower-cased: its bytes, and for a PDF the text poppler
// extracts from its pages and every string of its objects as qpdf decodes
// them (metadata, bookmarks, link targets), since PDF keeps its page text
// compressed and its strings in UTF-16, where a search of the bytes would
// find nothing.
func readable(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, b := range readTree(t, dir) {
		var text bytes.Buffer
		text.Write(b)
		if strings.HasSuffix(name, ".pdf") {
			p := filepath.Join(dir, filepath.FromSlash(name))
			text.WriteString(testtool.Run(t, "pdftotext", p, "-"))
			text.WriteString(testtool.Run(t, "qpdf", "--json", p))
		}
		out[name] = strings.ToLower(text.String())
	}
	return out
}

// TestExemptCorpusNeverLeaks builds the leak corpus with its full versions
// and searches every public file for every exempt word. It also checks
// the search itself: each exempt word must be found in the full versions
// and each public word in the public files, or the test could pass by
// looking in the wrong place.
func TestExemptCorpusNeverLeaks(t *testing.T) {
	lp := leakCorpus()
	root := writeProject(t, lp.files)
	out := filepath.Join(root, "output")
	full := filepath.Join(t.TempDir(), "private")
	if _, err := Run(Options{Root: root, Out: out, ExemptOut: full, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	public, private := readable(t, out), readable(t, full)

	leaks, pdfs := 0, 0
	leaked := map[string]bool{}
	names := make([]string, 0, len(public))
	for name := range public {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasSuffix(name, ".pdf") {
			pdfs++
		}
		found := map[string]bool{}
		for _, w := range secretWord.FindAllString(name+"\n"+public[name], -1) {
			found[w] = true
		}
		if len(found) > 0 {
			leaks += len(found)
			ws := make([]string, 0, len(found))
			for w := range found {
				ws = append(ws, w)
				leaked[w] = true
			}
			sort.Strings(ws)
			t.Errorf("%s publishes %d exempt words: %s", name, len(ws), strings.Join(ws, " "))
		}
	}
	all := func(files map[string]string) string {
		var b strings.Builder
		for name, text := range files {
			b.WriteString(name)
			b.WriteString(text)
		}
		return b.String()
	}
	seen, published := all(private), all(public)
	for _, w := range lp.words.secret {
		if !strings.Contains(seen, w) {
			t.Errorf("exempt word %s is in no full version: the search cannot see it", w)
		}
	}
	for _, w := range lp.words.public {
		if !strings.Contains(published, w) {
			t.Errorf("public word %s was not published", w)
		}
	}
	t.Logf("%d exempt words, %d public words; %d public files checked (%d PDFs), %d full versions; %d exempt words leaked, %d times",
		len(lp.words.secret), len(lp.words.public), len(public), pdfs, len(private), len(leaked), leaks)
}

// FuzzExemptLeak builds papers the fuzzer plans (see leakFromPlan), every
// heading level and spelling of {.exempt} in any order, with references,
// footnotes, tables and charts, and searches every public file for an
// exempt word: HTML, CSV, the index, the manifest, and each PDF's bytes
// with its compressed streams inflated, for text in UTF-8 or UTF-16.
func FuzzExemptLeak(f *testing.F) {
	f.Add([]byte{0, 2, 0})
	f.Add([]byte{0, 6, 2, 1, 0, 4, 0, 1, 6})
	f.Add([]byte{2, 10, 7, 3, 0, 4, 2, 0, 4})
	f.Add([]byte{0, 14, 1, 1, 18, 3, 2, 22, 6, 0, 0, 4})
	f.Add([]byte{5, 26, 6, 4, 30, 2, 3, 34, 4, 1, 38, 5, 0, 1, 4})
	f.Fuzz(func(t *testing.T, plan []byte) {
		defer testtool.PanicAfter(20*time.Second, "the build")()
		lp := leakFromPlan(plan)
		root := writeProject(t, lp.files)
		out := filepath.Join(root, "output")
		if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("not a diagnostic: %v", err)
			}
			return // a plan that is not a valid paper (its error is tested elsewhere)
		}
		published := ""
		for name, data := range readTree(t, out) {
			text := name + "\n" + searchable(data)
			if w := secretWord.FindString(text); w != "" {
				t.Fatalf("%s publishes exempt word %s\npaper:\n%s", name, w, lp.files["templates/fuzz.md"])
			}
			if strings.HasSuffix(name, "fuzz.pdf") || strings.HasSuffix(name, "fuzz.html") {
				published += text
			}
		}
		// The search must see text where it is: the first public word is
		// in the summary, so in the page and the PDF.
		if first := lp.words.public[0]; strings.Count(published, first) < 2 {
			t.Fatalf("public word %s not found in both the page and the PDF: the search is blind", first)
		}
	})
}

// searchable is a file's bytes and, for a PDF, its streams inflated, with
// any UTF-16BE text (fpdf writes page text and metadata so) read as UTF-8.
func searchable(data []byte) string {
	var b strings.Builder
	b.Write(data)
	if bytes.HasPrefix(data, []byte("%PDF")) {
		rest := data
		for {
			i := bytes.Index(rest, []byte("stream\n"))
			if i < 0 {
				break
			}
			rest = rest[i+len("stream\n"):]
			end := bytes.Index(rest, []byte("endstream"))
			if end < 0 {
				break
			}
			if zr, err := zlib.NewReader(bytes.NewReader(rest[:end])); err == nil {
				if plain, err := io.ReadAll(zr); err == nil || len(plain) > 0 {
					b.Write(plain)
				}
			}
			rest = rest[end:]
		}
	}
	s := b.String()
	// Every UTF-16BE character of ASCII is a zero byte and the character;
	// dropping the zero bytes makes such text searchable as it is.
	return s + "\n" + strings.ReplaceAll(s, "\x00", "")
}
