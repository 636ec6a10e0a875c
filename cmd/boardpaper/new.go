package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/scaffold"
)

var newCommand = &command{
	name:    "new",
	summary: "start a new paper in a house style, ready to fill in",
	help: `Usage: boardpaper new SLUG --layout NAME [flags]

Starts templates/SLUG.md, a paper in the layout's house style with the sections
it requires, and data/SLUG/<date>.yaml, a snapshot the paper reads, so that the
paper builds at once and you fill it in. SLUG is the paper's file name:
lower-case words joined by hyphens. Nothing is overwritten.

Flags:
  --layout NAME      The house style: executive-board, scrutiny-board, or one
                     of the project's templates/layouts/NAME.yaml. Required.
  --date YYYY-MM-DD  The date of the meeting. Default: today.
  --committee NAME   The committee the paper goes to (report_to); papers for
                     the same committee and date make one meeting. Default:
                     from the layout's name.
  --subject TEXT     The paper's subject, as its cover shows it. Default: a
                     placeholder.
  -h, --help         Show this help.

Example:
  boardpaper new school-places --layout executive-board --date 2013-03-13 --subject "School places"

Exit status: 0 written; 1 the layout cannot be found, or the paper already
exists; 2 the command was mistyped.
`,
	project:  true,
	validate: func(iv *invocation) error { _, err := newPaper(iv, time.Time{}); return err },
	run:      runNew,
}

// newPaper is the paper new is asked for, its date today unless given.
func newPaper(iv *invocation, today time.Time) (scaffold.Paper, error) {
	if len(iv.args) != 1 || iv.value("layout") == "" {
		return scaffold.Paper{}, fmt.Errorf("new takes a name and a layout: boardpaper new SLUG --layout executive-board")
	}
	p := scaffold.Paper{Slug: iv.args[0], Layout: iv.value("layout"), Date: today,
		Committee: iv.values["committee"], Subject: iv.values["subject"]}
	for _, flag := range []string{"committee", "subject"} {
		if v, given := iv.values[flag]; given && strings.TrimSpace(v) == "" {
			return p, fmt.Errorf("--%s is blank: give the %s, or leave the flag out", flag, flag)
		}
	}
	d, given, err := iv.date("date", "the meeting's date")
	if err != nil {
		return p, err
	}
	if given {
		p.Date = d
	}
	return p, p.Check()
}

// runNew is "boardpaper new SLUG --layout NAME".
func runNew(iv *invocation, stdout, stderr io.Writer) int {
	now := time.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	p, _ := newPaper(iv, today) // validated
	w, err := scaffold.New(".", p, today)
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper new: %v\n", err)
		return 1
	}
	note := func(flag, says string) string {
		if _, given := iv.values[flag]; given {
			return ""
		}
		return "   (" + says + ")"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "wrote %s, a paper in the %s layout:\n", w.Template, p.Layout)
	fmt.Fprintf(&b, "  report_to: %s%s\n", w.Committee, note("committee", "from the layout: give --committee, or edit it"))
	fmt.Fprintf(&b, "  date:      %s%s\n", p.Date.Format("2006-01-02"), note("date", "today: give --date, or edit it to the meeting's date"))
	fmt.Fprintf(&b, "  subject:   %s%s\n", w.Subject, note("subject", "a placeholder: give --subject, or edit it"))
	fmt.Fprintf(&b, "wrote %s, the snapshot it reads its figures from\n", w.Snapshot)
	tpl := iv.fromHere(w.Template)
	fmt.Fprintf(&b, "\nNext, fill them in, and:\n")
	for _, step := range [][2]string{
		{"boardpaper check " + tpl, "find mistakes, and warn of a late or doubtful paper"},
		{"boardpaper serve", "preview the papers in a browser as you write"},
		{"boardpaper build " + tpl, "write its HTML and PDF into output/"},
	} {
		fmt.Fprintf(&b, "  %-*s   %s\n", len("boardpaper build ")+len(tpl), step[0], step[1])
	}
	fmt.Fprint(stdout, b.String())
	return 0
}
