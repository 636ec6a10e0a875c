package project

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"gopkg.in/yaml.v3"
)

var yamlLine = lazyregexp.New(`line (\d+):\s*`)

// yamlError turns a yaml.v3 error into diagnostics at the right line of
// the author's file (lineOffset is added to the lines yaml reports: front
// matter and fenced blocks start part-way down a file). With the YAML's
// source at hand it finds what yaml.v3's message does not place: the
// line that is wrong, read as an author lines it up (blockProblem), and
// failing that yaml.v3's own message in plainer words.
func yamlError(path string, lineOffset int, src []byte, err error) error {
	if _, isType := err.(*yaml.TypeError); !isType && src != nil {
		if line, col, msg, ok := blockProblem(src); ok {
			return diag.List{diag.Errorf(path, lineOffset+line, col, "%s", msg)}
		}
	}
	return yamlMessage(path, lineOffset, src, err)
}

// yamlMessage places and words yaml.v3's own message(s).
func yamlMessage(path string, lineOffset int, src []byte, err error) error {
	var list diag.List
	msgs := []string{err.Error()}
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	}
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		line := 0
		if loc := yamlLine().FindStringSubmatchIndex(m); loc != nil {
			line, _ = strconv.Atoi(m[loc[2]:loc[3]])
			m = m[:loc[0]] + m[loc[1]:]
		}
		m = strings.TrimSpace(m)
		if line > 0 && parserError[m] {
			// yaml.v3 counts lines from 0 in the parser's errors (it adds
			// one only for the scanner's; go-yaml/yaml#205), so these name
			// the line before the one meant: the line a "[", "{" or block
			// was opened on, or where the parser gave up.
			line++
		}
		col := 1
		if m == "control characters are not allowed" {
			// yaml.v3 gives no line: find the character.
			line, col = controlChar(src)
		}
		if m == "found a tab character that violates indentation" {
			// yaml.v3 names the line where the value before the tab began;
			// the tab can be lines further on.
			line, col = indentTab(src, line)
		}
		if line > 0 {
			line += lineOffset
		} else {
			line = lineOffset + 1
		}
		if plain, ok := plainYAML(m); ok {
			list.Errorf(path, line, col, "%s", plain)
		} else {
			list.Errorf(path, line, col, "YAML: %s", m)
		}
	}
	return list
}

// plainYAML words yaml.v3's messages as an author can act on them. The
// ones left are rare enough to pass on as YAML's own, prefixed "YAML:".
func plainYAML(m string) (string, bool) {
	if strings.HasPrefix(m, "unknown anchor ") {
		name := strings.Trim(strings.TrimSuffix(strings.TrimPrefix(m, "unknown anchor "), " referenced"), "'")
		return fmt.Sprintf("*%s refers to an anchor &%s that is not defined: put the value in quotes if the * is part of the text", name, name), true
	}
	if strings.HasPrefix(m, "exceeded max depth") {
		return fmt.Sprintf("nested more than %d levels deep", MaxDepth), true
	}
	switch m {
	case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
		return "a tab in the indentation: indent with spaces", true
	case "did not find expected key", "did not find expected '-' indicator":
		return "a line here is not lined up with the lines above it: keys of one map, and the dashes of one list, line up", true
	case "mapping values are not allowed in this context":
		return `a ": " here reads as the start of a key where none can go: put a value that holds ": " in quotes, or line the key up with the keys above it`, true
	case "could not find expected ':'":
		return `a line here has no colon: a key and its value are written "name: value"`, true
	case "did not find expected ',' or ']'":
		return `a "[" is not closed with "]", or two of its items have no comma between them`, true
	case "did not find expected ',' or '}'":
		return `a "{" is not closed with "}", or two of its items have no comma between them`, true
	case "found character that cannot start any token":
		return "a character here cannot start a value (such as @ or `, or a tab): put the value in quotes, and indent with spaces", true
	case "found unexpected end of stream":
		return "the file ends inside a quoted value: a quotation mark is not closed", true
	case "found unknown escape character":
		return `a backslash inside double quotes starts an escape (\n, \t …): use single quotes for text with backslashes`, true
	case "block sequence entries are not allowed in this context":
		return `a list cannot start on the line of its key: put each "- " item on a line of its own, indented under the key`, true
	case "did not find expected alphabetic or numeric character":
		return `"*" or "&" needs a name after it in YAML: write list items with "- ", or put the text in quotes`, true
	case "control characters are not allowed":
		return "the file holds a control character, which is not text: save it again as plain UTF-8 text", true
	}
	return "", false
}

// parserError holds the messages of yaml.v3's parser (parserc.go), as
// opposed to its scanner: the ones whose line needs correcting.
var parserError = map[string]bool{
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// controlChar finds the first control character (other than a tab or a
// line ending) in src, returning its line and column (1, 1 when there is
// none).
func controlChar(src []byte) (int, int) {
	line, start := 1, 0
	for i, r := range string(src) {
		switch {
		case r == '\n':
			line, start = line+1, i+1
		case r == '\t' || r == '\r':
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return line, utf8.RuneCount(src[start:i]) + 1
		}
	}
	return 1, 1
}

// indentTab finds the first tab in a line's indentation from line on
// (counted from 1), returning its line and column; line and column 1 when
// there is none.
func indentTab(src []byte, line int) (int, int) {
	lines := bytes.Split(src, []byte("\n"))
	for i := max(line-1, 0); i < len(lines); i++ {
		indent := len(lines[i]) - len(bytes.TrimLeft(lines[i], " \t"))
		if tab := bytes.IndexByte(lines[i][:indent], '\t'); tab >= 0 {
			return i + 1, tab + 1
		}
	}
	return line, 1
}

// ParseYAML parses one YAML document into a node tree, mapping syntax
// errors to the author's file and line.
func ParseYAML(path string, lineOffset int, src []byte) (*yaml.Node, error) {
	if err := CheckUTF8(path, lineOffset, src); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(path, lineOffset, src, err)
	}
	Shift(&doc, lineOffset, 0)
	return &doc, nil
}

// Shift moves every node of a tree by lines and columns, for YAML read
// from part-way into a file (front matter, a fenced block indented in a
// list item), so positions name the file's own line and column.
func Shift(n *yaml.Node, lines, cols int) {
	if lines == 0 && cols == 0 {
		return
	}
	shift(n, lines, cols, map[*yaml.Node]bool{})
}

func shift(n *yaml.Node, lines, cols int, seen map[*yaml.Node]bool) {
	if seen[n] {
		return
	}
	seen[n] = true
	n.Line += lines
	n.Column += cols
	for _, c := range n.Content {
		shift(c, lines, cols, seen)
	}
}

// Root returns the top node of a parsed document (nil for an empty one).
func Root(doc *yaml.Node) *yaml.Node {
	if doc == nil {
		return nil
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil
		}
		return doc.Content[0]
	}
	return doc
}

// KindName names a YAML node's kind as an author would say it.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return KindName(n.Alias)
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true/false"
	case "!!null":
		return "empty"
	}
	return "text"
}
