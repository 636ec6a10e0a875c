package markdown_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	stdhtml "html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/markdown"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/pdf/pack"
	"github.com/boardpaper/boardpaper/internal/testtool"
	"github.com/boardpaper/boardpaper/internal/transform"
)

var update = flag.Bool("update", false, "rewrite testdata/commonmark/refused.txt and differs.txt from what the examples give")

// specExample is one example of the CommonMark specification, as goldmark's
// module carries them (_test/spec.json).
type specExample struct {
	Markdown  string `json:"markdown"`
	HTML      string `json:"html"`
	Example   int    `json:"example"`
	StartLine int    `json:"start_line"`
	Section   string `json:"section"`
}

// specFile is where the goldmark module the reader is built with keeps
// the CommonMark specification's examples, so that they are the ones that
// goldmark version is tested against. The module is in the module cache
// whenever this test compiles; the go command names its folder
// (GOMODCACHE, GOFLAGS and GOPROXY as the build had them).
func specFile(t *testing.T) string {
	t.Helper()
	var mod struct{ Dir string }
	for _, args := range [][]string{
		{"list", "-m", "-json", "github.com/yuin/goldmark"},
		// go list leaves Dir out if the module's files are not unpacked.
		{"mod", "download", "-json", "github.com/yuin/goldmark"},
	} {
		out, err := exec.Command("go", args...).Output()
		if err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				err = fmt.Errorf("%v: %s", err, ee.Stderr)
			}
			t.Fatalf("go %s: %v", strings.Join(args, " "), err)
		}
		if err := json.Unmarshal(out, &mod); err != nil {
			t.Fatalf("go %s: %v", strings.Join(args, " "), err)
		}
		if mod.Dir != "" {
			return filepath.Join(mod.Dir, "_test", "spec.json")
		}
	}
	t.Fatal("the go command does not say where goldmark's module is")
	return ""
}

// bodyStart is put before each example so that its text has a section to
// go in; the example starts on the template's line 3.
const bodyStart = "# Section\n\n"

// Every example of the CommonMark specification, each as the body of a
// paper of its own, is read, numbered and written as HTML and PDF. None
// may hang, panic or fail with anything but errors in the author's file,
// at a line, in plain words. Each that builds must read as CommonMark's
// HTML does, but for raw HTML, which a paper shows as the text it is.
//
// What is refused and why, and which examples read otherwise, are kept in
// testdata/commonmark/refused.txt and differs.txt (-update rewrites both):
// a change that refuses more, words a refusal differently or reads an
// example differently shows there.
func TestCommonMarkSpec(t *testing.T) {
	spec := specFile(t)
	raw, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(raw, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) != 652 {
		t.Fatalf("%s holds %d examples, want the specification's 652", spec, len(examples))
	}
	var refused, differs strings.Builder
	kinds := map[string]int{}
	built, nrefused, messages, ndiffer := 0, 0, 0, 0
	for _, ex := range examples {
		doc, errs := buildExample(t, ex)
		if doc != nil {
			built++
			if got, want := docText(doc), htmlText(ex.HTML); got != want {
				if !rawHTML.MatchString(ex.Markdown) {
					t.Errorf("CommonMark example %d reads %q, not %q", ex.Example, got, want)
				}
				ndiffer++
				fmt.Fprintf(&differs, "example %d (%s):\n  reads %q\n  not   %q\n", ex.Example, ex.Section, got, want)
			}
			continue
		}
		if len(errs) == 0 {
			continue // failed the test already
		}
		nrefused++
		messages += len(errs)
		for _, e := range errs {
			fmt.Fprintf(&refused, "example %d (%s): %s\n", ex.Example, ex.Section, e)
			kinds[kind(e.Msg)]++
		}
	}
	t.Logf("%d examples build (%d of them read otherwise than CommonMark's HTML), %d are refused with %d messages", built, ndiffer, nrefused, messages)
	var ks []string
	for k, n := range kinds {
		ks = append(ks, fmt.Sprintf("%4d  %s", n, k))
	}
	sort.Strings(ks)
	t.Logf("refusals by kind:\n%s", strings.Join(ks, "\n"))

	for _, g := range []struct {
		name string
		got  string
	}{{"refused.txt", refused.String()}, {"differs.txt", differs.String()}} {
		golden := filepath.Join("testdata", "commonmark", g.name)
		if *update {
			if err := os.WriteFile(golden, []byte(g.got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if g.got != string(want) {
			t.Errorf("the examples differ from %s (go test -run TestCommonMarkSpec -update to accept):\n%s", golden, lineDiff(string(want), g.got))
		}
	}
}

// docText is the text of a document's body after its first heading (the
// one bodyStart puts there), spaces run together.
func docText(d *model.Document) string {
	var b strings.Builder
	add := func(in []model.Inline) { b.WriteString(" " + model.PlainText(in) + " ") }
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for _, x := range bs {
			switch x := x.(type) {
			case *model.Para:
				add(x.Inlines)
			case *model.CodeBlock:
				b.WriteString(" " + x.Text + " ")
			case *model.List:
				for _, it := range x.Items {
					blocks(it)
				}
			case *model.Quote:
				blocks(x.Blocks)
			case *model.CrossHeading:
				add(x.Inlines)
			case *model.Table:
				for _, row := range append(x.Head, x.Rows...) {
					for _, c := range row {
						add(c.Inlines)
					}
				}
			}
		}
	}
	for i, s := range d.Body {
		if i > 0 {
			add(s.Title)
		}
		blocks(s.Blocks)
		for _, sub := range s.Subsections {
			add(sub.Title)
			blocks(sub.Blocks)
		}
	}
	for _, n := range d.Footnotes {
		blocks(n.Blocks)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var (
	// rawHTML is the start of a tag, comment, declaration or processing
	// instruction: Markdown CommonMark passes through as HTML.
	rawHTML   = regexp.MustCompile(`<[A-Za-z/!?]`)
	inlineTag = regexp.MustCompile(`</?(em|strong|a|code|img)\b[^>]*>`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
)

// htmlText is the text a browser shows of an example's HTML, spaces run
// together: inline elements joined to the text around them, block
// elements apart.
func htmlText(h string) string {
	h = anyTag.ReplaceAllString(inlineTag.ReplaceAllString(h, ""), " ")
	return strings.Join(strings.Fields(stdhtml.UnescapeString(h)), " ")
}

// buildExample runs one example through the reader, the passes and both
// writers, and returns the errors it is refused with. Anything else (a
// panic, an error that does not name a line of the paper, a message in
// Go's words) fails the test.
func buildExample(t *testing.T, ex specExample) (doc *model.Document, errs diag.List) {
	t.Helper()
	what := fmt.Sprintf("CommonMark example %d (spec line %d)", ex.Example, ex.StartLine)
	// A hang guard, far above what any example takes: it ends the test
	// binary, naming the example, rather than let it run for ever.
	defer testtool.PanicAfter(2*time.Minute, what)()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("%s panics: %v\n%q", what, p, ex.Markdown)
			doc, errs = nil, nil
		}
	}()
	body := bodyStart + ex.Markdown
	refuse := func(stage string, err error) diag.List {
		var list diag.List
		var one *diag.Error
		switch {
		case errors.As(err, &list):
		case errors.As(err, &one):
			list = diag.List{one}
		default:
			t.Errorf("%s: %s fails with %v, not an error in the paper\n%q", what, stage, err, ex.Markdown)
			return nil
		}
		for _, e := range list {
			lines := strings.Count(body, "\n") + 1
			if e.Pos.Path != "templates/p.md" || e.Pos.Line < 3 || e.Pos.Line > 3+lines {
				t.Errorf("%s: %s: %q is not at a line of the example\n%q", what, stage, e, ex.Markdown)
			}
			if m := goWords.FindString(unquoted(e.Msg)); m != "" {
				t.Errorf("%s: %s: %q speaks Go (%q), not plain words", what, stage, e, m)
			}
		}
		return list
	}
	res, err := markdown.Read(markdown.Source{Path: "templates/p.md", FirstLine: 1, Template: body, Expanded: body}, nil)
	if err != nil {
		return nil, refuse("reading", err)
	}
	doc = res.Doc
	if err := transform.Apply(doc, transform.Options{SummaryNumbers: "1.0", SectionNumbers: "1.0", TableLabel: "Table", ChartLabel: "Table", NumberWords: true}, res.Positions); err != nil {
		return nil, refuse("the passes", err)
	}
	date := time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)
	doc.Meta = model.Meta{Slug: "example", Title: what, Date: date, Language: "en-GB"}
	doc.Style = model.Style{Layout: "executive-board", FontFamily: "Liberation Sans", FontSize: 11}
	var page bytes.Buffer
	if err := html.Write(&page, doc, html.Options{}); err != nil {
		t.Errorf("%s: the HTML writer fails: %v\n%q", what, err, ex.Markdown)
	}
	laid, err := pdf.Write(io.Discard, doc, pdf.Options{Date: date})
	if err != nil {
		t.Errorf("%s: the PDF writer fails: %v\n%q", what, err, ex.Markdown)
		return nil, nil
	}
	meeting := pack.Meeting{Committee: "Executive Board", DateText: "13th March 2013", Items: []pack.Item{
		{Item: 1, Subject: what, Load: func() (*pdf.LaidOut, error) { return laid, nil }},
	}}
	if err := pack.Write(io.Discard, meeting, pdf.Options{Date: date}); err != nil {
		t.Errorf("%s: the agenda pack's writer fails: %v\n%q", what, err, ex.Markdown)
	}
	return doc, nil
}

// goWords are Go's names in a message: a package-qualified name
// (*ast.Heading), or a word joined from capitalised words
// (LinkReferenceDefinition).
var goWords = regexp.MustCompile(`\*?\b[a-z]+\.[A-Z][A-Za-z]*|\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b`)

// quoted is what a message quotes of the author's text.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|“[^”]*”`)

func unquoted(msg string) string { return quoted.ReplaceAllString(msg, `""`) }

// kind is what a message says before its advice, with what it quotes of
// the author's text taken out, for a count of refusals by kind.
func kind(msg string) string {
	msg, _, _ = strings.Cut(unquoted(msg), ": ")
	return authorText.ReplaceAllString(msg, "…")
}

// authorText is what a message shows of the author's Markdown: [^label],
// ![alt](address), @label.
var authorText = regexp.MustCompile(`!?\[[^\]]*\](\([^)]*\))?|@[A-Za-z0-9_-]+`)

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var out []string
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			out = append(out, "- "+l)
			count[l]--
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] < 0 {
			out = append(out, "+ "+l)
			count[l]++
		}
	}
	return strings.Join(out, "\n")
}
