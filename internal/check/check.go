// Package check finds what builds but may still be wrong, or late: the
// warnings of "boardpaper check". Each is a diag warning at the line to
// look at. Errors (what stops a build) are the build's own.
package check

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
	"gopkg.in/yaml.v3"
)

// Options for the checks.
type Options struct {
	// PublishDate is when the papers will be published, for the statutory
	// timetable.
	PublishDate time.Time
}

// Warnings checks one paper that built.
func Warnings(b *pipeline.Checked, o Options) diag.List {
	if b.Input == nil || b.Doc == nil {
		return nil
	}
	c := &checker{in: b.Input, doc: b.Doc, pos: b.Positions, src: sourceOf(b.Input.Paper)}
	c.requiredSections()
	c.implications()
	c.reasons()
	c.enclosures()
	c.unusedLabels()
	c.tables()
	c.snapshotDates()
	c.timetable(o.PublishDate)
	c.warns.Sort()
	return c.warns
}

type checker struct {
	in  *pipeline.Inputs
	doc *model.Document
	// pos is where each element of doc was written.
	pos   diag.Positions
	src   source
	warns diag.List
}

func (c *checker) warn(pos diag.Pos, format string, args ...any) {
	e := diag.At(pos, format, args...)
	e.Severity = diag.SevWarning
	c.warns = append(c.warns, e)
}

// source is the template's body, by line, to find where on an element's
// lines its label was written.
type source struct {
	path  string
	first int // file line of the body's first line
	lines []string
}

func sourceOf(p *project.Paper) source {
	return source{path: p.Path, first: p.BodyLine, lines: strings.Split(p.Body, "\n")}
}

// requiredSections: every section the layout requires is there, and has
// something in it.
func (c *checker) requiredSections() {
	have := map[string]*model.Section{}
	for _, s := range c.doc.Body {
		have[titleKey(model.PlainText(s.Title))] = s
	}
	for _, want := range c.in.Layout.Required {
		s, ok := have[titleKey(want)]
		if !ok {
			c.warn(diag.Pos{Path: c.src.path, Line: c.src.first, Col: 1}, "the %s layout asks for a section %q, and the paper has none", c.in.Layout.Name, want)
			continue
		}
		if len(s.Blocks) == 0 && len(s.Subsections) == 0 {
			c.warn(c.at(s), "section %q is empty", want)
		}
	}
}

// implications: the layout's implications section is there, with a ##
// heading for each implication it lists, each answered ("None." is an
// answer). A heading answers an implication when its title is the
// implication's or starts with it: "Financial implications" answers
// Financial.
func (c *checker) implications() {
	l := c.in.Layout
	if len(l.Implications) == 0 {
		return
	}
	var sec *model.Section
	for _, s := range c.doc.Body {
		if titleKey(model.PlainText(s.Title)) == titleKey(l.ImplicationsHeading) {
			sec = s
			break
		}
	}
	if sec == nil {
		c.warn(diag.Pos{Path: c.src.path, Line: c.src.first, Col: 1}, "the %s layout asks for a section %q answering %s, each under a ## heading, and the paper has none",
			l.Name, l.ImplicationsHeading, quotedList(l.Implications))
		return
	}
	for _, want := range l.Implications {
		k := titleKey(want)
		var found *model.Section
		for _, sub := range sec.Subsections {
			t := titleKey(model.PlainText(sub.Title))
			if t == k || strings.HasPrefix(t, k) && !isLetter(t[len(k)]) {
				found = sub
				break
			}
		}
		switch {
		case found == nil:
			c.warn(c.at(sec), "section %q has no heading ## %s: the %s layout asks every paper to answer it (write \"None.\" under it if there are none)", l.ImplicationsHeading, want, l.Name)
		case len(found.Blocks) == 0 && len(found.Subsections) == 0:
			c.warn(c.at(found), "%q is not answered: say what the implications are, or write \"None.\"", model.PlainText(found.Title))
		}
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// quotedList is "A", "B" and "C".
func quotedList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = `"` + s + `"`
	}
	return joinAnd(q)
}

// titleKey is how section titles are compared: case, spacing and the
// Markdown marks of emphasis do not matter.
func titleKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '*' || r == '_' || r == '`' {
			return -1
		}
		return r
	}, s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// at is where the element n was written, or the body's start when the
// reader recorded nowhere.
func (c *checker) at(n model.Node) diag.Pos {
	if p, ok := c.pos[n]; ok {
		return p
	}
	return diag.Pos{Path: c.src.path, Line: c.src.first, Col: 1}
}

var (
	// attrBlock is a heading's or paragraph's {…} attributes; its #name is
	// a label.
	attrBlock = lazyregexp.New(`\{([^{}]*)\}`)
	attrLabel = lazyregexp.New(`(?:^|\s)#([A-Za-z][A-Za-z0-9_-]*)`)
	// fenceID is a table's or chart's label, in its block.
	fenceID = lazyregexp.New(`^\s*id:\s*([A-Za-z][A-Za-z0-9_-]*)\s*$`)
)

// unusedLabels: a label nothing refers to is often a reference that was
// deleted, or a typing slip in the one that should point at it.
//
// What counts is the built document, its labels and its resolved
// references, so that text in code, a reference a template leaves out and
// one only a template writes are judged as the reader will see them.
func (c *checker) unusedLabels() {
	var labelled []model.Node
	used := map[string]bool{}
	model.Walk(c.doc, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			return model.WalkContinue
		}
		if a := model.AttrOf(n); a != nil && a.Label != "" {
			labelled = append(labelled, n)
		}
		if r, ok := n.(*model.Ref); ok {
			used[r.Label] = true
		}
		return model.WalkContinue
	})
	for _, n := range labelled {
		if label := model.AttrOf(n).Label; !used[label] {
			c.warn(c.labelAt(n, label), "label %q is never referred to (write @%s where the text mentions it, or remove the label)", label, label)
		}
	}
}

// labelAt is where label was written for the element n: on the lines from
// the element's own, the first {…} holding #label, or id: label in a table
// or chart block. It is the element's position when the label is not
// written there as it is (an expression made it).
func (c *checker) labelAt(n model.Node, label string) diag.Pos {
	at := c.at(n)
	for i := max(at.Line-c.src.first, 0); i < len(c.src.lines); i++ {
		l := c.src.lines[i]
		if m := fenceID().FindStringSubmatchIndex(l); m != nil && l[m[2]:m[3]] == label {
			return diag.Pos{Path: c.src.path, Line: c.src.first + i, Col: m[2] + 1}
		}
		for _, a := range attrBlock().FindAllStringSubmatchIndex(l, -1) {
			inner := l[a[2]:a[3]]
			for _, m := range attrLabel().FindAllStringSubmatchIndex(inner, -1) {
				if inner[m[2]:m[3]] == label {
					return diag.Pos{Path: c.src.path, Line: c.src.first + i, Col: a[2] + m[2] + 1}
				}
			}
		}
	}
	return at
}

// tables: what the table blocks recorded as they were read (a declared
// total the rows do not reach, count-share rows whose rounded shares do not
// make 100%).
func (c *checker) tables() {
	model.Walk(c.doc, func(n model.Node, entering bool) model.WalkStatus {
		if t, ok := n.(*model.Table); ok && entering {
			for _, w := range t.Warnings {
				c.warns.Add(w)
			}
		}
		return model.WalkContinue
	})
}

// eachSeries calls fn with the x list of every series set ({x, series}) in
// a snapshot, however deep: a paper may reach one by a dotted path.
func eachSeries(n *yaml.Node, fn func(xs *yaml.Node)) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	if xs := project.MapGet(n, "x"); xs != nil && xs.Kind == yaml.SequenceNode && project.MapGet(n, "series") != nil {
		fn(xs)
		return
	}
	for i := 1; i < len(n.Content); i += 2 {
		eachSeries(n.Content[i], fn)
	}
}

var dateShaped = lazyregexp.New(`^\d{4}-\d{2}(-\d{2})?$`)

// snapshotDates: figures dated after the meeting are a sign that the wrong
// snapshot, or the wrong meeting date, was used. What dates the figures is
// the snapshot's as-at date (its file name, data/<topic>/<as-at>.yaml) and
// the x values of its series; other dates in it (a framework starting next
// year) are plans, not figures.
func (c *checker) snapshotDates() {
	meeting := c.in.Paper.Date
	for _, snap := range c.in.Data.Snapshots {
		type dated struct {
			pos  diag.Pos
			text string
			t    time.Time
		}
		var latest *dated
		consider := func(text string, pos diag.Pos) {
			if !dateShaped().MatchString(text) {
				return
			}
			// A month (2013-04) counts from its first day: April's figures
			// at a meeting on 25th April are month-to-date, not a mistake.
			t, _, err := format.ParseDate(text)
			if err != nil {
				return
			}
			if latest == nil || t.After(latest.t) {
				latest = &dated{pos, text, t}
			}
		}
		base := strings.TrimSuffix(snap.Path[strings.LastIndex(snap.Path, "/")+1:], ".yaml")
		consider(base, diag.Pos{Path: snap.Path, Line: 1, Col: 1})
		eachSeries(snap.Root, func(xs *yaml.Node) {
			for _, x := range xs.Content {
				consider(x.Value, diag.Pos{Path: snap.Path, Line: x.Line, Col: x.Column})
			}
		})
		if latest != nil && latest.t.After(meeting) {
			c.warn(latest.pos, "the snapshot has figures dated %s, after the meeting on %s", latest.text, format.LongDate(meeting))
		}
	}
}

// timetable: the Access to Information rules. Papers are public five clear
// working days before the meeting (Local Government Act 1972, s.100B); a
// meeting that is partly private because a paper has exempt material needs
// 28 clear days' notice (the 2012 Executive Arrangements Regulations,
// reg. 5). "Clear" leaves out the day of publication or notice and the day
// of the meeting. A publication date after the meeting is a paper being
// checked after the event, and is not judged.
func (c *checker) timetable(publish time.Time) {
	p := c.in.Paper
	datePos := p.Keys["date"]
	if !publish.IsZero() && !publish.After(p.Date) && !p.Exempt {
		if n := clearWorkingDays(publish, p.Date); n < 5 {
			c.warn(datePos, "published on %s, the paper is public %d clear working days before the meeting on %s; the rules ask for five", format.LongDate(publish), n, format.LongDate(p.Date))
		}
	}
	// notice_date is optional: without it there is nothing to check.
	if c.doc.ExemptNotice == "" || p.NoticeDate.IsZero() {
		return
	}
	switch days := clearDays(p.NoticeDate, p.Date); {
	case !p.NoticeDate.Before(p.Date):
		c.warn(p.Keys["notice_date"], "notice_date %s is not before the meeting on %s; a private meeting needs 28 clear days' notice", p.NoticeDate.Format("2006-01-02"), format.LongDate(p.Date))
	case days < 28:
		c.warn(p.Keys["notice_date"], "notice of the private meeting was given %d clear days before it; the rules ask for 28", days)
	}
}

// reasonsHeading is the section whose list gives the reasons for the
// recommendations, keyed by their markers.
const reasonsHeading = "reasons for recommendations"

// reasons: when the recommendations are a marked list ((1), (a), …) and
// the paper's "Reasons for recommendations" is one too, each
// recommendation has a reason under its own marker, and each reason's
// marker is a recommendation's. Reasons written as paragraphs are not
// keyed, and are left alone.
func (c *checker) reasons() {
	var recs, why *model.Section
	for _, s := range c.doc.Front {
		if s.Kind == model.FrontRecommendations {
			recs = s
		}
	}
	for _, s := range c.doc.Body {
		if titleKey(model.PlainText(s.Title)) == reasonsHeading {
			why = s
			break
		}
	}
	if recs == nil || why == nil {
		return
	}
	want, wantOrder := c.listItems(recs.Blocks)
	got, gotOrder := c.listItems(why.Blocks)
	if len(want) == 0 || len(got) == 0 {
		return
	}
	title := model.PlainText(why.Title)
	for _, k := range wantOrder {
		if _, ok := got[k]; !ok {
			c.warn(c.at(why), "%q gives no reason for recommendation %s: give it under the same marker, %s", title, want[k].marker, want[k].marker)
		}
	}
	for _, k := range gotOrder {
		if _, ok := want[k]; !ok {
			c.warn(got[k].pos, "reason %s is for a recommendation that does not exist: the recommendations are %s", got[k].marker, markerList(want, wantOrder))
		}
	}
}

// keyedItem is an item of a marked list: its marker as written and where.
type keyedItem struct {
	marker string
	pos    diag.Pos
}

// listItems are the items of the ordered lists directly in blocks, by
// their key: the numbering style and the item's number, so that "(2)"
// and "2." are the same recommendation and "(b)" is not.
func (c *checker) listItems(blocks []model.Block) (map[string]keyedItem, []string) {
	items := map[string]keyedItem{}
	var order []string
	for _, b := range blocks {
		l, ok := b.(*model.List)
		if !ok || !l.Ordered {
			continue
		}
		style := l.Style
		if style == "" {
			style = "1"
		}
		for i, item := range l.Items {
			k := style + strconv.Itoa(l.Start+i)
			if _, dup := items[k]; dup {
				continue
			}
			pos := c.at(l)
			if len(item) > 0 {
				pos = c.at(item[0])
			}
			items[k] = keyedItem{marker: l.Marker(i), pos: pos}
			order = append(order, k)
		}
	}
	return items, order
}

// markerList is "(1), (2) and (3)".
func markerList(items map[string]keyedItem, order []string) string {
	m := make([]string, len(order))
	for i, k := range order {
		m[i] = items[k].marker
	}
	return joinAnd(m)
}

// enclosures: a cover that lists the paper's enclosures names each of its
// appendices, and no appendix it does not have. An enclosure names
// "Appendix 2" by the layout's word and the appendix's number, anywhere
// in its line; other enclosures (a plan, a report) are left alone.
func (c *checker) enclosures() {
	const key = "enclosures"
	shown := false
	for _, r := range c.in.Layout.CoverRows() {
		shown = shown || r.Key == key
	}
	appendices := c.doc.Meta.Appendices
	if !shown || len(appendices) == 0 {
		return
	}
	word := c.in.Layout.AppendixWord
	named := appendixName(word)
	listed := map[string]bool{}
	f := c.in.Paper.Fields[key]
	pos, ok := c.in.Paper.Keys[key]
	if !ok {
		pos = diag.Pos{Path: c.src.path, Line: 1, Col: 1}
	}
	have := map[string]bool{}
	var names []string
	for _, a := range appendices {
		have[a.Number] = true
		names = append(names, a.Name)
	}
	for _, line := range f.List {
		for _, m := range named.FindAllStringSubmatch(line, -1) {
			listed[m[1]] = true
			if !have[m[1]] {
				c.warn(pos, "enclosure %q names %s %s, which the paper does not have: its appendices are %s", line, word, m[1], joinAnd(names))
			}
		}
	}
	for _, a := range appendices {
		if !listed[a.Number] {
			c.warn(pos, "the cover's enclosures do not list %s, %s: add it to enclosures, e.g. \"%s: %s\"", a.Name, a.Title, a.Name, a.Title)
		}
	}
}

// appendixName finds "Appendix 2" (or "Appendix B") in an enclosure's
// line, by the layout's word for an appendix; the number is its group.
func appendixName(word string) *regexp.Regexp {
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(word) + `\s+([0-9]+|[A-Z])\b`)
}

// joinAnd is "A, B and C".
func joinAnd(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
