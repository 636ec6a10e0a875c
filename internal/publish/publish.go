// Package publish builds a project's papers into an output folder (or
// memory): it decides which papers need building (the incremental
// manifest), builds them through the pipeline, writes the meetings' agenda
// packs and the index, and hands every file to a Sink, which on disk
// stages them and moves them into place only when the whole build has
// succeeded, under a lock that keeps two builds out of one folder.
package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
)

// Options say what to build and where.
type Options struct {
	Root      string   // the project folder
	Templates []string // paths relative to Root; empty means every templates/*.md
	Data      string   // replaces each paper's snapshot (--data)
	Out       string   // public output folder, relative to Root or absolute
	HTML, PDF bool
	// ExemptOut, when set, receives the full versions of papers with
	// exempt content.
	ExemptOut string
	// Workers bounds how many papers are built at once; 0 means one per
	// processor.
	Workers int
	// Force builds every paper, even those whose inputs have not changed
	// since the last build.
	Force bool
	// Progress, when set, is called as each paper finishes (from several
	// goroutines, one call at a time), for a progress display.
	Progress func(done, total int)
	// Note, when set, is told in plain words what the build does beyond
	// building: that it waits for another build into the same folder, or
	// has repaired what a build stopped while publishing left behind.
	Note func(msg string)
	// Sink receives the files. Nil is a Disk for Out and ExemptOut, whose
	// folders Validate checks; serve gives a Memory.
	Sink Sink
	// proj is the project's papers as this build first read them (nil
	// until Run reads them).
	proj *projectIndex
}

// Built is one paper's outcome.
type Built struct {
	Path string // template path
	Meta model.Meta
	// Withheld is the index's notice for a paper not for publication.
	Withheld string
	// Key hashes the paper's inputs (see inputKey); Reused says the paper
	// was unchanged and its previous files were kept.
	Key    string
	Reused bool
	// Exempt says the paper has exempt content.
	Exempt bool
	Files  []string // written files, relative to the output folder ("exempt/…" for --exempt-out)
	// Pages counts the pages of the paper's public PDF, for the build's
	// summary; 0 when it has none, or a reused paper's record does not say.
	Pages int
	// Images are the image files its public version shows (see
	// paperRecord).
	Images []string
	Err    error
}

// Pages counts the pages of the papers' PDFs (not the agenda packs, which
// repeat them), for the summary line of a build into the output folder.
// Each paper's count was taken when its PDF was written (and kept in the
// manifest for a reused paper); a reused paper whose record has none,
// from an older manifest, is read.
func Pages(o Options, results []*Built) int {
	n := 0
	for _, r := range results {
		if r.Pages > 0 {
			n += r.Pages
			continue
		}
		if !r.Reused {
			continue
		}
		for _, f := range r.Files {
			if !strings.HasSuffix(f, ".pdf") || strings.HasPrefix(f, "exempt/") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(o.outDir(), filepath.FromSlash(f)))
			if err == nil {
				n += pipeline.PDFPages(b)
			}
		}
	}
	return n
}

// Validate checks options that do not depend on the papers. The folders
// are compared as the file system resolves them, symbolic links
// followed, so no spelling of a path can put the full versions of exempt
// papers in the public folder, or the public folder among them.
func (o Options) Validate() error {
	if o.ExemptOut == "" || o.Sink != nil {
		return nil
	}
	out, err1 := resolvedPath(o.outDir())
	ex, err2 := resolvedPath(o.exemptDir())
	if err1 != nil || err2 != nil {
		return fmt.Errorf("cannot resolve the output folders")
	}
	if within(ex, out) {
		return fmt.Errorf("--exempt-out %s is inside the public output folder %s: exempt papers must be written outside it", o.ExemptOut, o.outDir())
	}
	if within(out, ex) {
		return fmt.Errorf("the public output folder %s is inside --exempt-out %s: exempt papers must be written outside it", o.outDir(), o.ExemptOut)
	}
	return nil
}

// resolvedPath makes p absolute and resolves the symbolic links in as
// much of it as exists (the folders may not have been made yet), a link
// to a folder not made yet included.
func resolvedPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	for hops := 0; hops < 40; hops++ {
		dir, rest := abs, ""
		for {
			if r, err := filepath.EvalSymlinks(dir); err == nil {
				return filepath.Join(r, rest), nil
			}
			if target, err := os.Readlink(dir); err == nil {
				if !filepath.IsAbs(target) {
					target = filepath.Join(filepath.Dir(dir), target)
				}
				abs = filepath.Join(target, rest)
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				return abs, nil
			}
			rest = filepath.Join(filepath.Base(dir), rest)
			dir = parent
		}
	}
	return "", fmt.Errorf("too many symbolic links in %s", p)
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && rel != "..")
}

func (o Options) outDir() string {
	if o.Out == "" {
		return filepath.Join(o.Root, "output")
	}
	if filepath.IsAbs(o.Out) {
		return o.Out
	}
	return filepath.Join(o.Root, o.Out)
}

func (o Options) exemptDir() string {
	if filepath.IsAbs(o.ExemptOut) {
		return o.ExemptOut
	}
	return filepath.Join(o.Root, o.ExemptOut)
}

// Run builds the papers, then the meetings' agenda packs and the site's
// index. Papers are built in parallel; results come back in template
// order, and input errors from every paper are gathered into one
// diag.List so an author sees them all at once. The sink publishes the
// files only when everything has built, so a failed build changes
// nothing.
func Run(o Options) ([]*Built, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	paths, err := project.Templates(o.Root, o.Templates)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no papers to build: templates/*.md is empty")
	}
	if o.proj, err = readProject(o, paths); err != nil {
		return nil, err
	}
	if o.Note != nil {
		for _, n := range o.proj.notes {
			o.Note(n)
		}
	}
	sink := o.Sink
	if sink == nil {
		exempt := ""
		if o.ExemptOut != "" {
			exempt = o.exemptDir()
		}
		sink = newDisk(o.outDir(), exempt)
	}
	record, err := sink.Begin(o.Note)
	if err != nil {
		return nil, err
	}
	out := &output{sink: sink, sizes: map[string]int64{}, packKeys: map[string]string{}, layouts: map[string]*pdf.LaidOut{}}

	// last is what the last build recorded, and prev what this one may
	// keep of it: nothing with --force. A build of some papers records
	// the others as last recorded, --force or not.
	last := decodeManifest(record)
	prev := last
	if o.Force {
		prev = emptyManifest()
	}
	results := make([]*Built, len(paths))
	var progressMu sync.Mutex
	done := 0
	failed := false
	var packErrs diag.List
	for _, batch := range batches(o, paths) {
		pipeline.Parallel(o.Workers, len(batch), func(k int) {
			i := batch[k]
			defer func() {
				if o.Progress != nil {
					progressMu.Lock()
					done++
					o.Progress(done, len(paths))
					progressMu.Unlock()
				}
			}()
			if b, ok := reuse(o, paths[i], prev, out); ok {
				results[i] = b
				return
			}
			results[i] = buildOne(o, paths[i], out)
		})
		built := make([]*Built, len(batch))
		for k, i := range batch {
			built[k] = results[i]
			failed = failed || results[i].Err != nil
		}
		// No pack is worth writing in a build that fails, and the papers'
		// errors say it all.
		if o.PDF && !failed {
			packErrs.Add(writePacks(o, built, paths, last, out))
		}
	}
	var errs diag.List
	for _, r := range results {
		errs.Add(r.Err)
	}
	errs.Sort()
	if err := errs.Err(); err != nil {
		sink.Discard()
		return results, err
	}
	packErrs.Sort()
	if err := packErrs.Err(); err != nil {
		sink.Discard()
		return results, err
	}
	if err := writeIndex(o, results, last, out); err != nil {
		sink.Discard()
		return results, err
	}
	next := nextManifest(o, last, results, out)
	if err := sink.Commit(next.encode(), len(o.Templates) == 0, staleFiles(o, last, results, out)); err != nil {
		return results, err
	}
	if len(out.left) > 0 {
		sort.Slice(out.left, func(i, j int) bool { return out.left[i].Pack < out.left[j].Pack })
		return results, &PacksLeft{Packs: out.left}
	}
	return results, nil
}

// batchPapers is how many papers a batch holds at the least (see batches).
const batchPapers = 32

// batches divides the papers to build (indexes into paths) into batches
// of whole meetings, each of at least batchPapers papers but the last. A
// build builds a batch's papers, then the agenda packs of its meetings
// from the layouts the papers' PDFs were laid out with, and lets the
// layouts go: no pack lays a paper built now out again, and the layouts
// held at once do not grow with the number of papers. A paper whose
// front matter does not read fails the build; it is batched with the
// others like it.
func batches(o Options, paths []string) [][]int {
	var order []string
	meetings := map[string][]int{}
	for i, path := range paths {
		dir := ""
		if pp := o.proj.paper(path); pp != nil && pp.paper != nil {
			dir = o.meetingDir(pp.paper.Meta())
		}
		if _, ok := meetings[dir]; !ok {
			order = append(order, dir)
		}
		meetings[dir] = append(meetings[dir], i)
	}
	var out [][]int
	var batch []int
	for _, dir := range order {
		batch = append(batch, meetings[dir]...)
		if len(batch) >= batchPapers {
			out = append(out, batch)
			batch = nil
		}
	}
	if len(batch) > 0 {
		out = append(out, batch)
	}
	return out
}

// staleFiles lists, on a build of some papers, the public files the last
// build wrote for them that this one did not: a paper renamed, or made
// exempt, must not stay published until the next build of the whole
// project (which removes every file it did not write).
func staleFiles(o Options, last manifest, results []*Built, out *output) []string {
	if len(o.Templates) == 0 {
		return nil
	}
	var stale []string
	for _, b := range results {
		for f := range last.Papers[b.Path].Files {
			if _, made := out.sizes[f]; !made {
				stale = append(stale, f)
			}
		}
	}
	sort.Strings(stale)
	return stale
}

// reuse keeps an unchanged paper's previous files instead of building it.
func reuse(o Options, path string, prev manifest, out *output) (*Built, bool) {
	if _, recorded := prev.Papers[path]; !recorded {
		return nil, false // new, or a first build: nothing to read twice
	}
	key := inputKey(o, path, prev.Papers[path].Images)
	rec, ok := prev.reusable(path, key, out.had)
	if !ok || (rec.Exempt && o.ExemptOut != "") {
		// Full versions of exempt papers are not recorded in the public
		// manifest, so a build asked for them always writes them.
		return nil, false
	}
	// A paper whose meeting's folder is named otherwise now (a committee
	// of the same date whose name differs only in case came or went) is
	// written again, into the folder it now has.
	dir := o.meetingDir(rec.meta()) + "/"
	for f := range rec.Files {
		if !strings.HasPrefix(f, dir) {
			return nil, false
		}
	}
	b := &Built{Path: path, Meta: rec.meta(), Key: key, Reused: true, Exempt: rec.Exempt, Pages: rec.Pages, Images: rec.Images}
	for f, size := range rec.Files {
		b.Files = append(b.Files, f)
		if err := out.keep(f, size); err != nil {
			b.Err = diag.Errorf(path, 0, 0, "%v", err)
		}
	}
	sort.Strings(b.Files)
	return b, true
}

// nextManifest records this build for the next: every paper built or kept,
// and (on a build of some papers) the last build's records of the others.
func nextManifest(o Options, prev manifest, results []*Built, out *output) manifest {
	next := manifest{Papers: map[string]paperRecord{}, Packs: out.packKeys}
	if len(o.Templates) > 0 {
		for path, rec := range prev.Papers {
			next.Papers[path] = rec
		}
		for dir, key := range prev.Packs {
			if _, ok := next.Packs[dir]; !ok {
				next.Packs[dir] = key
			}
		}
	}
	for _, b := range results {
		if b.Withheld != "" {
			// The manifest is published with the output: a paper not for
			// publication leaves no trace in it, not even its name, and
			// is read again at every build.
			delete(next.Papers, b.Path)
			continue
		}
		rec := recordOf(b, b.Key, out.sizes)
		rec.Exempt = b.Exempt
		next.Papers[b.Path] = rec
	}
	return next
}

// buildOne builds a paper that is not kept from the last build: its
// public files and, with ExemptOut, its full version's.
func buildOne(o Options, path string, out *output) *Built {
	b := &Built{Path: path}
	in, err := pipeline.Load(o.Root, path, o.Data)
	if err != nil {
		b.Err = err
		return b
	}
	// The fonts load on another goroutine while this paper's template is
	// expanded and its Markdown read; a build with nothing to rebuild
	// loads none.
	if o.PDF {
		textset.Prepare()
	}
	doc, err := pipeline.Document(o.Root, in)
	if err == nil && o.PDF {
		err = pipeline.Uncovered(doc, in)
	}
	if err != nil {
		b.Err = err
		return b
	}
	b.Meta = doc.Meta
	b.Exempt = doc.ExemptNotice != ""
	if doc.Exempt {
		b.Withheld = in.Paper.WithheldNotice(in.Layout)
	}
	public, err := pipeline.Public(doc)
	if err != nil {
		b.Err = diag.Errorf(path, 0, 0, "%v", err)
		return b
	}
	b.Key = loadedKey(o, in, public)
	if public != nil {
		b.Images = pipeline.ImagePaths(public)
	}
	dir := o.meetingDir(doc.Meta)
	if public != nil {
		files, laid, pages, err := o.writeDoc(dir, public, out)
		b.Files, b.Pages = append(b.Files, files...), pages
		if laid != nil {
			out.keepLayout(path, laid)
		}
		if err != nil {
			b.Err = diag.Errorf(path, 0, 0, "%v", err)
			return b
		}
	}
	if o.ExemptOut != "" && doc.ExemptNotice != "" {
		files, _, _, err := o.writeDoc("exempt/"+dir, doc, out)
		b.Files = append(b.Files, files...)
		if err != nil {
			b.Err = diag.Errorf(path, 0, 0, "%v", err)
		}
	}
	return b
}

// writeDoc renders a document's files and, only when every format has
// rendered, writes them into dir, so a paper is never half-published. It
// returns the files written, and the PDF's layout and number of pages.
func (o Options) writeDoc(dir string, doc *model.Document, out *output) ([]string, *pdf.LaidOut, int, error) {
	r, err := pipeline.Render(doc, pipeline.Formats{HTML: o.HTML, PDF: o.PDF})
	if err != nil {
		return nil, nil, 0, err
	}
	var written []string
	for _, f := range r.Files {
		path := dir + "/" + f.Name
		if err := out.write(path, f.Data); err != nil {
			return written, nil, 0, err
		}
		written = append(written, path)
	}
	return written, r.Laid, r.Pages, nil
}
