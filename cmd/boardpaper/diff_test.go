package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffTwoFiles(t *testing.T) {
	newProject(t, map[string]string{
		"old.yaml": "age_groups: {columns: [\"0\"], rows: [{label: March 2012, values: [123]}]}\nlooked_after: {x: [2013-01-25], series: [{name: LAC, values: [1384]}]}\n",
		"new.yaml": "age_groups: {columns: [\"0\"], rows: [{label: March 2012, values: [130]}]}\nlooked_after: {x: [2013-01-25, 2013-03-31], series: [{name: LAC, values: [1384, 1360]}]}\n",
	})
	code, out, errOut := runCLI(t, "diff", "old.yaml", "new.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"age_groups › March 2012 › 0: 123 → 130 (+7, +5.7%)", "looked_after › 2013-03-31: added 1,360"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "diff", "--format", "markdown", "old.yaml", "new.yaml")
	if code != 0 || !strings.Contains(out, "| age\\_groups › March 2012 › 0 | 123 | 130 | +7, +5.7% |") {
		t.Errorf("markdown (exit %d):\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "diff", "old.yaml", "old.yaml"); code != 0 || !strings.Contains(out, "no figures changed") {
		t.Errorf("unchanged: exit %d, %s", code, out)
	}
}

func TestDiffBadInput(t *testing.T) {
	newProject(t, map[string]string{"old.yaml": "a: 1\n", "bad.yaml": "a: [1\n"})
	if code, _, errOut := runCLI(t, "diff", "old.yaml", "bad.yaml"); code != 1 || !strings.Contains(errOut, "bad.yaml:") {
		t.Errorf("broken YAML: exit %d, %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "diff", "old.yaml"); code != 2 {
		t.Errorf("one argument: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "diff", "old.yaml", "old.yaml", "--format", "pdf"); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
}

// diff REV PATH compares a snapshot with its state at a git revision.
func TestDiffAgainstAGitRevision(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := newProject(t, map[string]string{"data/s.yaml": "homes: {total: 12}\n"})
	run := func(args ...string) {
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	run("add", ".")
	run("commit", "-q", "-m", "first")
	os.WriteFile(filepath.Join(dir, "data/s.yaml"), []byte("homes: {total: 13}\n"), 0o644)
	code, out, errOut := runCLI(t, "diff", "HEAD", "data/s.yaml")
	if code != 0 || !strings.Contains(out, "homes › total: 12 → 13 (+1, +8.3%)") || !strings.Contains(out, "HEAD:data/s.yaml") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "diff", "no-such-rev", "data/s.yaml"); code != 1 || !strings.Contains(errOut, "neither a file nor a git revision") {
		t.Errorf("bad revision: exit %d, %s", code, errOut)
	}
}

// A revision starting with "-" would reach git as an option: refused as a
// mistyped command, and git never runs with it.
func TestDiffRefusesARevisionThatLooksLikeAnOption(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := newProject(t, map[string]string{"data/s.yaml": "homes: {total: 12}\n"})
	run := func(args ...string) {
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	run("add", ".")
	run("commit", "-q", "-m", "first")
	// Where `git show --output=pwned:./data/s.yaml` would write, were the
	// revision passed on as it was typed.
	os.MkdirAll(filepath.Join(dir, "pwned:.", "data"), 0o755)
	for _, rev := range []string{"--output=pwned", "-p", "-"} {
		code, _, errOut := runCLI(t, "diff", "--", rev, "data/s.yaml")
		if code != 2 || !strings.Contains(errOut, rev+` is not a file, and a git revision cannot start with "-"`) {
			t.Errorf("diff -- %s: exit %d, %s", rev, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned:.", "data", "s.yaml")); err == nil {
		t.Error("git was given the revision as an option and wrote a file")
	}
	// A file whose name starts with "-" is still a file.
	os.WriteFile(filepath.Join(dir, "-old.yaml"), []byte("homes: {total: 11}\n"), 0o644)
	if code, out, errOut := runCLI(t, "diff", "--", "-old.yaml", "data/s.yaml"); code != 0 || !strings.Contains(out, "homes › total: 11 → 12") {
		t.Errorf("a file named -old.yaml: exit %d\n%s%s", code, out, errOut)
	}
	// A revision that holds no such file says so.
	if code, _, errOut := runCLI(t, "diff", "HEAD", "data/t.yaml"); code != 1 || !strings.Contains(errOut, "git revision HEAD does not hold data/t.yaml") {
		t.Errorf("a path the revision lacks: exit %d, %s", code, errOut)
	}
}
