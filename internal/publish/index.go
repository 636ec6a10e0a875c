package publish

import (
	"bytes"
	"sort"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
)

// IndexPaper is one paper as the site's index lists it.
type IndexPaper struct {
	Meta model.Meta
	// Withheld is the notice of a paper not for publication, or of one
	// that cannot be listed with its files.
	Withheld string
	// Files are the sizes of the paper's page and PDF, by "html" and
	// "pdf": only those it has.
	Files map[string]int64
}

// Index lays the site's index out as a clerk looks for a paper:
// committees A–Z, each one's meetings newest first, each meeting's papers
// by agenda item. folder names a paper's meeting folder (MeetingDir, or
// the build's own names for committees that share a slug); packSize
// returns the size of the agenda pack at a path, when there is one.
func Index(papers []IndexPaper, folder func(model.Meta) string, packSize func(path string) (int64, bool)) html.Index {
	sort.SliceStable(papers, func(i, j int) bool {
		a, b := papers[i].Meta, papers[j].Meta
		if a.Committee != b.Committee {
			return a.Committee < b.Committee
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return agendaLess(a, b)
	})
	ix := html.Index{Title: "Committee papers", Generator: pipeline.Generator}
	// Each committee's anchor is its slug, as in its folders' names, and
	// unique in the index however alike two names are.
	names := map[string]bool{}
	for _, p := range papers {
		names[p.Meta.Committee] = true
	}
	ids := distinctSlugs(names)
	id := func(name string) string {
		if s, ok := ids[name]; ok {
			return "committee-" + s
		}
		return "committee-" + committeeSlug(name)
	}
	for _, p := range papers {
		m := p.Meta
		dir := folder(m)
		if n := len(ix.Committees); n == 0 || ix.Committees[n-1].Name != m.Committee {
			ix.Committees = append(ix.Committees, html.IndexCommittee{Name: m.Committee, ID: id(m.Committee)})
		}
		c := &ix.Committees[len(ix.Committees)-1]
		date := format.LongDate(m.Date)
		if n := len(c.Meetings); n == 0 || c.Meetings[n-1].DateText != date {
			mt := html.IndexMeeting{DateText: date}
			pack := dir + "/" + packName
			if size, ok := packSize(pack); ok {
				mt.Pack = &html.IndexFile{Href: pack, Size: size}
			}
			c.Meetings = append(c.Meetings, mt)
		}
		mt := &c.Meetings[len(c.Meetings)-1]
		entry := html.IndexPaper{Item: m.Item, Subject: m.Title, Withheld: p.Withheld, Appendices: m.Appendices}
		if size, ok := p.Files["html"]; ok {
			entry.HTML = &html.IndexFile{Href: dir + "/" + m.Slug + ".html", Size: size}
		}
		if size, ok := p.Files["pdf"]; ok {
			entry.PDF = &html.IndexFile{Href: dir + "/" + m.Slug + ".pdf", Size: size}
		}
		mt.Papers = append(mt.Papers, entry)
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

// writeIndex writes index.html for every paper in the project: the ones
// just built, and (on a build of some papers only) the others as they were
// last published.
func writeIndex(o Options, results []*Built, last manifest, out *output) error {
	var papers []IndexPaper
	built := map[string]bool{}
	for _, r := range results {
		built[r.Path] = true
		e := IndexPaper{Meta: r.Meta, Withheld: r.Withheld, Files: map[string]int64{}}
		dir := o.meetingDir(r.Meta)
		for _, kind := range []string{"html", "pdf"} {
			if size, ok := out.sizes[dir+"/"+r.Meta.Slug+"."+kind]; ok {
				e.Files[kind] = size
			}
		}
		papers = append(papers, e)
	}
	for _, p := range otherPapers(o, built) {
		built[p.Path] = true
		papers = append(papers, publishedEntry(o, p, last.Papers[p.Path], out))
	}
	// A paper whose front matter no longer reads is listed as it was last
	// published (its files are still there): another author's mistake does
	// not take it out of the index.
	for _, path := range sortedPapers(last) {
		if pp := o.proj.paper(path); !built[path] && pp != nil && pp.paper == nil {
			rec := last.Papers[path]
			e := IndexPaper{Meta: rec.meta(), Files: map[string]int64{}}
			for f := range rec.Files {
				for _, kind := range []string{"html", "pdf"} {
					if f == o.meetingDir(e.Meta)+"/"+rec.Slug+"."+kind {
						if size, ok := out.sink.Size(f); ok {
							e.Files[kind] = size
						}
					}
				}
			}
			papers = append(papers, e)
		}
	}
	packSize := func(path string) (int64, bool) {
		if size, ok := out.sizes[path]; ok {
			return size, true
		}
		// A meeting this build did not touch keeps the pack it has.
		return out.sink.Size(path)
	}
	var buf bytes.Buffer
	if err := html.WriteIndex(&buf, Index(papers, o.meetingDir, packSize)); err != nil {
		return err
	}
	return out.write("index.html", buf.Bytes())
}

// otherPapers lists the project's papers that this build was not asked
// for, from their front matter as the build first read it, so the index
// and the packs can still list them. A paper whose front matter does not
// read is left out; building it reports why.
func otherPapers(o Options, built map[string]bool) []*project.Paper {
	var out []*project.Paper
	for _, pp := range o.proj.papers {
		if !built[pp.path] && pp.paper != nil {
			out = append(out, pp.paper)
		}
	}
	return out
}

// publishedEntry describes a paper not built this time from its front
// matter and the files the last build left.
// Its appendices are those the last build recorded, as its files have
// them.
func publishedEntry(o Options, p *project.Paper, last paperRecord, out *output) IndexPaper {
	e := IndexPaper{Meta: p.Meta(), Files: map[string]int64{}}
	e.Meta.Appendices = last.Appendices
	if p.Exempt {
		l, _ := project.LoadLayout(o.Root, p.Layout) // a layout that fails fails the build too
		e.Withheld = p.WithheldNotice(l)
		return e
	}
	for _, kind := range []string{"html", "pdf"} {
		if size, ok := out.sink.Size(o.meetingDir(e.Meta) + "/" + p.Slug + "." + kind); ok {
			e.Files[kind] = size
		}
	}
	return e
}
