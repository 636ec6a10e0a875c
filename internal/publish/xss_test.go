package publish

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostile is a project whose paper, front matter and snapshot hold every
// kind of live markup an author might paste (FuzzPipeline starts from it
// too).
const hostile = "../pipeline/testdata/hostile"

// liveMarkup is as in the pipeline's FuzzPipeline: <script, on…= handlers,
// javascript: and data: links.
var liveMarkup = regexp.MustCompile(`(?i)<script|<iframe|<object|<embed|<[a-z][^<>]*\s(on[a-z]+|(xlink:)?href)\s*=\s*["']?\s*(javascript|data|vbscript):|<[a-z][^<>]*\son[a-z]+\s*=`)

// Text from templates, front matter and snapshots is escaped wherever it
// lands: no output holds a live script, event handler or javascript: link.
func TestNoLiveScriptInAnyOutput(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"templates/hostile.md", "data/s.yaml"} {
		b, err := os.ReadFile(filepath.Join(hostile, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	root := writeProject(t, files)
	out := filepath.Join(root, "output")
	if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	outputs := readTree(t, out)
	if len(outputs) < 4 {
		t.Fatalf("only %d files written", len(outputs))
	}
	live := []*regexp.Regexp{
		liveMarkup,
		regexp.MustCompile(`(?i)<img`),
	}
	for name, b := range outputs {
		s := string(b)
		switch {
		case strings.HasSuffix(name, ".html"):
			for _, re := range live {
				if m := re.FindString(s); m != "" {
					t.Errorf("%s holds live markup %q", name, m)
				}
			}
			if name != "index.html" && !strings.Contains(s, "&lt;script&gt;alert(&#39;body&#39;)") && !strings.Contains(s, "&lt;script&gt;alert('body')") {
				t.Errorf("%s lost the pasted text instead of showing it", name)
			}
		case strings.HasSuffix(name, ".pdf"):
			if regexp.MustCompile(`(?i)/URI\s*\(\s*(javascript|data):|/S\s*/JavaScript|/JS\s`).MatchString(s) {
				t.Errorf("%s holds a script action or a javascript: link", name)
			}
			if !strings.Contains(s, "/URI (https://example.org)") {
				t.Errorf("%s lost the safe link", name)
			}
		case strings.HasSuffix(name, ".csv"):
			if !strings.Contains(s, "</text><script>") {
				t.Errorf("%s: CSV holds the series name as written (it is data, not markup): %s", name, s)
			}
		}
	}
}
