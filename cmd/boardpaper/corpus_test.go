package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var updateCorpus = flag.Bool("update-corpus", false, "rewrite each broken case's want: line from what the binary prints")

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

// TestMain removes the binary the corpus test built, once every test ran.
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds boardpaper once for the tests that run it as a user would.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "boardpaper-bin-")
		if err != nil {
			binErr = err
			return
		}
		binDir = dir
		binPath = filepath.Join(dir, "boardpaper")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			binPath = string(out)
		}
	})
	if binErr != nil {
		t.Fatalf("building boardpaper: %v\n%s", binErr, binPath)
	}
	return binPath
}

// brokenCase is one folder of testdata/broken: a small project with one
// defect, and case.txt saying what it is and what boardpaper must answer:
//
//	# what is wrong
//	args: --data data/2013-05.yaml     (optional: more build arguments)
//	want: path:line:col: message       (the first problem printed)
//
// A runaway input (an alias bomb, a template that loops or calls itself)
// is stopped by a count of its work, and its case checks that count's
// message; no case is timed, as a busy machine would fail it.
type brokenCase struct {
	name string
	dir  string
	args []string
	want string // the problem line boardpaper must print
}

const (
	// maxRSS bounds each run's memory: an alias bomb or a huge snapshot
	// must not fill the machine.
	maxRSS = 256 << 20
	// hangGuard stops a run that never ends, so that a hang fails its
	// case instead of stalling the suite. It is not a speed test: every
	// case ends in well under a second on an idle machine, and the
	// counted limits that stop the runaway ones do not depend on time.
	hangGuard = time.Minute
)

func readCase(t *testing.T, dir string) brokenCase {
	c := brokenCase{name: filepath.Base(dir), dir: dir}
	b, err := os.ReadFile(filepath.Join(dir, "case.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "args: "):
			c.args = strings.Fields(strings.TrimPrefix(line, "args: "))
		case strings.HasPrefix(line, "want: "):
			c.want = strings.TrimPrefix(line, "want: ")
		case strings.HasPrefix(line, "within: "):
			t.Fatalf("%s: within: is no longer read: a case is checked by its outcome, not its time", dir)
		}
	}
	return c
}

// copyTree copies a case into a fresh folder, so a run writes nothing into
// the repository.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// prepare makes what cannot be committed: a symbolic link out of the
// project, and a 50 MB snapshot.
func prepare(t *testing.T, c brokenCase, work string) {
	switch c.name {
	case "data-path-symlink":
		outside := filepath.Join(t.TempDir(), "outside.yaml")
		os.WriteFile(outside, []byte("homes: {total: 1}\n"), 0o644)
		if err := os.Symlink(outside, filepath.Join(work, "data/link.yaml")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	case "huge-snapshot":
		// Written a megabyte at a time: the test's own memory counts in
		// the memory the binaries it starts are measured to use.
		row := []byte("- {label: row, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n")
		chunk := bytes.Repeat(row, 1<<20/len(row))
		os.MkdirAll(filepath.Join(work, "data"), 0o755)
		f, err := os.Create(filepath.Join(work, "data/s.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		f.WriteString("rows:\n")
		for range 50 {
			if _, err := f.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestBrokenInputs runs the real binary on every case of the corpus: each
// must exit 1 with its message at its file and line, print no stack trace,
// write nothing, stay within its memory, and end (hangGuard).
func TestBrokenInputs(t *testing.T) {
	bin := binary(t)
	dirs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "broken", "*"))
	if err != nil || len(dirs) < 30 {
		t.Fatalf("the corpus has %d cases, want at least 30 (%v)", len(dirs), err)
	}
	for _, dir := range dirs {
		c := readCase(t, dir)
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			work := t.TempDir()
			copyTree(t, c.dir, work)
			os.Remove(filepath.Join(work, "case.txt"))
			prepare(t, c, work)
			ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, append([]string{"build"}, c.args...)...)
			cmd.Dir = work
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			took := time.Since(start)
			if ctx.Err() != nil {
				t.Fatalf("still running after %s: a hang (killed)", hangGuard)
			}
			code := cmd.ProcessState.ExitCode()
			first, _, _ := strings.Cut(stderr.String(), "\n")
			if *updateCorpus {
				rewriteWant(t, c, first)
				return
			}
			if err == nil || code != 1 {
				t.Fatalf("exit status %d, want 1\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
			}
			if c.want == "" {
				t.Fatalf("case.txt has no want: line (run go test ./cmd/boardpaper -run BrokenInputs -update-corpus, then read what it wrote)")
			}
			if !strings.Contains(stderr.String(), c.want) {
				t.Errorf("stderr lacks\n  %s\ngot\n  %s", c.want, stderr.String())
			}
			if s := stderr.String(); strings.Contains(s, "goroutine ") || strings.Contains(s, "panic:") {
				t.Errorf("a stack trace was printed:\n%s", s)
			}
			if _, err := os.Stat(filepath.Join(work, "output")); !os.IsNotExist(err) {
				t.Errorf("output/ was written for a broken paper")
			}
			rss := maxResident(cmd.ProcessState)
			if rss > maxRSS {
				t.Errorf("used %d MB of memory, want at most %d MB", rss>>20, maxRSS>>20)
			}
			t.Logf("%s (%s, %d MB): %s", c.name, took.Round(time.Millisecond), rss>>20, first)
		})
	}
}

func rewriteWant(t *testing.T, c brokenCase, first string) {
	path := filepath.Join(c.dir, "case.txt")
	b, _ := os.ReadFile(path)
	var keep []string
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if !strings.HasPrefix(line, "want: ") {
			keep = append(keep, line)
		}
	}
	keep = append(keep, "want: "+first)
	os.WriteFile(path, []byte(strings.Join(keep, "\n")+"\n"), 0o644)
}
