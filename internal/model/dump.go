package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump writes the document as an indented text tree, in the spirit of
// pandoc's "native" output: every decision the passes made (numbers,
// labels, resolved references, formatted cells) is visible, so a golden
// file of it shows what changed in the model independently of any writer.
func Dump(d *Document) string {
	var w dumper
	w.line(0, "Document %s", strconv.Quote(d.Meta.Slug))
	w.line(1, "Meta title=%q author=%q committee=%q date=%s item=%d", d.Meta.Title, d.Meta.Author, d.Meta.Committee, d.Meta.Date.Format("2006-01-02"), d.Meta.Item)
	w.line(1, "Cover council=%q item=%q table=%v", d.Cover.Council, d.Cover.Item, d.Cover.Table)
	for _, r := range d.Cover.Rows {
		kind := [...]string{CoverField: "field", CoverQuestion: "question", CoverBlock: "block"}[r.Kind]
		w.line(2, "Row %s key=%q title=%v %q %q answer=%q yes=%v %q", kind, r.Key, r.Title, r.Label, r.Lines, r.Answer, r.Yes, r.Details)
	}
	if d.Exempt || d.ExemptNotice != "" {
		w.line(1, "Exempt whole=%v redacted=%v notice=%q", d.Exempt, d.Redacted, d.ExemptNotice)
	}
	for _, s := range d.Front {
		w.section(1, s)
	}
	for _, s := range d.Body {
		w.section(1, s)
	}
	for _, n := range d.Footnotes {
		w.line(1, "Note %d id=%q", n.Number, n.ID)
		w.blocks(2, n.Blocks)
	}
	return w.String()
}

type dumper struct{ strings.Builder }

func (w *dumper) line(depth int, format string, args ...any) {
	w.WriteString(strings.Repeat("  ", depth))
	fmt.Fprintf(w, format, args...)
	w.WriteByte('\n')
}

func (w *dumper) section(depth int, s *Section) {
	kind := map[SectionKind]string{Numbered: "Section", FrontSummary: "Summary", FrontRecommendations: "Recommendations", Appendix: "Appendix"}[s.Kind]
	within := ""
	if s.WithinExempt {
		within = " within-exempt"
	}
	w.line(depth, "%s %q%s%s %s", kind, s.Number, attrString(s.Attr, s.Exempt), within, inlineString(s.Title))
	w.blocks(depth+1, s.Blocks)
	for _, sub := range s.Subsections {
		w.section(depth+1, sub)
	}
}

func (w *dumper) blocks(depth int, bs []Block) {
	for _, b := range bs {
		switch b := b.(type) {
		case *Para:
			w.line(depth, "Para %q%s %s", b.Number, attrString(b.Attr, false), inlineString(b.Inlines))
		case *CrossHeading:
			w.line(depth, "CrossHeading%s %s", attrString(b.Attr, false), inlineString(b.Inlines))
		case *List:
			w.line(depth, "List ordered=%v start=%d", b.Ordered, b.Start)
			for _, it := range b.Items {
				w.line(depth+1, "Item")
				w.blocks(depth+2, it)
			}
		case *Quote:
			w.line(depth, "Quote")
			w.blocks(depth+1, b.Blocks)
		case *CodeBlock:
			w.line(depth, "CodeBlock %q", b.Text)
		case *Rule:
			w.line(depth, "Rule")
		case *ExemptPart:
			w.line(depth, "ExemptPart")
			w.blocks(depth+1, []Block{b.Heading})
			w.blocks(depth+1, b.Blocks)
		case *ExemptNotice:
			w.line(depth, "ExemptNotice %q", b.Text)
		case *Table:
			w.table(depth, b)
		case *Chart:
			w.line(depth, "Chart %q%s type=%s title=%q y=%q time=%v monthly=%v %s", b.Label, attrString(b.Attr, false), b.Type, b.Title, b.YLabel, b.IsTime, b.Monthly, inlineString(b.Caption))
			var xs []string
			for _, x := range b.X {
				xs = append(xs, x.Label)
			}
			w.line(depth+1, "X %q", xs)
			for _, s := range b.Series {
				w.line(depth+1, "Series %q %v", s.Name, s.Values)
			}
			w.line(depth+1, "Y %q", b.Y.Labels)
			w.line(depth+1, "Summary %q", b.Summary)
			if b.Table != nil {
				w.table(depth+1, b.Table)
			}
		case *Image:
			w.line(depth, "Image %q%s %s %dx%d %d bytes alt=%q decorative=%v %s", b.Label, attrString(b.Attr, false), b.Path, b.Width, b.Height, len(b.Data), b.Alt, b.Decorative, inlineString(b.Caption))
		default:
			w.line(depth, "%T", b)
		}
	}
}

func (w *dumper) table(depth int, t *Table) {
	land := ""
	if t.Landscape {
		land = " landscape"
	}
	w.line(depth, "Table %q%s rowheaders=%v align=%v%s %s", t.Label, attrString(t.Attr, false), t.RowHeaders, t.Align, land, inlineString(t.Caption))
	for _, row := range t.Head {
		w.line(depth+1, "Head %s", cellsString(row))
	}
	for i, row := range t.Rows {
		kind := "Row"
		switch t.Kind(i) {
		case RowGroup:
			kind = "Group"
		case RowTotal:
			kind = "Total"
		}
		w.line(depth+1, "%s %s", kind, cellsString(row))
	}
}

func cellsString(cells []Cell) string {
	var parts []string
	for _, c := range cells {
		s := inlineString(c.Inlines)
		if c.Span > 1 {
			s += fmt.Sprintf(" {span=%d}", c.Span)
		}
		if c.Status != "" {
			s += " {" + string(c.Status) + "}"
		}
		if c.Spoken != "" {
			s += fmt.Sprintf(" {spoken=%q}", c.Spoken)
		}
		parts = append(parts, s)
	}
	return "| " + strings.Join(parts, " | ") + " |"
}

func attrString(a Attr, exempt bool) string {
	var parts []string
	if a.ID != "" {
		parts = append(parts, "#"+a.ID)
	}
	if a.Label != "" && a.Label != a.ID {
		// A label that was taken gave way (see transform.Labels).
		parts = append(parts, "label="+a.Label)
	}
	for _, c := range a.Classes {
		parts = append(parts, "."+c)
	}
	for _, kv := range a.KV {
		parts = append(parts, kv.Key+"="+kv.Value)
	}
	if exempt {
		parts = append(parts, "exempt")
	}
	if len(parts) == 0 {
		return ""
	}
	return " {" + strings.Join(parts, " ") + "}"
}

// inlineString shows inlines compactly: text quoted, structure bracketed.
func inlineString(in []Inline) string {
	var b strings.Builder
	for _, x := range in {
		switch x := x.(type) {
		case Text:
			b.WriteString(strconv.Quote(string(x)))
		case Code:
			fmt.Fprintf(&b, "Code(%q)", string(x))
		case *Emph:
			fmt.Fprintf(&b, "Emph[%s]", inlineString(x.Inlines))
		case *Strong:
			fmt.Fprintf(&b, "Strong[%s]", inlineString(x.Inlines))
		case *Link:
			fmt.Fprintf(&b, "Link(%q)[%s]", x.URL, inlineString(x.Inlines))
		case *Ref:
			if x.PublicTarget != "" {
				fmt.Fprintf(&b, "Ref(@%s→#%s %q public→#%s %q)", x.Label, x.Target, x.Text, x.PublicTarget, x.PublicText)
			} else {
				fmt.Fprintf(&b, "Ref(@%s→#%s %q)", x.Label, x.Target, x.Text)
			}
		case *NoteRef:
			fmt.Fprintf(&b, "NoteRef(%d)", x.Number)
		case LineBreak:
			b.WriteString("LineBreak")
		}
	}
	return b.String()
}
