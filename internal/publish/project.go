package publish

import (
	"bytes"
	"os"
	"sort"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
)

// projectPaper is one paper of the project as a build first reads it: its
// front matter, for the meeting folders' names, the index, the packs and
// the incremental key of a paper not built again. Its body is not kept: a
// build holds every paper's projectPaper at once.
type projectPaper struct {
	path  string
	paper *project.Paper // front matter only; nil when it does not read
	err   error          // why paper is nil
	// appendices says the paper's file has a heading marked .appendix
	// in it (or at least the word): only then may it have appendices.
	appendices bool
}

// projectIndex is what a build knows of the whole project before it
// builds any paper.
type projectIndex struct {
	papers  []*projectPaper // every templates/*.md and each paper asked for, by path
	byPath  map[string]*projectPaper
	folders map[folderKey]string // see folderNames
	notes   []string             // see folderNames
}

// paper returns what the build first read of the paper path; nil when it
// did not read it (or ix is nil).
func (ix *projectIndex) paper(path string) *projectPaper {
	if ix == nil {
		return nil
	}
	return ix.byPath[path]
}

// readProject reads every paper's front matter, and the papers asked for
// (paths) that are not among them. A paper that cannot be read is left
// for its build, or its place in the index, to report.
func readProject(o Options, paths []string) (*projectIndex, error) {
	all, err := project.Templates(o.Root, nil)
	if err != nil {
		return nil, err
	}
	ix := &projectIndex{byPath: map[string]*projectPaper{}}
	for _, path := range append(all, paths...) {
		if ix.byPath[path] == nil {
			pp := &projectPaper{path: path}
			ix.byPath[path] = pp
			ix.papers = append(ix.papers, pp)
		}
	}
	sort.Slice(ix.papers, func(i, j int) bool { return ix.papers[i].path < ix.papers[j].path })
	// On every processor: this is the reading an unchanged paper's key
	// needs, done here instead.
	pipeline.Parallel(o.Workers, len(ix.papers), func(i int) {
		pp := ix.papers[i]
		full, err := project.Resolve(o.Root, pp.path)
		if err != nil {
			pp.err = diag.Errorf(pp.path, 0, 0, "%v", err)
			return
		}
		src, err := os.ReadFile(full)
		if err != nil {
			pp.err = diag.Errorf(pp.path, 0, 0, "%v", err)
			return
		}
		pp.paper, pp.err = project.ParseFront(pp.path, src)
		pp.appendices = bytes.Contains(src, []byte(".appendix"))
	})
	ix.folders, ix.notes = folderNames(ix.papers)
	return ix, nil
}
