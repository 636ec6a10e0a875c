package paperdiff

import (
	"fmt"
	"io"
	"strings"
)

// heading names a text's place, and where it was when that differs:
// "paragraph 3.14 (was paragraph 3.13)".
func (t *Text) heading() string {
	if t.WasWhere != "" {
		return t.Where + " (was " + t.WasWhere + ")"
	}
	return t.Where
}

// Columns of the tables of changes the Markdown and HTML forms show.
var (
	tableColumns = []string{"Table", "Row", "Column", "Was", "Now"}
	chartColumns = []string{"Chart", "Series", "Point", "Was", "Now"}
)

// changeRows are a paper's changes to its tables and to its charts as the
// rows of two tables, in tableColumns and chartColumns.
func (p *Paper) changeRows() (tables, charts [][]string) {
	for _, c := range p.Cells {
		row, col := c.Row, c.Column
		if c.Chart {
			if c.What != "" {
				row = c.What
			}
			charts = append(charts, []string{c.Exhibit, col, row, c.Old, c.New})
			continue
		}
		switch {
		case c.What == "":
		case row != "":
			row = c.What + ": " + row
		case col != "":
			col = c.What + ": " + col
		default:
			row = c.What
		}
		tables = append(tables, []string{c.Exhibit, row, col, c.Old, c.New})
	}
	return tables, charts
}

// count is "1 paper" or "3 papers".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Summary says in a line how many papers changed:
// "HEAD → the working tree: 1 paper reads differently, 1 reads the same".
func (r *Report) Summary() string {
	parts := []string{"no paper reads differently"}
	if n := len(r.Papers); n > 0 {
		parts[0] = count(n, "paper reads differently", "papers read differently")
	}
	if r.Same > 0 {
		parts = append(parts, count(r.Same, "was rebuilt and reads the same", "were rebuilt and read the same"))
	}
	if r.Untouched > 0 {
		parts = append(parts, count(r.Untouched, "has the same files in both", "have the same files in both"))
	}
	s := r.Old + " → " + r.New + ": " + strings.Join(parts, ", ")
	if r.Full {
		s += " (full versions, exempt material included)"
	}
	return s
}

// statusLine says what happened to a paper that is not simply compared.
func (p *Paper) statusLine(oldName string) string {
	switch p.Status {
	case Added:
		return "added"
	case Removed:
		return "removed"
	case MadeExempt:
		return "now exempt as a whole: its public version is withdrawn"
	case MadePublic:
		return "no longer exempt: now published"
	case BrokenBefore:
		return "did not build at " + oldName + ", so there is nothing to compare it with"
	}
	return ""
}

// describe words a cell's change: "1,384 → 1,352", "added 1,352",
// "removed (was 1,384)".
func (c Cell) describe() string {
	switch {
	case c.Old == "" && c.New == "":
		return ""
	case c.Old == "":
		return "added " + c.New
	case c.New == "":
		return "removed (was " + c.Old + ")"
	}
	return c.Old + " → " + c.New
}

// place names a table's cell: "row “March 2012”, column “0”".
func (c Cell) place() string {
	return "row “" + c.Row + "”, column “" + c.Column + "”"
}

// exhibitName is "Table Two" or "Table One (chart)".
func (c Cell) exhibitName() string {
	if c.Chart {
		return c.Exhibit + " (chart)"
	}
	return c.Exhibit
}

// WriteText writes the report for a terminal or a log. The changed words
// of a sentence are marked [-so-] in the old and {+so+} in the new, or
// with colour when colour is set (a terminal). Exempt material appears
// only when the report compared full versions, each piece marked
// [exempt].
func WriteText(w io.Writer, r *Report, colour bool) error {
	t := textWriter{colour: colour}
	t.line(t.bold(r.Summary()))
	for i := range r.Papers {
		t.paper(&r.Papers[i], r.Old)
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

type textWriter struct {
	b      strings.Builder
	colour bool
}

func (t *textWriter) line(parts ...string) {
	for _, p := range parts {
		t.b.WriteString(p)
	}
	t.b.WriteByte('\n')
}

func (t *textWriter) bold(s string) string {
	if t.colour {
		return "\x1b[1m" + s + "\x1b[m"
	}
	return s
}

func (t *textWriter) paint(s, code string) string {
	if t.colour {
		return "\x1b[" + code + "m" + s + "\x1b[m"
	}
	return s
}

func exemptMark(exempt bool) string {
	if exempt {
		return "[exempt] "
	}
	return ""
}

func (t *textWriter) paper(p *Paper, oldName string) {
	t.line()
	t.line(t.bold(p.Path + ": " + p.Title))
	if s := p.statusLine(oldName); s != "" {
		t.line("  ", s)
		return
	}
	for _, in := range p.Inputs {
		t.line("  ", in)
	}
	if len(p.Cover) > 0 {
		t.line()
		for _, f := range p.Cover {
			t.line("  cover, ", f.Name, ": ", orNone(f.Old), " → ", orNone(f.New))
		}
	}
	for _, x := range p.Text {
		t.line()
		t.line("  ", exemptMark(x.Exempt), t.bold(x.heading()))
		for _, s := range x.Sentences {
			if s.Old != nil {
				t.line("    ", t.paint("-", "31"), " ", t.segments(s.Old, "[-", "-]", "1;31"))
			}
			if s.New != nil {
				t.line("    ", t.paint("+", "32"), " ", t.segments(s.New, "{+", "+}", "1;32"))
			}
		}
	}
	if len(p.Cells) > 0 {
		t.line()
	}
	for i := 0; i < len(p.Cells); i++ {
		c := p.Cells[i]
		head := "  " + exemptMark(c.Exempt) + c.exhibitName()
		switch {
		case c.What == "added" || c.What == "removed":
			t.line(head, ": ", c.What)
		case c.Chart && c.What == "":
			// A series' points on one line.
			var pts []string
			for ; i < len(p.Cells) && p.Cells[i].Chart && p.Cells[i].What == "" && p.Cells[i].Exhibit == c.Exhibit && p.Cells[i].Column == c.Column; i++ {
				pts = append(pts, p.Cells[i].Row+" "+p.Cells[i].describe())
			}
			i--
			t.line(head, ", series “", c.Column, "”: ", strings.Join(pts, "; "))
		case c.What == "row added" || c.What == "row removed":
			t.line(head, ", row “", c.Row, "” ", strings.TrimPrefix(c.What, "row "), ": ", c.Old+c.New)
		case c.What != "":
			t.line(head, ", ", strings.TrimPrefix(c.What, "column "), " column “", c.Column, "”")
		default:
			t.line(head, ", ", c.place(), ": ", c.describe())
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// segments writes a sentence with its changed words marked.
func (t *textWriter) segments(ss []Segment, open, close, code string) string {
	var b strings.Builder
	for _, s := range ss {
		switch {
		case !s.Changed:
			b.WriteString(s.Text)
		case t.colour:
			b.WriteString(t.paint(s.Text, code))
		default:
			b.WriteString(open + s.Text + close)
		}
	}
	return b.String()
}
