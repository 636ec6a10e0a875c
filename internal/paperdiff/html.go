package paperdiff

import (
	"errors"
	"html"
	"io"
	"strconv"
	"strings"
)

// errFullShared refuses to write exempt material into a form made for
// sharing.
var errFullShared = errors.New("a comparison of full versions holds exempt material, and the Markdown and HTML forms are for sharing: compare the public versions")

// WriteHTML writes the report as one self-contained page: each changed
// paragraph titled with its number and linkable (#its-anchor), the two
// versions side by side (one above the other on a narrow screen), removed
// words struck through in <del> and new words underlined in <ins>, each
// also announced to a screen reader ("removed:", "added:"), and tables of
// the cover's, tables' and charts' changes. It never holds exempt
// material: it refuses a report of full versions.
func WriteHTML(w io.Writer, r *Report) error {
	if r.Full {
		return errFullShared
	}
	h := htmlWriter{ids: map[string]bool{}}
	title := "What the papers now say: " + r.Old + " → " + r.New
	h.s(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`, h.esc(title), `</title>
<style>`, reportCSS, `</style>
</head>
<body>
<a class="skip" href="#main">Skip to the changes</a>
<header>
<h1>What the papers now say</h1>
<p>`, h.esc(r.Summary()), `.</p>
<p>Each changed paragraph is shown as it was (<strong>Was</strong>, from `, h.esc(r.Old), `) and as it is now (<strong>Now</strong>, from `, h.esc(r.New), `). Removed words are struck through: <del><span class="vh">removed: </span>like this</del>. New words are underlined: <ins><span class="vh">added: </span>like this</ins>.</p>
</header>
<main id="main">
`)
	// Anchors are decided before the contents list that links to them.
	paperIDs := make([]string, len(r.Papers))
	textIDs := make([][]string, len(r.Papers))
	for i, p := range r.Papers {
		paperIDs[i] = h.id("paper-" + p.Slug)
		for _, t := range p.Text {
			textIDs[i] = append(textIDs[i], h.id(t.Anchor))
		}
	}
	if len(r.Papers) > 0 {
		h.s(`<nav aria-labelledby="contents"><h2 id="contents">Papers that read differently</h2><ul>`)
		for i, p := range r.Papers {
			h.s(`<li><a href="#`, paperIDs[i], `">`, h.esc(p.Title), `</a> (<code>`, h.esc(p.Path), `</code>`)
			if s := p.statusLine(r.Old); s != "" {
				h.s(`: `, h.esc(s))
			}
			h.s(`)`)
			if len(p.Text) > 0 {
				h.s(`<ul class="places">`)
				for k, t := range p.Text {
					h.s(`<li><a href="#`, textIDs[i][k], `">`, h.esc(t.Where), `</a></li>`)
				}
				h.s(`</ul>`)
			}
			h.s("</li>\n")
		}
		h.s("</ul></nav>\n")
	} else {
		h.s("<p>No paper reads differently.</p>\n")
	}
	for i := range r.Papers {
		h.paper(&r.Papers[i], r.Old, paperIDs[i], textIDs[i])
	}
	h.s("</main>\n</body>\n</html>\n")
	_, err := io.WriteString(w, h.b.String())
	return err
}

type htmlWriter struct {
	b   strings.Builder
	ids map[string]bool
}

func (h *htmlWriter) s(parts ...string) {
	for _, p := range parts {
		h.b.WriteString(p)
	}
}

func (h *htmlWriter) esc(s string) string { return html.EscapeString(s) }

// id makes an anchor unique within the page.
func (h *htmlWriter) id(want string) string {
	id := want
	for n := 2; h.ids[id]; n++ {
		id = want + "-" + strconv.Itoa(n)
	}
	h.ids[id] = true
	return id
}

func (h *htmlWriter) paper(p *Paper, oldName, id string, textIDs []string) {
	h.s(`<section class="paper" aria-labelledby="`, id, `">`, "\n")
	h.s(`<h2 id="`, id, `">`, h.esc(p.Title), `</h2>`, "\n")
	h.s(`<p class="path"><code>`, h.esc(p.Path), `</code>`)
	if s := p.statusLine(oldName); s != "" {
		h.s(`: `, h.esc(s), "</p>\n</section>\n")
		return
	}
	h.s("</p>\n")
	if len(p.Inputs) > 0 {
		h.s(`<ul class="inputs">`)
		for _, in := range p.Inputs {
			h.s(`<li>`, h.esc(in), `</li>`)
		}
		h.s("</ul>\n")
	}
	if len(p.Cover) > 0 {
		h.s(`<h3>Cover</h3>`, "\n")
		var rows [][]string
		for _, f := range p.Cover {
			rows = append(rows, []string{f.Name, f.Old, f.New})
		}
		h.table(p.Title+": cover", []string{"Line", "Was", "Now"}, rows)
	}
	if len(p.Text) > 0 {
		h.s(`<h3>Text</h3>`, "\n")
	}
	for k, t := range p.Text {
		tid := textIDs[k]
		where := capitalise(t.heading())
		h.s(`<section class="change" aria-labelledby="`, tid, `"><h4 id="`, tid, `"><a href="#`, tid, `">`, h.esc(where), `</a></h4>`, "\n")
		h.s(`<div class="pair"><div class="was"><h5>Was</h5>`)
		h.segments(t.Old, "del", "removed: ", "(not there before)")
		h.s(`</div><div class="now"><h5>Now</h5>`)
		h.segments(t.New, "ins", "added: ", "(no longer there)")
		h.s("</div></div>\n</section>\n")
	}
	tables, charts := p.changeRows()
	if len(tables) > 0 {
		h.s(`<h3>Tables</h3>`, "\n")
		h.table(p.Title+": table cells", tableColumns, tables)
	}
	if len(charts) > 0 {
		h.s(`<h3>Charts</h3>`, "\n")
		h.table(p.Title+": chart figures", chartColumns, charts)
	}
	h.s("</section>\n")
}

// segments writes a paragraph with its changed words in tag (del or ins),
// each announced by said; empty says the text was not there.
func (h *htmlWriter) segments(ss []Segment, tag, said, empty string) {
	if ss == nil {
		h.s(`<p class="none">`, h.esc(empty), `</p>`)
		return
	}
	h.s("<p>")
	for _, s := range ss {
		if s.Changed {
			h.s("<", tag, `><span class="vh">`, said, "</span>", h.esc(s.Text), "</", tag, ">")
		} else {
			h.s(h.esc(s.Text))
		}
	}
	h.s("</p>")
}

// table writes a table of changes in a box that scrolls sideways on its
// own when it is wider than the screen, reachable by keyboard.
func (h *htmlWriter) table(label string, head []string, rows [][]string) {
	h.s(`<div class="scroll" role="region" tabindex="0" aria-label="`, h.esc(label), `"><table><thead><tr>`)
	for _, c := range head {
		h.s(`<th scope="col">`, h.esc(c), `</th>`)
	}
	h.s("</tr></thead><tbody>\n")
	for _, cells := range rows {
		h.s("<tr>")
		for j, c := range cells {
			if j == 0 {
				h.s(`<th scope="row">`, h.esc(c), `</th>`)
			} else {
				h.s(`<td>`, h.esc(c), `</td>`)
			}
		}
		h.s("</tr>\n")
	}
	h.s("</tbody></table></div>\n")
}

const reportCSS = `
body{margin:0;font-family:"Liberation Sans",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#0b0c0c;background:#fff}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.75rem}h2{font-size:1.4rem;margin-top:2.5rem;border-top:2px solid #0b0c0c;padding-top:.75rem}
h3{font-size:1.15rem;margin-top:1.5rem}h4{font-size:1rem;margin:1.25rem 0 .5rem}h5{font-size:.875rem;margin:.5rem 0 0;text-transform:uppercase;letter-spacing:.05em}
p,li,code{overflow-wrap:anywhere}
td,th{overflow-wrap:break-word}
a{color:#1d4f91}a:focus,.scroll:focus{outline:3px solid #ffbf47;outline-offset:0}
.skip{position:absolute;left:-9999px}.skip:focus{position:static}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
@media (max-width:40rem){.pair{grid-template-columns:minmax(0,1fr)}}
.was,.now{border:1px solid #6f777b;padding:0 .75rem}
.was{border-left:6px solid #942514}.now{border-left:6px solid #005a30}
del{background:#fde2dd;color:#5c0f05;text-decoration:line-through}
ins{background:#d8f0e0;color:#00381d;text-decoration:underline;text-decoration-thickness:2px}
.none{font-style:italic;color:#454a4d}
.path{margin:.25rem 0}
.inputs{color:#454a4d}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #6f777b;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f2f1}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
`
