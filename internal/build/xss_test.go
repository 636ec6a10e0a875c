package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const hostilePaper = `---
layout: executive-board
report_of: "Director <script>alert('of')</script>"
report_to: Executive Board
date: 2013-03-13
subject: "<script>alert('subject')</script> & <img src=x onerror=alert(1)> [s](javascript:alert('subject'))"
data: data/s.yaml
---
# Summary of main issues {.summary}

Body <script>alert('body')</script> and [a link](javascript:alert('link')) and
<a href="javascript:alert('raw')">raw</a> and <javascript:alert('auto')> and
[data](data:text/html,<script>alert(1)</script>) and [fine](https://example.org).

<script>alert('block')</script>

# Main issues

Text.

` + "```table" + `
id: tbl-x
data: t
caption: "Caption <script>alert('caption')</script> [c](javascript:alert('caption'))"
` + "```" + `

` + "```chart" + `
id: fig-x
type: bar
data: s
title: "</svg><script>alert('title')</script>"
caption: "A chart"
` + "```" + `
`

const hostileSnapshot = `t:
  columns: ["<script>alert('col')</script>", "b"]
  rows:
    - {label: "<script>alert('label')</script>", values: [1, 2]}
    - {label: "[l](javascript:alert('label'))", values: [3, 4]}
s:
  x: ["<b onmouseover=alert(1)>Q1</b>", "javascript:alert('x')"]
  series:
    - {name: "</text><script>alert('series')</script>", values: [1, 2]}
`

// Text from templates, front matter and snapshots is escaped wherever it
// lands: no output holds a live script, event handler or javascript: link.
func TestNoLiveScriptInAnyOutput(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "templates"), 0o755)
	os.MkdirAll(filepath.Join(root, "data"), 0o755)
	os.WriteFile(filepath.Join(root, "templates/hostile.md"), []byte(hostilePaper), 0o644)
	os.WriteFile(filepath.Join(root, "data/s.yaml"), []byte(hostileSnapshot), 0o644)
	out := filepath.Join(root, "output")
	if _, err := Run(Options{Root: root, Out: out, HTML: true, PDF: true}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	if len(files) < 4 {
		t.Fatalf("only %d files written", len(files))
	}
	live := []*regexp.Regexp{
		liveMarkup, // fuzz_test.go: <script, on…= handlers, javascript: and data: links
		regexp.MustCompile(`(?i)<img`),
	}
	for name, b := range files {
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
