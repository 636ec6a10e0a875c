package publish

import (
	"sync"

	"github.com/boardpaper/boardpaper/internal/pdf"
)

// output is a build's side of its sink: what it wrote and kept, with their
// sizes (for the index and the manifest), the packs' keys, and the
// layouts of the papers' PDFs, until their packs place them.
type output struct {
	sink Sink
	mu   sync.Mutex
	// sizes holds every file written or kept, by path.
	sizes map[string]int64
	// packKeys records each pack written or kept, for the manifest.
	packKeys map[string]string
	// layouts holds each public paper's PDF layout, by template path.
	layouts map[string]*pdf.LaidOut
	// left lists the packs left as they were (see leavePack).
	left []LeftPack
}

func (w *output) write(rel string, data []byte) error {
	if err := w.sink.Write(rel, data); err != nil {
		return err
	}
	w.mu.Lock()
	w.sizes[rel] = int64(len(data))
	w.mu.Unlock()
	return nil
}

// keep makes a file of the last build part of this one.
func (w *output) keep(rel string, size int64) error {
	if err := w.sink.Keep(rel); err != nil {
		return err
	}
	w.mu.Lock()
	w.sizes[rel] = size
	w.mu.Unlock()
	return nil
}

// had says whether the last build's file rel is still there, of the size
// recorded.
func (w *output) had(rel string, size int64) bool {
	got, ok := w.sink.Size(rel)
	return ok && got == size
}

// keepLayout holds a paper's PDF layout for its meeting's pack, so the
// pack places the pages as they are instead of reading and laying out the
// paper again.
func (w *output) keepLayout(path string, l *pdf.LaidOut) {
	w.mu.Lock()
	w.layouts[path] = l
	w.mu.Unlock()
}

// takeLayout returns a paper's layout, if it was kept, and forgets it: a
// paper is in one pack.
func (w *output) takeLayout(path string) *pdf.LaidOut {
	w.mu.Lock()
	defer w.mu.Unlock()
	l := w.layouts[path]
	delete(w.layouts, path)
	return l
}

// keepPack keeps a meeting's unchanged pack.
func (w *output) keepPack(dir, key string, size int64) error {
	if err := w.keep(dir+"/"+packName, size); err != nil {
		return err
	}
	w.recordPack(dir, key)
	return nil
}

// recordPack notes the key of a pack written or kept, for the manifest.
func (w *output) recordPack(dir, key string) {
	w.mu.Lock()
	w.packKeys[dir] = key
	w.mu.Unlock()
}

// leavePack leaves a meeting's pack as the last build wrote it (key, as
// last recorded; none when the meeting has no pack yet), because another
// paper of the meeting does not build, and notes it for the build's
// caller.
func (w *output) leavePack(dir, key string, why *otherPaperError) error {
	rel := dir + "/" + packName
	kept := false
	if size, ok := w.sink.Size(rel); ok && key != "" {
		if err := w.keepPack(dir, key, size); err != nil {
			return err
		}
		kept = true
	}
	w.mu.Lock()
	w.left = append(w.left, LeftPack{Pack: rel, Kept: kept, Paper: why.path, Err: why.err})
	w.mu.Unlock()
	return nil
}
