package paperdiff

import (
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

// unit is one piece of a paper's text that a reader finds by its place: a
// paragraph, a heading, a list item, a caption, a footnote.
type unit struct {
	kind   string // what it is, so that a heading never pairs with a caption
	where  string
	text   string
	exempt bool
}

// exhibit is a table, or a chart with its figures as a table.
type exhibit struct {
	id     string
	name   string
	chart  bool
	table  *model.Table
	exempt bool
}

type docUnits struct {
	text     []unit
	exhibits []exhibit
}

// keys are what units are lined up by: the same kind of text saying the
// same thing, wherever it is numbered.
func keys(us []unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.kind + "\x00" + u.text
	}
	return out
}

// units reads a document's text and exhibits in reading order.
func units(d *model.Document) docUnits {
	w := &walker{}
	for _, s := range d.Front {
		w.section(s, d.Exempt)
	}
	for _, s := range d.Body {
		w.section(s, d.Exempt)
	}
	for _, n := range d.Footnotes {
		var parts []string
		for _, b := range n.Blocks {
			if p, ok := b.(*model.Para); ok {
				parts = append(parts, model.PlainText(p.Inlines))
			}
		}
		w.add("note", "footnote "+strconv.Itoa(n.Number), strings.Join(parts, " "), d.Exempt)
	}
	return w.out
}

type walker struct {
	out docUnits
	// sectionName and lastPara name where unnumbered text is: "section
	// 4", "paragraph 4.2".
	sectionName, lastPara string
}

func (w *walker) add(kind, where, text string, exempt bool) {
	if strings.TrimSpace(text) == "" {
		return
	}
	w.out.text = append(w.out.text, unit{kind, where, text, exempt})
}

// after names the place of text that has no number of its own.
func (w *walker) after() string {
	if w.lastPara != "" {
		return "after " + w.lastPara
	}
	return "in " + w.sectionName
}

func (w *walker) section(s *model.Section, exempt bool) {
	headingExempt := exempt || s.WithinExempt
	exempt = exempt || s.Exempt
	switch {
	case s.Kind == model.Appendix:
		w.sectionName = s.Number // "Appendix 1"
	case s.Number != "":
		w.sectionName = "section " + s.Number
	case s.Kind == model.FrontSummary:
		w.sectionName = "the summary"
	case s.Kind == model.FrontRecommendations:
		w.sectionName = "the recommendations"
	default:
		w.sectionName = "an unnumbered section"
	}
	w.lastPara = ""
	where := "heading of " + w.sectionName
	if s.Number != "" && s.Kind != model.Appendix {
		where = "heading " + s.Number
	}
	// A heading is published even when what it opens is exempt, unless
	// it lies within exempt material itself.
	w.add("heading", where, model.PlainText(s.Title), headingExempt)
	w.blocks(s.Blocks, exempt)
	for _, sub := range s.Subsections {
		w.section(sub, exempt)
	}
}

func (w *walker) blocks(bs []model.Block, exempt bool) {
	for _, b := range bs {
		switch b := b.(type) {
		case *model.Para:
			text := model.PlainText(b.Inlines)
			if b.Number != "" {
				w.lastPara = "paragraph " + b.Number
				w.add("para", w.lastPara, text, exempt)
			} else {
				w.add("para", "text "+w.after(), text, exempt)
			}
		case *model.CrossHeading:
			w.add("heading", "heading "+w.after(), model.PlainText(b.Inlines), exempt)
		case *model.List:
			where := w.lastPara
			if where == "" {
				where = w.sectionName
			}
			w.list(b, where+", list item ", exempt)
		case *model.Quote:
			w.blocks(b.Blocks, exempt)
		case *model.CodeBlock:
			w.add("code", "preformatted text "+w.after(), b.Text, exempt)
		case *model.ExemptPart:
			if b.Heading != nil {
				w.add("heading", "heading "+w.after(), model.PlainText(b.Heading.Inlines), exempt)
			}
			w.blocks(b.Blocks, true)
		case *model.ExemptNotice:
			w.add("notice", "notice "+w.after(), b.Text, exempt)
		case *model.Table:
			w.exhibit(&b.Exhibit, b, false, exempt)
		case *model.Chart:
			name := w.exhibit(&b.Exhibit, b.Table, true, exempt)
			w.add("chart-type", "kind of "+name, string(b.Type), exempt)
			w.add("chart-title", "title of "+name, b.Title, exempt)
			w.add("chart-axis", "y-axis label of "+name, b.YLabel, exempt)
			w.add("chart-axis", "x-axis label of "+name, b.XLabel, exempt)
		case *model.Image:
			name := b.Label
			if name == "" {
				name = "the image " + w.after()
			}
			w.add("caption", "caption of "+name, model.PlainText(b.Caption), exempt)
			w.add("image", "description of "+name, b.Alt, exempt)
		}
	}
}

// list reads a list's items, each as one text ("paragraph 4.2, list item
// 3"), nested items numbered within theirs ("item 3.1").
func (w *walker) list(l *model.List, prefix string, exempt bool) {
	for i, item := range l.Items {
		n := strconv.Itoa(i + 1)
		var parts []string
		var nested []*model.List
		for _, b := range item {
			switch b := b.(type) {
			case *model.Para:
				parts = append(parts, model.PlainText(b.Inlines))
			case *model.List:
				nested = append(nested, b)
			}
		}
		w.add("item", prefix+n, strings.Join(parts, " "), exempt)
		for _, sub := range nested {
			w.list(sub, prefix+n+".", exempt)
		}
	}
}

// exhibit records a table or chart and its caption, and returns the name
// it is reported by: its label ("Table Two"), else its caption, else its
// place.
func (w *walker) exhibit(e *model.Exhibit, t *model.Table, chart bool, exempt bool) string {
	caption := model.PlainText(e.Caption)
	name := e.Label
	switch {
	case name != "":
	case caption != "":
		name = "“" + caption + "”"
	case chart:
		name = "the chart " + w.after()
	default:
		name = "the table " + w.after()
	}
	w.add("caption", "caption of "+name, caption, exempt)
	if t != nil {
		w.out.exhibits = append(w.out.exhibits, exhibit{id: e.Attr.ID, name: name, chart: chart, table: t, exempt: exempt})
	}
	return name
}

// exhibits lists the cells of tables and the figures of charts that
// changed. Exhibits are matched by their ids (the labels authors give
// them), and those whose ids changed in order.
func exhibits(old, new []exhibit) []Cell {
	ka, kb := make([]string, len(old)), make([]string, len(new))
	for i, e := range old {
		ka[i] = e.id
	}
	for i, e := range new {
		kb[i] = e.id
	}
	var out []Cell
	for _, p := range pairs(align(ka, kb)) {
		switch {
		case p[0] < 0:
			e := new[p[1]]
			out = append(out, Cell{Exhibit: e.name, Chart: e.chart, What: "added", Exempt: e.exempt})
		case p[1] < 0:
			e := old[p[0]]
			out = append(out, Cell{Exhibit: e.name, Chart: e.chart, What: "removed", Exempt: e.exempt})
		default:
			a, b := old[p[0]], new[p[1]]
			out = append(out, compareTable(b.name, b.chart, a.exempt || b.exempt, a.table, b.table)...)
		}
	}
	return out
}

// compareTable lists a table's changes, rows matched by their headers (or
// their order) and columns by their headings, so that a row added at the
// top does not make every row below it look changed. A chart's points
// are reported a series at a time: a point added or removed is a figure
// with no old or no new value.
func compareTable(name string, chart, exempt bool, a, b *model.Table) []Cell {
	var out []Cell
	cell := func(c Cell) {
		c.Exhibit, c.Chart, c.Exempt = name, chart, exempt
		out = append(out, c)
	}
	start := 0
	if b.RowHeaders {
		start = 1
	}
	ca, cb := columns(a), columns(b)
	ra, rb := rowKeys(a), rowKeys(b)
	ia, ib := index(ca), index(ra)
	for j := start; j < len(cb); j++ {
		if _, ok := ia[cb[j]]; !ok {
			cell(Cell{What: "column added", Column: cb[j]})
		}
	}
	colsB := index(cb)
	for j := start; j < len(ca); j++ {
		if _, ok := colsB[ca[j]]; !ok {
			cell(Cell{What: "column removed", Column: ca[j]})
		}
	}
	rowsB := index(rb)
	for i, key := range rb {
		k, ok := ib[key]
		if !ok {
			if chart {
				for j := start; j < len(cb) && j < len(b.Rows[i]); j++ {
					cell(Cell{Row: key, Column: cb[j], New: cellText(b.Rows[i][j])})
				}
			} else {
				cell(Cell{What: "row added", Row: key, New: rowText(b.Rows[i][min(start, len(b.Rows[i])):])})
			}
			continue
		}
		for j := start; j < len(cb) && j < len(b.Rows[i]); j++ {
			ja, ok := ia[cb[j]]
			if !ok || ja >= len(a.Rows[k]) {
				continue
			}
			if x, y := cellText(a.Rows[k][ja]), cellText(b.Rows[i][j]); x != y {
				cell(Cell{Row: key, Column: cb[j], Old: x, New: y})
			}
		}
	}
	for k, key := range ra {
		if _, ok := rowsB[key]; ok {
			continue
		}
		if chart {
			for j := start; j < len(ca) && j < len(a.Rows[k]); j++ {
				if _, kept := colsB[ca[j]]; kept {
					cell(Cell{Row: key, Column: ca[j], Old: cellText(a.Rows[k][j])})
				}
			}
		} else {
			cell(Cell{What: "row removed", Row: key, Old: rowText(a.Rows[k][min(start, len(a.Rows[k])):])})
		}
	}
	if chart {
		out = bySeries(out)
	}
	return out
}

// bySeries puts a chart's changes in the order of its series, each
// series' points in the order found, so that a writer can show a series
// at a time.
func bySeries(cs []Cell) []Cell {
	var order []string
	groups := map[string][]Cell{}
	for _, c := range cs {
		if _, ok := groups[c.Column]; !ok {
			order = append(order, c.Column)
		}
		groups[c.Column] = append(groups[c.Column], c)
	}
	out := make([]Cell, 0, len(cs))
	for _, col := range order {
		out = append(out, groups[col]...)
	}
	return out
}

// columns are a table's column headings (its last head row), "column N"
// where there is none, made unique.
func columns(t *model.Table) []string {
	n := 0
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	var head []model.Cell
	if len(t.Head) > 0 {
		head = t.Head[len(t.Head)-1]
		n = max(n, len(head))
	}
	names := make([]string, n)
	for j := range names {
		if j < len(head) {
			names[j] = cellText(head[j])
		}
		if names[j] == "" {
			names[j] = "column " + strconv.Itoa(j+1)
		}
	}
	return unique(names)
}

// rowKeys name a table's rows by their headers, or "row N" in a table
// without them, made unique.
func rowKeys(t *model.Table) []string {
	names := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		if t.RowHeaders && len(r) > 0 {
			names[i] = cellText(r[0])
		}
		if names[i] == "" {
			names[i] = "row " + strconv.Itoa(i+1)
		}
	}
	return unique(names)
}

func unique(names []string) []string {
	seen := map[string]int{}
	for i, n := range names {
		seen[n]++
		if c := seen[n]; c > 1 {
			names[i] = n + " (" + strconv.Itoa(c) + ")"
		}
	}
	return names
}

func index(xs []string) map[string]int {
	m := make(map[string]int, len(xs))
	for i, x := range xs {
		m[x] = i
	}
	return m
}

func cellText(c model.Cell) string { return model.PlainText(c.Inlines) }

func rowText(cs []model.Cell) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = cellText(c)
	}
	return strings.Join(parts, ", ")
}
