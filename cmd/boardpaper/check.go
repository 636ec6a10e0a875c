package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/boardpaper/boardpaper/internal/check"
	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/pipeline"
)

var checkCommand = &command{
	name:    "check",
	summary: "find every mistake in the papers, and warn of late or doubtful ones",
	help: `Usage: boardpaper check [TEMPLATE...] [flags]

Reads and checks each paper as build would, writing nothing, and prints every
problem at once as path:line:col: message. It also warns of what builds but may
be wrong or late: a section the layout requires that is missing or empty, a
label nothing refers to, a table total its rows do not add up to, shares that
do not add up to 100%, figures dated after the meeting, and a paper published
too late for its meeting (five clear working days; 28 clear days' notice of a
private meeting). With no TEMPLATE, every paper in templates/ is checked. Flags
may come before or after the templates.

Flags:
  --data FILE                Use this snapshot instead of each paper's own, for
                             this run only.
  --strict                   Fail (exit status 1) on warnings too, not only on
                             errors.
  --publish-date YYYY-MM-DD  The day the papers will be published, for the
                             statutory timetable. Default: today.
  -h, --help                 Show this help.

Example:
  boardpaper check templates/school-places.md --publish-date 2013-03-01

Exit status: 0 no errors (warnings allowed, unless --strict); 1 errors, or
warnings with --strict; 2 the command was mistyped.
`,
	project: true,
	validate: func(iv *invocation) error {
		_, _, err := iv.date("publish-date", "a date")
		return err
	},
	run: runCheck,
}

// runCheck is "boardpaper check": every error build would report, and the
// warnings of internal/check, all at once, writing nothing.
func runCheck(iv *invocation, stdout, stderr io.Writer) int {
	opts := check.Options{PublishDate: today()}
	if d, given, _ := iv.date("publish-date", "a date"); given {
		opts.PublishDate = d
	}
	results, err := pipeline.Check(".", iv.paths(), iv.pathValue("data"))
	var problems diag.List
	if err != nil && !errors.As(err, &problems) {
		fmt.Fprintf(stderr, "boardpaper check: %v\n", err)
		return 1
	}
	for _, r := range results {
		problems = append(problems, check.Warnings(r, opts)...)
	}
	problems.Sort()
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	errs, warns := 0, 0
	for _, p := range problems {
		if p.Severity == diag.SevWarning {
			warns++
		} else {
			errs++
		}
	}
	fmt.Fprintf(stdout, "checked %d paper(s): %d error(s), %d warning(s)\n", len(results), errs, warns)
	if errs > 0 || (iv.on("strict") && warns > 0) {
		return 1
	}
	return 0
}

// today is the date in the council's time zone, for the statutory
// timetable: the publication day is a calendar day in England.
func today() time.Time {
	now := time.Now()
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		now = now.In(loc)
	}
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}
