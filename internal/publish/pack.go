package publish

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/pdf/pack"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
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

// writePacks writes the agenda reports pack of every meeting that has a
// paper in results, a batch of the papers of this build (paths). A pack
// holds all of the meeting's papers, so on a build of some papers the
// meeting's other papers are read again. A paper built now is placed as
// its PDF laid it out (see output.keepLayout); one kept from the last
// build, or not asked for, is read and laid out again when the pack
// reaches it.
func writePacks(o Options, results []*Built, paths []string, prev manifest, out *output) error {
	meetings := map[string][]meetingPaper{}
	built := map[string]bool{}
	for _, path := range paths {
		built[path] = true
	}
	for _, r := range results {
		dir := o.meetingDir(r.Meta)
		meetings[dir] = append(meetings[dir], meetingPaper{key: r.Key, path: r.Path, data: o.Data, meta: r.Meta, withheld: r.Withheld})
	}
	listed := map[string]bool{}
	for _, p := range otherPapers(o, built) {
		listed[p.Path] = true
		meta := p.Meta()
		dir := o.meetingDir(meta)
		if _, touched := meetings[dir]; touched {
			mp := meetingPaper{key: inputKey(o, p.Path, prev.Papers[p.Path].Images), path: p.Path, meta: meta, other: true}
			if p.Exempt {
				l, _ := project.LoadLayout(o.Root, p.Layout) // a layout that fails fails the build too
				mp.withheld = p.WithheldNotice(l)
			} else {
				mp.meta.Appendices = otherAppendices(o, p.Path, mp.key, prev)
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
	pipeline.Parallel(o.Workers, len(dirs), func(i int) {
		dir, papers := dirs[i], meetings[dirs[i]]
		keys := make([]string, len(papers))
		for j, mp := range papers {
			keys[j] = mp.key
		}
		key := packKey(keys)
		if !o.Force && prev.Packs[dir] == key && key != "" {
			if size, ok := out.sink.Size(dir + "/" + packName); ok {
				errs[i] = out.keepPack(dir, key, size)
				return
			}
		}
		err := error(blocked[dir])
		if blocked[dir] == nil {
			err = writePack(o, dir, papers, out)
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

// otherAppendices are the appendices of a paper this build was not asked
// for, which its pack's contents list before the paper is laid out: none
// when its file never says .appendix (most papers: nothing is read), the
// last build's record of them while the paper's inputs are unchanged,
// else read from the paper now (an error is left for the pack to report
// when it reaches the paper). An appendix heading made by the template
// from pieces of text that never spell .appendix is not found here, and
// the contents do not list it.
func otherAppendices(o Options, path, key string, prev manifest) []model.AppendixEntry {
	if pp := o.proj.paper(path); pp == nil || !pp.appendices {
		return nil
	}
	if rec, ok := prev.Papers[path]; ok && rec.Key == key {
		return rec.Appendices
	}
	doc, err := pipeline.PublicDocument(o.Root, path, "")
	if err != nil || doc == nil {
		return nil
	}
	return doc.Meta.Appendices
}

func writePack(o Options, dir string, papers []meetingPaper, out *output) error {
	sort.SliceStable(papers, func(i, j int) bool { return agendaLess(papers[i].meta, papers[j].meta) })
	first := papers[0].meta
	meeting := pack.Meeting{Committee: first.Committee, DateText: format.LongDate(first.Date)}
	for _, mp := range papers {
		item := pack.Item{Item: mp.meta.Item, Subject: mp.meta.Title, Withheld: mp.withheld, Appendices: mp.meta.Appendices}
		if mp.withheld == "" {
			path, data := mp.path, mp.data
			load := func() (*pdf.LaidOut, error) {
				if laid := out.takeLayout(path); laid != nil {
					return laid, nil
				}
				doc, err := pipeline.PublicDocument(o.Root, path, data)
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
		meeting.Items = append(meeting.Items, item)
	}
	var data bytes.Buffer
	err := pack.Write(&data, meeting, pdf.Options{Date: pipeline.OutputDate(first.Date)})
	var other *otherPaperError
	if errors.As(err, &other) {
		return other
	}
	if err != nil {
		return diag.Errorf(dir+"/"+packName, 0, 0, "writing the agenda pack: %v", err)
	}
	return out.write(dir+"/"+packName, data.Bytes())
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
