package publish

import (
	"os"
	"path/filepath"
	"sync"
)

// A Sink is where a build's files go: Disk, the output folders, for
// boardpaper build, or Memory, for serve's preview. Paths are
// slash-separated and relative to the output folder
// ("2013-03-13-executive-board/looked-after-children.html"), under
// "exempt/" for the full versions of exempt papers (--exempt-out).
//
// A sink holds one build at a time, from Begin to Commit or Discard, and
// keeps the last committed build's files, so that a paper unchanged since
// is kept rather than made again. Write and Keep may be called from
// several goroutines at once.
type Sink interface {
	// Begin starts a build, and returns what the last committed build
	// recorded of itself for the next (nil when there is none). note,
	// when not nil, is told in plain words of anything the sink does
	// beyond taking files (waiting for another build, a repair).
	Begin(note func(string)) (record []byte, err error)
	// Write takes one of this build's files.
	Write(path string, data []byte) error
	// Size returns the size of the last build's file path, when it is
	// still there.
	Size(path string) (int64, bool)
	// Keep makes the last build's file path one of this build's, as it
	// is.
	Keep(path string) error
	// Commit publishes this build's files in place of the last build's,
	// with record, for the next build to Begin with. prune says the build
	// was of the whole project: a last build's file it neither wrote nor
	// kept is removed. Without it only stale is removed (on a build of
	// some papers, what the last build wrote for them and this one did
	// not).
	Commit(record []byte, prune bool, stale []string) error
	// Discard ends the build and leaves the last build as it was.
	Discard()
}

// Disk is a Sink that writes into the public output folder and, for
// --exempt-out, a folder of its own. Files are staged beside their
// destination and moved into place only by Commit, so a failed build
// changes nothing; while a build runs, the folders are locked against
// other builds (see stage.go). Run makes one when Options.Sink is nil.
type Disk struct {
	out, exemptOut string
	stage          *stage
}

// newDisk makes a Disk for the output folder out and, when not empty, the
// folder exemptOut.
func newDisk(out, exemptOut string) *Disk { return &Disk{out: out, exemptOut: exemptOut} }

// Begin locks the output folders, repairs what a build stopped while it
// published left behind, and reads the record of the last build.
func (d *Disk) Begin(note func(string)) ([]byte, error) {
	s, err := newStage(d.out, d.exemptOut, note)
	if err != nil {
		return nil, err
	}
	d.stage = s
	record, err := os.ReadFile(filepath.Join(d.out, marker))
	if err != nil {
		return nil, nil // a first build, or the record is gone: build everything
	}
	return record, nil
}

func (d *Disk) Write(path string, data []byte) error { return d.stage.write(path, data) }

func (d *Disk) Size(path string) (int64, bool) {
	info, err := os.Stat(filepath.Join(d.out, filepath.FromSlash(path)))
	if err != nil {
		return 0, false
	}
	return info.Size(), true
}

func (d *Disk) Keep(path string) error {
	d.stage.keep(path)
	return nil
}

func (d *Disk) Commit(record []byte, prune bool, stale []string) error {
	return d.stage.commit(prune, stale, record)
}

func (d *Disk) Discard() { d.stage.discard() }

// Memory is a Sink that keeps the files in memory (serve's preview: a
// save rebuilds the saved paper, its meeting's pack and the index, and
// keeps the rest). The zero value is empty.
type Memory struct {
	mu     sync.Mutex
	record []byte
	last   map[string][]byte // the last committed build's files
	files  map[string][]byte // this build's, or the last build's when it has ended
}

func (m *Memory) Begin(func(string)) ([]byte, error) {
	m.files = map[string][]byte{}
	return m.record, nil
}

func (m *Memory) Write(path string, data []byte) error {
	m.mu.Lock()
	m.files[path] = data
	m.mu.Unlock()
	return nil
}

func (m *Memory) Size(path string) (int64, bool) {
	data, ok := m.last[path]
	return int64(len(data)), ok
}

func (m *Memory) Keep(path string) error { return m.Write(path, m.last[path]) }

// Commit makes this build's files the last build's: a file it did not
// write or keep is gone, whether or not the build was of the whole
// project.
func (m *Memory) Commit(record []byte, _ bool, _ []string) error {
	m.record, m.last = record, m.files
	return nil
}

func (m *Memory) Discard() {}

// Files returns the files of the build last run into m: all of them when
// it was committed; when it was discarded, those it had written or kept
// by then. The map is not changed afterwards.
func (m *Memory) Files() map[string][]byte { return m.files }
