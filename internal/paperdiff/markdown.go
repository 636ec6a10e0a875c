package paperdiff

import (
	"io"
	"strings"
)

// WriteMarkdown writes the report for a pull-request comment: a section
// per paper, each changed sentence as it was and as it is (removed words
// struck through, new words in bold), and tables of the cover's, tables'
// and charts' changes. It never holds exempt material: it refuses a
// report of full versions.
func WriteMarkdown(w io.Writer, r *Report) error {
	if r.Full {
		return errFullShared
	}
	var b strings.Builder
	b.WriteString("## What the papers now say\n\n")
	b.WriteString(mdText(r.Summary()) + "\n")
	for i := range r.Papers {
		mdPaper(&b, &r.Papers[i], r.Old)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdPaper(b *strings.Builder, p *Paper, oldName string) {
	b.WriteString("\n### " + mdText(p.Title) + "\n\n")
	b.WriteString("`" + strings.ReplaceAll(p.Path, "`", "'") + "`")
	if s := p.statusLine(oldName); s != "" {
		b.WriteString(": " + mdText(s) + "\n")
		return
	}
	b.WriteString("\n")
	for _, in := range p.Inputs {
		b.WriteString("\n- " + mdText(in))
	}
	if len(p.Inputs) > 0 {
		b.WriteString("\n")
	}
	if len(p.Cover) > 0 {
		b.WriteString("\n| Cover | Was | Now |\n| --- | --- | --- |\n")
		for _, f := range p.Cover {
			b.WriteString("| " + mdText(f.Name) + " | " + mdText(f.Old) + " | " + mdText(f.New) + " |\n")
		}
	}
	for _, t := range p.Text {
		b.WriteString("\n**" + mdText(capitalise(t.heading())) + "**\n")
		for _, s := range t.Sentences {
			b.WriteString("\n")
			if s.Old != nil {
				b.WriteString("- was: " + mdSegments(s.Old, "~~") + "\n")
			}
			if s.New != nil {
				b.WriteString("- now: " + mdSegments(s.New, "**") + "\n")
			}
		}
	}
	tables, charts := p.changeRows()
	mdTable(b, tableColumns, tables)
	mdTable(b, chartColumns, charts)
}

// mdTable writes a table of changes, its figures set right.
func mdTable(b *strings.Builder, head []string, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	b.WriteString("\n| " + strings.Join(head, " | ") + " |\n| --- | --- | --- | ---: | ---: |\n")
	for _, r := range rows {
		for _, c := range r {
			b.WriteString("| " + mdText(c) + " ")
		}
		b.WriteString("|\n")
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// mdSegments writes a sentence with its changed words between marks.
func mdSegments(ss []Segment, mark string) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Changed {
			b.WriteString(mark + mdText(s.Text) + mark)
		} else {
			b.WriteString(mdText(s.Text))
		}
	}
	return b.String()
}

// mdText keeps a paper's text from being read as Markdown or HTML: every
// character that could start markup within a line is escaped (the text
// never starts a line, where "1." or "-" would), and line breaks are
// spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '~', '<', '>', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '&':
			b.WriteString("&amp;")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
