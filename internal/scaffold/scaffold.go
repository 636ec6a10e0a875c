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
	"unicode"

	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"github.com/boardpaper/boardpaper/internal/project"
)

var slugPattern = lazyregexp.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Paper is what a new paper's front matter is to say.
type Paper struct {
	Slug   string // the file's name: templates/<slug>.md
	Layout string
	Date   time.Time // the meeting's
	// Committee is the meeting's committee (report_to); blank guesses it
	// from the layout's name.
	Committee string
	// Subject is the paper's subject; blank writes a placeholder.
	Subject string
}

// Placeholder is the subject a paper is given when none is.
const Placeholder = "The subject of the paper"

// Written is what New wrote, the paths relative to the project root.
type Written struct {
	Template  string
	Snapshot  string
	Committee string // as the front matter says it
	Subject   string
}

// Check reports what is wrong with a paper's name, committee or subject
// as typed, before anything is read or written.
func (p Paper) Check() error {
	if !slugPattern().MatchString(p.Slug) {
		return fmt.Errorf("the paper's name %q should be lower-case words joined by hyphens, e.g. school-places", p.Slug)
	}
	for _, f := range []struct{ flag, value string }{{"committee", p.Committee}, {"subject", p.Subject}} {
		if err := oneLine(f.flag, f.value); err != nil {
			return err
		}
	}
	return nil
}

// oneLine refuses a committee or subject that a cover cannot show on its
// line: one holding a line break or another control character.
func oneLine(flag, s string) error {
	for _, r := range s {
		if unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp) {
			return fmt.Errorf("--%s should be one line of text, without line breaks or tabs", flag)
		}
	}
	return nil
}

// New writes templates/<slug>.md and data/<slug>/<as-at>.yaml for a
// paper in its layout. The snapshot is dated today, or the meeting's day
// when that is earlier, as figures dated after the meeting are what check
// warns of. It refuses to overwrite either file.
func New(root string, p Paper, today time.Time) (Written, error) {
	if err := p.Check(); err != nil {
		return Written{}, err
	}
	layout, err := project.LoadLayout(root, p.Layout)
	if err != nil {
		return Written{}, err
	}
	asAt := today
	if p.Date.Before(today) {
		asAt = p.Date
	}
	w := Written{
		Template:  "templates/" + p.Slug + ".md",
		Snapshot:  "data/" + p.Slug + "/" + asAt.Format("2006-01-02") + ".yaml",
		Committee: strings.TrimSpace(p.Committee),
		Subject:   strings.TrimSpace(p.Subject),
	}
	if w.Committee == "" {
		w.Committee = committee(layout.Name)
	}
	if w.Subject == "" {
		w.Subject = Placeholder
	}
	src := template(layout, p.Date.Format("2006-01-02"), w)
	// What was written must read back as what was asked for, whatever
	// characters the committee and subject hold.
	if front, err := project.ParseFront(w.Template, []byte(src)); err != nil || front.ReportTo != w.Committee || front.Subject != w.Subject {
		return Written{}, fmt.Errorf("the committee %q or the subject %q cannot be written into the paper as typed", w.Committee, w.Subject)
	}
	for _, rel := range []string{w.Template, w.Snapshot} {
		if _, err := os.Stat(filepath.Join(root, rel)); err == nil {
			return Written{}, fmt.Errorf("%s already exists; choose another name", rel)
		}
	}
	if err := write(root, w.Snapshot, snapshot(asAt.Format("2006-01-02"))); err != nil {
		return Written{}, err
	}
	if err := write(root, w.Template, src); err != nil {
		os.Remove(filepath.Join(root, w.Snapshot))
		return Written{}, err
	}
	return w, nil
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

// quoted writes s as a YAML string in double quotes, which hold any
// character but a line break as written, once \ and " are escaped.
func quoted(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// requiredKeys are front-matter lines for the keys the layout's cover
// requires beyond those every paper is given, each a value to replace.
func requiredKeys(l *project.Layout, day string) string {
	var b strings.Builder
	for _, r := range l.CoverRows() {
		if _, own := l.Keys[r.Key]; !r.Required || !own {
			continue
		}
		switch r.Kind {
		case project.KindPerson:
			fmt.Fprintf(&b, "%s: {name: \"(name)\", role: \"(role)\"}\n", r.Key)
		case project.KindYesNo:
			fmt.Fprintf(&b, "%s: false\n", r.Key)
		case project.KindList, project.KindWards:
			fmt.Fprintf(&b, "%s: []\n", r.Key)
		case project.KindDate:
			fmt.Fprintf(&b, "%s: %s\n", r.Key, day)
		default:
			fmt.Fprintf(&b, "%s: \"(%s)\"\n", r.Key, strings.ToLower(r.Label))
		}
	}
	return b.String()
}

func template(l *project.Layout, day string, w Written) string {
	var b strings.Builder
	fmt.Fprintf(&b, `---
layout: %s
report_of: Director of (the service)
report_to: %s
date: %s                 # the meeting date
subject: %s
wards: []                        # ward names, if specific wards are affected
equality_implications: false
call_in: false
exempt: false
%sdata: %s
---
`, l.Name, quoted(w.Committee), day, quoted(w.Subject), requiredKeys(l, day), w.Snapshot)
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
			b.WriteString("The figures come from the snapshot: there are {{ num .Data.example.total }} examples, as @tbl-example shows.\n\n")
			b.WriteString("```table\nid: tbl-example\ndata: example_table\ncaption: An example table\ncells: count\n```\n")
		case "recommendations":
			b.WriteString("{{ template \"recs\" . }}\n")
		case "background documents":
			b.WriteString("None.\n")
		default:
			b.WriteString("Write this section.\n")
		}
	}
	if len(l.Implications) > 0 {
		fmt.Fprintf(&b, "\n# %s\n", l.ImplicationsHeading)
		for _, s := range l.Implications {
			fmt.Fprintf(&b, "\n## %s\n\nSay what they are, or write \"None.\"\n", s)
		}
	}
	return b.String()
}
