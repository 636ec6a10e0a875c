package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/synth"
)

var updateHashes = flag.Bool("update-hashes", false, "rewrite testdata/output-hashes.txt from what the build writes now")

// TestOutputsAreUnchanged builds the sample papers and a 30-paper synthetic
// project, HTML and PDF with agenda packs, and compares every file's
// SHA-256 with testdata/output-hashes.txt. A change of the code's
// structure must leave every byte as it was; a change meant to alter the
// outputs rewrites the file with -update-hashes, and its diff shows which
// files changed. The files' version and provenance lines are masked, so a
// new version number alone changes nothing here.
func TestOutputsAreUnchanged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 32 papers")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "") // dates from the meetings, as the hashes were taken
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(wd, "..", "..")
	synthetic := filepath.Join(t.TempDir(), "synthetic")
	if err := synth.Write(root, synthetic, 30, 1); err != nil {
		t.Fatal(err)
	}
	samples := t.TempDir()
	for _, dir := range []string{"templates", "data", "images"} {
		if err := os.CopyFS(filepath.Join(samples, dir), os.DirFS(filepath.Join(root, dir))); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]string{}
	for name, project := range map[string]string{"samples": samples, "synthetic": synthetic} {
		t.Chdir(project)
		var out, errOut strings.Builder
		if code := run([]string{"build", "--out", "output"}, &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d\n%s", name, code, errOut.String())
		}
		err := filepath.WalkDir("output", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got[name+"/"+filepath.ToSlash(p)] = versionless(b)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join(wd, "testdata", "output-hashes.txt")
	if *updateHashes {
		names := make([]string, 0, len(got))
		for n := range got {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, "%s  %s\n", got[n], n)
		}
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/boardpaper -run OutputsAreUnchanged -update-hashes)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sum, name, ok := strings.Cut(sc.Text(), "  "); ok {
			want[name] = sum
		}
	}
	for name, sum := range want {
		switch g, ok := got[name]; {
		case !ok:
			t.Errorf("%s is no longer written", name)
		case g != sum:
			t.Errorf("%s changed", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is new", name)
		}
	}
}

// versionless hashes a file with boardpaper's version masked wherever it
// is written ("boardpaper 0.3.2"), as a version number is not a change of
// the output.
func versionless(b []byte) string {
	s := versionPattern.ReplaceAll(b, []byte("boardpaper VERSION"))
	sum := sha256.Sum256(s)
	return hex.EncodeToString(sum[:])
}

// versionPattern finds "boardpaper X.Y.Z" as HTML and CSV write it, and
// as PDF metadata does, in UTF-16. (A version drawn inside a compressed
// page would not be found: the PDFs draw none.)
var versionPattern = regexp.MustCompile(`boardpaper [0-9]+\.[0-9]+\.[0-9]+|` + utf16Pattern("boardpaper ") + `(?:\x00[0-9.])+`)

// utf16Pattern is s as UTF-16BE, each character after a zero byte.
func utf16Pattern(s string) string {
	var b strings.Builder
	for _, c := range s {
		b.WriteString(`\x00` + regexp.QuoteMeta(string(c)))
	}
	return b.String()
}
