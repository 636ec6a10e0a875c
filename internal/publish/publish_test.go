package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

// Sentinels: text that must never reach the public output.
const (
	appendixSentinel = "SENTINELAPPENDIX7731"
	paperSentinel    = "SENTINELPAPER4410"
)

const publicPaper = `---
layout: scrutiny-board
report_of: Director of Children's Services
report_to: Scrutiny Board (Children and Families)
date: 2013-04-25
subject: Update on recent inspections
item: 8
access_to_information_rule: "10.4(3)"
exempt_appendix: "1"
data: data/s.yaml
---
# Summary of main issues {.summary}

There are {{ num .Data.homes }} homes.

# Main issues

The public part.[^pub]

# Appendix 1: costs {.exempt}

The exempt part names ` + appendixSentinel + `.[^secret]

## Detail of ` + appendixSentinel + `

More exempt text.

[^pub]: A public note.
[^secret]: A note about ` + appendixSentinel + `.
`

const exemptPaper = `---
layout: scrutiny-board
report_of: Director of Children's Services
report_to: Scrutiny Board (Children and Families)
date: 2013-04-25
subject: Contract award for residential care
item: 9
exempt: true
access_to_information_rule: "10.4(3)"
data: data/s.yaml
---
# Main issues

The whole paper is about ` + paperSentinel + `.
`

func publishProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("templates/inspections.md", publicPaper)
	write("templates/contract.md", exemptPaper)
	write("data/s.yaml", "homes: 12\n")
	return dir
}

// everything returns the raw bytes of every file under dir, plus the text
// and metadata poppler extracts from each PDF (PDF streams are
// compressed, so the raw bytes alone could hide a leak).
func everything(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, b := range readTree(t, dir) {
		out[name] = string(b)
		if strings.HasSuffix(name, ".pdf") {
			p := filepath.Join(dir, filepath.FromSlash(name))
			out[name+" (text)"] = testtool.Run(t, "pdftotext", p, "-")
			out[name+" (info)"] = testtool.Run(t, "pdfinfo", p)
			out[name+" (outline)"] = testtool.Run(t, "qpdf", "--json", "--json-key=outlines", p)
		}
	}
	return out
}

func utf16be(s string) string {
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.String()
}

func TestExemptMaterialNeverReachesPublicOutput(t *testing.T) {
	root := publishProject(t)
	out := filepath.Join(root, "output")
	exempt := filepath.Join(root, "exempt")
	if _, err := Run(Options{Root: root, Out: out, ExemptOut: exempt, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	public := everything(t, out)
	if len(public) == 0 {
		t.Fatal("nothing was published")
	}
	for name, content := range public {
		for _, s := range []string{appendixSentinel, paperSentinel} {
			if strings.Contains(content, s) || strings.Contains(content, utf16be(s)) {
				t.Errorf("%s holds exempt text %s", name, s)
			}
		}
	}
	for name := range public {
		if strings.Contains(name, "contract") {
			t.Errorf("the exempt paper was published as %s", name)
		}
	}

	dir := "2013-04-25-scrutiny-board-children-and-families/"
	page := public[dir+"inspections.html"]
	if !strings.Contains(page, "Not for publication (Access to Information Procedure Rule 10.4(3))") ||
		!strings.Contains(page, "Appendix 1: costs") {
		t.Errorf("the exempt appendix lost its heading or its notice")
	}
	if !strings.Contains(page, "A public note.") {
		t.Errorf("the public footnote went missing")
	}
	text := public[dir+"inspections.pdf (text)"]
	if !strings.Contains(text, "Not for publication") || !strings.Contains(text, "Appendix 1: costs") {
		t.Errorf("PDF lacks the appendix heading or notice:\n%s", text)
	}
	index := public["index.html"]
	if !strings.Contains(index, "Contract award for residential care") ||
		!strings.Contains(index, "not for publication (Access to Information Procedure Rule 10.4(3))") {
		t.Errorf("index does not list the exempt paper by subject with its notice")
	}

	pack := public[dir+"agenda-pack.pdf (text)"]
	if !strings.Contains(pack, "Contract award for residential care") || !strings.Contains(pack, "Not for publication (Access to Information Procedure Rule 10.4(3))") ||
		!strings.Contains(pack, "Update on recent inspections") {
		t.Errorf("the agenda pack does not list both items:\n%.1500s", pack)
	}
	if !strings.Contains(index, dir+"agenda-pack.pdf") {
		t.Errorf("the index does not link the agenda pack")
	}

	full := everything(t, exempt)
	fullPage := full[dir+"inspections.html"]
	if !strings.Contains(fullPage, appendixSentinel) || !strings.Contains(fullPage, "NOT FOR PUBLICATION") {
		t.Errorf("the exempt copy lacks the appendix or its marking")
	}
	if !strings.Contains(full[dir+"contract.html"], paperSentinel) {
		t.Errorf("the exempt paper was not written to --exempt-out")
	}
	pdfText := full[dir+"contract.pdf (text)"]
	pages := strings.Count(pdfText, "\f")
	if marks := strings.Count(pdfText, "NOT FOR PUBLICATION"); pages == 0 || marks < pages {
		t.Errorf("%d of %d exempt PDF pages are marked NOT FOR PUBLICATION", marks, pages)
	}
}

func TestExemptOutInsidePublicOutputIsRefused(t *testing.T) {
	root := publishProject(t)
	for _, ex := range []string{"output", "output/exempt", "output/../output/x"} {
		_, err := Run(Options{Root: root, Out: "output", ExemptOut: ex, HTML: true})
		if err == nil || !strings.Contains(err.Error(), "inside the public output folder") {
			t.Errorf("--exempt-out %s: %v", ex, err)
		}
	}
}

func TestBuildRemovesWhatItNoLongerWrites(t *testing.T) {
	root := publishProject(t)
	out := filepath.Join(root, "output")
	dir := filepath.Join(out, "2013-04-25-scrutiny-board-children-and-families")
	if _, err := Run(Options{Root: root, Out: out, HTML: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "inspections.html")); err != nil {
		t.Fatal(err)
	}
	// Renamed paper: the old name's file goes.
	os.Rename(filepath.Join(root, "templates/inspections.md"), filepath.Join(root, "templates/recent-inspections.md"))
	if _, err := Run(Options{Root: root, Out: out, HTML: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "inspections.html")); !os.IsNotExist(err) {
		t.Errorf("the renamed paper's old page is still published")
	}
	// Newly exempt: its page goes.
	src, _ := os.ReadFile(filepath.Join(root, "templates/recent-inspections.md"))
	os.WriteFile(filepath.Join(root, "templates/recent-inspections.md"), bytes.Replace(src, []byte("item: 8"), []byte("item: 8\nexempt: true"), 1), 0o644)
	if _, err := Run(Options{Root: root, Out: out, HTML: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "recent-inspections.html")); !os.IsNotExist(err) {
		t.Errorf("a paper made exempt is still published")
	}
}

func TestFailedBuildLeavesPreviousOutputIntact(t *testing.T) {
	root := publishProject(t)
	out := filepath.Join(root, "output")
	if _, err := Run(Options{Root: root, Out: out, HTML: true}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	os.WriteFile(filepath.Join(root, "templates/broken.md"), []byte("---\nlayout: nope\n---\n"), 0o644)
	os.WriteFile(filepath.Join(root, "data/s.yaml"), []byte("homes: 13\n"), 0o644)
	if _, err := Run(Options{Root: root, Out: out, HTML: true}); err == nil {
		t.Fatal("a broken paper built")
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("files changed: %d before, %d after", len(before), len(after))
	}
	for name, b := range before {
		if !bytes.Equal(b, after[name]) {
			t.Errorf("%s changed although the build failed", name)
		}
	}
}

// A new output folder appears whole, when the build has succeeded, with
// nothing of its staging left beside it; a failed build into a new folder
// leaves neither.
func TestNewOutputFolderAppearsWhole(t *testing.T) {
	root := publishProject(t)
	out := filepath.Join(root, "site", "public")
	exempt := filepath.Join(root, "private")
	if _, err := Run(Options{Root: root, Out: out, ExemptOut: exempt, HTML: true}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{out, exempt} {
		info, err := os.Stat(filepath.Join(dir, marker))
		if err != nil {
			t.Fatalf("%s has no marker: %v", dir, err)
		}
		if d, _ := os.Stat(dir); d.Mode().Perm() != 0o755 || info.Size() == 0 {
			t.Errorf("%s: mode %v, marker of %d bytes", dir, d.Mode().Perm(), info.Size())
		}
	}
	if _, err := os.Stat(filepath.Join(out, "2013-04-25-scrutiny-board-children-and-families", "inspections.html")); err != nil {
		t.Error(err)
	}
	leftovers := func() []string {
		var left []string
		for _, dir := range []string{root, filepath.Join(root, "site")} {
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), "staging") {
					left = append(left, filepath.Join(dir, e.Name()))
				}
			}
		}
		return left
	}
	if left := leftovers(); len(left) > 0 {
		t.Errorf("staging left behind: %v", left)
	}

	os.WriteFile(filepath.Join(root, "templates/broken.md"), []byte("---\nlayout: nope\n---\n"), 0o644)
	again := filepath.Join(root, "site", "again")
	if _, err := Run(Options{Root: root, Out: again, HTML: true}); err == nil {
		t.Fatal("a broken paper built")
	}
	if _, err := os.Stat(again); !os.IsNotExist(err) {
		t.Errorf("a failed build made %s", again)
	}
	if left := leftovers(); len(left) > 0 {
		t.Errorf("a failed build left its staging: %v", left)
	}
}

func TestBuildRefusesAFolderItDidNotMake(t *testing.T) {
	root := publishProject(t)
	os.MkdirAll(filepath.Join(root, "site"), 0o755)
	os.WriteFile(filepath.Join(root, "site/precious.txt"), []byte("keep me"), 0o644)
	_, err := Run(Options{Root: root, Out: "site", HTML: true})
	if err == nil || !strings.Contains(err.Error(), "did not write") {
		t.Fatalf("error = %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "site/precious.txt")); err != nil {
		t.Fatal("a file boardpaper did not write was removed")
	}
}

func TestOutputsRecordTheirProvenance(t *testing.T) {
	root := publishProject(t)
	out := filepath.Join(root, "output")
	if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	sum := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(root, name))
		s := sha256.Sum256(b)
		return hex.EncodeToString(s[:])
	}
	files := everything(t, out)
	dir := "2013-04-25-scrutiny-board-children-and-families/"
	for _, name := range []string{dir + "inspections.html", dir + "inspections.pdf (info)"} {
		for _, want := range []string{"templates/inspections.md", sum("templates/inspections.md"), "data/s.yaml", sum("data/s.yaml"), pipeline.Generator} {
			if !strings.Contains(files[name], want) {
				t.Errorf("%s does not record %s", name, want)
			}
		}
	}
}

// The leaks reported in the exempt-material issue, each as it was found:
// every one published the word SECRET in the paper's HTML, its PDF or the
// agenda pack.
func TestReportedLeaksAreClosed(t *testing.T) {
	const front = "---\nlayout: executive-board\nreport_of: Director of Resources\nreport_to: Executive Board\ndate: 2026-03-13\nsubject: Staffing review\nitem: 4\naccess_to_information_rule: \"10.4(3)\"\ndata: data/s.yaml\n---\n# Main issues\n\nPublic text.\n\n"
	cases := map[string]string{
		"{.exempt .unnumbered}":      "# Appendix 1: Staffing {.exempt .unnumbered}\n\nSECRET.\n",
		"{.unnumbered .exempt}":      "# Appendix 1: Staffing {.unnumbered .exempt}\n\nSECRET.\n",
		"{- .exempt}":                "# Appendix 1: Staffing {- .exempt}\n\nSECRET.\n",
		"{.exempt -}":                "# Appendix 1: Staffing {.exempt -}\n\nSECRET.\n",
		"level 3":                    "### Costs {.exempt}\n\nSECRET.\n",
		"level 2 unnumbered":         "## X {.unnumbered .exempt}\n\nSECRET.\n",
		"two sets of braces":         "# Appendix B {.exempt} {-}\n\nSECRET.\n",
		"reference to a heading":     "See @sec-detail.\n\n# Appendix 1 {.exempt}\n\nSECRET.\n\n### The SECRET plan {#sec-detail}\n\nMore.\n",
		"reference to a chart's id":  "See @fig-secret.\n\n# Appendix 1 {.exempt}\n\n```chart\nid: fig-secret\ntype: bar\ndata: c\ntitle: Costs\n```\n",
		"exempt-only footnote":       "# Appendix 1 {.exempt}\n\nCosts.[^1]\n\n[^1]: SECRET.\n",
		"setext heading":             "Appendix 1 {.exempt}\n============\n\nSECRET.\n",
		"recommendations":            "# Appendix 1 {.exempt}\n\nSECRET.\n",
		"label and key-value":        "# Appendix 1 {#sec-app .exempt lang=en}\n\nSECRET.\n",
		"a subsection after level 1": "# Appendix 1 {.exempt -}\n\nText.\n\n## SECRET subsection\n\nMore.\n",
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			root := writeProject(t, map[string]string{
				"templates/p.md": front + body,
				"data/s.yaml":    "c:\n  x: [A, B]\n  series:\n    - {name: Cost, values: [1, 2]}\n",
			})
			out := filepath.Join(root, "output")
			if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
				t.Fatal(err)
			}
			for file, content := range everything(t, out) {
				low := strings.ToLower(content)
				if strings.Contains(low, "secret") || strings.Contains(content, utf16be("SECRET")) {
					t.Errorf("%s publishes exempt material", file)
				}
				if strings.Contains(content, "{.exempt") || strings.Contains(content, "{-}") {
					t.Errorf("%s prints the attributes as text", file)
				}
			}
			page := readTree(t, out)["2026-03-13-executive-board/p.html"]
			if !bytes.Contains(page, []byte("Not for publication (Access to Information Procedure Rule 10.4(3))")) {
				t.Errorf("the public page does not say what was withheld")
			}
		})
	}
}

// --exempt-out and --out are compared as the file system resolves them:
// a symbolic link cannot put one inside the other.
func TestOutputFoldersAreComparedThroughLinks(t *testing.T) {
	root := publishProject(t)
	os.MkdirAll(filepath.Join(root, "output", "private"), 0o755)
	os.MkdirAll(filepath.Join(root, "private"), 0o755)
	os.Symlink(filepath.Join(root, "output", "private"), filepath.Join(root, "x"))
	os.Symlink(filepath.Join(root, "private", "site"), filepath.Join(root, "y"))
	os.Symlink(filepath.Join(root, "output"), filepath.Join(root, "z"))
	cases := []struct{ out, exempt, want string }{
		{"output", "x", "inside the public output folder"},
		{"output", "x/deeper/still", "inside the public output folder"},
		{"z", "output/private", "inside the public output folder"},
		{"y", "private", "the public output folder"},
		{"output", "z", "inside the public output folder"},
	}
	for _, c := range cases {
		_, err := Run(Options{Root: root, Out: c.out, ExemptOut: c.exempt, HTML: true})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("--out %s --exempt-out %s: %v", c.out, c.exempt, err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "output", "private")); len(entries) != 0 {
		t.Errorf("a refused build wrote %d files", len(entries))
	}
}

// The manifest is published with the output: it names no paper that is
// not for publication, nor its key.
func TestManifestNamesNoExemptPaper(t *testing.T) {
	root := publishProject(t)
	out := filepath.Join(root, "output")
	results, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := os.ReadFile(filepath.Join(out, marker))
	for _, b := range results {
		if b.Path == "templates/contract.md" {
			for _, s := range []string{"contract", b.Key, "Contract award"} {
				if bytes.Contains(m, []byte(s)) {
					t.Errorf("the manifest names the exempt paper by %q", s)
				}
			}
		}
	}
	if !bytes.Contains(m, []byte("templates/inspections.md")) {
		t.Errorf("the manifest lost the public paper:\n%s", m)
	}
}

// A build of one paper that has become exempt removes its public files,
// as a build of the whole project does.
func TestOnePaperMadeExemptIsWithdrawn(t *testing.T) {
	root := publishProject(t)
	out := filepath.Join(root, "output")
	dir := filepath.Join(out, "2013-04-25-scrutiny-board-children-and-families")
	if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"inspections.html", "inspections.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	src, _ := os.ReadFile(filepath.Join(root, "templates/inspections.md"))
	os.WriteFile(filepath.Join(root, "templates/inspections.md"), bytes.Replace(src, []byte("item: 8"), []byte("item: 8\nexempt: true"), 1), 0o644)
	if _, err := Run(Options{Root: root, Out: out, Templates: []string{"templates/inspections.md"}, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	for name, content := range everything(t, out) {
		if strings.Contains(name, "inspections.") {
			t.Errorf("%s is still published", name)
		}
		if strings.Contains(content, "The public part") || strings.Contains(content, appendixSentinel) {
			t.Errorf("%s still holds the paper's text", name)
		}
	}
}
