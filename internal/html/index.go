package html

import (
	"bytes"
	"io"
	"strconv"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Index is the published site's front page: every committee, its meetings
// and their papers. The build fills it in already sorted (committees A–Z,
// meetings newest first, papers by agenda item).
type Index struct {
	Title      string // "Committee papers"
	Generator  string // "boardpaper 0.1.0"
	Committees []IndexCommittee
}

// IndexCommittee is one committee's meetings.
type IndexCommittee struct {
	Name     string
	ID       string // for the contents links: "executive-board"
	Meetings []IndexMeeting
}

// IndexMeeting is one meeting: its papers and its agenda pack.
type IndexMeeting struct {
	DateText string // "13th March 2013"
	Pack     *IndexFile
	Papers   []IndexPaper
}

// IndexPaper is one paper as listed. A paper not for publication has no
// files, only its notice.
type IndexPaper struct {
	Item    int // 0 when not given
	Subject string
	HTML    *IndexFile
	PDF     *IndexFile
	// Withheld is "not for publication (Access to Information Procedure
	// Rule 10.4(3))" for an exempt paper, else empty.
	Withheld string
	// Appendices are listed under the subject, each linked into the page
	// when there is one.
	Appendices []model.AppendixEntry
}

// IndexFile is a link to a published file, with its size for readers on
// slow connections.
type IndexFile struct {
	Href string // relative to the index
	Size int64
}

// WriteIndex renders the site's index page, as self-contained and
// accessible as the papers.
func WriteIndex(w io.Writer, ix Index) error {
	p := &page{}
	title := ix.Title
	if title == "" {
		title = "Committee papers"
	}
	p.s("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	p.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
	p.text(title)
	p.s("</title>\n")
	p.metaTag("generator", ix.Generator)
	p.s("<style>\n", styleSheet(model.Style{}), indexCSS, "</style>\n</head>\n<body>\n")
	p.s("<a class=\"skip-link\" href=\"#main\">Skip to the papers</a>\n")
	p.s("<header class=\"index-header\">\n<h1>")
	p.text(title)
	p.s("</h1>\n")
	if len(ix.Committees) > 1 {
		p.s("<nav aria-label=\"Committees\">\n<ul class=\"index-committees\">\n")
		for _, c := range ix.Committees {
			p.s("<li><a href=\"#", escapeAttr(c.ID), "\">")
			p.text(c.Name)
			p.s("</a></li>\n")
		}
		p.s("</ul>\n</nav>\n")
	}
	p.s("</header>\n<main id=\"main\">\n")
	if len(ix.Committees) == 0 {
		p.s("<p>No papers have been published.</p>\n")
	}
	for _, c := range ix.Committees {
		p.s("<section class=\"index-committee\" aria-labelledby=\"", escapeAttr(c.ID), "\">\n<h2 id=\"", escapeAttr(c.ID), "\">")
		p.text(c.Name)
		p.s("</h2>\n")
		for _, m := range c.Meetings {
			p.meeting(c, m)
		}
		p.s("</section>\n")
	}
	p.s("</main>\n<footer class=\"provenance\">\n<p>Built by ")
	p.text(ix.Generator)
	p.s(".</p>\n</footer>\n</body>\n</html>\n")
	_, err := w.Write(p.buf.Bytes())
	return err
}

func (p *page) meeting(c IndexCommittee, m IndexMeeting) {
	p.s("<h3>")
	p.text(m.DateText)
	p.s("</h3>\n")
	if m.Pack != nil {
		p.s("<p class=\"index-pack\">")
		p.fileLink(m.Pack, "Agenda reports pack", c.Name+", "+m.DateText, "PDF")
		p.s("</p>\n")
	}
	p.s("<table class=\"index-papers\">\n<caption class=\"visually-hidden\">")
	p.text(c.Name + ", " + m.DateText + ": papers")
	p.s("</caption>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Subject</th><th scope=\"col\">Files</th></tr></thead>\n<tbody>\n")
	for _, paper := range m.Papers {
		p.s("<tr><td class=\"num\">")
		if paper.Item > 0 {
			p.s(strconv.Itoa(paper.Item))
		}
		p.s("</td><th scope=\"row\">")
		p.text(paper.Subject)
		p.appendixList(paper)
		p.s("</th><td>")
		switch {
		case paper.Withheld != "":
			p.s("<span class=\"withheld\">")
			p.text(paper.Withheld)
			p.s("</span>")
		default:
			var links [][]byte
			for _, f := range []struct {
				file *IndexFile
				kind string
			}{{paper.HTML, "Web page"}, {paper.PDF, "PDF"}} {
				if f.file == nil {
					continue
				}
				sub := &page{}
				sub.fileLink(f.file, f.kind, paper.Subject, fileKind(f.kind))
				links = append(links, sub.buf.Bytes())
			}
			p.buf.Write(bytes.Join(links, []byte(" · ")))
		}
		p.s("</td></tr>\n")
	}
	p.s("</tbody>\n</table>\n")
}

func fileKind(kind string) string {
	if kind == "PDF" {
		return "PDF"
	}
	return "HTML"
}

// fileLink writes a link with the file's type and size. "PDF" alone says
// nothing out of context, so the link also carries, hidden from sight but
// read out, what the file is (GOV.UK's pattern; an aria-label would
// replace the visible words a voice-control user speaks).
func (p *page) fileLink(f *IndexFile, text, context, kind string) {
	p.s("<a href=\"", escapeAttr(f.Href), "\">")
	p.text(text)
	p.s("<span class=\"visually-hidden\">: ")
	p.text(context)
	p.s("</span></a> <span class=\"filesize\">(")
	p.text(kind + ", " + FileSize(f.Size))
	p.s(")</span>")
}

// FileSize writes a size as GOV.UK does: "812 bytes", "84 KB", "1.2 MB".
func FileSize(n int64) string {
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10) + " bytes"
	case n < 1024*1024:
		return strconv.FormatInt((n+512)/1024, 10) + " KB"
	default:
		return strconv.FormatFloat(float64(n)/(1024*1024), 'f', 1, 64) + " MB"
	}
}

const indexCSS = `
.index-header, .index-committee { max-width: 46rem; margin: 0 auto; }
.index-header { border-bottom: 2px solid #0b0c0c; padding-bottom: 1rem; margin-bottom: 1.5rem; }
.index-committees { list-style: none; padding: 0; margin: 1rem 0 0; }
.index-committees li { display: inline-block; margin: 0 1.25rem 0.35rem 0; }
.index-papers { width: 100%; margin-bottom: 1.5rem; }
.index-papers tbody th { font-weight: normal; }
.index-papers td.num { width: 3rem; }
.filesize { color: #505a5f; font-size: 0.9rem; }
.withheld { font-style: italic; }
`

// appendixList lists a paper's appendices under its subject: an exempt
// one's heading is public, and says it is not for publication.
func (p *page) appendixList(paper IndexPaper) {
	if len(paper.Appendices) == 0 || paper.Withheld != "" {
		return
	}
	p.s("<ul class=\"index-appendices\">\n")
	for _, a := range paper.Appendices {
		p.s("<li>")
		if paper.HTML != nil && a.ID != "" {
			p.s("<a href=\"", escapeAttr(paper.HTML.Href+"#"+a.ID), "\">")
			p.text(model.AppendixLine(a))
			p.s("</a>")
		} else {
			p.text(model.AppendixLine(a))
		}
		p.s("</li>\n")
	}
	p.s("</ul>\n")
}
