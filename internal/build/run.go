package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/boardpaper/boardpaper/internal/chart"
	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
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
	// Check builds documents but writes nothing.
	Check bool
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
	// Sink receives every output file instead of the disk (serve keeps
	// them in memory). path is slash-separated, relative to the output
	// folder: "2013-03-13-executive-board/looked-after-children.html", or
	// under "exempt/" for --exempt-out files. Nil writes files to Out and
	// ExemptOut.
	Sink func(path string, data []byte) error
	// proj is the project's papers as this build first read them (nil
	// until Run reads them).
	proj *projectIndex
	// Memory, with Sink, makes a build into memory incremental as a build
	// to disk is: papers and packs unchanged since the last build given
	// the same Memory are not built again, their files passed to Sink as
	// they were. A successful build leaves its own files in Memory.
	Memory *Memory
}

// Memory holds the files of the last build into memory, and what they
// were built from, for the next (serve's preview: a save rebuilds the
// saved paper, its meeting's pack and the index, not the whole project).
// The zero value is an empty memory. A Memory serves one build at a time.
type Memory struct {
	manifest manifest
	files    map[string][]byte
}

// Built is one paper's outcome.
type Built struct {
	Path  string // template path
	Input *Paper // the loaded inputs, kept only by check
	// Doc is the full document, kept only by check: a build releases each
	// paper's model once it is written, so memory does not grow with the
	// number of papers.
	Doc *model.Document
	// Positions are where Doc's elements were written, kept only by check.
	Positions diag.Positions
	Meta      model.Meta
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
	Err   error
}

// Templates lists the papers to build: the given ones, or every
// templates/*.md, sorted so output order never depends on the file system.
func Templates(root string, given []string) ([]string, error) {
	if len(given) > 0 {
		out := make([]string, len(given))
		for i, g := range given {
			out[i] = filepath.ToSlash(filepath.Clean(g))
		}
		return out, nil
	}
	matches, err := filepath.Glob(filepath.Join(root, "templates", "*.md"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		rel, _ := filepath.Rel(root, m)
		out = append(out, filepath.ToSlash(rel))
	}
	sort.Strings(out)
	return out, nil
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

// Run builds the papers, then the site's index. Papers are built in
// parallel; results come back in template order, and input errors from
// every paper are gathered into one diag.List so an author sees them all at
// once. Files are staged and moved into place only when every paper has
// built, so a failed build changes nothing.
func Run(o Options) ([]*Built, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	paths, err := Templates(o.Root, o.Templates)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no papers to build: templates/*.md is empty")
	}
	if !o.Check {
		if o.proj, err = readProject(o, paths); err != nil {
			return nil, err
		}
		if o.Note != nil {
			for _, n := range o.proj.notes {
				o.Note(n)
			}
		}
	}
	out := &output{sink: o.Sink, sizes: map[string]int64{}, packKeys: map[string]string{}}
	if o.Sink != nil && o.Memory != nil && !o.Check {
		out.remember(o.Memory)
	}
	if o.Sink == nil && !o.Check {
		exempt := ""
		if o.ExemptOut != "" {
			exempt = o.exemptDir()
		}
		if out.stage, err = newStage(o.outDir(), exempt, o.Note); err != nil {
			return nil, err
		}
		out.sink = out.stage.write
		out.outDir = o.outDir()
	}

	// last is what the last build recorded, and prev what this one may
	// keep of it: nothing with --force. A build of some papers records
	// the others as last recorded, --force or not.
	last := manifest{Papers: map[string]paperRecord{}, Packs: map[string]string{}}
	if out.stage != nil {
		last = readManifest(o.outDir())
	}
	if out.previous != nil && o.Memory.manifest.Papers != nil {
		last = o.Memory.manifest
	}
	prev := last
	incremental := (out.stage != nil || out.previous != nil) && !o.Force
	if !incremental {
		prev = manifest{Papers: map[string]paperRecord{}, Packs: map[string]string{}}
	}
	results := make([]*Built, len(paths))
	// Agenda packs are written while the papers are: a pack needs each
	// paper's place on the agenda, known as soon as the paper's document
	// is built, and then the pages its PDF lays out (placed as they are
	// if still kept, else the paper is built and laid out again). Once
	// every paper's place is known, the packs start on the processors the
	// last papers leave free; a one-paper build assembles its pack while
	// the paper's PDF is assembled.
	packs := newPackPlan(o, len(paths), last, out)
	var progressMu sync.Mutex
	done := 0
	parallel(o.Workers, len(paths), func(i int) {
		defer func() {
			if o.Progress != nil {
				progressMu.Lock()
				done++
				o.Progress(done, len(paths))
				progressMu.Unlock()
			}
		}()
		if incremental {
			if b, ok := reuse(o, paths[i], prev, out); ok {
				results[i] = b
				packs.known(i, b, false)
				return
			}
		}
		results[i] = buildOne(o, paths[i], out.write, func(b *Built, public bool) *pendingLayout { return packs.known(i, b, public) })
		packs.finished(i, results[i])
	})
	var errs diag.List
	for _, r := range results {
		errs.Add(r.Err)
	}
	errs.Sort()
	if err := errs.Err(); err != nil || o.Check {
		packs.wait() // a paper's error is the pack's too: reported once
		out.discard()
		return results, err
	}
	if err := packs.wait(); err != nil {
		out.discard()
		return results, err
	}
	if err := writeIndex(o, results, last, out); err != nil {
		out.discard()
		return results, err
	}
	if out.stage != nil {
		next := nextManifest(o, last, results, out)
		if err := out.stage.commit(len(o.Templates) == 0, staleFiles(o, last, results, out), next.encode()); err != nil {
			return results, err
		}
	}
	if out.previous != nil {
		*o.Memory = Memory{manifest: nextManifest(o, last, results, out), files: out.files}
	}
	if len(out.left) > 0 {
		sort.Slice(out.left, func(i, j int) bool { return out.left[i].Pack < out.left[j].Pack })
		return results, &PacksLeft{Packs: out.left}
	}
	return results, nil
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
			if !out.stage.has(f) {
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
	key := inputKey(o, path)
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
	b := &Built{Path: path, Meta: rec.meta(), Key: key, Reused: true, Exempt: rec.Exempt, Pages: rec.Pages}
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

// parallel runs job(0) … job(n-1) on a bounded pool of workers (one per
// processor when workers is 0).
func parallel(workers, n int, job func(i int)) {
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

// output is where a build's files go: a sink (serve's memory) or a stage
// on disk; it remembers sizes for the index.
type output struct {
	sink  func(path string, data []byte) error
	stage *stage
	mu    sync.Mutex
	sizes map[string]int64
	// packKeys records each pack written or kept, for the manifest.
	packKeys map[string]string
	// previous holds the last build's files, and files collects this
	// build's, on a build into memory with a Memory (nil otherwise).
	previous, files map[string][]byte
	outDir          string // on a build to disk
	// left lists the packs left as they were (see leavePack).
	left []LeftPack
}

// leavePack leaves a meeting's pack as the last build wrote it (key, as
// last recorded; none when the meeting has no pack yet), because another
// paper of the meeting does not build, and notes it for the build's
// caller.
func (w *output) leavePack(dir, key string, why *otherPaperError) error {
	rel := dir + "/" + packName
	kept := false
	if size, ok := w.sizeOf(rel); ok && key != "" {
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

// PacksLeft is Run's error when it has built and published the papers it
// was asked for, but left one or more meetings' agenda packs as they were
// (or without one) because another paper of the meeting, one it was not
// asked for, does not build. Everything else is published.
type PacksLeft struct {
	Packs []LeftPack // by pack
}

// LeftPack is one agenda pack left as it was.
type LeftPack struct {
	Pack  string // in the output folder: "2013-03-13-executive-board/agenda-pack.pdf"
	Kept  bool   // the pack is the last build's; false: the meeting has none
	Paper string // the paper that does not build (its template)
	Err   error  // why
}

func (e *PacksLeft) Error() string {
	var b strings.Builder
	for i, p := range e.Packs {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s was not rebuilt: %s does not build", p.Pack, p.Paper)
	}
	return b.String()
}

// remember makes a build into memory keep its files in files, and find
// the last build's in m.
func (w *output) remember(m *Memory) {
	w.previous = m.files
	if w.previous == nil {
		w.previous = map[string][]byte{}
	}
	w.files = map[string][]byte{}
	sink := w.sink
	w.sink = func(rel string, data []byte) error {
		if err := sink(rel, data); err != nil {
			return err
		}
		w.mu.Lock()
		w.files[rel] = data
		w.mu.Unlock()
		return nil
	}
}

// had says whether the last build's file rel is still there, of the size
// recorded: in memory, or in the output folder.
func (w *output) had(rel string, size int64) bool {
	got, ok := w.sizeOf(rel)
	return ok && got == size
}

// sizeOf returns the size of the last build's file rel, if it is still
// there.
func (w *output) sizeOf(rel string) (int64, bool) {
	if w.previous != nil {
		data, ok := w.previous[rel]
		return int64(len(data)), ok
	}
	info, err := os.Stat(filepath.Join(w.outDir, filepath.FromSlash(rel)))
	if err != nil {
		return 0, false
	}
	return info.Size(), true
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

// keep marks a file from the previous build as part of this one: on disk,
// so that pruning spares it; in memory, given to the sink again.
func (w *output) keep(rel string, size int64) error {
	if w.previous != nil {
		return w.write(rel, w.previous[rel])
	}
	w.stage.keep(rel)
	w.mu.Lock()
	w.sizes[rel] = size
	w.mu.Unlock()
	return nil
}

func (w *output) write(rel string, data []byte) error {
	if err := w.sink(rel, data); err != nil {
		return err
	}
	w.mu.Lock()
	w.sizes[rel] = int64(len(data))
	w.mu.Unlock()
	return nil
}

func (w *output) discard() {
	if w.stage != nil {
		w.stage.discard()
	}
}

// known, when not nil, is told the paper's place on the agenda and whether
// it is for publication as soon as the paper is read (both are in its front
// matter), and returns where to give the public PDF's layout for the
// meeting's pack (nil: nowhere).
func buildOne(o Options, path string, write func(string, []byte) error, known func(b *Built, public bool) *pendingLayout) *Built {
	b := &Built{Path: path}
	in, err := Load(o.Root, path, o.Data)
	if err != nil {
		b.Err = err
		return b
	}
	// The fonts load on the other processor while this paper's template
	// is expanded and its Markdown read, when that processor would be
	// idle; not sooner, when reading the paper's files and parsing its
	// template keep both busy. A build with nothing to rebuild loads none.
	if o.PDF && !o.Check {
		pdf.Prepare()
	}
	if o.Check {
		b.Input = in
	}
	if (o.Sink == nil || o.Memory != nil) && !o.Check {
		b.Key = loadedKey(o, in)
	}
	// The paper's place on the agenda is in its front matter: the pack is
	// told now, so that a meeting's pack sets its front sheet and contents
	// while this paper's document is made (on a one-paper build, while the
	// other processor would be idle).
	var forPack *pendingLayout
	if known != nil && !o.Check {
		p := in.Paper
		place := &Built{Path: path, Key: b.Key, Meta: metaOf(p)}
		if p.Exempt {
			place.Withheld = withheldNotice(p.AccessRule)
		}
		forPack = known(place, !p.Exempt)
	}
	doc, err := Document(o.Root, in)
	if err == nil && o.PDF {
		err = uncovered(doc, in)
	}
	if err != nil {
		forPack.fail()
		b.Err = err
		return b
	}
	b.Meta = doc.Meta
	b.Exempt = doc.ExemptNotice != ""
	if doc.Exempt {
		b.Withheld = withheldNotice(in.Paper.AccessRule)
	}
	if o.Check {
		b.Doc, b.Positions = doc, in.positions
		return b
	}
	public, err := publicVersion(doc)
	if err != nil {
		forPack.fail()
		b.Err = diag.Errorf(path, 0, 0, "%v", err)
		return b
	}
	dir := o.meetingDir(doc.Meta)
	date := outputDate(doc.Meta.Date)
	if public != nil {
		files, pages, err := o.writeDoc(dir, public, date, write, forPack)
		b.Files, b.Pages = append(b.Files, files...), pages
		if err != nil {
			b.Err = diag.Errorf(path, 0, 0, "%v", err)
			return b
		}
	}
	if o.ExemptOut != "" && doc.ExemptNotice != "" {
		files, _, err := o.writeDoc("exempt/"+dir, doc, date, write, nil)
		b.Files = append(b.Files, files...)
		if err != nil {
			b.Err = diag.Errorf(path, 0, 0, "%v", err)
		}
	}
	return b
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

// writeDoc renders a document's HTML and PDF, and only when every format
// has rendered writes them into dir, so a paper is never half-published.
// The HTML is rendered while the PDF is, and the PDF's pages are
// compressed while it is laid out. forPack, when not nil, is given the
// PDF's layout as soon as it is made (or told the paper failed), so the
// meeting's pack can place the pages while the PDF is assembled. It
// returns the files written and the PDF's number of pages.
func (o Options) writeDoc(dir string, doc *model.Document, date time.Time, write func(string, []byte) error, forPack *pendingLayout) ([]string, int, error) {
	// If the PDF fails before its layout, so does the paper.
	defer forPack.fail()
	var htmlFiles []outFile
	var htmlErr error
	var wg sync.WaitGroup
	if o.HTML {
		wg.Add(1)
		go func() {
			defer wg.Done()
			htmlFiles, htmlErr = htmlFilesOf(dir, doc)
		}()
	}
	var pdfFile []outFile
	var pdfErr error
	pages := 0
	if o.PDF {
		var laid func(*pdf.LaidOut)
		if forPack != nil {
			laid = forPack.resolve
		}
		data, err := pdf.PaperPDF(doc, pdf.Options{Date: date}, laid)
		if err != nil {
			pdfErr = fmt.Errorf("writing PDF: %w", err)
		}
		pdfFile = []outFile{{dir + "/" + doc.Meta.Slug + ".pdf", data}}
		pages = bytes.Count(data, pageObject)
	}
	wg.Wait()
	if htmlErr != nil {
		return nil, 0, htmlErr
	}
	if pdfErr != nil {
		return nil, 0, pdfErr
	}
	var written []string
	for _, f := range append(htmlFiles, pdfFile...) {
		if err := write(f.path, f.data); err != nil {
			return written, 0, err
		}
		written = append(written, f.path)
	}
	return written, pages, nil
}

// outFile is a file rendered and not yet written.
type outFile struct {
	path string
	data []byte
}

// htmlFilesOf renders a document's page and the CSV of each of its charts.
func htmlFilesOf(dir string, doc *model.Document) ([]outFile, error) {
	// Room for a paper's page from the start, so it is not copied at every
	// doubling: memory made with make and not yet written costs nothing.
	buf := bytes.NewBuffer(make([]byte, 0, 96<<10))
	if err := html.Write(buf, doc, htmlOptions(doc)); err != nil {
		return nil, fmt.Errorf("writing HTML: %w", err)
	}
	files := []outFile{{dir + "/" + doc.Meta.Slug + ".html", buf.Bytes()}}
	csvs := chartCSVs(doc)
	names := make([]string, 0, len(csvs))
	for name := range csvs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		files = append(files, outFile{dir + "/" + name, csvs[name]})
	}
	return files, nil
}

// MeetingDir names a meeting's output folder: "2013-03-13-executive-board".
// A committee whose name is not all ASCII gets a short hash of its exact
// name after the name's letters ("2013-03-13-22f8d4d8" for 委員会,
// "2013-03-13-pwyllgor-craffu-mon-3cfa6c68" for Pwyllgor Craffu Môn), so
// different names never share a folder; a build also tells apart ASCII
// names that differ only in case or punctuation (see folderNames).
func MeetingDir(m model.Meta) string {
	return m.Date.Format("2006-01-02") + "-" + committeeSlug(m.Committee)
}

// meetingDir is MeetingDir, but for a committee name this build found
// sharing its folder with another of the same date.
func (o Options) meetingDir(m model.Meta) string {
	if o.proj != nil {
		if dir, ok := o.proj.folders[folderKey{m.Date.Format("2006-01-02"), m.Committee}]; ok {
			return dir
		}
	}
	return MeetingDir(m)
}

// committeeSlug is a committee's name in its meetings' folders and in the
// index's anchors. An ASCII name is Slug of it, as it always was, so no
// published address changes; a name with other letters has its Latin
// letters' accents taken off and a hash of the exact name added, since
// what is left of it may be nothing ("委員会", "Комитет") or may be
// another name's ("Môn", "Mon").
func committeeSlug(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			ascii = false
			break
		}
	}
	s := Slug(name)
	if ascii && s != "" {
		return s
	}
	if !ascii {
		s = Slug(foldLatin(name))
	}
	if s == "" {
		return nameHash(name)
	}
	return s + "-" + nameHash(name)
}

// nameHash is a short hash of a committee's exact name: 8 hex digits.
func nameHash(name string) string {
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:4])
}

// distinctSlugs gives the names, among those given, whose committeeSlug
// another of them has too (names that differ only in case or
// punctuation), a slug of their own: the one written most like a title
// keeps the plain slug, so an established committee keeps its addresses
// when a paper misspells its name; each other gets a hash of its exact
// name added. Names that share no slug are not in the result.
func distinctSlugs(names map[string]bool) map[string]string {
	bySlug := map[string][]string{}
	for n := range names {
		s := committeeSlug(n)
		bySlug[s] = append(bySlug[s], n)
	}
	out := map[string]string{}
	for s, ns := range bySlug {
		if len(ns) < 2 {
			continue
		}
		sort.Slice(ns, func(i, j int) bool { return titleLess(ns[i], ns[j]) })
		for _, n := range ns[1:] {
			out[n] = s + "-" + nameHash(n)
		}
	}
	return out
}

// titleLess orders names by how like a title each is written: fewest
// capitals inside words, then fewest words begun in lower case
// ("Executive Board", "Executive board", "EXECUTIVE BOARD"), then bytes.
func titleLess(a, b string) bool {
	ai, aw := caseMarks(a)
	bi, bw := caseMarks(b)
	if ai != bi {
		return ai < bi
	}
	if aw != bw {
		return aw < bw
	}
	return a < b
}

// caseMarks counts a name's capitals inside words and its words begun in
// lower case.
func caseMarks(name string) (inside, lowerStart int) {
	start := true
	for _, r := range name {
		letter := unicode.IsLetter(r)
		switch {
		case letter && start && unicode.IsLower(r):
			lowerStart++
		case letter && !start && unicode.IsUpper(r):
			inside++
		}
		start = !letter && !unicode.IsDigit(r)
	}
	return inside, lowerStart
}

// folderKey is a meeting: its date and its committee's exact name.
type folderKey struct{ date, committee string }

// folderNames names the folders of the meetings whose committee's name
// shares its slug with another committee's on the same date: the names
// are in the papers' front matter, so the whole project is read for them
// (see readProject). It also words a note for each such date, since two
// spellings of one committee are the likelier cause.
func folderNames(papers []*projectPaper) (map[folderKey]string, []string) {
	byDate := map[string]map[string]bool{}
	firstPaper := map[folderKey]string{}
	for _, pp := range papers {
		if pp.paper == nil {
			continue
		}
		date := pp.paper.Date.Format("2006-01-02")
		if byDate[date] == nil {
			byDate[date] = map[string]bool{}
		}
		byDate[date][pp.paper.ReportTo] = true
		if k := (folderKey{date, pp.paper.ReportTo}); firstPaper[k] == "" {
			firstPaper[k] = pp.path
		}
	}
	folders := map[folderKey]string{}
	var notes []string
	dates := make([]string, 0, len(byDate))
	for date := range byDate {
		dates = append(dates, date)
	}
	sort.Strings(dates)
	for _, date := range dates {
		names := byDate[date]
		if len(names) < 2 {
			continue
		}
		apart := distinctSlugs(names)
		if len(apart) == 0 {
			continue
		}
		// Each group of alike names, in the order distinctSlugs kept them.
		groups := map[string][]string{}
		for name := range names {
			s := committeeSlug(name)
			groups[s] = append(groups[s], name)
		}
		slugs := make([]string, 0, len(groups))
		for s, ns := range groups {
			if len(ns) > 1 {
				slugs = append(slugs, s)
			}
		}
		sort.Strings(slugs)
		for _, s := range slugs {
			ns := groups[s]
			sort.Slice(ns, func(i, j int) bool { return titleLess(ns[i], ns[j]) })
			var spelt []string
			for _, n := range ns {
				folders[folderKey{date, n}] = date + "-" + s
				if a, ok := apart[n]; ok {
					folders[folderKey{date, n}] = date + "-" + a
				}
				spelt = append(spelt, fmt.Sprintf("%q (%s)", n, firstPaper[folderKey{date, n}]))
			}
			notes = append(notes, fmt.Sprintf("the committee of the meeting on %s is written %s: each is published as a committee of its own, in a folder of its own; if they are one committee, write its name the same way in every paper", format.LongDate(papersDate(date)), strings.Join(spelt, " and ")))
		}
	}
	return folders, notes
}

func papersDate(date string) time.Time {
	t, _ := time.Parse("2006-01-02", date)
	return t
}

// foldLatin lower-cases s and writes its accented Latin letters without
// their accents: "Môn" → "mon", "Ærø" → "aero".
func foldLatin(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if f, ok := latinFolds[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinFolds maps the lower-case letters of Latin-1, Latin Extended-A and
// Welsh (ẁ ẃ ẅ ỳ) to ASCII.
var latinFolds = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ to, from string }{
		{"a", "àáâãäåāăą"}, {"ae", "æ"}, {"c", "çćĉċč"}, {"d", "ďđð"},
		{"e", "èéêëēĕėęě"}, {"g", "ĝğġģ"}, {"h", "ĥħ"}, {"i", "ìíîïĩīĭįı"},
		{"ij", "ĳ"}, {"j", "ĵ"}, {"k", "ķĸ"}, {"l", "ĺļľŀł"}, {"n", "ñńņňŉŋ"},
		{"o", "òóôõöøōŏő"}, {"oe", "œ"}, {"r", "ŕŗř"}, {"s", "śŝşšſ"}, {"ss", "ß"},
		{"t", "ţťŧ"}, {"th", "þ"}, {"u", "ùúûüũūŭůűų"}, {"w", "ŵẁẃẅ"},
		{"y", "ýÿŷỳ"}, {"z", "źżž"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// projectPaper is one paper of the project as a build first reads it: its
// front matter, for the meeting folders' names, the index and the packs,
// and the SHA-256 of its bytes, for the incremental key of a paper not
// built again. The bytes themselves are not kept: a build holds every
// paper's projectPaper at once.
type projectPaper struct {
	path  string
	sum   string         // SHA-256 of the file, in hex
	paper *project.Paper // front matter only; nil when it does not read
	err   error          // why paper is nil
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
	all, err := Templates(o.Root, nil)
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
	parallel(o.Workers, len(ix.papers), func(i int) {
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
		pp.sum = sha(src)
		pp.paper, pp.err = project.ParseFront(pp.path, src)
	})
	ix.folders, ix.notes = folderNames(ix.papers)
	return ix, nil
}

// Slug lower-cases s and joins its words with hyphens: "Scrutiny Board
// (Children and Families)" → "scrutiny-board-children-and-families".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// outputDate is the date written into outputs: SOURCE_DATE_EPOCH when set
// (the reproducible-builds convention), else the meeting date, so the same
// inputs always give the same bytes.
func outputDate(meeting time.Time) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		var secs int64
		if _, err := fmt.Sscan(s, &secs); err == nil {
			return time.Unix(secs, 0).UTC()
		}
	}
	return meeting.UTC()
}

// htmlOptions gives the HTML writer each chart's SVG and the name of the
// CSV file of its figures written beside the page.
func htmlOptions(d *model.Document) html.Options {
	st := chart.Style{Colours: d.Style.ChartColours, FontSize: chartSVGFontSize}
	return html.Options{
		ChartSVG: func(c *model.Chart) ([]byte, error) { return chart.SVG(c, st) },
		ChartCSV: func(c *model.Chart) string { return csvName(d, c) },
	}
}

// chartSVGFontSize is the SVG's text size in its own units: the SVG is
// drawn 600 wide and scaled to the page's 46em column, where 13 units read
// as about 12–13 px.
const chartSVGFontSize = 13

// csvName is the file of a chart's figures: "<slug>-<exhibit id>.csv", as
// GOV.UK and ONS guidance asks published charts to offer.
func csvName(d *model.Document, c *model.Chart) string {
	return d.Meta.Slug + "-" + c.Attr.ID + ".csv"
}

// chartCSVs lists the CSV files of a document's charts.
func chartCSVs(d *model.Document) map[string][]byte {
	files := map[string][]byte{}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if c, ok := n.(*model.Chart); ok && entering {
			files[csvName(d, c)] = chart.CSV(c)
		}
		return model.WalkContinue
	})
	return files
}
