package paperdiff

import (
	"fmt"
	"io"
	"strings"
)

// Summary says in a line how many papers changed:
// "HEAD → the working tree: 1 paper reads differently, 1 reads the same".
func (r *Report) Summary() string {
	var parts []string
	switch n := len(r.Papers); n {
	case 0:
		parts = append(parts, "no paper reads differently")
	case 1:
		parts = append(parts, "1 paper reads differently")
	default:
		parts = append(parts, fmt.Sprintf("%d papers read differently", n))
	}
	switch r.Same {
	case 0:
	case 1:
		parts = append(parts, "1 was rebuilt and reads the same")
	default:
		parts = append(parts, fmt.Sprintf("%d were rebuilt and read the same", r.Same))
	}
	switch r.Untouched {
	case 0:
	case 1:
		parts = append(parts, "1 has the same files in both")
	default:
		parts = append(parts, fmt.Sprintf("%d have the same files in both", r.Untouched))
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
		where := x.Where
		if x.WasWhere != "" {
			where += " (was " + x.WasWhere + ")"
		}
		t.line("  ", exemptMark(x.Exempt), t.bold(where))
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
