package pipeline

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
)

// Checked is one paper read through to its full document, as boardpaper
// check reads it.
type Checked struct {
	Path  string // its template
	Input *Inputs
	Doc   *model.Document
	// Positions are where Doc's elements were written.
	Positions diag.Positions
	Err       error
}

// Check reads the papers (every templates/*.md when paths is empty)
// through to their full documents, as a build would, and reports every
// error a build would report, the papers' errors gathered into one
// diag.List, writing nothing. data is as for Load.
func Check(root string, paths []string, data string) ([]*Checked, error) {
	paths, err := project.Templates(root, paths)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no papers to build: templates/*.md is empty")
	}
	results := make([]*Checked, len(paths))
	Parallel(0, len(paths), func(i int) {
		c := &Checked{Path: paths[i]}
		results[i] = c
		if c.Input, c.Err = Load(root, paths[i], data); c.Err != nil {
			return
		}
		doc, err := Document(root, c.Input)
		if err == nil {
			err = Uncovered(doc, c.Input)
		}
		if c.Err = err; err == nil {
			c.Doc, c.Positions = doc, c.Input.positions // what a paper that builds is checked on
		}
	})
	var errs diag.List
	for _, r := range results {
		errs.Add(r.Err)
	}
	errs.Sort()
	return results, errs.Err()
}

// Parallel runs job(0) … job(n-1) on a bounded pool of workers (one per
// processor when workers is 0).
func Parallel(workers, n int, job func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				job(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
