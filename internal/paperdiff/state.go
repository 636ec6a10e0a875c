package paperdiff

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
)

// Report is what the papers of one state of a project say against
// another's.
type Report struct {
	Old, New string // the states' names: "HEAD", "the working tree", a file
	// Papers are those that read differently, by template.
	Papers []Paper
	// Same counts the papers built in both states that read the same;
	// Untouched those not built, their files being the same in both.
	Same, Untouched int
	// Full is set when full versions were compared (exempt material
	// included and marked).
	Full bool
	// NoReaders is set when no paper reads either of two snapshots
	// compared.
	NoReaders bool
	// Figures are the pairs of snapshots the changed papers read, in
	// figures-only mode.
	Figures []FigurePair
}

// FigurePair is a snapshot as one state has it and as the other does.
type FigurePair struct{ Old, New *project.Snapshot }

// Changed reports whether anything reads differently.
func (r *Report) Changed() bool { return len(r.Papers) > 0 }

// Options say what to compare.
type Options struct {
	// Full compares the full versions, exempt material included; else
	// the public versions.
	Full bool
	// Figures builds nothing: it pairs the snapshots the papers read.
	Figures bool
	// Only limits the comparison to these templates.
	Only []string
}

// Snapshots compares, for every paper of the project at root that reads
// the snapshot old or new, the paper built with old against the paper
// built with new. A problem in a paper or snapshot is returned as a
// diag.List beside the report of the papers that built.
func Snapshots(root string, old, new *project.Snapshot, o Options) (*Report, error) {
	r := &Report{Old: old.Path, New: new.Path, Full: o.Full}
	paths, err := project.Templates(root, o.Only)
	if err != nil {
		return nil, err
	}
	var problems diag.List
	reads := func(p string) bool { return samePath(p, old.Path) || samePath(p, new.Path) }
	var affected []string
	for _, p := range paths {
		src, err := readFile(root, p)
		if err != nil {
			problems.Add(diag.Errorf(p, 0, 0, "%v", err))
			continue
		}
		front, err := project.ParseFront(p, src)
		if err != nil {
			problems.Add(err)
			continue
		}
		for _, ref := range front.Data {
			if reads(ref.Path) {
				affected = append(affected, p)
				break
			}
		}
	}
	r.NoReaders = len(affected) == 0
	results := make([]built, len(affected))
	pipeline.Parallel(0, len(affected), func(i int) {
		res := &results[i]
		res.path = affected[i]
		in, err := pipeline.Load(root, affected[i], "")
		if err != nil {
			res.newErr = err
			return
		}
		// The paper's template is read once and expanded with each.
		for k, snap := range []*project.Snapshot{old, new} {
			with := *in
			with.Data = swapped(in.Data, reads, snap)
			doc, err := pipeline.Document(root, &with)
			if err != nil {
				res.newErr = err
				return
			}
			if k == 0 {
				res.old = doc
			} else {
				res.new = doc
			}
		}
	})
	r.gather(results, &problems)
	return r, problems.Err()
}

// samePath reports whether two slash-separated paths name one file of
// the project.
func samePath(a, b string) bool {
	return path.Clean(filepath.ToSlash(a)) == path.Clean(filepath.ToSlash(b))
}

// swapped is a paper's snapshots with those that match replaced by s
// (under the paper's own names for them).
func swapped(set *project.DataSet, match func(string) bool, s *project.Snapshot) *project.DataSet {
	out := &project.DataSet{}
	for _, x := range set.Snapshots {
		if match(x.Path) {
			c := *s
			c.Name = x.Name
			x = &c
		}
		out.Snapshots = append(out.Snapshots, x)
	}
	return out
}

func readFile(root, rel string) ([]byte, error) {
	full, err := project.Resolve(root, rel)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(full)
}

// built is one paper built in the two states: a nil document where the
// paper is not in that state (or oldErr, newErr say why it did not build).
type built struct {
	path           string
	old, new       *model.Document
	oldErr, newErr error
	// oldFront is a removed paper's front matter, which names it.
	oldFront *project.Paper
}

// gather compares what was built into the report, in the order of the
// templates' paths; problems in the new state go to problems.
func (r *Report) gather(results []built, problems *diag.List) {
	sort.Slice(results, func(i, j int) bool { return results[i].path < results[j].path })
	for _, b := range results {
		if b.newErr != nil {
			problems.Add(b.newErr)
			continue
		}
		if p, ok := r.compare(b); ok {
			r.Papers = append(r.Papers, p)
		}
	}
}

// version is the document a report compares: the full one, or what the
// public sees (nil for a paper exempt as a whole).
func (r *Report) version(d *model.Document) *model.Document {
	if d == nil || r.Full {
		return d
	}
	pub, err := pipeline.Public(d)
	if err != nil {
		return nil
	}
	return pub
}

// compare says what happened to one paper; ok is false when there is
// nothing to say (it reads the same, or it is exempt in both states and
// only public versions are compared).
func (r *Report) compare(b built) (Paper, bool) {
	name := func(d *model.Document) Paper {
		return Paper{Path: b.path, Slug: d.Meta.Slug, Title: d.Meta.Title, Full: r.Full}
	}
	newV := r.version(b.new)
	switch {
	case b.new == nil && b.oldFront != nil:
		if b.oldFront.Exempt && !r.Full {
			return Paper{}, false
		}
		return Paper{Path: b.path, Slug: b.oldFront.Slug, Title: b.oldFront.Subject, Status: Removed, Full: r.Full}, true
	case b.new == nil:
		return Paper{}, false
	case b.old == nil && b.oldErr == nil:
		if newV == nil {
			return Paper{}, false
		}
		p := name(b.new)
		p.Status = Added
		return p, true
	case b.oldErr != nil:
		if newV == nil {
			return Paper{}, false
		}
		p := name(b.new)
		p.Status = BrokenBefore
		return p, true
	}
	oldV := r.version(b.old)
	switch {
	case oldV == nil && newV == nil:
		return Paper{}, false
	case newV == nil:
		p := name(b.old)
		p.Status = MadeExempt
		return p, true
	case oldV == nil:
		p := name(b.new)
		p.Status = MadePublic
		return p, true
	}
	p := Compare(b.path, oldV, newV, r.Full)
	if !p.Changed() {
		r.Same++
		return Paper{}, false
	}
	return p, true
}

// CompareRevision compares the papers of the project in the working
// folder (its root) as they were at a git revision with the papers as
// they are now. Only the papers whose files differ between the two are
// built: template, layout, snapshots and logo are compared by git's
// hashes, without reading the revision's copies of those that are the
// same. The revision's copies of the files the papers need are written
// into a temporary folder, removed before it returns.
func CompareRevision(rev *Revision, o Options) (*Report, error) {
	const root = "."
	r := &Report{Old: rev.Name, New: "the working tree", Full: o.Full}
	plans, err := planRevision(root, rev, o.Only)
	if err != nil {
		return nil, err
	}
	var build []*plan
	var need []string
	for _, p := range plans {
		if p.old != nil && p.new != nil && p.old.key == p.new.key {
			r.Untouched++
			continue
		}
		build = append(build, p)
		if p.old != nil && (p.new != nil || o.Figures) {
			need = append(need, p.old.files...)
		}
	}
	tmp, err := os.MkdirTemp("", "boardpaper-diff-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := rev.materialise(tmp, need); err != nil {
		return nil, err
	}
	if o.Figures {
		return r, r.pairFigures(root, tmp, rev, build)
	}
	var problems diag.List
	results := make([]built, len(build))
	pipeline.Parallel(0, len(build), func(i int) {
		p, res := build[i], &results[i]
		res.path = p.path
		if p.new == nil {
			res.oldFront = p.old.front
			return
		}
		res.new, res.newErr = buildDoc(root, p.path)
		if p.old != nil {
			res.old, res.oldErr = buildDoc(tmp, p.path)
		}
	})
	r.gather(results, &problems)
	return r, problems.Err()
}

func buildDoc(root, path string) (*model.Document, error) {
	in, err := pipeline.Load(root, path, "")
	if err != nil {
		return nil, err
	}
	return pipeline.Document(root, in)
}

// plan is one paper in the two states (nil where it is not).
type plan struct {
	path     string
	old, new *side
}

// side is a paper in one state: its front matter (nil when it does not
// read), the files it is built from and their key, the files' paths and
// hashes in one string.
type side struct {
	tmpl  string // the template's hash
	front *project.Paper
	files []string
	refs  []ref // its snapshots
	key   string
}

type ref struct{ path, hash string }

// planRevision lists the papers of either state, each with its files.
func planRevision(root string, rev *Revision, only []string) ([]*plan, error) {
	paths, err := project.Templates(root, only)
	if err != nil {
		return nil, err
	}
	if len(only) == 0 {
		for p := range rev.files {
			if dir, name := path.Split(p); dir == "templates/" && strings.HasSuffix(name, ".md") {
				paths = append(paths, p)
			}
		}
	}
	sort.Strings(paths)
	paths = slices.Compact(paths)
	// The working tree's side of each paper is read on every processor;
	// the revision's, through the one git process, in turn.
	news := make([]*side, len(paths))
	errs := make([]error, len(paths))
	hashes := &fileHashes{m: map[string]string{}}
	pipeline.Parallel(0, len(paths), func(i int) {
		src, err := readFile(root, paths[i])
		if err == nil {
			news[i] = newSide(root, paths[i], src, rev, hashes)
		} else if !errors.Is(err, fs.ErrNotExist) && !strings.Contains(err.Error(), "not found") {
			errs[i] = diag.Errorf(paths[i], 0, 0, "%v", err)
		}
	})
	var plans []*plan
	for i, p := range paths {
		if errs[i] != nil {
			return nil, errs[i]
		}
		pl := &plan{path: p, new: news[i]}
		var err error
		pl.old, err = oldSide(p, rev, pl.new)
		if err != nil {
			return nil, err
		}
		if pl.old != nil || pl.new != nil {
			plans = append(plans, pl)
		}
	}
	return plans, nil
}

// fileHashes are the working tree's files' git hashes, each found once
// however many papers read the file.
type fileHashes struct {
	mu sync.Mutex
	m  map[string]string
}

// layoutFile is where a project keeps a layout of its own.
func layoutFile(name string) string { return "templates/layouts/" + name + ".yaml" }

// newSide reads a paper as the working tree has it.
func newSide(root, p string, src []byte, rev *Revision, hashes *fileHashes) *side {
	s := &side{files: []string{p}, tmpl: rev.hashOf(src)}
	key := []string{p + ":" + s.tmpl}
	hashOf := func(rel string) string {
		hashes.mu.Lock()
		h, ok := hashes.m[rel]
		hashes.mu.Unlock()
		if !ok {
			h = "missing"
			if b, err := readFile(root, rel); err == nil {
				h = rev.hashOf(b)
			}
			hashes.mu.Lock()
			hashes.m[rel] = h
			hashes.mu.Unlock()
		}
		return h
	}
	front, err := project.ParseFront(p, src)
	if err != nil {
		// It is built, to say what is wrong.
		s.key = "unreadable"
		return s
	}
	s.front = front
	lf := layoutFile(front.Layout)
	key = append(key, "layout "+front.Layout+":"+hashOf(lf))
	if l, err := project.LoadLayout(root, front.Layout); err == nil && l.LogoPath != "" {
		key = append(key, "logo "+l.LogoPath+":"+hashOf(l.LogoPath))
	}
	for _, d := range front.Data {
		h := hashOf(d.Path)
		s.refs = append(s.refs, ref{d.Path, h})
		key = append(key, "data "+d.Name+" "+d.Path+":"+h)
	}
	s.key = strings.Join(key, "\n")
	return s
}

// oldSide reads a paper as the revision has it, reading the revision's
// copy of a file only when the working tree's differs.
func oldSide(p string, rev *Revision, now *side) (*side, error) {
	h, ok := rev.has(p)
	if !ok {
		return nil, nil
	}
	s := &side{files: []string{p}, tmpl: h}
	key := []string{p + ":" + h}
	hashOf := func(rel string) string {
		if h, ok := rev.has(rel); ok {
			return h
		}
		return "missing"
	}
	var front *project.Paper
	if now != nil && now.front != nil && now.tmpl == h {
		front = now.front
	} else {
		src, err := rev.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if front, err = project.ParseFront(p, src); err != nil {
			s.key = "unreadable before"
			return s, nil
		}
	}
	s.front = front
	lf := layoutFile(front.Layout)
	key = append(key, "layout "+front.Layout+":"+hashOf(lf))
	s.files = append(s.files, lf)
	if logo := oldLogo(rev, front.Layout); logo != "" {
		key = append(key, "logo "+logo+":"+hashOf(logo))
		s.files = append(s.files, logo)
	}
	for _, d := range front.Data {
		h := hashOf(d.Path)
		s.refs = append(s.refs, ref{d.Path, h})
		key = append(key, "data "+d.Name+" "+d.Path+":"+h)
		s.files = append(s.files, d.Path)
	}
	s.key = strings.Join(key, "\n")
	return s, nil
}

// oldLogo is the logo the revision's copy of a layout names ("" for none
// or a built-in layout).
func oldLogo(rev *Revision, name string) string {
	lf := layoutFile(name)
	if _, ok := rev.has(lf); !ok {
		return ""
	}
	src, err := rev.ReadFile(lf)
	if err != nil {
		return ""
	}
	l, err := project.ParseLayout(name, lf, src)
	if err != nil {
		return ""
	}
	return l.LogoPath
}

// pairFigures pairs, for each paper whose files differ, the snapshots it
// reads in the two states, in the order its front matter names them.
func (r *Report) pairFigures(root, tmp string, rev *Revision, build []*plan) error {
	seen := map[string]bool{}
	var problems diag.List
	for _, p := range build {
		if p.old == nil || p.new == nil {
			continue
		}
		for i := 0; i < len(p.old.refs) && i < len(p.new.refs); i++ {
			a, b := p.old.refs[i], p.new.refs[i]
			k := a.path + ":" + a.hash + "\n" + b.path + ":" + b.hash
			if a.hash == b.hash || seen[k] {
				continue
			}
			seen[k] = true
			oldSnap, err := project.LoadSnapshot(tmp, a.path)
			if err != nil {
				problems.Add(err)
				continue
			}
			oldSnap.Path = rev.Name + ":" + a.path
			newSnap, err := project.LoadSnapshot(root, b.path)
			if err != nil {
				problems.Add(err)
				continue
			}
			r.Figures = append(r.Figures, FigurePair{oldSnap, newSnap})
		}
	}
	return problems.Err()
}
