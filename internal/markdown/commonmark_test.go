package markdown_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
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
	"github.com/boardpaper/boardpaper/internal/testtool"
	"github.com/boardpaper/boardpaper/internal/transform"
)

var update = flag.Bool("update", false, "rewrite testdata/commonmark/refused.txt from what the examples give")

// specExample is one example of the CommonMark specification, as goldmark's
// module carries them (_test/spec.json).
type specExample struct {
	Markdown  string `json:"markdown"`
	Example   int    `json:"example"`
	StartLine int    `json:"start_line"`
	Section   string `json:"section"`
}

// specFile is a copy of goldmark v1.8.7's _test/spec.json (CommonMark
// 0.31.2). The project's go.mod replaces goldmark with a copy that does not
// carry it, and the upstream module is in the module cache only once
// something downloads it, which a test must not depend on (see the
// folder's README.md).
const specFile = "testdata/commonmark/spec.json"

// bodyStart is put before each example so that its text has a section to
// go in; the example starts on the template's line 3.
const bodyStart = "# Section\n\n"

// Every example of the CommonMark specification, each as the body of a
// paper of its own, is read, numbered and written as HTML and PDF. None
// may hang, panic or fail with anything but errors in the author's file,
// at a line, in plain words. Which examples are refused, and why, is kept
// in testdata/commonmark/refused.txt (-update rewrites it): a change that
// refuses more, or words a refusal differently, shows there.
func TestCommonMarkSpec(t *testing.T) {
	raw, err := os.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(raw, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) != 652 {
		t.Fatalf("%s holds %d examples, want the specification's 652", specFile, len(examples))
	}
	var refused strings.Builder
	kinds := map[string]int{}
	built, nrefused := 0, 0
	messages := 0
	for _, ex := range examples {
		errs := buildExample(t, ex)
		if len(errs) == 0 {
			built++
			continue
		}
		nrefused++
		messages += len(errs)
		for _, e := range errs {
			fmt.Fprintf(&refused, "example %d (%s): %s\n", ex.Example, ex.Section, e)
			kinds[kind(e.Msg)]++
		}
	}
	t.Logf("%d examples build, %d are refused with %d messages", built, nrefused, messages)
	var ks []string
	for k, n := range kinds {
		ks = append(ks, fmt.Sprintf("%4d  %s", n, k))
	}
	sort.Strings(ks)
	t.Logf("refusals by kind:\n%s", strings.Join(ks, "\n"))

	golden := filepath.Join("testdata", "commonmark", "refused.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(refused.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := refused.String(); got != string(want) {
		t.Errorf("the examples refused differ from %s (go test -run TestCommonMarkSpec -update to accept):\n%s", golden, lineDiff(string(want), got))
	}
}

// buildExample runs one example through the reader, the passes and both
// writers, and returns the errors it is refused with. Anything else (a
// panic, an error that does not name a line of the paper, a message in
// Go's words) fails the test.
func buildExample(t *testing.T, ex specExample) (errs diag.List) {
	t.Helper()
	what := fmt.Sprintf("CommonMark example %d (spec line %d)", ex.Example, ex.StartLine)
	// A hang guard, far above what any example takes: it ends the test
	// binary, naming the example, rather than let it run for ever.
	defer testtool.PanicAfter(2*time.Minute, what)()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("%s panics: %v\n%q", what, p, ex.Markdown)
			errs = nil
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
		return refuse("reading", err)
	}
	doc := res.Doc
	if err := transform.Apply(doc, transform.Options{SummaryNumbers: "1.0", SectionNumbers: "1.0", TableLabel: "Table", ChartLabel: "Table", NumberWords: true}, res.Positions); err != nil {
		return refuse("the passes", err)
	}
	date := time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)
	doc.Meta = model.Meta{Slug: "example", Title: what, Date: date, Language: "en-GB"}
	doc.Style = model.Style{Layout: "executive-board", FontFamily: "Liberation Sans", FontSize: 11}
	var page bytes.Buffer
	if err := html.Write(&page, doc, html.Options{}); err != nil {
		t.Errorf("%s: the HTML writer fails: %v\n%q", what, err, ex.Markdown)
	}
	var laid *pdf.LaidOut
	if _, err := pdf.PaperPDF(doc, pdf.Options{Date: date}, func(l *pdf.LaidOut) { laid = l }); err != nil {
		t.Errorf("%s: the PDF writer fails: %v\n%q", what, err, ex.Markdown)
		return nil
	}
	pack := pdf.Pack{Committee: "Executive Board", DateText: "13th March 2013", Items: []pdf.PackItem{
		{Item: 1, Subject: what, Load: func() (*pdf.LaidOut, error) { return laid, nil }},
	}}
	if _, err := pdf.PackPDF(pack, pdf.Options{Date: date}); err != nil {
		t.Errorf("%s: the agenda pack's writer fails: %v\n%q", what, err, ex.Markdown)
	}
	return nil
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
