package snapdiff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/project"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func load(t *testing.T, name string) *project.Snapshot {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	s, err := project.ParseSnapshot("data/looked-after-children/"+name, b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.WriteFile(path, got, 0o644)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestDiffGolden(t *testing.T) {
	cs := Compare(load(t, "old.yaml"), load(t, "new.yaml"))
	var text, md bytes.Buffer
	WriteText(&text, "old.yaml", "new.yaml", cs)
	WriteMarkdown(&md, "old.yaml", "new.yaml", cs)
	golden(t, "diff.txt", text.Bytes())
	golden(t, "diff.md", md.Bytes())
	for _, want := range []string{
		"age_groups › March 2012 › 0: 123 → 130 (+7, +5.7%)",
		"looked_after › 2013-03-31: added 1,360",
		"placements › 31 March 2013: added 801, 190",
		"11.1% (163/1,475) → 10.8% (160/1,475)",
		"statistical_neighbour_rate › note: added rate from the 2012 return",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
}

func TestRowsAreMatchedByLabelNotPosition(t *testing.T) {
	parse := func(src string) *project.Snapshot {
		s, err := project.ParseSnapshot("d.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	old := parse("t: {columns: [a, b], rows: [{label: X, values: [1, 2]}]}\n")
	new := parse("t: {columns: [b, a], rows: [{label: W, values: [9, 9]}, {label: X, values: [2, 1]}]}\n")
	cs := Compare(old, new)
	if len(cs) != 1 || cs[0].Kind != Added || cs[0].Where() != "t › W" {
		t.Errorf("changes = %+v", cs)
	}
}

func TestNothingChanged(t *testing.T) {
	var b bytes.Buffer
	s := load(t, "old.yaml")
	WriteText(&b, "a", "b", Compare(s, s))
	if b.String() != "a → b: no figures changed\n" {
		t.Errorf("got %q", b.String())
	}
}
