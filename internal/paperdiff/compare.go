// Package paperdiff says what the papers built from two states of a
// project now say: the sentences that changed (changed words marked) with
// their paragraph numbers, the table cells and chart figures that moved,
// the cover's changes, and the papers added, removed or made exempt. It
// reads the documents the pipeline makes, never the rendered files, and
// writes the comparison for a terminal, a pull-request comment (Markdown)
// or a browser (a self-contained HTML page).
package paperdiff

import (
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Status is what happened to a paper between the two states.
type Status int

const (
	// Compared: the paper is in both states; its changes are listed.
	Compared Status = iota
	Added
	Removed
	// MadeExempt: a paper that was public is now exempt as a whole; its
	// public version is withdrawn.
	MadeExempt
	// MadePublic: a paper that was exempt as a whole is now public.
	MadePublic
	// BrokenBefore: the paper did not build in the old state.
	BrokenBefore
)

// Paper is one paper's changes.
type Paper struct {
	Path   string // its template, "templates/looked-after-children.md"
	Slug   string
	Title  string
	Status Status
	// Inputs say which files it was built from that changed: "data:
	// data/x/2013-01-25.yaml → data/x/2013-04-30.yaml", "template changed".
	Inputs []string
	Cover  []Field
	Text   []Text
	Cells  []Cell
	// Full is set when the full versions were compared, exempt material
	// included (--include-exempt); what is exempt is marked.
	Full bool
}

// Changed reports whether the paper reads differently: a status other
// than Compared, or anything in its cover, text, tables or charts.
func (p *Paper) Changed() bool {
	return p.Status != Compared || len(p.Cover) > 0 || len(p.Text) > 0 || len(p.Cells) > 0
}

// Field is one line of the cover sheet that changed.
type Field struct {
	Name     string // "Subject", "Is the decision eligible for call-in?"
	Old, New string
}

// Text is one paragraph, heading, list item, caption or footnote whose
// words changed, or that was added or removed.
type Text struct {
	// Where names it as a reader finds it: "paragraph 3.14", "heading 4",
	// "paragraph 4.2, list item 3", "caption of Table Two".
	Where string
	// WasWhere is where it was, when that differs ("paragraph 3.13").
	WasWhere string
	// Anchor is its id within a report (unique there).
	Anchor string
	// Old and New are the whole text with the changed words marked; Old
	// is nil for text added, New for text removed.
	Old, New []Segment
	// Sentences are the sentences that changed.
	Sentences []Sentence
	Exempt    bool
}

// Cell is a table cell or chart figure that changed, or a row, column,
// table or chart added or removed.
type Cell struct {
	Exhibit string // "Table Two", or its caption when it has no label
	Chart   bool   // a chart's figure: Row is the x value, Column the series
	// What is "" for one cell, else "row added", "row removed", "column
	// added", "column removed", "added" or "removed" (the whole exhibit).
	What        string
	Row, Column string
	Old, New    string
	Exempt      bool
}

// Compare lists what changed between two versions of one paper, both
// documents built (public versions, or full ones when full is set; then
// exempt material is marked). slug names the paper's anchors in a report.
func Compare(path string, old, new *model.Document, full bool) Paper {
	p := Paper{Path: path, Slug: new.Meta.Slug, Title: new.Meta.Title, Full: full}
	p.Inputs = inputs(old.Provenance, new.Provenance)
	p.Cover = cover(old, new)
	uo, un := units(old), units(new)
	ids := map[string]int{}
	for _, pr := range pairs(align(keys(uo.text), keys(un.text))) {
		var a, b *unit
		if pr[0] >= 0 {
			a = &uo.text[pr[0]]
		}
		if pr[1] >= 0 {
			b = &un.text[pr[1]]
		}
		if a != nil && b != nil && a.text == b.text {
			continue
		}
		t := Text{}
		switch {
		case a == nil:
			t.Where, t.Exempt = b.where, b.exempt
			t.New = []Segment{{b.text, true}}
			t.Sentences = []Sentence{{New: t.New}}
		case b == nil:
			t.Where, t.Exempt = a.where, a.exempt
			t.Old = []Segment{{a.text, true}}
			t.Sentences = []Sentence{{Old: t.Old}}
		default:
			t.Where, t.Exempt = b.where, a.exempt || b.exempt
			if a.where != b.where {
				t.WasWhere = a.where
			}
			t.Sentences, t.Old, t.New = compareText(a.text, b.text)
		}
		t.Anchor = anchor(ids, p.Slug, t.Where)
		p.Text = append(p.Text, t)
	}
	p.Cells = exhibits(uo.exhibits, un.exhibits)
	return p
}

// anchor is a text's id: the paper's slug and its place, made unique.
func anchor(ids map[string]int, slug, where string) string {
	var b strings.Builder
	b.WriteString(slug)
	b.WriteByte('-')
	dash := false
	for _, r := range strings.ToLower(where) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = b.Len() > len(slug)+1
		}
	}
	id := b.String()
	ids[id]++
	if n := ids[id]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}

// inputs says which of a paper's files differ between the two versions.
func inputs(old, new model.Provenance) []string {
	var out []string
	for _, role := range []string{"template", "layout", "data"} {
		a, b := sources(old, role), sources(new, role)
		var pa, pb []string
		for _, s := range a {
			pa = append(pa, s.Path)
		}
		for _, s := range b {
			pb = append(pb, s.Path)
		}
		switch {
		case strings.Join(pa, "\n") != strings.Join(pb, "\n"):
			out = append(out, role+": "+strings.Join(pa, ", ")+" → "+strings.Join(pb, ", "))
		default:
			for i := range a {
				if a[i].SHA256 != b[i].SHA256 {
					out = append(out, role+": "+a[i].Path+" changed")
				}
			}
		}
	}
	return out
}

func sources(p model.Provenance, role string) []model.Source {
	var out []model.Source
	for _, s := range p.Sources {
		if s.Role == role {
			out = append(out, s)
		}
	}
	return out
}

// cover lists the cover sheet's lines that changed, and the meeting's
// agenda item.
func cover(old, new *model.Document) []Field {
	var out []Field
	add := func(name, a, b string) {
		if a != b {
			out = append(out, Field{name, a, b})
		}
	}
	a, b := old.Cover, new.Cover
	add("Agenda item", item(old.Meta.Item), item(new.Meta.Item))
	rows := map[string]string{}
	for _, r := range a.Rows {
		rows[r.Label] = answer(r)
	}
	for _, r := range b.Rows {
		add(label(r), rows[r.Label], answer(r))
		delete(rows, r.Label)
	}
	for _, r := range a.Rows {
		if v, ok := rows[r.Label]; ok {
			add(label(r), v, "")
		}
	}
	add("Layout", old.Style.Layout, new.Style.Layout)
	return out
}

func item(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// label is a cover row's label as a change names it.
func label(r model.CoverRow) string { return strings.TrimSuffix(r.Label, ":") }

// answer is a cover row's value on one line.
func answer(r model.CoverRow) string {
	if r.Kind != model.CoverQuestion {
		return strings.Join(r.Lines, "; ")
	}
	s := "No"
	if r.Yes {
		s = "Yes"
	}
	if len(r.Details) > 0 {
		s += " (" + strings.Join(r.Details, "; ") + ")"
	}
	return s
}
