package project

import (
	"strings"
	"testing"
)

// yaml.v3 names the line before the one meant for its parser's errors; the
// messages must name the line where the author opened the "[" or "{" (or
// where the parser stopped), counted in the author's file.
func TestYAMLSyntaxErrorLines(t *testing.T) {
	cases := []struct {
		name, src string
		snapshot  bool
		want      string
	}{
		{"flow list in front matter", "---\nlayout: scrutiny-board\nreport_of: x\nreport_to: y\ndate: 2013-04-25\nsubject: [Update on\ndata: data/s.yaml\n---\n# A\n",
			false, "templates/p.md:6:1: YAML: did not find expected ',' or ']'"},
		{"flow map in a snapshot", "a: 1\nhomes: {total: 12\nother: 1\n",
			true, "data/s.yaml:2:1: YAML: did not find expected ',' or '}'"},
		{"flow map on the first line", "homes: {total: 12\nother: 1\n",
			true, "data/s.yaml:2:1: YAML: did not find expected ',' or '}'"},
		{"block mapping", "a:\n  b: 1\n  c: 2\n d: 3\n",
			true, "data/s.yaml:4:1: YAML: did not find expected key"},
		// yaml.v3 names the line the value before the tab started on.
		{"tab after a value", "homes:\n  total: 12\n\tgood: 5\n",
			true, "data/s.yaml:3:1: YAML: a tab in the indentation: indent with spaces"},
		{"tab after spaces", "a:\n  b: 1\n  \tc: 2\n",
			true, "data/s.yaml:3:3: YAML: a tab in the indentation"},
		{"tab on the line named", "a: 1\n\tb: 2\n",
			true, "data/s.yaml:2:1: YAML: a tab in the indentation"},
		// A scanner error: yaml.v3 already counts it from 1.
		{"mapping value in a plain scalar", "a: b\nc: d: e\n",
			true, "data/s.yaml:2:1: YAML: mapping values are not allowed in this context"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.snapshot {
				_, err = ParseSnapshot("data/s.yaml", []byte(c.src))
			} else {
				_, err = ParsePaper("templates/p.md", []byte(c.src))
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// Text saved as Windows-1252 is refused at its first bad byte, in a paper's
// body and front matter, a snapshot and a layout, instead of reaching the
// writers (the PDF library panicked on it in a heading).
func TestNotUTF8IsRefusedWhereItIs(t *testing.T) {
	paper := "---\nlayout: scrutiny-board\nreport_of: x\nreport_to: y\ndate: 2013-04-25\nsubject: z\n---\n# Caf\xe9 culture\n"
	_, err := ParsePaper("templates/p.md", []byte(paper))
	if err == nil || !strings.Contains(err.Error(), "templates/p.md:8:6: not UTF-8 text (byte 0xE9)") {
		t.Errorf("body: %v", err)
	}
	front := strings.Replace(paper, "subject: z", "subject: \xe9t\xe9", 1)
	if _, err := ParsePaper("templates/p.md", []byte(front)); err == nil || !strings.Contains(err.Error(), "templates/p.md:6:10: not UTF-8") {
		t.Errorf("front matter: %v", err)
	}
	if _, err := ParseSnapshot("data/s.yaml", []byte("a: 1\nb: \"na\xefve\"\n")); err == nil || !strings.Contains(err.Error(), "data/s.yaml:2:7: not UTF-8") {
		t.Errorf("snapshot: %v", err)
	}
	if _, err := ParseLayout("l", "templates/layouts/l.yaml", []byte("table_label: T\xe2\x80\n")); err == nil || !strings.Contains(err.Error(), "templates/layouts/l.yaml:1:15: not UTF-8") {
		t.Errorf("layout: %v", err)
	}
	// UTF-8 with a byte-order mark, as Notepad saves it, is fine.
	if _, err := ParseSnapshot("data/s.yaml", []byte("\ufeffa: caf\u00e9\n")); err != nil {
		t.Errorf("UTF-8 with a BOM: %v", err)
	}
}
