package expand

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/project"
)

// TestDocumentedExamples runs every example of the function table in
// docs/format.md "Expressions" on the snapshot written above it, and
// checks that each prints what the table says: the examples of a row's
// second column against the first as many figures of its third.
func TestDocumentedExamples(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(doc), "\n## Expressions\n")
	section, _, _ = strings.Cut(section, "\n## ")
	_, yml, _ := strings.Cut(section, "```yaml\n")
	yml, _, _ = strings.Cut(yml, "```")
	snap, err := project.ParseSnapshot("data/s.yaml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("`([^`]+)`")
	rows := 0
	for _, line := range strings.Split(section, "\n") {
		cols := strings.Split(line, " | ")
		if len(cols) != 3 || !strings.Contains(cols[1], "{{") {
			continue
		}
		rows++
		examples := code.FindAllStringSubmatch(cols[1], -1)
		outputs := code.FindAllStringSubmatch(cols[2], -1)
		if len(outputs) < len(examples) {
			t.Errorf("%s: %d examples but %d outputs", cols[0], len(examples), len(outputs))
			continue
		}
		for i, ex := range examples {
			got, err := Body("templates/p.md", 1, ex[1], snap.Value, map[string]any{"date": "2013-03-13"})
			if want := outputs[i][1]; err != nil || got != want {
				t.Errorf("%s prints %q (%v); docs/format.md says %q", ex[1], got, err, want)
			}
		}
	}
	if rows < 20 {
		t.Errorf("found %d rows of examples; has the table's layout changed?", rows)
	}
}
