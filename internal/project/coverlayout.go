package project

import (
	"slices"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"gopkg.in/yaml.v3"
)

// The kinds of value a cover row shows, and a front-matter key holds.
const (
	KindText      = "text"      // one line of text
	KindDate      = "date"      // YYYY-MM-DD, shown "13th March 2013"
	KindPerson    = "person"    // {name, role, tel, email}
	KindYesNo     = "yesno"     // true/false, or {answer, note, reference}
	KindExempt    = "exempt"    // open, part exempt or exempt: from the paper, not from one key
	KindWards     = "wards"     // a list of names, or all
	KindList      = "list"      // a list of lines (enclosures)
	KindReference = "reference" // a reference such as a Forward Plan number
)

var coverKinds = []string{KindText, KindDate, KindPerson, KindYesNo, KindExempt, KindWards, KindList, KindReference}

// CoverRow is one row of a layout's cover: its label, the front-matter key
// its value is read from and the kind of that value. The other labels word
// the lines a value may add: a yes/no's note and reference, an exempt
// row's rule and appendix, a wards row's names and "all".
type CoverRow struct {
	Label, Key, Kind string
	Required         bool

	NoteLabel      string // yesno
	ReferenceLabel string // yesno
	RuleLabel      string // exempt
	AppendixLabel  string // exempt
	NamesLabel     string // wards
	AllLabel       string // wards: the value of "wards: all"

	Pos diag.Pos
}

// Cover styles: lines sets the cover as Leeds's does (the fields as lines,
// yes/no questions as a table of boxes, people as paragraphs); table sets
// every row in one table of labels and answers.
const (
	CoverLines = "lines"
	CoverTable = "table"
)

// builtinKinds are the kinds of the front-matter keys FORMAT.md defines
// that a cover row may show. They are valid under every layout.
var builtinKinds = map[string]string{
	"report_of": KindText, "report_to": KindText, "date": KindDate, "subject": KindText,
	"wards": KindWards, "equality_implications": KindYesNo, "call_in": KindYesNo,
	"author": KindPerson, "access_to_information_rule": KindText, "exempt_appendix": KindText,
	"notice_date": KindDate,
}

// leedsCover is the cover of a layout that declares none: Leeds's, as the
// two built-in layouts have always printed it.
var leedsCover = []CoverRow{
	{Label: "Report of", Key: "report_of", Kind: KindText},
	{Label: "Report to", Key: "report_to", Kind: KindText},
	{Label: "Date:", Key: "date", Kind: KindDate},
	{Label: "Subject:", Key: "subject", Kind: KindText},
	{Label: "Are specific electoral wards affected?", Key: "wards", Kind: KindWards, NamesLabel: "Name(s) of ward(s)", AllLabel: "All wards"},
	{Label: "Are there implications for equality and diversity and cohesion and integration?", Key: "equality_implications", Kind: KindYesNo},
	{Label: "Is the decision eligible for call-in?", Key: "call_in", Kind: KindYesNo},
	{Label: "Does the report contain confidential or exempt information?", Kind: KindExempt,
		RuleLabel: "Access to Information Procedure Rule number", AppendixLabel: "Appendix number"},
	{Label: "Report author", Key: "author", Kind: KindPerson},
}

// compatible says whether a row of kind row may show a key whose value is
// of kind key: text and reference are both one line.
func compatible(row, key string) bool {
	if row == key {
		return true
	}
	line := func(k string) bool { return k == KindText || k == KindReference }
	return line(row) && line(key)
}

// coverSection reads the layout's cover: its style and rows.
func (d decoder) coverSection(l *Layout, n *yaml.Node) {
	d.fields(n, "cover", map[string]func(*yaml.Node){
		"style": func(n *yaml.Node) { l.CoverStyle = d.oneOf(n, "cover.style", CoverLines, CoverTable) },
		"rows": func(n *yaml.Node) {
			if n.Kind != yaml.SequenceNode {
				d.fail(n, "cover.rows should be a list of rows, each {label: …, key: …, kind: …}")
				return
			}
			if len(n.Content) > maxCoverRows {
				d.fail(n, "cover.rows has %d rows; a cover may have at most %d", len(n.Content), maxCoverRows)
				return
			}
			l.Cover = []CoverRow{}
			for _, e := range n.Content {
				l.Cover = append(l.Cover, d.coverRow(l, e))
			}
		},
	})
}

// maxCoverRows bounds a cover: a real one has about a dozen rows.
const maxCoverRows = 100

func (d decoder) coverRow(l *Layout, n *yaml.Node) CoverRow {
	r := CoverRow{Pos: diag.Pos{Path: d.path, Line: n.Line, Col: n.Column}}
	only := map[string]string{} // option → the kind it belongs to
	at := map[string]*yaml.Node{}
	opt := func(field *string, name, kind string) func(*yaml.Node) {
		return func(v *yaml.Node) {
			*field = d.str(v, "cover row "+name)
			only[name], at[name] = kind, v
		}
	}
	d.fields(n, "a cover row", map[string]func(*yaml.Node){
		"label":           func(v *yaml.Node) { r.Label = d.str(v, "cover row label") },
		"key":             func(v *yaml.Node) { r.Key = d.str(v, "cover row key"); at["key"] = v },
		"kind":            func(v *yaml.Node) { r.Kind = d.oneOf(v, "cover row kind", coverKinds...); at["kind"] = v },
		"required":        func(v *yaml.Node) { r.Required = d.boolean(v, "cover row required") },
		"note_label":      opt(&r.NoteLabel, "note_label", KindYesNo),
		"reference_label": opt(&r.ReferenceLabel, "reference_label", KindYesNo),
		"rule_label":      opt(&r.RuleLabel, "rule_label", KindExempt),
		"appendix_label":  opt(&r.AppendixLabel, "appendix_label", KindExempt),
		"names_label":     opt(&r.NamesLabel, "names_label", KindWards),
		"all_label":       opt(&r.AllLabel, "all_label", KindWards),
	})
	if n.Kind != yaml.MappingNode {
		return r
	}
	if r.Label == "" {
		d.fail(n, "a cover row needs a label: the words printed beside its value")
	}
	if r.Kind == "" {
		d.fail(n, "a cover row needs a kind: one of %s", strings.Join(coverKinds, ", "))
		return r
	}
	for name, kind := range only {
		if kind != r.Kind {
			d.fail(at[name], "%s is for rows of kind %s, and this row is %s", name, kind, r.Kind)
		}
	}
	switch {
	case r.Kind == KindExempt && r.Key != "":
		d.fail(at["key"], "a row of kind exempt takes no key: it answers from the paper's exempt material, exempt:, access_to_information_rule and exempt_appendix")
	case r.Kind == KindExempt:
	case r.Key == "":
		d.fail(n, "a cover row of kind %s needs a key: the front-matter key its value is written under", r.Kind)
	case !isIdent(r.Key) || r.Key != strings.ToLower(r.Key):
		d.fail(at["key"], "cover row key %q should be lower-case letters, digits and _", r.Key)
	case slices.Contains(formatKeys, r.Key) && !compatible(r.Kind, builtinKinds[r.Key]):
		if k := builtinKinds[r.Key]; k != "" {
			d.fail(at["kind"], "the front-matter key %s holds a %s, so its row's kind should be %s", r.Key, k, k)
		} else {
			d.fail(at["key"], "the front-matter key %s cannot be shown as a cover row", r.Key)
		}
	default:
		d.declare(l, r.Key, r.Kind, at["key"])
	}
	return r
}

// declare records a front-matter key the layout accepts, refusing one
// declared twice with different kinds.
func (d decoder) declare(l *Layout, key, kind string, at *yaml.Node) {
	if slices.Contains(formatKeys, key) {
		return
	}
	if k, ok := l.Keys[key]; ok && k != kind {
		d.fail(at, "the front-matter key %s is declared as %s and as %s: give it one kind", key, k, kind)
		return
	}
	if l.Keys == nil {
		l.Keys = map[string]string{}
	}
	l.Keys[key] = kind
}

// keysSection reads front-matter keys the layout accepts besides those its
// cover shows: key: kind.
func (d decoder) keysSection(l *Layout, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "keys should be a map of front-matter keys to kinds, e.g. {portfolio: text}")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		kind := d.oneOf(v, "the kind of key "+k.Value, coverKinds...)
		switch {
		case !isIdent(k.Value) || k.Value != strings.ToLower(k.Value):
			d.fail(k, "key %q should be lower-case letters, digits and _", k.Value)
		case kind == KindExempt:
			d.fail(v, "no front-matter key is of kind exempt: a cover row of kind exempt answers from the paper itself")
		case slices.Contains(formatKeys, k.Value):
			d.fail(k, "%s is a front-matter key every layout accepts; declare only others", k.Value)
		default:
			d.declare(l, k.Value, kind, k)
		}
	}
}

// AcceptedKeys are the front-matter keys a paper in this layout may give:
// those every layout accepts, then the layout's own in order.
func (l *Layout) AcceptedKeys() []string {
	out := slices.Clone(formatKeys)
	own := make([]string, 0, len(l.Keys))
	for k := range l.Keys {
		own = append(own, k)
	}
	slices.Sort(own)
	return append(out, own...)
}

// Where is where in the layout file the text a cover prints from it was
// written: "council", or "cover.label:" and a row's label; the file alone
// for anything else.
func (l *Layout) Where(field string) diag.Pos {
	if field == "council" && l.councilPos.Line > 0 {
		return l.councilPos
	}
	if label, ok := strings.CutPrefix(field, "cover.label:"); ok {
		for _, r := range l.Cover {
			if r.Label == label {
				return r.Pos
			}
		}
	}
	return diag.Pos{Path: l.Path}
}

// CoverRows is the layout's cover, Leeds's when it declares none.
func (l *Layout) CoverRows() []CoverRow {
	if l.Cover == nil {
		return leedsCover
	}
	return l.Cover
}
