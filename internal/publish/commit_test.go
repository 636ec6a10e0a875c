package publish

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// A small project whose second build makes every kind of move a commit
// makes: a paper replaced in a meeting folder the output has (a.md, and
// b.md in both output folders), a new meeting folder moved in whole (d.md),
// a file removed (c.md's page), the index and the manifests.
func paperFor(committee, date, subject string, item int, extra string) string {
	return fmt.Sprintf("---\nlayout: executive-board\nreport_of: Director of Resources\nreport_to: %s\ndate: %s\nsubject: %s\nitem: %d\n%sdata: data/s.yaml\n---\n# Main issues\n\nThere are {{ num .Data.homes }} homes.\n", committee, date, subject, item, extra)
}

const exemptAppendix = "\n# Appendix 1: costs {.exempt}\n\nThe exempt part.\n"

func commitProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"templates/a.md": paperFor("Executive Board", "2013-03-13", "Budget", 1, ""),
		"templates/b.md": paperFor("Scrutiny Board", "2013-04-25", "Inspections", 2, "access_to_information_rule: \"10.4(3)\"\n") + exemptAppendix,
		"templates/c.md": paperFor("Executive Board", "2013-03-13", "Libraries", 2, ""),
		"data/s.yaml":    "homes: 12\n",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// secondBuild changes the project as commitProject's comment says.
func secondBuild(t *testing.T, root string) {
	t.Helper()
	os.Remove(filepath.Join(root, "templates/c.md"))
	os.WriteFile(filepath.Join(root, "templates/d.md"), []byte(paperFor("Executive Board", "2013-05-01", "Parks", 1, "")), 0o644)
	os.WriteFile(filepath.Join(root, "data/s.yaml"), []byte("homes: 13\n"), 0o644)
}

func commitOptions(root string) Options {
	return Options{Root: root, Out: filepath.Join(root, "site", "output"), ExemptOut: filepath.Join(root, "private"), HTML: true}
}

// snapshot is every file and folder under the output folders' parents, by
// path: contents for files, "dir" for folders. Staging folders and lock
// files beside the output folders are in it, so a test sees them left.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	for _, top := range []string{"site", "private"} {
		base := filepath.Join(root, top)
		filepath.WalkDir(base, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				tree[rel] = "dir"
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			tree[rel] = string(b)
			return nil
		})
	}
	// The project folder holds a first build's staging and the lock.
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			tree[e.Name()] = "beside"
		}
	}
	return tree
}

func sameTree(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	var diffs []string
	for name, w := range want {
		if g, ok := got[name]; !ok {
			diffs = append(diffs, "missing "+name)
		} else if g != w {
			diffs = append(diffs, "changed "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "extra "+name)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%s:\n  %s", what, strings.Join(diffs, "\n  "))
	}
}

// before and after are the output trees of commitProject's first build and
// of its second (as a build that nothing interrupts makes them).
func beforeAndAfter(t *testing.T) (before, after map[string]string) {
	t.Helper()
	root := commitProject(t)
	if _, err := Run(commitOptions(root)); err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, root)
	secondBuild(t, root)
	if _, err := Run(commitOptions(root)); err != nil {
		t.Fatal(err)
	}
	after = snapshot(t, root)
	for _, want := range []string{"site/output/2013-05-01-executive-board/d.html", "private/2013-04-25-scrutiny-board/b.html"} {
		if _, ok := after[want]; !ok {
			t.Fatalf("the second build did not write %s", want)
		}
	}
	if _, ok := after["site/output/2013-03-13-executive-board/c.html"]; ok {
		t.Fatal("the second build did not remove c.html")
	}
	return before, after
}

// failingRename makes the n-th rename (counting from 0) fail, as a move
// into a read-only folder would; every other rename is made.
func failingRename(n int) (func(string, string) error, *int) {
	calls := 0
	return func(from, to string) error {
		calls++
		if calls-1 == n {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: os.ErrPermission}
		}
		return os.Rename(from, to)
	}, &calls
}

func restoreHooks(t *testing.T) {
	t.Cleanup(func() { rename, link = os.Rename, os.Link })
}

// A move that fails at any point of the commit, in either output folder,
// leaves both exactly as they were, with no staging folder or lock left;
// so it does where the file system has no hard links (the files replaced
// are then moved aside, not linked).
func TestFailedMoveLeavesOutputAsItWas(t *testing.T) {
	restoreHooks(t)
	before, after := beforeAndAfter(t)
	for _, hardLinks := range []bool{true, false} {
		moves := 0
		for n := 0; ; n++ {
			root := commitProject(t)
			if _, err := Run(commitOptions(root)); err != nil {
				t.Fatal(err)
			}
			sameTree(t, "first build", snapshot(t, root), before)
			secondBuild(t, root)
			var calls *int
			rename, calls = failingRename(n)
			if !hardLinks {
				link = func(string, string) error { return errors.New("no hard links here") }
			}
			_, err := Run(commitOptions(root))
			rename, link = os.Rename, os.Link
			if err == nil {
				moves = n
				sameTree(t, "a build whose moves all succeed", snapshot(t, root), after)
				break
			}
			if !strings.Contains(err.Error(), "the output was left as it was") || !strings.Contains(err.Error(), "permission denied") {
				t.Errorf("move %d fails: %v", n, err)
			}
			sameTree(t, fmt.Sprintf("hard links %v, move %d of the commit fails (%d renames)", hardLinks, n, *calls), snapshot(t, root), before)
		}
		// Both output folders' files, the new folder, the removal and both
		// manifests: at least 8 moves, each made to fail once.
		t.Logf("hard links %v: a move failed at each of %d points of the commit", hardLinks, moves)
		if moves < 8 {
			t.Errorf("hard links %v: the commit made %d moves, want at least 8", hardLinks, moves)
		}
	}
}

// As root, permissions do not stop a move: a file where a new meeting
// folder must go does, midway through the commit (the meetings before it
// have moved their files in by then).
func TestObstacleMidwayLeavesOutputAsItWas(t *testing.T) {
	root := commitProject(t)
	opts := commitOptions(root)
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(opts.Out, "2013-05-01-executive-board"), []byte("in the way\n"), 0o644)
	before := snapshot(t, root)
	secondBuild(t, root)
	_, err := Run(opts)
	if err == nil || !strings.Contains(err.Error(), "2013-05-01-executive-board/d.html: not a directory; the output was left as it was") {
		t.Fatalf("error = %v", err)
	}
	sameTree(t, "after a move failed midway", snapshot(t, root), before)
}

// A read-only meeting folder, as the issue found it (permissions do not
// stop root, which TestObstacleMidwayLeavesOutputAsItWas covers).
func TestReadOnlyMeetingFolderLeavesOutputAsItWas(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	root := commitProject(t)
	opts := commitOptions(root)
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(opts.Out, "2013-04-25-scrutiny-board")
	os.Chmod(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	before := snapshot(t, root)
	secondBuild(t, root)
	if _, err := Run(opts); err == nil || !strings.Contains(err.Error(), "the output was left as it was") {
		t.Fatalf("error = %v", err)
	}
	sameTree(t, "after a move into a read-only folder failed", snapshot(t, root), before)
}

// stopAfter, set in a helper process's environment, makes its build stop
// dead (os.Exit, no clean-up) when it has made that many renames.
const stopAfterEnv = "BOARDPAPER_TEST_STOP_AFTER"

// TestStoppedBuildHelper is the build that is stopped: run as a process of
// its own by TestStoppedCommitIsRepaired, it does nothing otherwise.
func TestStoppedBuildHelper(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(stopAfterEnv))
	if err != nil {
		t.Skip("a helper process for TestStoppedCommitIsRepaired")
	}
	calls := 0
	rename = func(from, to string) error {
		if calls == n {
			os.Exit(7)
		}
		calls++
		return os.Rename(from, to)
	}
	_, err = Run(commitOptions(os.Getenv("BOARDPAPER_TEST_ROOT")))
	fmt.Println("not stopped:", err)
	os.Exit(0)
}

// stoppedBuild runs commitProject's second build in a process of its own
// and kills it after n moves of its commit; it reports whether the process
// was stopped (n is within the commit).
func stoppedBuild(t *testing.T, root string, n int) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStoppedBuildHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), stopAfterEnv+"="+strconv.Itoa(n), "BOARDPAPER_TEST_ROOT="+root)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 7 {
		return true
	}
	if err != nil || !strings.Contains(string(out), "not stopped: <nil>") {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	return false
}

// A build killed between any two moves of its commit leaves its journal;
// the next build finishes the commit (the output is then as the killed
// build made it), says so, and removes the staging folders. When the
// rest cannot be moved, it puts the output back as it was before.
func TestStoppedCommitIsRepaired(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a build process for each move")
	}
	restoreHooks(t)
	before, after := beforeAndAfter(t)
	stops := 0
	for n := 0; ; n++ {
		root := commitProject(t)
		opts := commitOptions(root)
		if _, err := Run(opts); err != nil {
			t.Fatal(err)
		}
		secondBuild(t, root)
		if !stoppedBuild(t, root, n) {
			break
		}
		stops++
		half := snapshot(t, root)
		staging := 0
		for name := range half {
			if strings.Contains(name, ".staging-") && strings.HasSuffix(name, "/"+journalName) {
				staging++
			}
		}
		if staging == 0 {
			t.Fatalf("stopped after %d moves: no journal left to repair from", n)
		}

		// Finished by the next build, which says so.
		var notes []string
		opts.Note = func(msg string) { notes = append(notes, msg) }
		if _, err := Run(opts); err != nil {
			t.Fatalf("stopped after %d moves: the next build: %v", n, err)
		}
		said := strings.Join(notes, "\n")
		if !strings.Contains(said, "was stopped while it moved its files into place; its remaining files have now been moved") {
			t.Errorf("stopped after %d moves: the next build said %q", n, said)
		}
		sameTree(t, fmt.Sprintf("stopped after %d moves, then built again", n), snapshot(t, root), after)

		// Undone, when the rest cannot be moved: the repair alone, so the
		// output it leaves is seen before any build writes over it.
		root = commitProject(t)
		opts = commitOptions(root)
		if _, err := Run(opts); err != nil {
			t.Fatal(err)
		}
		secondBuild(t, root)
		if !stoppedBuild(t, root, n) {
			t.Fatalf("the build did not stop after %d moves a second time", n)
		}
		// In each output folder, the first move the repair tries fails.
		notes = nil
		opts.Note = func(msg string) { notes = append(notes, msg) }
		for _, dest := range []string{opts.Out, opts.ExemptOut} {
			rename, _ = failingRename(0)
			if err := repair(dest, opts.Note); err != nil {
				t.Fatalf("stopped after %d moves: repair: %v", n, err)
			}
		}
		rename = os.Rename
		os.Remove(filepath.Join(root, "site", ".output.lock")) // the killed build's
		os.Remove(filepath.Join(root, ".private.lock"))
		// The public folder's moves come before the exempt folder's: a
		// build stopped after them leaves nothing to move there, and the
		// repair finishes it.
		publicMoves := 0
		for name, content := range half {
			if strings.HasPrefix(name, "site/output/.staging-") && strings.HasSuffix(name, "/"+journalName) {
				var j journal
				json.Unmarshal([]byte(content), &j)
				publicMoves = len(j.Whole) + len(j.Place) + len(j.Remove)
			}
		}
		want := map[string]string{}
		for name, v := range before {
			if !strings.HasPrefix(name, "site/") || n < publicMoves {
				want[name] = v
			}
		}
		for name, v := range after {
			if strings.HasPrefix(name, "site/") && n >= publicMoves {
				want[name] = v
			}
		}
		sameTree(t, fmt.Sprintf("stopped after %d moves (of %d in the public folder), then undone", n, publicMoves), snapshot(t, root), want)
		if said := strings.Join(notes, "\n"); !strings.Contains(said, "has been put back as it was before that build") {
			t.Errorf("stopped after %d moves: the repair said %q", n, said)
		}
	}
	t.Logf("stopped at each of %d points of the commit", stops)
	if stops < 8 {
		t.Errorf("the build was stopped at %d points of its commit, want at least 8", stops)
	}
}

// A build that stopped before it published anything leaves staging
// folders in and beside the output folders: the next build removes them,
// and says so.
func TestLeftoverStagingFoldersAreRemoved(t *testing.T) {
	root := commitProject(t)
	opts := commitOptions(root)
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root)
	for _, dir := range []string{filepath.Join(opts.Out, ".staging-123"), filepath.Join(root, "site", ".output.staging-456"), filepath.Join(root, ".private.staging-789")} {
		os.MkdirAll(filepath.Join(dir, "2013-03-13-executive-board"), 0o755)
		os.WriteFile(filepath.Join(dir, "2013-03-13-executive-board", "a.html"), []byte("half"), 0o644)
	}
	var notes []string
	opts.Note = func(msg string) { notes = append(notes, msg) }
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	sameTree(t, "after the leftovers were removed", snapshot(t, root), before)
	said := strings.Join(notes, "\n")
	if !strings.Contains(said, "removed the unfinished files of 2 earlier build(s) into "+opts.Out) ||
		!strings.Contains(said, "removed the unfinished files of 1 earlier build(s) into "+opts.ExemptOut) {
		t.Errorf("the build said %q", said)
	}
}

// Two builds into one folder at once: each waits for the other, both
// succeed, and the manifest lists only files that are there, of the sizes
// they are.
func TestBuildsAtOnceTakeTurns(t *testing.T) {
	root := commitProject(t)
	opts := commitOptions(root)
	opts.Force = true
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := opts
			if i%2 == 1 {
				o.Templates = []string{"templates/a.md"}
			}
			_, errs[i] = Run(o)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v", i, err)
		}
	}
	checkManifest(t, opts.Out)
	for name := range snapshot(t, root) {
		if strings.Contains(name, "staging") || strings.HasSuffix(name, ".lock") {
			t.Errorf("%s left behind", name)
		}
	}
}

// checkManifest fails when the output folder's manifest names a file that
// is not there, or not of the size it says.
func checkManifest(t *testing.T, out string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, marker))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Papers) == 0 {
		t.Fatalf("the manifest lists no papers:\n%s", b)
	}
	for path, rec := range m.Papers {
		for f, size := range rec.Files {
			info, err := os.Stat(filepath.Join(out, filepath.FromSlash(f)))
			if err != nil || info.Size() != size {
				t.Errorf("the manifest lists %s (for %s, %d bytes): %v", f, path, size, err)
			}
		}
	}
}

// A build that finds the folder locked says so and waits; it goes on when
// the lock is let go.
func TestSecondBuildWaitsForTheFirst(t *testing.T) {
	root := commitProject(t)
	opts := commitOptions(root)
	unlock, err := lockOutput(opts.Out, nil)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan string, 1)
	opts.Note = func(msg string) {
		if strings.Contains(msg, "waiting") {
			waiting <- msg
		}
	}
	done := make(chan error)
	go func() {
		_, err := Run(opts)
		done <- err
	}()
	var msg string
	select {
	case msg = <-waiting:
	case err := <-done:
		t.Fatalf("the build went on while the folder was locked: %v", err)
	}
	if want := fmt.Sprintf("another boardpaper build (process %d) is writing to %s; waiting for it to finish", os.Getpid(), opts.Out); msg != want {
		t.Errorf("said %q, want %q", msg, want)
	}
	select {
	case err := <-done:
		t.Fatalf("the build went on while the folder was locked: %v", err)
	default:
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	checkManifest(t, opts.Out)
}

// TestLockHolderHelper takes the output folder's lock and holds it until
// it is killed: run as a process of its own by
// TestKilledBuildsLockDoesNotBlock.
func TestLockHolderHelper(t *testing.T) {
	out := os.Getenv("BOARDPAPER_TEST_LOCK")
	if out == "" {
		t.Skip("a helper process for TestKilledBuildsLockDoesNotBlock")
	}
	if _, err := lockOutput(out, nil); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString('\n') // until killed
	os.Exit(0)
}

// A build killed while it held the lock leaves the lock file, with its
// process id: the next build is not stopped by it.
func TestKilledBuildsLockDoesNotBlock(t *testing.T) {
	root := commitProject(t)
	opts := commitOptions(root)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHolderHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "BOARDPAPER_TEST_LOCK="+opts.Out)
	stdin, _ := cmd.StdinPipe()
	defer stdin.Close()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "locked\n" {
		cmd.Process.Kill()
		t.Fatalf("helper: %q", line)
	}
	cmd.Process.Kill()
	cmd.Wait()
	site, _ := resolvedPath(filepath.Join(root, "site"))
	lock := filepath.Join(site, ".output.lock")
	if b, err := os.ReadFile(lock); err != nil || !bytes.Equal(b, []byte(strconv.Itoa(cmd.Process.Pid)+"\n")) {
		t.Fatalf("the killed build's lock file: %q, %v", b, err)
	}
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(lock); !os.IsNotExist(err) {
		t.Errorf("the lock file stays after the build: %v", err)
	}
}

// Two spellings of one output folder, one through a symbolic link, share
// one lock.
func TestLinkedOutputFolderSharesTheLock(t *testing.T) {
	root := commitProject(t)
	opts := commitOptions(root)
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	alias := filepath.Join(root, "alias")
	if err := os.Symlink(opts.Out, alias); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	unlock, err := lockOutput(alias, nil)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan string, 1)
	opts.Note = func(msg string) {
		if strings.Contains(msg, "waiting") {
			waiting <- msg
		}
	}
	done := make(chan error)
	go func() {
		_, err := Run(opts)
		done <- err
	}()
	select {
	case <-waiting:
	case err := <-done:
		t.Fatalf("the build went on while the folder was locked under another name: %v", err)
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
