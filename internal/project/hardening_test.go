package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"
)

// The mistakes authors make in YAML by hand are named at the line that is
// wrong, in words that say what is wrong with it; yaml.v3 names the line
// where the enclosing map or list began ("did not find expected key"),
// often lines away.
func TestYAMLMistakesAreNamedWhereTheyAre(t *testing.T) {
	cases := []struct {
		name, src string
		snapshot  bool
		want      string
	}{
		{"key one space too deep", "homes:\n  total: 12\n   good: 5\n  none: 0\n",
			true, `data/s.yaml:3:4: this line is indented 3 spaces, deeper than the key "total" above it (2 spaces): line "good" up with "total"`},
		{"key one space too shallow", "homes:\n  total: 12\n good: 5\n  none: 0\nother: 1\n",
			true, `data/s.yaml:3:2: this line is indented 1 space, less than the key "total" above it (2 spaces) but more than the key "homes" (0 spaces): line it up with one of them`},
		{"last key one space too shallow", "a:\n  b:\n    c: 1\n    d: 2\n    e: 3\n   f: 4\n",
			true, `data/s.yaml:6:4: this line is indented 3 spaces, less than the key "e" above it (4 spaces) but more than the key "b" (2 spaces): line it up with one of them`},
		{"top-level key indented", "a: 1\n b: 2\n",
			true, `data/s.yaml:2:2: this line is indented 1 space, deeper than the key "a" above it (0 spaces): line "b" up with "a"`},
		{"list item out of line, deeper", "rows:\n  - {label: a, values: [1]}\n   - {label: b, values: [2]}\n",
			true, `data/s.yaml:3:4: this list item is indented 3 spaces, deeper than the list items above it (2 spaces): line it up with them`},
		{"list item out of line, shallower, lines below the list's start", "age_groups:\n  columns: [a, b]\n  rows:\n    - {label: a, values: [1, 2]}\n    - {label: b, values: [1, 2]}\n    - {label: c, values: [1, 2]}\n   - {label: d, values: [1, 2]}\n    - {label: e, values: [1, 2]}\n",
			true, `data/s.yaml:7:4: this list item is indented 3 spaces, less than the list items above it (4 spaces) but more than the key "rows" (2 spaces): line it up with one of them`},
		{"list item lined up with its key", "looked_after:\n  x: [2012-03-31, 2013-01-25]\n  series:\n    - name: A\n      values: [1, 2]\n    - name: B\n      values: [1, 2]\n  - name: C\n    values: [1, 2]\n",
			true, `data/s.yaml:8:3: this list item is lined up with the key "series" above it (2 spaces), not with the list's other items (4 spaces): indent it 4 spaces`},
		{"key of a list item one space short", "rows:\n  - label: a\n    values: [1, 2]\n  - label: c\n   values: [1, 2]\n",
			true, `data/s.yaml:5:4: this line is indented 3 spaces, less than the key "label" above it (4 spaces) but more than the list items (2 spaces): line it up with one of them`},
		{"first item of a list lined up with its key, in a file whose lists are", "a:\n- x\n- y\nc:\n- z\nb:\n - p\n- q\n",
			true, `data/s.yaml:7:2: this list item is indented 1 space, but the next item of its list (line 8) is lined up with the key "b" (0 spaces), as the file's lists are: line the dashes of one list up`},
		{"first item of a list out of line with its keys below", "a:\n  - x: 1\n    y: 2\nb:\n   - p: 1\n    q: 2\n",
			true, `data/s.yaml:5:4: this list item is indented 3 spaces, but the key "q" below it (line 6) lines up with an item indented 2 spaces: indent this item 2 spaces`},
		{"a list item with a colon left out", "rows:\n  - label March 2011\n    values: [1, 2]\n",
			true, `data/s.yaml:2:3: this list item holds a value, not keys, yet the line below it is indented as one of its keys: write the item as a key and its value ("- label: March 2011")`},
		{"a key under a list item's value, out of line", "rows:\n  - a\n     b: 1\n",
			true, `data/s.yaml:3:6: this line is indented 5 spaces, deeper than the list item above it (2 spaces): line it up with the item's "-", or with its value if it is one of the item's keys`},
		{"key of a list item one space over", "rows:\n  - label: c\n     values: [1, 2]\n",
			true, `data/s.yaml:3:6: this line is indented 5 spaces, deeper than the key "label" above it (4 spaces): line "values" up with "label"`},
		{"key of a list item lined up with the dash", "rows:\n  - label: c\n  values: [1, 2]\n",
			true, `data/s.yaml:3:3: this key is lined up with the "-" of the list item above it (2 spaces): a key of that item lines up with "label" (4 spaces)`},
		{"missing colon", "homes:\n  total: 12\n  good 5\n  none: 0\n",
			true, `data/s.yaml:3:3: this line has no colon: a key and its value are written "good: 5", not "good 5"`},
		{"missing colon, first key of a map", "homes:\n  total 12\n  good: 5\n",
			true, `data/s.yaml:2:3: this line has no colon: a key and its value are written "total: 12", not "total 12"`},
		{"missing colon after a map's name", "homes\n  total: 12\n",
			true, `data/s.yaml:1:1: this line has no colon, so the keys indented under it have nothing to belong to: write "homes:"`},
		{"value on the line after its key", "homes:\n  total:\n  12\n  good: 5\n",
			true, `data/s.yaml:3:3: "12" is lined up with the key "total" above it, so it reads as a key without a colon: put the value on the key's line ("total: 12"), or indent it deeper than "total"`},
		{"a colon in a value", "caption: Note: figures are provisional\n",
			true, `data/s.yaml:1:14: the value of "caption" holds ": ", which YAML reads as the start of another key: put the value in quotes`},
		{"a colon in a value after others", "a: b\nc: d: e\n",
			true, `data/s.yaml:2:5: the value of "c" holds ": ", which YAML reads as the start of another key: put the value in quotes`},
		{"an apostrophe inside single quotes", "---\nlayout: scrutiny-board\nreport_of: 'Director of Children's Services'\n---\n# A\n",
			false, `templates/p.md:3:33: this apostrophe ends the quoted value, and text follows it: inside single quotes an apostrophe is written twice ('Children''s Services'), or use double quotes ("Children's Services")`},
		{"a quotation mark inside double quotes", "subject: \"The \"Obsessions\" update\"\n",
			true, `data/s.yaml:1:15: this quotation mark ends the quoted value, and text follows it: inside double quotes a quotation mark is written \", or use single quotes`},
		{"a quotation mark never closed", "a: 1\nb: \"text\n",
			true, `data/s.yaml:2:4: this quotation mark is never closed: add the closing "`},
		{"a list on its key's line", "wards: - Armley\n",
			true, `data/s.yaml:1:8: a list cannot start on the line of its key "wards": put each "- " item on a line of its own, indented under the key`},
		{"a value starting with @", "contact: @leedscc\n",
			true, `data/s.yaml:1:10: a value cannot start with "@": put the value in quotes`},
		{"a bracket then text", "note: [draft] figures\n",
			true, `data/s.yaml:1:7: this value starts with "[", which YAML reads as a list or map, and has text after its end: put the whole value in quotes`},
		{"brackets that do not match", "a: {b: [1, 2}\n",
			true, `data/s.yaml:1:13: "}" where "]" was expected: the "[" at line 1, column 8 is not closed`},
		{"flow list in front matter", "---\nlayout: scrutiny-board\nreport_of: x\nreport_to: y\ndate: 2013-04-25\nsubject: [Update on\ndata: data/s.yaml\n---\n# A\n",
			false, `templates/p.md:6:10: this "[" is never closed: add "]" after the last item (or put the value in quotes if the "[" is part of the text)`},
		{"flow map in a snapshot", "a: 1\nhomes: {total: 12\nother: 1\n",
			true, `data/s.yaml:2:8: this "{" is never closed: add "}" after the last item (or put the value in quotes if the "{" is part of the text)`},
		{"flow map at the end", "homes: {total: 12, good: 5\n",
			true, `data/s.yaml:1:8: this "{" is never closed: add "}" after the last item (or put the value in quotes if the "{" is part of the text)`},
		// A tab gets the same message wherever it is.
		{"tab after a value", "homes:\n  total: 12\n\tgood: 5\n",
			true, "data/s.yaml:3:1: a tab in the indentation: indent with spaces"},
		{"tab after spaces", "a:\n  b: 1\n  \tc: 2\n",
			true, "data/s.yaml:3:3: a tab in the indentation: indent with spaces"},
		{"tab on the line named", "a: 1\n\tb: 2\n",
			true, "data/s.yaml:2:1: a tab in the indentation: indent with spaces"},
		{"tab before a nested key", "homes:\n  total: 12\n  good:\n\t  x: 5\n",
			true, "data/s.yaml:4:1: a tab in the indentation: indent with spaces"},
		{"tab before a list item", "a:\n  - 1\n\t- 2\n",
			true, "data/s.yaml:3:1: a tab in the indentation: indent with spaces"},
		{"tab before a comment", "a:\n\t# note\n  b: 1\n",
			true, "data/s.yaml:2:1: a tab in the indentation: indent with spaces"},
		{"tab on an empty line", "a: 1\n\t\nb: 2\n",
			true, "data/s.yaml:2:1: a tab in the indentation: indent with spaces"},
		{"tab ending a block of text", "a: |\n  x\n\ty\nb: 1\n",
			true, "data/s.yaml:3:1: a tab in the indentation: indent with spaces"},
		{"tab after a dash", "- \tx\n",
			true, `data/s.yaml:1:3: a tab after a list item's "-": use spaces`},
		{"tab in front matter", "---\nlayout: scrutiny-board\n\treport_of: x\n---\n# A\n",
			false, "templates/p.md:3:1: a tab in the indentation: indent with spaces"},
		{"backslash in double quotes", "a: \"C:\\data\\x\"\n",
			true, `data/s.yaml:1:7: inside double quotes a backslash starts an escape, and "\d" is not one: put text with backslashes in single quotes, or write each backslash as \\`},
		// What the scanner does not follow is worded from yaml.v3's message.
		{"a control character", "a: 1\nb: x\x01y\n",
			true, `data/s.yaml:2:5: the file holds a control character, which is not text: save it again as plain UTF-8 text`},
		{"an alias never defined", "a: 1\nb: *x\n",
			true, `data/s.yaml:2:4: *x refers to an anchor &x that is not defined above it: put the value in quotes if the * is part of the text`},
		{"an alias in a list never defined", "a: &y 1\nb: [*y, *x]\n",
			true, `data/s.yaml:2:9: *x refers to an anchor &x that is not defined above it: put the value in quotes if the * is part of the text`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.snapshot {
				_, err = ParseSnapshot("data/s.yaml", []byte(c.src))
			} else {
				_, err = ParsePaper("templates/p.md", []byte(c.src))
			}
			if err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
}

// The scanner names a line only when it is sure: on YAML that yaml.v3
// accepts, it finds nothing, so it never blames a line for a mistake
// elsewhere.
func TestBlockProblemAcceptsWhatYAMLAccepts(t *testing.T) {
	valid := []string{
		"a: 1\nb:\n  c: 2\n  d:\n    - 1\n    - 2\n",
		"a:\n- b\n- c\nd: 1\n", // a list lined up with its key
		"a: b\n  c\n",          // a value going on over two lines
		"- a\n  b\n",           // an item likewise
		"a: |\n  line one\n\n    indented\n  line three\nb: >-\n  folded\n  text\nc: 1\n",
		"a: 'x\n  y'\nb: \"p\n  q\"\nc: 'Children''s Services'\n",
		"a: [1,\n  2]\nb: {c: 1,\n  d: 2}\ne: [1,\n2]\n",
		"- - a\n  - b\n- - c\n",
		"- name: A\n  values: [1, 2]\n- name: B\n  values:\n    - 1\n    - 2\n",
		"a: &x [1, 2]\nb: *x\nc: !!str 12\nd: &y\n  e: 1\n",
		"# comment\na: 1 # trailing\n\nb: http://x.org/a:b\nc: 10:30\n",
		"---\na: 1\n...\n",
		"\"quoted key\": 1\n'other': 2\n",
		"a:\n  # a comment at another indent\n      # and another\n  b: 1\n",
		"rows:\n    - {label: a, values: [1]}\n    - label: b\n      values: [2]\n",
		"a:   spaced\nb:\n\n\n  c: after blank lines\n",
		"a: [\"[\", \"]\", '{']\n",
		"caption: Note, provisional\nlabel: 'a: b'\nother: \"c: d\"\n",
		"a:\n  -\n    b: 1\n  -\n    b: 2\n",
		"a: -1\nb: - \n",
	}
	for _, src := range valid {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(src), &n); err != nil {
			continue // not valid after all: nothing to check
		}
		if line, col, msg, ok := blockProblem([]byte(src)); ok {
			t.Errorf("%q is valid YAML, but the scanner says %d:%d: %s", src, line, col, msg)
		}
	}
	// The project's own snapshots, layouts and the corpus's good files.
	files, _ := filepath.Glob("../../data/*/*.yaml")
	more, _ := filepath.Glob("../../testdata/broken/*/data/*.yaml")
	layouts, _ := filepath.Glob("../../templates/layouts/*.yaml")
	files = append(append(files, more...), layouts...)
	if len(files) < 10 {
		t.Fatalf("found %d YAML files to check", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if yaml.Unmarshal(src, &n) != nil {
			continue
		}
		if line, col, msg, ok := blockProblem(src); ok {
			t.Errorf("%s is valid YAML, but the scanner says %d:%d: %s", f, line, col, msg)
		}
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

// Every one-line slip in the project's own YAML (its snapshots, layouts
// and front matter) that yaml.v3 refuses is named at the line slipped: a
// line indented one or two spaces too far or too little, a tab, a colon
// dropped or added inside a value, a closing bracket dropped. yaml.v3's
// own message names another line for about a third of them.
func TestEverySlipIsNamedAtItsLine(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../data/*/*.yaml", "../../testdata/broken/*/data/*.yaml", "../../templates/layouts/*.yaml", "../../templates/*.md", "../../testdata/broken/*/templates/*.md"} {
		found, _ := filepath.Glob(pattern)
		files = append(files, found...)
	}
	slips, named := 0, 0
	seen := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".md") {
			parts := strings.SplitN(string(src), "---\n", 3)
			if len(parts) < 3 {
				continue
			}
			src = []byte(parts[1])
		}
		if len(src) > 100<<10 || seen[string(src)] || yaml.Unmarshal(src, &yaml.Node{}) != nil {
			continue
		}
		seen[string(src)] = true
		lines := strings.Split(string(src), "\n")
		for i, l := range lines {
			if t := strings.TrimSpace(l); t == "" || t[0] == '#' {
				continue
			}
			ind := len(l) - len(strings.TrimLeft(l, " "))
			variants := []string{" " + l, "  " + l, "\t" + l[ind:]}
			if ind > 0 {
				variants = append(variants, l[1:])
			}
			if ind > 1 {
				variants = append(variants, l[2:])
			}
			if k := strings.Index(l, ": "); k >= 0 {
				variants = append(variants, l[:k]+l[k+1:])
				if k+2 < len(l) && unicode.IsLetter(rune(l[k+2])) {
					variants = append(variants, l[:k+2]+"Note: "+l[k+2:])
				}
			}
			if strings.HasSuffix(l, ":") || strings.HasSuffix(l, "]") || strings.HasSuffix(l, "}") {
				variants = append(variants, l[:len(l)-1])
			}
			for _, v := range variants {
				slipped := append([]string{}, lines...)
				slipped[i] = v
				text := []byte(strings.Join(slipped, "\n"))
				if yaml.Unmarshal(text, &yaml.Node{}) == nil {
					continue // still valid: not a slip YAML can see
				}
				slips++
				line, col, msg, ok := blockProblem(text)
				switch {
				case !ok:
					t.Errorf("%s: line %d as %q: nothing named", f, i+1, v)
				case line != i+1:
					t.Errorf("%s: line %d as %q: named %d:%d: %s", f, i+1, v, line, col, msg)
				default:
					named++
				}
			}
		}
	}
	if slips < 1000 {
		t.Errorf("only %d slips tried", slips)
	}
	t.Logf("%d of %d slips named at their line", named, slips)
}
