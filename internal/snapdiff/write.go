package snapdiff

import (
	"fmt"
	"io"
	"strings"
)

// counts summarises changes: "3 changed, 1 added, 1 removed".
func counts(cs []Change) string {
	var n [3]int
	for _, c := range cs {
		n[c.Kind]++
	}
	if len(cs) == 0 {
		return "no figures changed"
	}
	var parts []string
	for k, word := range []string{"changed", "added", "removed"} {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k], word))
		}
	}
	return strings.Join(parts, ", ")
}

// WriteText writes one line per change, for a terminal or a log:
//
//	age_groups › March 2012 › 0: 123 → 130 (+7, +5.7%)
//	looked_after › 2013-01-25: added 1,384
func WriteText(w io.Writer, oldName, newName string, cs []Change) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s: %s\n", oldName, newName, counts(cs))
	for _, c := range cs {
		b.WriteString(c.Where())
		b.WriteString(": ")
		switch c.Kind {
		case Added:
			b.WriteString("added")
			if c.New != "" {
				b.WriteString(" " + c.New)
			}
		case Removed:
			b.WriteString("removed")
			if c.Old != "" {
				b.WriteString(" (was " + c.Old + ")")
			}
		default:
			b.WriteString(c.Old + " → " + c.New)
			if c.Delta != "" {
				b.WriteString(" (" + c.Delta + ")")
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the changes as a table for a pull-request comment.
func WriteMarkdown(w io.Writer, oldName, newName string, cs []Change) error {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** → **%s**: %s\n", cell(oldName), cell(newName), counts(cs))
	if len(cs) > 0 {
		b.WriteString("\n| Figure | Was | Now | Change |\n| --- | ---: | ---: | --- |\n")
		for _, c := range cs {
			change := c.Delta
			switch c.Kind {
			case Added:
				change = "added"
			case Removed:
				change = "removed"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(c.Where()), cell(c.Old), cell(c.New), cell(change))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell keeps text from breaking a Markdown table or being read as markup.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`").Replace(s)
}
