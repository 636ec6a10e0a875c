package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/snapdiff"
)

var diffCommand = &command{
	name:     "diff",
	summary:  "list the figures that changed between two data snapshots",
	defaults: map[string]string{"format": "text"},
	help: `Usage: boardpaper diff OLD.yaml NEW.yaml [flags]
       boardpaper diff REV PATH [flags]

Lists the figures that changed between two data snapshots, each named by its
labels (age_groups › March 2012 › 0), not by its place in a list. With REV
PATH, compares the snapshot PATH as it is now with the same file at git
revision REV (HEAD~1, a branch, a tag): what a change to the data will change
in the papers.

Flags:
  --format FORMAT  Write text, or markdown: a table to paste into a
                   pull-request comment. Default: text.
  -h, --help       Show this help.

Example:
  boardpaper diff HEAD~1 data/looked-after-children/2013-01-25.yaml

Exit status: 0 compared (whether or not anything changed); 1 a snapshot cannot
be read; 2 the command was mistyped.
`,
	project: true,
	validate: func(iv *invocation) error {
		if len(iv.args) != 2 {
			return fmt.Errorf("diff takes two arguments: OLD.yaml NEW.yaml, or REV PATH")
		}
		if form := iv.value("format"); form != "text" && form != "markdown" {
			return fmt.Errorf("--format takes text or markdown, not %q", form)
		}
		if _, err := os.Stat(iv.args[0]); err != nil && strings.HasPrefix(iv.args[0], "-") {
			// git would read it as an option (--output=FILE writes a file).
			return fmt.Errorf("%s is not a file, and a git revision cannot start with \"-\"", iv.args[0])
		}
		return nil
	},
	run: runDiff,
}

// runDiff is "boardpaper diff OLD.yaml NEW.yaml" and "boardpaper diff REV
// PATH" (PATH as it was at git revision REV, against the file now).
func runDiff(iv *invocation, stdout, stderr io.Writer) int {
	// The first is a file, read from where it was typed, or else a
	// revision, taken as typed.
	paths := iv.paths()
	oldName, newName := paths[0], paths[1]
	var oldSrc []byte
	var err error
	if _, statErr := os.Stat(paths[0]); statErr == nil {
		oldSrc, err = os.ReadFile(paths[0])
	} else {
		// Not a file: a git revision of the second path.
		rev := iv.args[0]
		oldName = rev + ":" + filepath.ToSlash(paths[1])
		oldSrc, err = gitShow(rev, paths[1])
	}
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
		return 1
	}
	newSrc, err := os.ReadFile(paths[1])
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
		return 1
	}
	var list diag.List
	oldSnap, err := project.ParseSnapshot(oldName, oldSrc)
	list.Add(err)
	newSnap, err := project.ParseSnapshot(newName, newSrc)
	list.Add(err)
	if len(list) > 0 {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		return 1
	}
	changes := snapdiff.Compare(oldSnap, newSnap)
	if iv.value("format") == "markdown" {
		err = snapdiff.WriteMarkdown(stdout, oldName, newName, changes)
	} else {
		err = snapdiff.WriteText(stdout, oldName, newName, changes)
	}
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper diff: %v\n", err)
		return 1
	}
	return 0
}

// gitShow reads a file as it was at a revision, through the git command.
// The revision is resolved to a commit's hash first, with every argument
// after --end-of-options, so nothing the user typed reaches git as an
// option; git show is then given only the hash and the path.
func gitShow(rev, path string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%q is not a file, and git is not installed to read it as a revision", rev)
	}
	hash, err := exec.Command("git", "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}").Output()
	if err != nil {
		msg := fmt.Sprintf("%s is neither a file nor a git revision", rev)
		var ee *exec.ExitError
		if errors.As(err, &ee) && len(bytes.TrimSpace(ee.Stderr)) > 0 {
			msg += ": " + strings.TrimSpace(string(ee.Stderr))
		} else if !errors.As(err, &ee) {
			msg += ": " + err.Error()
		}
		return nil, errors.New(msg)
	}
	out, err := exec.Command("git", "show", strings.TrimSpace(string(hash))+":./"+filepath.ToSlash(path)).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("git revision %s does not hold %s: %s", rev, path, strings.TrimSpace(string(ee.Stderr)))
		}
		return nil, err
	}
	return out, nil
}
