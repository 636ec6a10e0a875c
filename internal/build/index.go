package build

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
)

// indexEntry is what the index needs of one paper.
type indexEntry struct {
	meta     model.Meta
	withheld string
	files    map[string]int64 // "html"/"pdf" → size
}

// writeIndex writes index.html for every paper in the project: the ones
// just built, and (on a build of some papers only) the others as they were
// last published.
func writeIndex(o Options, results []*Built, last manifest, out *output) error {
	var entries []indexEntry
	built := map[string]bool{}
	for _, r := range results {
		built[r.Path] = true
		e := indexEntry{meta: r.Meta, withheld: r.Withheld, files: map[string]int64{}}
		dir := o.meetingDir(r.Meta)
		for _, kind := range []string{"html", "pdf"} {
			if size, ok := out.sizes[dir+"/"+r.Meta.Slug+"."+kind]; ok {
				e.files[kind] = size
			}
		}
		entries = append(entries, e)
	}
	others, err := otherPapers(o, built)
	if err != nil {
		return err
	}
	for _, p := range others {
		built[p.Path] = true
		entries = append(entries, publishedEntry(o, p))
	}
	// A paper whose front matter no longer reads is listed as it was last
	// published (its files are still there): another author's mistake does
	// not take it out of the index.
	for _, path := range sortedPapers(last) {
		if pp := o.proj.paper(path); !built[path] && pp != nil && pp.paper == nil {
			rec := last.Papers[path]
			e := indexEntry{meta: rec.meta(), files: map[string]int64{}}
			for f := range rec.Files {
				for _, kind := range []string{"html", "pdf"} {
					if f == o.meetingDir(e.meta)+"/"+rec.Slug+"."+kind {
						if size, ok := out.sizeOf(f); ok {
							e.files[kind] = size
						}
					}
				}
			}
			entries = append(entries, e)
		}
	}
	packSize := func(dir string) (int64, bool) {
		rel := dir + "/" + packName
		if size, ok := out.sizes[rel]; ok {
			return size, true
		}
		// A meeting this build did not touch keeps the pack it has.
		if out.stage != nil || out.previous != nil {
			return out.sizeOf(rel)
		}
		return 0, false
	}
	var buf bytes.Buffer
	if err := html.WriteIndex(&buf, indexOf(entries, o.meetingDir, packSize)); err != nil {
		return err
	}
	return out.write("index.html", buf.Bytes())
}

// otherPapers lists the project's papers that this build was not asked
// for, from their front matter as the build first read it, so the index
// and the packs can still list them. A paper whose front matter does not
// read is left out; building it reports why.
func otherPapers(o Options, built map[string]bool) ([]*project.Paper, error) {
	if o.proj == nil {
		proj, err := readProject(o, nil)
		if err != nil {
			return nil, err
		}
		o.proj = proj
	}
	var out []*project.Paper
	for _, pp := range o.proj.papers {
		if !built[pp.path] && pp.paper != nil {
			out = append(out, pp.paper)
		}
	}
	return out, nil
}

// publishedEntry describes a paper not built this time from its front
// matter and the files already in the output folder.
func publishedEntry(o Options, p *project.Paper) indexEntry {
	e := indexEntry{meta: p.Meta(), files: map[string]int64{}}
	if p.Exempt {
		e.withheld = p.WithheldNotice()
		return e
	}
	for _, kind := range []string{"html", "pdf"} {
		rel := o.meetingDir(e.meta) + "/" + p.Slug + "." + kind
		if info, err := os.Stat(filepath.Join(o.outDir(), filepath.FromSlash(rel))); err == nil {
			e.files[kind] = info.Size()
		}
	}
	return e
}

// indexOf sorts the entries as a clerk looks for them: committees A–Z,
// each one's meetings newest first, papers by agenda item.
func indexOf(entries []indexEntry, meetingDir func(model.Meta) string, packSize func(dir string) (int64, bool)) html.Index {
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].meta, entries[j].meta
		if a.Committee != b.Committee {
			return a.Committee < b.Committee
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return agendaLess(a, b)
	})
	ix := html.Index{Title: "Committee papers", Generator: "boardpaper " + Version}
	// Each committee's anchor is its slug, as in its folders' names, and
	// unique in the index however alike two names are.
	names := map[string]bool{}
	for _, e := range entries {
		names[e.meta.Committee] = true
	}
	ids := distinctSlugs(names)
	id := func(name string) string {
		if s, ok := ids[name]; ok {
			return "committee-" + s
		}
		return "committee-" + committeeSlug(name)
	}
	for _, e := range entries {
		m := e.meta
		if n := len(ix.Committees); n == 0 || ix.Committees[n-1].Name != m.Committee {
			ix.Committees = append(ix.Committees, html.IndexCommittee{Name: m.Committee, ID: id(m.Committee)})
		}
		c := &ix.Committees[len(ix.Committees)-1]
		date := format.LongDate(m.Date)
		if n := len(c.Meetings); n == 0 || c.Meetings[n-1].DateText != date {
			mt := html.IndexMeeting{DateText: date}
			if size, ok := packSize(meetingDir(m)); ok {
				mt.Pack = &html.IndexFile{Href: meetingDir(m) + "/" + packName, Size: size}
			}
			c.Meetings = append(c.Meetings, mt)
		}
		mt := &c.Meetings[len(c.Meetings)-1]
		p := html.IndexPaper{Item: m.Item, Subject: m.Title, Withheld: e.withheld}
		dir := meetingDir(m)
		if size, ok := e.files["html"]; ok {
			p.HTML = &html.IndexFile{Href: dir + "/" + m.Slug + ".html", Size: size}
		}
		if size, ok := e.files["pdf"]; ok {
			p.PDF = &html.IndexFile{Href: dir + "/" + m.Slug + ".pdf", Size: size}
		}
		mt.Papers = append(mt.Papers, p)
	}
	return ix
}

// agendaLess orders a meeting's papers by agenda item; papers without an
// item number come last, by name.
func agendaLess(a, b model.Meta) bool {
	if a.Item != b.Item {
		if a.Item == 0 || b.Item == 0 {
			return b.Item == 0
		}
		return a.Item < b.Item
	}
	return a.Slug < b.Slug
}
