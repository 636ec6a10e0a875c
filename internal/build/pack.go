package build

import (
	"errors"
	"slices"
	"sort"
	"sync"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/transform"
)

// packName is the agenda pack's file name in a meeting's folder.
const packName = "agenda-pack.pdf"

// meetingPaper is one paper of a meeting, as a pack lists it.
type meetingPaper struct {
	key      string // inputKey, to tell whether the pack must change
	path     string // template
	data     string // --data, for the papers this build was asked for
	meta     model.Meta
	withheld string
	// other says the paper is not one this build was asked for: if it
	// does not build, the pack is left as it was (see writePacks).
	other bool
}

// otherPaperError is a pack's error when a paper this build was not asked
// for does not build.
type otherPaperError struct {
	path string
	err  error
}

func (e *otherPaperError) Error() string { return e.path + ": " + e.err.Error() }
func (e *otherPaperError) Unwrap() error { return e.err }

// packPlan starts the agenda packs once every paper of the build has its
// place on the agenda, or has failed: a pack needs all of its meeting's
// papers, and no pack is worth writing in a build that fails.
type packPlan struct {
	o       Options
	prev    manifest
	out     *output
	active  bool // the build writes PDF
	mu      sync.Mutex
	papers  []*Built // each paper's place: path, key, meta, withheld
	settled []bool
	pending int
	failed  bool
	done    chan error
	laid    laidCache
}

func newPackPlan(o Options, n int, prev manifest, out *output) *packPlan {
	return &packPlan{
		o: o, prev: prev, out: out, active: o.PDF && !o.Check,
		papers: make([]*Built, n), settled: make([]bool, n), pending: n,
		done: make(chan error, 1),
		laid: laidCache{max: keptLayouts, laid: map[string]*pendingLayout{}},
	}
}

// keptLayouts bounds how many papers' layouts wait for their pack: a pack
// finds the papers built last and lays the others out again, so memory
// does not grow with the number of papers (a layout is about the size of
// the paper's PDF without its fonts, some tens of kilobytes). A variable
// so tests can turn keeping off.
var keptLayouts = 32

// pendingLayout is a paper's layout, from the moment the paper is read
// (when its pack may start) to the moment its PDF has laid it out.
type pendingLayout struct {
	once   sync.Once
	done   chan struct{}
	laid   *pdf.LaidOut // nil: the pack lays the paper out itself
	failed bool         // the paper failed: so does the build, pack and all
}

func newPendingLayout() *pendingLayout { return &pendingLayout{done: make(chan struct{})} }

// resolve gives the layout (nil if there is none) to whoever waits; only
// the first call counts. A nil pendingLayout (no pack waits) ignores it.
func (l *pendingLayout) resolve(laid *pdf.LaidOut) {
	if l == nil {
		return
	}
	l.once.Do(func() {
		l.laid = laid
		close(l.done)
	})
}

// fail tells whoever waits that the paper failed. The build then fails
// with the paper's error, so the pack need not make the paper again only
// to fail too (a template that runs for ever would run for ever twice).
func (l *pendingLayout) fail() {
	if l == nil {
		return
	}
	l.once.Do(func() {
		l.failed = true
		close(l.done)
	})
}

func (l *pendingLayout) wait() (laid *pdf.LaidOut, failed bool) {
	<-l.done
	return l.laid, l.failed
}

// errPaperFailed is a pack's error when one of its papers failed; the
// build reports the paper's own error instead.
var errPaperFailed = errors.New("a paper of the meeting did not build")

// laidCache keeps the layouts of the papers most recently built, each
// until its pack takes it, so a pack need not read, build and lay them out
// again.
type laidCache struct {
	mu    sync.Mutex
	max   int
	laid  map[string]*pendingLayout // by template path
	order []string                  // oldest first
}

func (c *laidCache) put(path string, l *pendingLayout) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.laid) >= c.max && len(c.order) > 0 {
		delete(c.laid, c.order[0])
		c.order = c.order[1:]
	}
	c.laid[path] = l
	c.order = append(c.order, path)
}

// take returns path's layout and forgets it: a paper is in one pack.
func (c *laidCache) take(path string) *pendingLayout {
	c.mu.Lock()
	defer c.mu.Unlock()
	l := c.laid[path]
	if l != nil {
		delete(c.laid, path)
		if i := slices.Index(c.order, path); i >= 0 {
			c.order = slices.Delete(c.order, i, i+1)
		}
	}
	return l
}

// known records paper i's place on the agenda (from its front matter) and,
// for a public paper, returns where its PDF's layout is to be given for the
// pack (nil when no pack wants it). The paper must resolve it with its
// layout, or fail it.
func (p *packPlan) known(i int, b *Built, public bool) *pendingLayout {
	var l *pendingLayout
	if p.active && public && p.laid.max > 0 {
		l = newPendingLayout()
		p.laid.put(b.Path, l)
	}
	p.settle(i, b)
	return l
}

// finished records paper i's outcome; a paper that failed before its place
// was known settles here.
func (p *packPlan) finished(i int, b *Built) {
	if b.Err != nil {
		p.mu.Lock()
		p.failed = true
		p.mu.Unlock()
	}
	p.settle(i, nil)
}

func (p *packPlan) settle(i int, b *Built) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.settled[i] {
		return
	}
	p.settled[i], p.papers[i] = true, b
	if b == nil {
		p.failed = true
	}
	p.pending--
	if p.pending > 0 || !p.active {
		return
	}
	if p.failed {
		p.done <- nil // the papers' errors say it all
		return
	}
	go func() { p.done <- writePacks(p.o, p.papers, p.prev, p.out, &p.laid) }()
}

// wait returns the packs' error once they are written.
func (p *packPlan) wait() error {
	if !p.active {
		return nil
	}
	return <-p.done
}

// writePacks writes the agenda reports pack of every meeting that has a
// paper in this build. A pack holds all of the meeting's papers, so on a
// build of some papers the meeting's other papers are read again. Each
// paper's layout is taken from kept, or the paper built and laid out again,
// when the pack reaches it, and released after, so a pack holds one
// paper's layout beyond those kept.
func writePacks(o Options, results []*Built, prev manifest, out *output, kept *laidCache) error {
	meetings := map[string][]meetingPaper{}
	built := map[string]bool{}
	for _, r := range results {
		built[r.Path] = true
		dir := o.meetingDir(r.Meta)
		meetings[dir] = append(meetings[dir], meetingPaper{key: r.Key, path: r.Path, data: o.Data, meta: r.Meta, withheld: r.Withheld})
	}
	others, err := otherPapers(o, built)
	if err != nil {
		return err
	}
	listed := map[string]bool{}
	for _, p := range others {
		listed[p.Path] = true
		meta := p.Meta()
		dir := o.meetingDir(meta)
		if _, touched := meetings[dir]; touched {
			mp := meetingPaper{key: inputKey(o, p.Path), path: p.Path, meta: meta, other: true}
			if p.Exempt {
				mp.withheld = p.WithheldNotice()
			}
			meetings[dir] = append(meetings[dir], mp)
		}
	}
	// A paper last published in a meeting whose front matter no longer
	// reads cannot be placed in its pack, nor left out of it: the pack
	// stays as it was.
	blocked := map[string]*otherPaperError{}
	for _, path := range sortedPapers(prev) {
		pp := o.proj.paper(path)
		if built[path] || listed[path] || pp == nil || pp.err == nil {
			continue // built, listed, or no longer in the project
		}
		dir := o.meetingDir(prev.Papers[path].meta())
		if _, touched := meetings[dir]; touched && blocked[dir] == nil {
			blocked[dir] = &otherPaperError{path, pp.err}
		}
	}

	dirs := make([]string, 0, len(meetings))
	for dir := range meetings {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	errs := make([]error, len(dirs))
	parallel(o.Workers, len(dirs), func(i int) {
		dir, papers := dirs[i], meetings[dirs[i]]
		keys := make([]string, len(papers))
		for j, mp := range papers {
			keys[j] = mp.key
		}
		key := packKey(keys)
		if (out.stage != nil || out.previous != nil) && !o.Force && prev.Packs[dir] == key && key != "" {
			if size, ok := out.sizeOf(dir + "/" + packName); ok {
				errs[i] = out.keepPack(dir, key, size)
				return
			}
		}
		err := error(blocked[dir])
		if blocked[dir] == nil {
			err = writePack(o, dir, papers, out, kept)
		}
		var other *otherPaperError
		if errors.As(err, &other) {
			// Another author's paper does not build: this build publishes
			// the papers it was asked for, and the meeting keeps the pack
			// it has until that paper is put right.
			errs[i] = out.leavePack(dir, prev.Packs[dir], other)
			return
		}
		if errs[i] = err; err == nil {
			out.recordPack(dir, key)
		}
	})
	var list diag.List
	for _, err := range errs {
		list.Add(err)
	}
	return list.Err()
}

func writePack(o Options, dir string, papers []meetingPaper, out *output, kept *laidCache) error {
	sort.SliceStable(papers, func(i, j int) bool { return agendaLess(papers[i].meta, papers[j].meta) })
	first := papers[0].meta
	pack := pdf.Pack{Committee: first.Committee, DateText: format.LongDate(first.Date)}
	for _, mp := range papers {
		item := pdf.PackItem{Item: mp.meta.Item, Subject: mp.meta.Title, Withheld: mp.withheld}
		if mp.withheld == "" {
			path, data := mp.path, mp.data
			load := func() (*pdf.LaidOut, error) {
				if l := kept.take(path); l != nil {
					laid, failed := l.wait()
					if failed {
						return nil, errPaperFailed
					}
					if laid != nil {
						return laid, nil
					}
				}
				doc, err := publicDocument(o.Root, path, data)
				if err != nil {
					return nil, err
				}
				return pdf.Lay(doc)
			}
			item.Load = load
			if mp.other {
				item.Load = func() (*pdf.LaidOut, error) {
					laid, err := load()
					if err != nil {
						return nil, &otherPaperError{path, err}
					}
					return laid, nil
				}
			}
		}
		pack.Items = append(pack.Items, item)
	}
	data, err := pdf.PackPDF(pack, pdf.Options{Date: outputDate(first.Date)})
	var other *otherPaperError
	if errors.As(err, &other) {
		return other
	}
	if err != nil {
		return diag.Errorf(dir+"/"+packName, 0, 0, "writing the agenda pack: %v", err)
	}
	return out.write(dir+"/"+packName, data)
}

// sortedPapers lists the papers a manifest records, by template path.
func sortedPapers(m manifest) []string {
	paths := make([]string, 0, len(m.Papers))
	for p := range m.Papers {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// publicDocument renders a paper as the public sees it: exempt sections
// replaced by their notice.
func publicDocument(root, path, data string) (*model.Document, error) {
	in, err := Load(root, path, data)
	if err != nil {
		return nil, err
	}
	doc, err := Document(root, in)
	if err != nil {
		return nil, err
	}
	return publicVersion(doc)
}

// publicVersion is what the public may see of a paper: nil for a paper
// exempt as a whole, the redacted document for one with exempt material,
// the document itself otherwise. Every public file is written from it.
func publicVersion(doc *model.Document) (*model.Document, error) {
	switch {
	case doc.Exempt:
		return nil, nil
	case doc.ExemptNotice != "" || transform.HasExempt(doc):
		return transform.Redact(doc, doc.ExemptNotice)
	}
	return doc, nil
}
