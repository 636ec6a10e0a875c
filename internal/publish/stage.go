package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// marker is the file that says a folder is boardpaper's output. The build
// removes files it did not write only from a folder that carries it (or a
// new, empty one), so a mistyped --out can never empty someone's folder.
const marker = ".boardpaper-output"

// Names a build uses inside its output folder while it runs.
const (
	// stagingPrefix begins a staging folder's name in the output folder
	// ("output/.staging-123"); a first build stages beside the output
	// folder instead, in ".<name>.staging-123".
	stagingPrefix = ".staging-"
	// journalName, in a staging folder, lists every move of the build's
	// commit. It is written before the first move, so the next build can
	// finish (or undo) a commit that a killed build left half done.
	journalName = ".boardpaper-journal"
	// oldName, in a staging folder, holds the files the commit replaces or
	// removes until it is complete, so that it can be undone.
	oldName = ".boardpaper-old"
	// insideLock is the lock file in the output folder, for an output
	// folder whose parent cannot be written (see lockOutput).
	insideLock = ".boardpaper-lock"
)

// rename and link move files during a commit and its repair. Tests replace
// them to make a move fail, or the process stop, midway.
var (
	rename = os.Rename
	link   = os.Link
)

// stage collects a build's files in a temporary folder beside their
// destination and moves them into place only when the whole build has
// succeeded: a failed build leaves the previous output exactly as it was.
//
// While a stage exists it holds its output folders' locks, so a second
// build into the same folder waits for it; a new stage first repairs what
// a build killed while it moved its files left behind.
type stage struct {
	mu      sync.Mutex
	roots   map[string]*stageRoot // "" for the public output, "exempt" for --exempt-out
	unlocks []func()
}

type stageRoot struct {
	dest string
	// created says dest did not exist before this build: its files are
	// then staged in a folder beside it (tmp), which becomes dest in one
	// rename. Otherwise tmp is inside dest, and each file or new meeting
	// folder is moved into place, as the journal lists.
	created bool
	tmp     string
	files   map[string]bool // slash-separated, relative to dest
	kept    map[string]bool // files of the previous build kept as they are
	dirs    map[string]bool // staging folders made so far
}

// newStage locks the output folders, repairs or removes what earlier
// builds left in them, and makes a staging folder for each. note, when not
// nil, is told in plain words of a wait for another build and of a repair.
func newStage(public, exempt string, note func(string)) (*stage, error) {
	if note == nil {
		note = func(string) {}
	}
	s := &stage{roots: map[string]*stageRoot{}}
	dests := map[string]string{}
	for name, dest := range map[string]string{"": public, "exempt": exempt} {
		if dest != "" {
			dests[name] = dest
		}
	}
	// The folders are locked in one order, so two builds that name the
	// same two folders cannot each hold one and wait for the other.
	order := make([]string, 0, len(dests))
	for _, dest := range dests {
		order = append(order, dest)
	}
	sort.Strings(order)
	for _, dest := range order {
		unlock, err := lockOutput(dest, note)
		if err != nil {
			s.discard()
			return nil, err
		}
		s.unlocks = append(s.unlocks, unlock)
	}
	for name, dest := range dests {
		if err := repair(dest, note); err != nil {
			s.discard()
			return nil, err
		}
		if err := checkOwned(dest); err != nil {
			s.discard()
			return nil, err
		}
		_, statErr := os.Stat(dest)
		created := os.IsNotExist(statErr)
		in, prefix := dest, stagingPrefix
		if created {
			in, prefix = filepath.Dir(dest), "."+filepath.Base(dest)+stagingPrefix
		}
		if err := os.MkdirAll(in, 0o755); err != nil {
			s.discard()
			return nil, err
		}
		tmp, err := os.MkdirTemp(in, prefix)
		if err != nil {
			s.discard()
			return nil, err
		}
		s.roots[name] = &stageRoot{dest: dest, created: created, tmp: tmp, files: map[string]bool{}, kept: map[string]bool{}, dirs: map[string]bool{}}
	}
	return s, nil
}

// lockOutput takes the lock of the output folder dest, waiting while
// another build holds it. The lock is an OS lock (flock) on a file beside
// the folder (".output.lock" for output), or in it when the folder's
// parent cannot be written: the kernel lets it go when its build ends,
// however it ends, so a killed build's lock never blocks the next.
//
// The folder is named as the file system resolves it, symbolic links
// followed, so two spellings of one folder share one lock.
func lockOutput(dest string, note func(string)) (func(), error) {
	abs, err := resolvedPath(dest)
	if err != nil {
		return nil, err
	}
	// The folder the output folder is made in is made first, as a first
	// build would make it.
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, err
	}
	beside := filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".lock")
	waiting := func(holder string) {
		who := "another boardpaper build"
		if holder != "" {
			who += " (process " + holder + ")"
		}
		note(fmt.Sprintf("%s is writing to %s; waiting for it to finish", who, dest))
	}
	unlock, err := lockFile(beside, waiting)
	if err == nil {
		return unlock, nil
	}
	if !errors.Is(err, fs.ErrPermission) && !errors.Is(err, errReadOnly) {
		return nil, fmt.Errorf("cannot lock %s against other builds: %w", dest, err)
	}
	if info, statErr := os.Stat(dest); statErr != nil || !info.IsDir() {
		return nil, fmt.Errorf("cannot lock %s against other builds: %w", dest, err)
	}
	unlock, err = lockFile(filepath.Join(dest, insideLock), waiting)
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s against other builds: %w", dest, err)
	}
	return unlock, nil
}

// checkOwned refuses to build into an existing folder that holds files but
// no marker: it was not made by boardpaper.
func checkOwned(dest string) error {
	entries, err := os.ReadDir(dest)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	n := 0
	for _, e := range entries {
		if e.Name() != insideLock {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, marker)); err == nil {
		return nil
	}
	return fmt.Errorf("%s holds files boardpaper did not write; choose an empty or new folder (boardpaper removes what it did not write from its output folder)", dest)
}

// write stages one file. rel is "dir/file" for the public output, or
// "exempt/dir/file" for --exempt-out.
func (s *stage) write(rel string, data []byte) error {
	rootName, path := "", rel
	if after, ok := strings.CutPrefix(rel, "exempt/"); ok {
		rootName, path = "exempt", after
	}
	r := s.roots[rootName]
	if r == nil {
		return fmt.Errorf("no output folder for %s", rel)
	}
	full := filepath.Join(r.tmp, filepath.FromSlash(path))
	// A meeting's folder is made once, not looked for before every file.
	dir := filepath.Dir(full)
	s.mu.Lock()
	made := r.dirs[dir]
	s.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		s.mu.Lock()
		r.dirs[dir] = true
		s.mu.Unlock()
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return err
	}
	s.mu.Lock()
	r.files[path] = true
	s.mu.Unlock()
	return nil
}

// keep marks a public file of the previous build as part of this one.
func (s *stage) keep(rel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.roots[""]
	r.files[rel] = true
	r.kept[rel] = true
}

// journal lists the moves of one output folder's commit, in the order they
// are made; paths are slash-separated, relative to the output folder. Each
// move is one rename, so which have been made can be told from the files
// alone: a staged file still in the staging folder has not been moved.
type journal struct {
	// Whole lists new meeting folders, moved in whole.
	Whole []string `json:"whole,omitempty"`
	// Place lists files moved in, each replacing the file of its name when
	// Had (which is first linked, or moved, into the staging folder's
	// oldName, to be put back if the commit is undone). The marker, the
	// manifest of what is published, is placed last of all.
	Place []placement `json:"place,omitempty"`
	// Remove lists files taken out (moved into oldName): on a build of
	// the whole project, files it did not write; on a build of some
	// papers, what the last build wrote for them and this one did not.
	Remove []string `json:"remove,omitempty"`
	// Dirs lists folders to remove, deepest first, if the commit leaves
	// them empty.
	Dirs []string `json:"dirs,omitempty"`
}

type placement struct {
	Path string `json:"path"`
	Had  bool   `json:"had,omitempty"`
}

// commit moves every staged file into place and writes the public
// folder's marker (the manifest). When prune is set (a build of the whole
// project) every other file in the output folders is removed, so that
// nothing renamed, withdrawn or newly made exempt stays published; on a
// build of some papers, stale (public files the last build wrote for
// them) are.
//
// Every output folder's moves are planned, and written in its journal,
// before the first is made. If a move fails, those made are undone, in
// every folder, and the output is as it was before the build; if the
// process is killed, the next build finishes them (see repair).
func (s *stage) commit(prune bool, stale []string, manifest []byte) error {
	defer s.release()
	names := make([]string, 0, len(s.roots))
	for name := range s.roots {
		names = append(names, name)
	}
	sort.Strings(names)
	roots := make([]*stageRoot, len(names))
	plans := make([]*journal, len(names))
	for i, name := range names {
		r := s.roots[name]
		roots[i] = r
		mark := []byte("This folder is written by boardpaper; files it did not write are removed.\n")
		if name == "" {
			mark = manifest
		}
		if err := os.WriteFile(filepath.Join(r.tmp, marker), mark, 0o644); err != nil {
			s.discard()
			return err
		}
		if r.created {
			// A new output folder is the staging folder, renamed: one
			// move, nothing to prune.
			if err := os.Chmod(r.tmp, 0o755); err != nil {
				s.discard()
				return err
			}
			continue
		}
		var removeAlso []string
		if name == "" {
			removeAlso = stale
		}
		j, err := r.plan(prune, removeAlso)
		if err != nil {
			s.discard()
			return err
		}
		if err := writeJournal(r.tmp, j); err != nil {
			s.discard()
			return err
		}
		plans[i] = j
	}

	for i, r := range roots {
		var err error
		if r.created {
			err = rename(r.tmp, r.dest)
		} else {
			err = forward(r.dest, r.tmp, plans[i])
		}
		if err == nil {
			continue
		}
		// Undo every folder's moves, this one's included (a folder whose
		// moves had not started has none to undo).
		for k := i; k >= 0; k-- {
			var undoErr error
			if roots[k].created {
				if !exists(roots[k].tmp) && exists(roots[k].dest) {
					undoErr = rename(roots[k].dest, roots[k].tmp)
				}
			} else {
				undoErr = undo(roots[k].dest, roots[k].tmp, plans[k])
			}
			if undoErr != nil {
				// The journals stay, for the next build to finish or undo.
				return fmt.Errorf("could not move the built files into place (%v), nor put back the ones already moved (%v); the next build into %s will repair it", plainErr(err), plainErr(undoErr), roots[k].dest)
			}
		}
		s.discard()
		return fmt.Errorf("could not move the built files into place: %v; the output was left as it was", plainErr(err))
	}

	// Every move is made: removing the journals is the commit's point of no
	// return, after which the staging folders are only clutter.
	for i, r := range roots {
		if r.created {
			continue
		}
		os.Remove(filepath.Join(r.tmp, journalName))
		os.RemoveAll(r.tmp)
		for _, d := range plans[i].Dirs {
			os.Remove(filepath.Join(r.dest, filepath.FromSlash(d))) // fails, harmlessly, when not empty
		}
	}
	return nil
}

// plan lists the moves that put the staged files in place: new meeting
// folders whole, then files one by one, then removals, the marker last.
// With prune, every file in dest this build did not write is removed;
// removeAlso lists more files to remove.
func (r *stageRoot) plan(prune bool, removeAlso []string) (*journal, error) {
	j := &journal{}
	paths := make([]string, 0, len(r.files))
	for p := range r.files {
		if !r.kept[p] && p != marker {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	whole := map[string]bool{}   // meeting folders moved whole
	checked := map[string]bool{} // meeting folders the output already has
	for _, p := range paths {
		top, _, nested := strings.Cut(p, "/")
		if nested && whole[top] {
			continue
		}
		if nested && !checked[top] {
			if _, err := os.Lstat(filepath.Join(r.dest, top)); os.IsNotExist(err) {
				whole[top] = true
				j.Whole = append(j.Whole, top)
				continue
			}
			checked[top] = true
		}
		j.Place = append(j.Place, placement{Path: p, Had: exists(filepath.Join(r.dest, filepath.FromSlash(p)))})
	}
	if prune {
		var dirs []string
		err := filepath.WalkDir(r.dest, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(r.dest, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if strings.HasPrefix(d.Name(), stagingPrefix) {
					return filepath.SkipDir // this build's staging folder
				}
				if rel != "." {
					dirs = append(dirs, rel)
				}
				return nil
			}
			if rel == marker || rel == insideLock || r.files[rel] {
				return nil
			}
			j.Remove = append(j.Remove, rel)
			return nil
		})
		if err != nil {
			return nil, err
		}
		// Deepest first, so a folder emptied by its children goes too.
		sort.SliceStable(dirs, func(i, k int) bool { return len(dirs[i]) > len(dirs[k]) })
		j.Dirs = dirs
	}
	for _, rel := range removeAlso {
		if !r.files[rel] && exists(filepath.Join(r.dest, filepath.FromSlash(rel))) {
			j.Remove = append(j.Remove, rel)
			if i := strings.LastIndex(rel, "/"); i >= 0 {
				j.Dirs = append(j.Dirs, rel[:i])
			}
		}
	}
	j.Place = append(j.Place, placement{Path: marker, Had: exists(filepath.Join(r.dest, marker))})
	return j, nil
}

// forward makes the journal's moves that have not been made yet, in order:
// it is the commit, and it finishes a commit a killed build began.
func forward(dest, tmp string, j *journal) error {
	for _, top := range j.Whole {
		if src := filepath.Join(tmp, top); exists(src) {
			if err := rename(src, filepath.Join(dest, top)); err != nil {
				return err
			}
		}
	}
	last := len(j.Place) - 1 // the marker
	for i := 0; i < last; i++ {
		if err := place(dest, tmp, j.Place[i]); err != nil {
			return err
		}
	}
	for _, rel := range j.Remove {
		dst, old := inDest(dest, rel), inOld(tmp, rel)
		if exists(dst) && !exists(old) {
			if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
				return err
			}
			if err := rename(dst, old); err != nil {
				return err
			}
		}
	}
	if last >= 0 {
		return place(dest, tmp, j.Place[last])
	}
	return nil
}

// place moves one staged file into place, first keeping the file it
// replaces in oldName. The old file is kept by a hard link where the file
// system has them, so the published file is never missing, even for a
// moment; elsewhere it is moved.
func place(dest, tmp string, p placement) error {
	src, dst, old := filepath.Join(tmp, filepath.FromSlash(p.Path)), inDest(dest, p.Path), inOld(tmp, p.Path)
	if p.Had && !exists(old) && exists(dst) {
		if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
			return err
		}
		if err := link(dst, old); err != nil {
			if err := rename(dst, old); err != nil {
				return err
			}
		}
	}
	if exists(src) {
		return rename(src, dst)
	}
	return nil
}

// undo puts back what forward moved, in reverse order, so the output is as
// it was before the commit. Like forward, it tells from the files which
// moves were made, so it may be run again after it was stopped.
func undo(dest, tmp string, j *journal) error {
	var firstErr error
	keep := func(err error) {
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	for i := len(j.Place) - 1; i >= 0; i-- {
		p := j.Place[i]
		src, dst, old := filepath.Join(tmp, filepath.FromSlash(p.Path)), inDest(dest, p.Path), inOld(tmp, p.Path)
		switch {
		case !exists(src) && exists(old):
			keep(rename(old, dst)) // placed: the old file back over it
		case !exists(src):
			if err := os.Remove(dst); err != nil && !os.IsNotExist(err) { // placed where there was none
				keep(err)
			}
		case exists(old) && !exists(dst):
			keep(rename(old, dst)) // moved aside, not yet replaced
		}
	}
	for i := len(j.Remove) - 1; i >= 0; i-- {
		dst, old := inDest(dest, j.Remove[i]), inOld(tmp, j.Remove[i])
		if exists(old) && !exists(dst) {
			keep(rename(old, dst))
		}
	}
	for i := len(j.Whole) - 1; i >= 0; i-- {
		src, dst := filepath.Join(tmp, j.Whole[i]), filepath.Join(dest, j.Whole[i])
		if !exists(src) && exists(dst) {
			keep(rename(dst, src))
		}
	}
	return firstErr
}

func inDest(dest, rel string) string { return filepath.Join(dest, filepath.FromSlash(rel)) }
func inOld(tmp, rel string) string   { return filepath.Join(tmp, oldName, filepath.FromSlash(rel)) }

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// writeJournal writes j into the staging folder tmp whole or not at all (a
// journal half written would list half the moves).
func writeJournal(tmp string, j *journal) error {
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	part := filepath.Join(tmp, journalName+".part")
	if err := os.WriteFile(part, b, 0o644); err != nil {
		return err
	}
	return os.Rename(part, filepath.Join(tmp, journalName))
}

// readJournal reads a staging folder's journal; os.IsNotExist when it has
// none (the build that made it stopped before it moved anything).
func readJournal(tmp string) (*journal, error) {
	b, err := os.ReadFile(filepath.Join(tmp, journalName))
	if err != nil {
		return nil, err
	}
	j := &journal{}
	if err := json.Unmarshal(b, j); err != nil {
		return nil, err
	}
	// A journal names files in the output folder and nowhere else.
	all := append(append(append([]string{}, j.Whole...), j.Remove...), j.Dirs...)
	for _, p := range j.Place {
		all = append(all, p.Path)
	}
	for _, p := range all {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			return nil, fmt.Errorf("it names %q, outside the folder", p)
		}
	}
	return j, nil
}

// repair finishes, or else undoes, a commit a killed build left half done
// in the output folder dest, and removes the staging folders of builds
// that stopped before their commit. It runs with dest locked, so every
// staging folder it finds is a stopped build's.
func repair(dest string, note func(string)) error {
	leftovers := 0
	entries, err := os.ReadDir(dest)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	_, markErr := os.Stat(filepath.Join(dest, marker))
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), stagingPrefix) {
			continue
		}
		tmp := filepath.Join(dest, e.Name())
		j, err := readJournal(tmp)
		switch {
		case os.IsNotExist(err):
			if markErr != nil {
				continue // not boardpaper's output folder: not ours to clear
			}
			leftovers++
		case err != nil:
			return fmt.Errorf("an earlier build into %s was stopped while it moved its files into place, and its list of moves, %s, cannot be read (%v): put the output folder back from a copy, or remove it and build again", dest, filepath.Join(tmp, journalName), err)
		default:
			if ferr := forward(dest, tmp, j); ferr == nil {
				note(fmt.Sprintf("an earlier build into %s was stopped while it moved its files into place; its remaining files have now been moved, so %s is whole again, as that build made it", dest, dest))
			} else if uerr := undo(dest, tmp, j); uerr == nil {
				note(fmt.Sprintf("an earlier build into %s was stopped while it moved its files into place, and the rest could not be moved (%v); %s has been put back as it was before that build", dest, plainErr(ferr), dest))
			} else {
				return fmt.Errorf("an earlier build into %s was stopped while it moved its files into place, and it can neither be finished (%v) nor undone (%v); fix the cause and build again", dest, plainErr(ferr), plainErr(uerr))
			}
			os.Remove(filepath.Join(tmp, journalName))
			for _, d := range j.Dirs {
				os.Remove(inDest(dest, d))
			}
		}
		if err := os.RemoveAll(tmp); err != nil {
			return err
		}
	}
	// A first build's staging folder, beside the output folder.
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	beside, err := os.ReadDir(filepath.Dir(abs))
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	prefix := "." + filepath.Base(abs) + stagingPrefix
	for _, e := range beside {
		if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
			if err := os.RemoveAll(filepath.Join(filepath.Dir(abs), e.Name())); err != nil {
				return err
			}
			leftovers++
		}
	}
	if leftovers > 0 {
		note(fmt.Sprintf("removed the unfinished files of %d earlier build(s) into %s that stopped before they published anything", leftovers, dest))
	}
	return nil
}

// plainErr words a failed move for an author: the operation and both
// paths of a rename are the build's business, the reason and the file
// theirs.
func plainErr(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return fmt.Errorf("%s: %v", le.New, le.Err)
	}
	return err
}

// discard removes the staging folders, leaving the output untouched, and
// lets the output folders go to other builds.
func (s *stage) discard() {
	for _, r := range s.roots {
		os.RemoveAll(r.tmp)
	}
	s.release()
}

// release lets the output folders go to other builds.
func (s *stage) release() {
	for i := len(s.unlocks) - 1; i >= 0; i-- {
		s.unlocks[i]()
	}
	s.unlocks = nil
}
