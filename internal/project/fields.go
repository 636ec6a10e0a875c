package project

import (
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"gopkg.in/yaml.v3"
)

// Field is a front-matter value of one of the kinds a cover row shows.
type Field struct {
	Kind   string
	Text   string    // text, reference
	Date   time.Time // date
	Yes    bool      // yesno
	Note   string    // yesno: a key decision's reason, a call-in exception
	Ref    string    // yesno: a Forward Plan reference, an urgency paragraph
	Person Person    // person
	List   []string  // list, wards
	All    bool      // wards: all
}

// Person is someone named on the cover: a report's author, its responsible
// officer, a portfolio holder.
type Person struct{ Name, Role, Tel, Email string }

// BackgroundPaper is one of a paper's background papers: its title and,
// when it is published, where.
type BackgroundPaper struct {
	Title, Link string
	Pos         diag.Pos
}

// maxListEntries bounds a front-matter list (wards, enclosures,
// background papers): a real one has tens.
const maxListEntries = 1000

// field decodes a front-matter value of the given kind.
func (d decoder) field(n *yaml.Node, key, kind string) Field {
	f := Field{Kind: kind}
	switch kind {
	case KindText, KindReference:
		f.Text = d.str(n, key)
	case KindDate:
		f.Date = d.date(n, key)
	case KindPerson:
		f.Person = d.person(n, key)
	case KindYesNo:
		f.Yes, f.Note, f.Ref = d.yesNo(n, key)
	case KindWards:
		if n.Kind == yaml.ScalarNode && n.Value == "all" {
			f.All = true
		} else {
			f.List = d.strList(n, key)
		}
	case KindList:
		f.List = d.strList(n, key)
	}
	return f
}

// yesNo reads true or false, or {answer: true, note: …, reference: …}.
func (d decoder) yesNo(n *yaml.Node, key string) (yes bool, note, ref string) {
	if n.Kind != yaml.MappingNode {
		return d.boolean(n, key), "", ""
	}
	answered := false
	d.keyed(n, key, []string{"answer", "note", "reference"}, func(k string, v *yaml.Node) {
		switch k {
		case "answer":
			yes, answered = d.boolean(v, key+".answer"), true
		case "note":
			note = d.str(v, key+".note")
		case "reference":
			ref = d.str(v, key+".reference")
		}
	})
	if !answered {
		d.fail(n, "%s needs answer: true or false, e.g. {answer: true, note: …}", key)
	}
	return yes, note, ref
}

// person reads {name, role, tel, email}.
func (d decoder) person(n *yaml.Node, key string) Person {
	var p Person
	if n.Kind != yaml.MappingNode {
		d.fail(n, "%s should be a map, e.g. {name: A. Officer, tel: 0113 000 0000}", key)
		return p
	}
	d.keyed(n, key, []string{"name", "role", "tel", "email"}, func(k string, v *yaml.Node) {
		s := d.str(v, key+"."+k)
		switch k {
		case "name":
			p.Name = s
		case "role":
			p.Role = s
		case "tel":
			p.Tel = s
		case "email":
			p.Email = s
		}
	})
	return p
}

// keyed walks a small map whose keys are fixed, reporting others with the
// nearest known one.
func (d decoder) keyed(n *yaml.Node, key string, known []string, each func(k string, v *yaml.Node)) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ok := false
		for _, x := range known {
			ok = ok || x == k.Value
		}
		switch {
		case ok:
			each(k.Value, v)
		case diag.Nearest(k.Value, known) != "":
			d.fail(k, "unknown %s key %q (did you mean %q?)", key, k.Value, diag.Nearest(k.Value, known))
		default:
			d.fail(k, "unknown %s key %q (known: %s)", key, k.Value, strings.Join(known, ", "))
		}
	}
}

// sequence is a list's entries: none when it is empty, and an error for
// another value (want says what the list holds) or for more entries than
// maxListEntries.
func (d decoder) sequence(n *yaml.Node, key, want string) []*yaml.Node {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, "%s should be a list, %s, not %s", key, want, KindName(n))
		return nil
	}
	if len(n.Content) > maxListEntries {
		d.fail(n, "%s has %d entries; at most %d", key, len(n.Content), maxListEntries)
		return nil
	}
	return n.Content
}

// papers reads background papers: a list whose entries are a title, or
// {title: …, link: https://…}.
func (d decoder) papers(n *yaml.Node, key string) []BackgroundPaper {
	var out []BackgroundPaper
	for _, e := range d.sequence(n, key, "each a title or {title: …, link: https://…}") {
		bp := BackgroundPaper{Pos: diag.Pos{Path: d.path, Line: e.Line, Col: e.Column}}
		if e.Kind == yaml.MappingNode {
			d.keyed(e, key, []string{"title", "link"}, func(k string, v *yaml.Node) {
				if k == "title" {
					bp.Title = d.str(v, key+" title")
					return
				}
				bp.Link = d.str(v, key+" link")
				if !strings.HasPrefix(bp.Link, "https://") && !strings.HasPrefix(bp.Link, "http://") {
					d.fail(v, "a background paper's link should be a web address starting https://, not %q", bp.Link)
				}
			})
			if bp.Title == "" {
				d.fail(e, "a background paper needs a title")
			}
		} else {
			bp.Title = d.str(e, key+" entries")
		}
		out = append(out, bp)
	}
	return out
}
