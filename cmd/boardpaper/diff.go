package main

import (
	"bytes"
	"errors"
	"flag"
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

// runDiff is "boardpaper diff OLD.yaml NEW.yaml" and "boardpaper diff REV
// PATH" (PATH as it was at git revision REV, against the file now).
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	form := fs.String("format", "text", "")
	paths, err := parseInterspersed(fs, args)
	if err == nil && len(paths) != 2 {
		err = fmt.Errorf("diff takes two arguments: OLD.yaml NEW.yaml, or REV PATH")
	}
	if err == nil && *form != "text" && *form != "markdown" {
		err = fmt.Errorf("--format takes text or markdown, not %q", *form)
	}
	if err != nil {
		return usageError("diff", err, stdout, stderr)
	}
	oldName, newName := paths[0], paths[1]
	var oldSrc []byte
	if _, statErr := os.Stat(paths[0]); statErr == nil {
		oldSrc, err = os.ReadFile(paths[0])
	} else if strings.HasPrefix(paths[0], "-") {
		// git would read it as an option (--output=FILE writes a file).
		return usageError("diff", fmt.Errorf("%s is not a file, and a git revision cannot start with \"-\"", paths[0]), stdout, stderr)
	} else {
		// Not a file: a git revision of the second path.
		oldName = paths[0] + ":" + filepath.ToSlash(paths[1])
		oldSrc, err = gitShow(paths[0], paths[1])
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
	if *form == "markdown" {
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
