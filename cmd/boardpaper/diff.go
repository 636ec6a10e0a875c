package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/paperdiff"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/snapdiff"
)

var diffCommand = &command{
	name:     "diff",
	summary:  "show what the papers now say: changed sentences, table cells and charts",
	defaults: map[string]string{"format": "text"},
	help: `Usage: boardpaper diff OLD.yaml NEW.yaml [flags]
       boardpaper diff REV [flags]
       boardpaper diff REV PATH [flags]

Builds the papers from two states of the project, in memory, and shows what
each paper now says that it did not: the sentences that changed, with their
paragraph numbers and the changed words marked; the table cells and chart
figures that changed (table, row, column, old → new); the cover's changes;
and the papers added, removed or made exempt. Nothing is written to output/.

The two states are:
  OLD.yaml NEW.yaml  every paper that reads either snapshot, built with the
                     one and with the other (when no paper reads either, the
                     figures that changed are listed instead);
  REV                the project at git revision REV (HEAD, main, HEAD~1, a
                     tag) against the files as they are now, new, renamed
                     and changed snapshots, templates and layouts included;
                     only papers whose files differ are built;
  REV PATH           one snapshot (or template) at REV against the file now.

Flags:
  --format FORMAT   Write text (for a terminal; in colour when it is one and
                    NO_COLOR is not set), markdown (for a pull-request
                    comment) or html (a page showing the two versions side
                    by side). Default: text.
  --figures         Only list the figures that changed in the snapshots,
                    each named by its labels (age_groups › March 2012 › 0),
                    without building the papers.
  --include-exempt  Compare the full versions, exempt material included and
                    marked [exempt] (text only; the markdown and html forms
                    are for sharing and never show exempt material).
  --exit-code       Exit with status 3 when something changed.
  -h, --help        Show this help.

Example:
  boardpaper diff HEAD --format markdown

Exit status: 0 compared (whether or not anything changed); 1 a paper or
snapshot has problems (each printed as path:line:col: message), or git
cannot read the revision; 2 the command was mistyped; 3 (with --exit-code)
something changed.
`,
	project: true,
	validate: func(iv *invocation) error {
		if len(iv.args) < 1 || len(iv.args) > 2 {
			return fmt.Errorf("diff takes OLD.yaml NEW.yaml, a git revision REV, or REV PATH")
		}
		form := iv.value("format")
		if form != "text" && form != "markdown" && form != "html" {
			return fmt.Errorf("--format takes text, markdown or html, not %q", form)
		}
		if iv.on("include-exempt") && form != "text" {
			return fmt.Errorf("--include-exempt shows exempt material, so it works only with --format text: the %s form is for sharing", form)
		}
		if iv.on("figures") && form == "html" {
			return fmt.Errorf("--figures writes text or markdown, not html")
		}
		if _, err := os.Stat(iv.args[0]); err != nil && strings.HasPrefix(iv.args[0], "-") {
			// git would read it as an option (--output=FILE writes a file).
			return fmt.Errorf("%s is not a file, and a git revision cannot start with \"-\"", iv.args[0])
		}
		return nil
	},
	run: runDiff,
}

// runDiff compares two states of the project: two snapshot files, a git
// revision and the working tree, or one file at a revision and now.
func runDiff(iv *invocation, stdout, stderr io.Writer) int {
	paths := iv.paths()
	opts := paperdiff.Options{Full: iv.on("include-exempt"), Figures: iv.on("figures")}
	var report *paperdiff.Report
	var err error
	_, statErr := os.Stat(paths[0])
	switch {
	case statErr == nil && len(paths) == 2:
		return diffSnapshots(iv, paths[0], nil, paths[1], opts, stdout, stderr)
	case statErr == nil:
		fmt.Fprintf(stderr, "boardpaper diff: %s is a file: compare it with another (diff OLD.yaml NEW.yaml), or give a git revision (diff HEAD)\n", iv.args[0])
		return 2
	}
	// Not a file: a git revision, taken as typed.
	rev, err := paperdiff.OpenRevision(iv.args[0])
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
		return 1
	}
	defer rev.Close()
	if len(paths) == 2 && !strings.HasSuffix(paths[1], ".md") {
		rel := filepath.ToSlash(filepath.Clean(paths[1]))
		src, err := rev.ReadFile(rel)
		if err != nil {
			fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
			return 1
		}
		return diffSnapshots(iv, rev.Name+":"+rel, src, paths[1], opts, stdout, stderr)
	}
	if len(paths) == 2 {
		opts.Only = paths[1:]
	}
	report, err = paperdiff.CompareRevision(rev, opts)
	if report == nil {
		fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
		return 1
	}
	if opts.Figures {
		return writeFigurePairs(iv, report, err, stdout, stderr)
	}
	return writeReport(iv, report, err, stdout, stderr)
}

// diffSnapshots compares the papers that read either snapshot (oldSrc,
// when not nil, is the old one's content, read from git).
func diffSnapshots(iv *invocation, oldName string, oldSrc []byte, newName string, opts paperdiff.Options, stdout, stderr io.Writer) int {
	var list diag.List
	oldSnap, err := readSnapshot(oldName, oldSrc)
	list.Add(err)
	newSnap, err := readSnapshot(newName, nil)
	list.Add(err)
	if len(list) > 0 {
		return problems(list, stderr)
	}
	if !opts.Figures {
		report, err := paperdiff.Snapshots(".", oldSnap, newSnap, opts)
		if report == nil {
			fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
			return 1
		}
		if !report.NoReaders {
			return writeReport(iv, report, err, stdout, stderr)
		}
		if iv.value("format") == "html" {
			fmt.Fprintf(stderr, "boardpaper diff: no paper reads %s or %s, so there is no paper to show (--figures lists the figures that changed)\n", oldName, newName)
			return 1
		}
		fmt.Fprintf(stdout, "No paper reads %s or %s; the figures that changed:\n\n", oldName, newName)
	}
	changes := snapdiff.Compare(oldSnap, newSnap)
	if err := writeFigures(iv, oldSnap.Path, newSnap.Path, changes, stdout); err != nil {
		fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
		return 1
	}
	return changedStatus(iv, len(changes) > 0)
}

// readSnapshot reads a snapshot file from where it was typed (src nil) or
// from the bytes given, as a build would, within its size limit.
func readSnapshot(name string, src []byte) (*project.Snapshot, error) {
	if src == nil {
		info, err := os.Stat(name)
		if err != nil {
			return nil, err
		}
		if info.Size() > project.MaxSnapshotBytes {
			return nil, diag.Errorf(name, 1, 1, "snapshot is %.1f MB; the limit is %d MB", float64(info.Size())/1e6, project.MaxSnapshotBytes>>20)
		}
		if src, err = os.ReadFile(name); err != nil {
			return nil, err
		}
	}
	return project.ParseSnapshot(filepath.ToSlash(name), src)
}

func writeFigures(iv *invocation, oldName, newName string, changes []snapdiff.Change, stdout io.Writer) error {
	if iv.value("format") == "markdown" {
		return snapdiff.WriteMarkdown(stdout, oldName, newName, changes)
	}
	return snapdiff.WriteText(stdout, oldName, newName, changes)
}

// writeFigurePairs lists, for a revision, the figures that changed in each
// snapshot a paper reads in the two states.
func writeFigurePairs(iv *invocation, r *paperdiff.Report, err error, stdout, stderr io.Writer) int {
	if len(r.Figures) == 0 {
		fmt.Fprintf(stdout, "%s → %s: no snapshot a paper reads changed\n", r.Old, r.New)
	}
	changed := false
	for i, p := range r.Figures {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		changes := snapdiff.Compare(p.Old, p.New)
		changed = changed || len(changes) > 0
		if err := writeFigures(iv, p.Old.Path, p.New.Path, changes, stdout); err != nil {
			fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
			return 1
		}
	}
	if err != nil {
		return problems(err, stderr)
	}
	return changedStatus(iv, changed)
}

// writeReport writes a comparison of papers in the form asked for, then
// any problems found in the papers of the new state.
func writeReport(iv *invocation, r *paperdiff.Report, buildErr error, stdout, stderr io.Writer) int {
	var err error
	switch iv.value("format") {
	case "markdown":
		err = paperdiff.WriteMarkdown(stdout, r)
	case "html":
		err = paperdiff.WriteHTML(stdout, r)
	default:
		err = paperdiff.WriteText(stdout, r, useColour(stdout))
	}
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
		return 1
	}
	if buildErr != nil {
		return problems(buildErr, stderr)
	}
	return changedStatus(iv, r.Changed())
}

// problems prints problems in papers or data, a line each, and returns 1.
func problems(err error, stderr io.Writer) int {
	var list diag.List
	if errors.As(err, &list) {
		list.Sort()
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		return 1
	}
	fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
	return 1
}

// changedStatus is the exit status of a comparison that worked: 3 with
// --exit-code when something changed, else 0.
func changedStatus(iv *invocation, changed bool) int {
	if changed && iv.on("exit-code") {
		return 3
	}
	return 0
}

// useColour reports whether the text form may use colour: on a terminal,
// unless NO_COLOR is set (no-color.org) or the terminal is a dumb one.
func useColour(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(w)
}
