package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/boardpaper/boardpaper/internal/check"
	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/pipeline"
)

// runCheck is "boardpaper check": every error build would report, and the
// warnings of internal/check, all at once, writing nothing.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	data := fs.String("data", "", "")
	strict := fs.Bool("strict", false, "")
	publish := fs.String("publish-date", "", "")
	paths, err := parseInterspersed(fs, args)
	opts := check.Options{PublishDate: today()}
	if err == nil && *publish != "" {
		opts.PublishDate, err = time.Parse("2006-01-02", *publish)
		if err != nil {
			err = fmt.Errorf("--publish-date takes a date written YYYY-MM-DD, not %q", *publish)
		}
	}
	if err != nil {
		return usageError("check", err, stdout, stderr)
	}
	results, err := pipeline.Check(".", paths, *data)
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
	if errs > 0 || (*strict && warns > 0) {
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

// usageError answers a mistyped command with the usage and exit status 2,
// or -h and --help with the usage and 0.
func usageError(cmd string, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "boardpaper %s: %v\n\n%s", cmd, err, usage)
	return 2
}
