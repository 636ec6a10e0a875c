// Package project reads the files an author keeps in version control:
// papers' front matter (templates/<slug>.md), layouts
// (templates/layouts/<name>.yaml) and data snapshots (data/**.yaml). It is
// strict: unknown keys, wrong types and bad dates are errors naming the
// file and line, and every path a paper names must stay inside the project.
package project

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"gopkg.in/yaml.v3"
)

// Paper is one paper's template: its front matter, checked, and its body.
type Paper struct {
	Path string // relative to the project root, e.g. "templates/looked-after-children.md"
	Slug string // "looked-after-children"
	// SHA256 is the SHA-256 of the whole file, in hex: its provenance, and
	// its part of the paper's incremental key.
	SHA256 string

	Layout               string
	ReportOf             string
	ReportTo             string
	Date                 time.Time
	Subject              string
	Wards                []string
	EqualityImplications bool
	CallIn               bool
	Exempt               bool
	AccessRule           string // access_to_information_rule
	ExemptAppendix       string
	Item                 int
	AuthorName           string
	AuthorTel            string
	NoticeDate           time.Time // zero when not given
	Data                 []DataRef
	// Fields are the front-matter values a cover row may show, by key,
	// decoded by kind: FORMAT.md's that have one, and the layout's own
	// once Accept has read them.
	Fields map[string]Field
	// BackgroundPapers are the papers listed under the background papers
	// heading at the end.
	BackgroundPapers []BackgroundPaper

	// others are the keys FORMAT.md does not define, for Accept to read
	// as the paper's layout declares them.
	others []*yaml.Node

	// Front is the front matter as written, for .Paper in templates.
	Front map[string]any
	// Keys records where each front-matter key's value was written.
	Keys map[string]diag.Pos

	Body     string
	BodyLine int // the file line on which Body starts
}

// DataRef is one snapshot a paper names. Name is empty when the paper names
// a single snapshot (seen as .Data); otherwise it is seen as .Data.<Name>.
type DataRef struct {
	Name string
	Path string
	Pos  diag.Pos
}

// ParsePaper reads a paper's file. relPath is its path relative to the
// project root, used in messages. All front-matter problems are reported
// together.
func ParsePaper(relPath string, src []byte) (*Paper, error) { return parsePaper(relPath, src, true) }

// ParseFront reads a paper's front matter as ParsePaper does, and does not
// keep its body (Body is empty): what a build needs of every paper of the
// project, held all at once.
func ParseFront(relPath string, src []byte) (*Paper, error) { return parsePaper(relPath, src, false) }

func parsePaper(relPath string, src []byte, whole bool) (*Paper, error) {
	p := &Paper{Path: relPath, SHA256: sha256Hex(src), Keys: map[string]diag.Pos{}, Fields: map[string]Field{}}
	base := path.Base(relPath)
	p.Slug = strings.TrimSuffix(base, path.Ext(base))
	if err := CheckUTF8(relPath, 0, src); err != nil {
		return nil, err
	}

	fm, body, bodyLine, err := splitFrontMatter(relPath, src)
	if err != nil {
		return nil, err
	}
	p.BodyLine = bodyLine
	if whole {
		p.Body = string(body)
	}
	doc, err := ParseYAML(relPath, 1, fm)
	if err != nil {
		return nil, err
	}
	root := Root(doc)
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, diag.Errorf(relPath, 2, 1, "front matter must be a list of keys and values")
	}
	v, err := Value(relPath, root)
	if err != nil {
		return nil, err
	}
	p.Front = v.(map[string]any)

	var errs diag.List
	d := decoder{path: relPath, errs: &errs}
	meant := map[string]bool{} // known keys suggested for unknown ones
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		p.Keys[k.Value] = diag.Pos{Path: relPath, Line: val.Line, Col: val.Column}
		switch k.Value {
		case "layout":
			p.Layout = d.str(val, k.Value)
		case "report_of":
			p.ReportOf = d.str(val, k.Value)
		case "report_to":
			p.ReportTo = d.str(val, k.Value)
		case "date":
			p.Date = d.date(val, k.Value)
		case "subject":
			p.Subject = d.str(val, k.Value)
		case "wards":
			p.Fields[k.Value] = d.field(val, k.Value, KindWards)
			p.Wards = p.Fields[k.Value].List
		case "equality_implications":
			p.Fields[k.Value] = d.field(val, k.Value, KindYesNo)
			p.EqualityImplications = p.Fields[k.Value].Yes
		case "call_in":
			p.Fields[k.Value] = d.field(val, k.Value, KindYesNo)
			p.CallIn = p.Fields[k.Value].Yes
		case "exempt":
			p.Exempt = d.boolean(val, k.Value)
		case "access_to_information_rule":
			p.AccessRule = d.str(val, k.Value)
		case "exempt_appendix":
			p.ExemptAppendix = d.str(val, k.Value)
		case "item":
			p.Item = d.integer(val, k.Value)
		case "notice_date":
			p.NoticeDate = d.date(val, k.Value)
		case "author":
			p.Fields[k.Value] = d.field(val, k.Value, KindPerson)
			p.AuthorName, p.AuthorTel = p.Fields[k.Value].Person.Name, p.Fields[k.Value].Person.Tel
		case "background_papers":
			p.BackgroundPapers = d.papers(val, k.Value)
		case "data":
			p.Data = d.data(val)
		default:
			// Known keys near it are meant (so not also missing) unless
			// the layout declares it, which Accept decides.
			if near := diag.Nearest(k.Value, formatKeys); near != "" {
				meant[near] = true
			}
			p.others = append(p.others, k, val)
		}
	}
	for _, key := range []string{"report_of", "report_to", "subject"} {
		if n, ok := fieldNode(root, key); ok {
			p.Fields[key] = Field{Kind: KindText, Text: n.Value}
		}
	}
	if !p.Date.IsZero() {
		p.Fields["date"] = Field{Kind: KindDate, Date: p.Date}
	}
	for _, req := range []string{"layout", "report_of", "report_to", "date", "subject"} {
		// A key misspelt is missing too, but one message says it.
		if _, ok := p.Keys[req]; !ok && !meant[req] {
			errs.Errorf(relPath, 1, 1, "front matter lacks %q", req)
		}
	}
	if p.ExemptAppendix != "" && p.AccessRule == "" {
		pos := p.Keys["exempt_appendix"]
		errs.Errorf(relPath, pos.Line, pos.Col, "exempt_appendix is given but access_to_information_rule is not: say which Access to Information Procedure Rule applies")
	}
	if p.Exempt && p.AccessRule == "" {
		pos := p.Keys["exempt"]
		errs.Errorf(relPath, pos.Line, pos.Col, "exempt: true needs access_to_information_rule (e.g. \"10.4(3)\")")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// formatKeys are the front-matter keys every layout accepts: FORMAT.md's,
// then boardpaper's own.
var formatKeys = []string{"layout", "report_of", "report_to", "date", "subject", "wards",
	"equality_implications", "call_in", "exempt", "access_to_information_rule",
	"exempt_appendix", "item", "author", "data", "notice_date", "background_papers"}

// fieldNode finds key's value in the front matter's mapping, when it is
// text.
func fieldNode(root *yaml.Node, key string) (*yaml.Node, bool) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			v := root.Content[i+1]
			return v, v.Kind == yaml.ScalarNode && v.ShortTag() != "!!null"
		}
	}
	return nil, false
}

// Accept reads the front-matter keys FORMAT.md does not define as the
// paper's layout declares them, and checks that every key a cover row
// requires is given. A key the layout does not declare is an error that
// lists the keys it accepts.
func (p *Paper) Accept(l *Layout) error {
	var errs diag.List
	d := decoder{path: p.Path, errs: &errs}
	accepted := l.AcceptedKeys()
	meant := map[string]bool{} // a key misspelt is not also missing
	for i := 0; i+1 < len(p.others); i += 2 {
		k, val := p.others[i], p.others[i+1]
		kind, ok := l.Keys[k.Value]
		if ok {
			p.Fields[k.Value] = d.field(val, k.Value, kind)
			continue
		}
		if near := diag.Nearest(k.Value, accepted); near != "" {
			errs.Errorf(p.Path, k.Line, k.Column, "unknown front-matter key %q (did you mean %q?)", k.Value, near)
			meant[near] = true
		} else {
			errs.Errorf(p.Path, k.Line, k.Column, "unknown front-matter key %q (the %s layout accepts: %s)", k.Value, l.Name, strings.Join(accepted, ", "))
		}
	}
	for _, r := range l.CoverRows() {
		if _, given := p.Keys[r.Key]; r.Required && !given && !meant[r.Key] {
			errs.Errorf(p.Path, 1, 1, "front matter lacks %q, which the %s layout's cover needs (%s)", r.Key, l.Name, r.Label)
		}
	}
	return errs.Err()
}

// PaperBody finds a paper's body and the line it starts on, as ParsePaper
// does, without reading the front matter: a caller may start on the body
// (parse its template) while ParsePaper reads the rest. ok is false when
// ParsePaper will fail.
func PaperBody(src []byte) (body string, line int, ok bool) {
	if CheckUTF8("", 0, src) != nil {
		return "", 0, false
	}
	_, b, line, err := splitFrontMatter("", src)
	return string(b), line, err == nil
}

// splitFrontMatter separates "---\n…\n---\n" from the body. It returns the
// front matter, the body and the line the body starts on.
func splitFrontMatter(relPath string, src []byte) (fm, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, nil, 0, diag.Errorf(relPath, 1, 1, "a paper starts with front matter: a line \"---\", the keys, and another \"---\"")
	}
	// The lines are found where they lie: splitting the whole paper into
	// lines and joining them again cost three copies of it.
	fmStart := bytes.IndexByte(src, '\n') + 1
	for at, n := fmStart, 2; at < len(src); n++ {
		end := len(src)
		if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
			end = at + i + 1
		}
		if string(bytes.TrimRight(src[at:end], "\r\n \t")) == "---" {
			return src[fmStart:at], src[end:], n + 1, nil
		}
		at = end
	}
	return nil, nil, 0, diag.Errorf(relPath, 1, 1, "front matter is not closed: add a line \"---\" after the last key")
}

// decoder reads typed values from front-matter nodes, collecting errors.
type decoder struct {
	path string
	errs *diag.List
}

func (d decoder) fail(n *yaml.Node, format string, args ...any) {
	d.errs.Errorf(d.path, n.Line, n.Column, format, args...)
}

func (d decoder) str(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		d.fail(n, "%s should be text, not %s", key, KindName(n))
		return ""
	}
	return n.Value
}

func (d decoder) boolean(n *yaml.Node, key string) bool {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	}
	d.fail(n, "%s should be true or false, not %q", key, n.Value)
	return false
}

func (d decoder) integer(n *yaml.Node, key string) int {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		var i int
		if n.Decode(&i) == nil && i >= 0 {
			return i
		}
	}
	d.fail(n, "%s should be a whole number, not %q", key, n.Value)
	return 0
}

func (d decoder) date(n *yaml.Node, key string) time.Time {
	if n.Kind == yaml.ScalarNode {
		if t, err := time.Parse("2006-01-02", n.Value); err == nil {
			return t
		}
	}
	d.fail(n, "%s should be a date written YYYY-MM-DD, not %q", key, n.Value)
	return time.Time{}
}

func (d decoder) strList(n *yaml.Node, key string) []string {
	var out []string
	for _, e := range d.sequence(n, key, "e.g. [Armley, Beeston]") {
		out = append(out, d.str(e, key+" entries"))
	}
	return out
}

func (d decoder) data(n *yaml.Node) []DataRef {
	switch n.Kind {
	case yaml.ScalarNode:
		return []DataRef{{Path: d.str(n, "data"), Pos: diag.Pos{Path: d.path, Line: n.Line, Col: n.Column}}}
	case yaml.MappingNode:
		var out []DataRef
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !isIdent(k.Value) {
				d.fail(k, "data name %q should be letters, digits and _ only, so that .Data.%s works", k.Value, k.Value)
			}
			out = append(out, DataRef{Name: k.Value, Path: d.str(v, "data."+k.Value), Pos: diag.Pos{Path: d.path, Line: v.Line, Col: v.Column}})
		}
		return out
	}
	d.fail(n, "data should be a snapshot path or a map of names to paths")
	return nil
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

// String is for debugging.
func (p *Paper) String() string { return fmt.Sprintf("paper %s", p.Path) }
