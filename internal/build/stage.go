package build

import (
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

// stage collects a build's files in a temporary folder beside their
// destination and moves them into place only when the whole build has
// succeeded: a failed build leaves the previous output exactly as it was.
type stage struct {
	mu    sync.Mutex
	roots map[string]*stageRoot // "" for the public output, "exempt" for --exempt-out
}

type stageRoot struct {
	dest string
	// created says dest did not exist before this build: its files are
	// then staged in a folder beside it (tmp), which becomes dest in one
	// rename. Otherwise tmp is inside dest, and each file or new meeting
	// folder is renamed into place.
	created bool
	tmp     string
	files   map[string]bool // slash-separated, relative to dest
	kept    map[string]bool // files of the previous build kept as they are
	dirs    map[string]bool // staging folders made so far
}

func newStage(public, exempt string) (*stage, error) {
	s := &stage{roots: map[string]*stageRoot{}}
	for name, dest := range map[string]string{"": public, "exempt": exempt} {
		if dest == "" {
			continue
		}
		if err := checkOwned(dest); err != nil {
			s.discard()
			return nil, err
		}
		_, statErr := os.Stat(dest)
		created := os.IsNotExist(statErr)
		in, prefix := dest, ".staging-"
		if created {
			in, prefix = filepath.Dir(dest), "."+filepath.Base(dest)+".staging-"
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
	if len(entries) == 0 {
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

// has says whether the build wrote or kept the public file rel.
func (s *stage) has(rel string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.roots[""].files[rel]
}

// commit moves every staged file into place and writes the public
// folder's marker (the manifest). When prune is set (a build of the whole
// project) every other file in the output folders is removed, so that
// nothing renamed, withdrawn or newly made exempt stays published; on a
// build of some papers, stale (public files the last build wrote for
// them) are.
func (s *stage) commit(prune bool, stale []string, manifest []byte) error {
	names := make([]string, 0, len(s.roots))
	for name := range s.roots {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		r := s.roots[name]
		mark := []byte("This folder is written by boardpaper; files it did not write are removed.\n")
		if name == "" {
			mark = manifest
		}
		if r.created {
			// A new output folder is the staging folder, renamed: nothing
			// to move file by file, and nothing to prune.
			if err := os.WriteFile(filepath.Join(r.tmp, marker), mark, 0o644); err != nil {
				return err
			}
			if err := os.Chmod(r.tmp, 0o755); err != nil {
				return err
			}
			if err := os.Rename(r.tmp, r.dest); err != nil {
				return err
			}
			continue
		}
		paths := make([]string, 0, len(r.files))
		for p := range r.files {
			if !r.kept[p] {
				paths = append(paths, p)
			}
		}
		sort.Strings(paths)
		if err := r.moveIntoPlace(paths); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(r.dest, marker), mark, 0o644); err != nil {
			return err
		}
		if err := os.RemoveAll(r.tmp); err != nil {
			return err
		}
		if prune {
			if err := r.prune(); err != nil {
				return err
			}
		} else if name == "" {
			if err := r.remove(stale); err != nil {
				return err
			}
		}
	}
	return nil
}

// moveIntoPlace renames each staged file to its destination. A meeting
// folder the output does not have yet (a first build, a new meeting) is
// renamed whole: one rename instead of one a file.
func (r *stageRoot) moveIntoPlace(paths []string) error {
	whole := map[string]bool{}   // meeting folders renamed whole
	checked := map[string]bool{} // meeting folders the output already has
	ready := map[string]bool{}   // destination folders known to exist
	for _, p := range paths {
		top, _, nested := strings.Cut(p, "/")
		if nested && whole[top] {
			continue
		}
		if nested && !checked[top] {
			dst := filepath.Join(r.dest, top)
			if _, err := os.Lstat(dst); os.IsNotExist(err) {
				if err := os.Rename(filepath.Join(r.tmp, top), dst); err != nil {
					return err
				}
				whole[top] = true
				continue
			}
			checked[top] = true
		}
		dst := filepath.Join(r.dest, filepath.FromSlash(p))
		if dir := filepath.Dir(dst); !ready[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			ready[dir] = true
		}
		if err := os.Rename(filepath.Join(r.tmp, filepath.FromSlash(p)), dst); err != nil {
			return err
		}
	}
	return nil
}

// prune removes files the build did not write, and folders left empty.
func (r *stageRoot) prune() error {
	var dirs []string
	err := filepath.WalkDir(r.dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(r.dest, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".staging-") {
				// Another build's staging area, or a crashed one's: not ours.
				return filepath.SkipDir
			}
			if rel != "." {
				dirs = append(dirs, p)
			}
			return nil
		}
		if rel == marker || r.files[rel] {
			return nil
		}
		return os.Remove(p)
	})
	if err != nil {
		return err
	}
	// Deepest first, so a folder emptied by its children goes too.
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
	for _, d := range dirs {
		os.Remove(d) // fails, harmlessly, when the folder is not empty
	}
	return nil
}

// remove deletes the files rel (slash-separated) and then their folders
// if that left them empty.
func (r *stageRoot) remove(rels []string) error {
	for _, rel := range rels {
		p := filepath.Join(r.dest, filepath.FromSlash(rel))
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
		os.Remove(filepath.Dir(p)) // fails, harmlessly, when not empty
	}
	return nil
}

// discard removes the staging folders, leaving the output untouched.
func (s *stage) discard() {
	for _, r := range s.roots {
		os.RemoveAll(r.tmp)
	}
}
