package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/pipeline"
)

// warnings builds a one-paper project in check mode and returns its
// warnings about labels and tables.
func warnings(t *testing.T, body, snapshot string) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"templates/p.md": "---\nlayout: executive-board\nreport_of: Director\nreport_to: Executive Board\n" +
			"date: 2013-03-13\nsubject: A paper\ndata: data/s.yaml\n---\n" + body,
		"data/s.yaml": snapshot,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	results, err := pipeline.Check(dir, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range results {
		for _, w := range Warnings(r, Options{PublishDate: time.Date(2013, 3, 1, 0, 0, 0, 0, time.UTC)}) {
			if s := w.Error(); strings.Contains(s, "label") || strings.Contains(s, "add up") {
				out = append(out, s)
			}
		}
	}
	return out
}

const snapshot = `ages:
  columns: ["0", "1-4", "5-10", "11-15", "16+"]
  rows:
    - {label: March 2011, values: [1, 1, 1, 1, 1]}
    - {label: March 2012, values: [1, 1, 1, 6, 7]}
`

// Labels are found where the built document has them, written on the
// element's own lines, however the element was made; a table's figures are
// judged as the table was read, whatever its block's expressions.
func TestWarningsOfTheBuiltDocument(t *testing.T) {
	body := "# Main\n\nA paragraph that runs\non to a second line. {#para-long}\n\n" +
		"Text with {#para-late} in braces, and @tbl-ages.\n\n" +
		"One more. {#para-late}\n\n" +
		"```table\nid: tbl-ages\ndata: ages\ncaption: Ages in {{ \"2012\" }}\ncells: count-share\ntotal: 14\n```\n"
	got := strings.Join(warnings(t, body, snapshot), "\n")
	// The body starts on line 9.
	want := strings.Join([]string{
		`data/s.yaml:5:7: warning: the shares in row "March 2012" add up to 100.2% once rounded, not 100%: a reader may query it`,
		`templates/p.md:12:24: warning: label "para-long" is never referred to (write @para-long where the text mentions it, or remove the label)`,
		`templates/p.md:16:13: warning: label "para-late" is never referred to (write @para-late where the text mentions it, or remove the label)`,
		`templates/p.md:23:8: warning: the table's rows add up to 21, not the total of 14 it declares`,
	}, "\n")
	if got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
}
