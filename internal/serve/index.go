package serve

import (
	"bytes"
	"html"
	"sort"
	"strconv"

	"github.com/boardpaper/boardpaper/internal/format"
	bphtml "github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/publish"
)

// A failed build writes no index, so the preview makes its own, as the
// build's is made (internal/publish's writeIndex), from what is served.

// packName is the agenda pack's file name in a meeting's folder, as the
// build writes it.
const packName = "agenda-pack.pdf"

// indexEntry is what the index needs of one paper.
type indexEntry struct {
	meta      model.Meta
	withheld  string
	html, pdf *indexFile
}

type indexFile struct {
	href string
	size int64
}

func (f *indexFile) link() *bphtml.IndexFile {
	if f == nil {
		return nil
	}
	return &bphtml.IndexFile{Href: f.href, Size: f.size}
}

// indexPage is the index of a failed build: every paper that built, with
// its files; every paper that did not and whose place is known, with a
// note; the packs still served; and, above them, the problems, by paper.
func indexPage(entries []indexEntry, files map[string][]byte, broken []*brokenPaper, other []string) []byte {
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
	ix := bphtml.Index{Title: "Committee papers", Generator: pipeline.Generator}
	for _, e := range entries {
		m := e.meta
		dir := publish.MeetingDir(m)
		if n := len(ix.Committees); n == 0 || ix.Committees[n-1].Name != m.Committee {
			ix.Committees = append(ix.Committees, bphtml.IndexCommittee{Name: m.Committee, ID: "committee-" + publish.Slug(m.Committee)})
		}
		c := &ix.Committees[len(ix.Committees)-1]
		date := format.LongDate(m.Date)
		if n := len(c.Meetings); n == 0 || c.Meetings[n-1].DateText != date {
			mt := bphtml.IndexMeeting{DateText: date}
			if data, ok := files[dir+"/"+packName]; ok {
				mt.Pack = &bphtml.IndexFile{Href: dir + "/" + packName, Size: int64(len(data))}
			}
			c.Meetings = append(c.Meetings, mt)
		}
		mt := &c.Meetings[len(c.Meetings)-1]
		mt.Papers = append(mt.Papers, bphtml.IndexPaper{Item: m.Item, Subject: m.Title, Withheld: e.withheld, HTML: e.html.link(), PDF: e.pdf.link()})
	}
	var buf bytes.Buffer
	bphtml.WriteIndex(&buf, ix)
	return insertBefore(buf.Bytes(), "<main", problemsBanner(broken, other))
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

// problemsBanner heads the index of a failed build: each paper that does
// not build, linked to its page of problems, with its problems, then any
// problem that is no one paper's.
func problemsBanner(broken []*brokenPaper, other []string) string {
	var b bytes.Buffer
	b.WriteString(`<section class="build-problems" role="alert" aria-labelledby="build-problems" style="max-width:46rem;margin:0 auto 1.5rem;padding:.5rem 1rem;border-left:5px solid #942514">` + "\n")
	switch n := len(broken); {
	case n == 1:
		b.WriteString(`<h2 id="build-problems">1 paper does not build</h2>`)
	case n > 1:
		b.WriteString(`<h2 id="build-problems">` + strconv.Itoa(n) + ` papers do not build</h2>`)
	default:
		b.WriteString(`<h2 id="build-problems">The papers did not build</h2>`)
	}
	b.WriteString("\n<p>The other papers are listed below as they built. Fix these problems and save; the page will reload.</p>\n<ul>\n")
	for _, p := range broken {
		b.WriteString("<li>")
		name := html.EscapeString(p.path)
		if p.subject != "" {
			name += " (" + html.EscapeString(p.subject) + ")"
		}
		if p.page != "" {
			b.WriteString(`<a href="` + html.EscapeString(p.page) + `">` + name + "</a>")
		} else {
			b.WriteString(name)
		}
		b.WriteString(problemList(p.problems) + "</li>\n")
	}
	if len(other) > 0 {
		b.WriteString("<li>" + problemList(other) + "</li>\n")
	}
	b.WriteString("</ul>\n</section>\n")
	return b.String()
}
