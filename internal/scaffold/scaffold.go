// Package scaffold starts a new paper in a house style: a template with
// the layout's front part and required sections, and a snapshot stub it
// already reads, so the paper builds at once and the author fills it in.
package scaffold

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"github.com/boardpaper/boardpaper/internal/project"
)

var slugPattern = lazyregexp.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Files are what New writes, relative to the project root.
type Files struct {
	Template string
	Snapshot string
}

// New writes templates/<slug>.md and data/<slug>/<date>.yaml for a paper
// in layout, dated date. It refuses to overwrite either file.
func New(root, slug, layoutName string, date time.Time) (Files, error) {
	if !slugPattern().MatchString(slug) {
		return Files{}, fmt.Errorf("the paper's name %q should be lower-case words joined by hyphens, e.g. school-places", slug)
	}
	layout, err := project.LoadLayout(root, layoutName)
	if err != nil {
		return Files{}, err
	}
	day := date.Format("2006-01-02")
	f := Files{Template: "templates/" + slug + ".md", Snapshot: "data/" + slug + "/" + day + ".yaml"}
	for _, p := range []string{f.Template, f.Snapshot} {
		if _, err := os.Stat(filepath.Join(root, p)); err == nil {
			return Files{}, fmt.Errorf("%s already exists; choose another name", p)
		}
	}
	if err := write(root, f.Snapshot, snapshot(day)); err != nil {
		return Files{}, err
	}
	if err := write(root, f.Template, template(layout, day, f.Snapshot)); err != nil {
		os.Remove(filepath.Join(root, f.Snapshot))
		return Files{}, err
	}
	return f, nil
}

func write(root, rel, content string) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

func snapshot(day string) string {
	return `# Figures for the paper, as at ` + day + `. Each paper's figures come from
# here through expressions such as {{ num .Data.example.total }}; a table
# or chart block names a table or series below by its key.
example:
  total: 0

example_table:
  corner: ""
  columns: [First, Second]
  rows:
    - {label: This year, values: [0, 0]}
`
}

// committee guesses the meeting a layout is for from its name.
func committee(layout string) string {
	switch layout {
	case "executive-board":
		return "Executive Board"
	case "scrutiny-board":
		return "Scrutiny Board (name of the board)"
	}
	words := strings.Fields(strings.ReplaceAll(layout, "-", " "))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func template(l *project.Layout, day, snap string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `---
layout: %s
report_of: Director of (the service)
report_to: %s
date: %s                 # the meeting date
subject: "The subject of the paper"
wards: []                        # ward names, if specific wards are affected
equality_implications: false
call_in: false
exempt: false
data: %s
---
`, l.Name, committee(l.Name), day, snap)
	b.WriteString("\n# Summary of main issues {.summary}\n\nWhat the paper is about, and the main points the board should know, in a few short paragraphs.\n")
	b.WriteString("\n# Recommendations {.recommendations}\n\n{{ template \"recs\" . }}\n")
	b.WriteString("\n{{- define \"recs\" }}\nThe Board is asked to note this report.\n{{- end }}\n")
	required := l.Required
	if len(required) == 0 {
		required = []string{"Purpose of this report", "Background information", "Main issues", "Conclusions", "Recommendations"}
	}
	for _, s := range required {
		fmt.Fprintf(&b, "\n# %s\n\n", s)
		switch strings.ToLower(s) {
		case "main issues":
			b.WriteString("The figures come from the snapshot: there are {{ num .Data.example.total }} examples.\n\n")
			b.WriteString("```table\nid: tbl-example\ndata: example_table\ncaption: An example table\ncells: count\n```\n")
		case "recommendations":
			b.WriteString("{{ template \"recs\" . }}\n")
		case "background documents":
			b.WriteString("None.\n")
		default:
			b.WriteString("Write this section.\n")
		}
	}
	return b.String()
}
