package serve

import (
	"bytes"
	"html"
	"strconv"

	bphtml "github.com/boardpaper/boardpaper/internal/html"
	"github.com/boardpaper/boardpaper/internal/publish"
)

// A failed build writes no index, so the preview makes its own from what
// is served, laid out as the build's is (publish.Index).

// indexPage is the index of a failed build: every paper that built, with
// its files; every paper that did not and whose place is known, with a
// note; the packs still served; and, above them, the problems, by paper.
func indexPage(papers []publish.IndexPaper, files map[string][]byte, broken []*brokenPaper, other []string) []byte {
	size := func(path string) (int64, bool) {
		data, ok := files[path]
		return int64(len(data)), ok
	}
	var buf bytes.Buffer
	bphtml.WriteIndex(&buf, publish.Index(papers, publish.MeetingDir, size))
	return insertBefore(buf.Bytes(), "<main", problemsBanner(broken, other))
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
