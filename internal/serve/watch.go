package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// quiet is how long Watch waits after a change before it builds, so that
// an editor's several writes of one save make one build.
const quiet = 100 * time.Millisecond

// Watch builds the project, then builds it again whenever anything under
// templates/, data/ or images/ changes, until ctx ends; it returns once no build
// is running.
//
// Builds run apart from the watching: a change during a build is noted
// and built once that build ends (any number of changes, one more build),
// so no save is lost however long a build takes, and pages are served
// from the last build meanwhile.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err == nil {
		defer w.Close()
		// The folders are watched before the first build reads them, so
		// that a save during it is built after it.
		if err = w.Add(s.opts.Root); err == nil {
			for _, dir := range watchedDirs {
				addTree(w, filepath.Join(s.opts.Root, dir))
			}
		}
	}
	due := make(chan struct{}, 1)
	want := func() {
		select {
		case due <- struct{}{}:
		default: // a build is already due: it will see this change too
		}
	}
	want()
	built := make(chan struct{})
	go func() {
		defer close(built)
		for {
			select {
			case <-ctx.Done():
				return
			case <-due:
				if ctx.Err() != nil {
					return
				}
				s.Rebuild()
			}
		}
	}()
	defer func() { <-built }()
	if err != nil {
		err = fmt.Errorf("cannot watch the project for saves (%v): restart boardpaper serve to see changes", err)
		s.opts.Log("%v", err)
		<-ctx.Done()
		return err
	}

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !s.watched(ev.Name) {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name)
				}
			}
			timer.Reset(quiet)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// Changes may have been missed (the kernel's queue overflowed):
			// build anyway.
			s.opts.Log("watching: %v", err)
			timer.Reset(quiet)
		case <-timer.C:
			want()
		}
	}
}

// watchedDirs are the folders whose files papers are made from: their
// templates and layouts, snapshots, and pictures (images/, where the
// format's reference keeps them; a picture kept elsewhere is seen at the
// next save of its paper).
var watchedDirs = []string{"templates", "data", "images"}

// watched says whether a change to name can change the papers: anything
// under watchedDirs, and those folders themselves (made, removed or
// renamed); not the rest of the project folder, such as the output a
// build on disk writes.
func (s *Server) watched(name string) bool {
	rel, err := filepath.Rel(s.opts.Root, name)
	if err != nil {
		return true
	}
	top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return slices.Contains(watchedDirs, top)
}

func addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.Add(p)
		}
		return nil
	})
}
