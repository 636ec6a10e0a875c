package publish

import (
	"fmt"
	"strings"
)

// The leak generator writes papers with exempt material in every form an
// author might write it, and a unique word in every place: "zqxsecret…"
// wherever the text is exempt, "zqxopen…" wherever it is public. Which is
// which is decided here, by the format's rule and nothing of boardpaper's:
// an {.exempt} heading's own text is public, and everything written after
// it up to the next heading of the same or a higher level is exempt. A
// heading inside that stretch opens nothing and ends nothing.

const (
	secretPrefix = "zqxsecret"
	openPrefix   = "zqxopen"
)

// exemptSpellings are the ways an author marks a heading exempt: the
// class alone, beside the unnumbered mark in either order and spelling,
// in one set of braces or two, and beside a label and a key-value
// attribute. %s is where a label goes, when the spelling has one.
var exemptSpellings = []string{
	"{.exempt}",
	"{.exempt .unnumbered}",
	"{.unnumbered .exempt}",
	"{- .exempt}",
	"{.exempt -}",
	"{.exempt} {-}",
	"{-} {.exempt}",
	"{#%s .exempt}",
	"{.exempt #%s}",
	"{.exempt lang=en}",
}

// leakWords hands out the unique words and remembers which are which.
type leakWords struct {
	n              int
	secret, public []string
}

func (w *leakWords) word(secret bool) string {
	w.n++
	if secret {
		s := fmt.Sprintf("%s%04d", secretPrefix, w.n)
		w.secret = append(w.secret, s)
		return s
	}
	s := fmt.Sprintf("%s%04d", openPrefix, w.n)
	w.public = append(w.public, s)
	return s
}

// leakPaper writes one paper's body and the snapshot data its table and
// chart blocks read.
type leakPaper struct {
	words *leakWords
	body  strings.Builder
	data  strings.Builder
	notes strings.Builder // public footnote definitions, written at the end
	// runLevel is the level of the heading that opened the exempt stretch
	// being written, 0 when none is.
	runLevel int
	// labels are labels defined so far, for references from later text.
	labels []string
	// whole says the paper is exempt as a whole: every word is secret.
	whole     bool
	exhibits  int
	notesMade int
	// images are the picture files its image blocks show, by path.
	images map[string]string
}

func (p *leakPaper) word(secret bool) string { return p.words.word(secret || p.whole) }

// noteName names a footnote: the name is never printed (notes are
// numbered), so it is not one of the words.
func (p *leakPaper) noteName() string {
	p.notesMade++
	return fmt.Sprintf("n%d", p.notesMade)
}

// heading writes a heading and updates the exempt stretch by the rule.
// It returns whether what follows is exempt.
func (p *leakPaper) heading(level int, setext bool, attrs string) bool {
	if p.runLevel > 0 && level <= p.runLevel {
		p.runLevel = 0
	}
	inside := p.runLevel > 0
	if !inside && strings.Contains(attrs, ".exempt") {
		p.runLevel = level
	}
	title := "Part " + p.word(inside)
	if strings.Contains(attrs, "%s") {
		label := "sec-" + p.word(inside)
		attrs = fmt.Sprintf(attrs, label)
		p.labels = append(p.labels, label)
	}
	line := title
	if attrs != "" {
		line += " " + attrs
	}
	if setext {
		under := "==="
		if level == 2 {
			under = "---"
		}
		fmt.Fprintf(&p.body, "%s\n%s\n\n", line, under)
	} else {
		fmt.Fprintf(&p.body, "%s %s\n\n", strings.Repeat("#", level), line)
	}
	return p.runLevel > 0
}

// content writes the blocks a part holds: a labelled paragraph with a
// footnote, a list with a quote in it, a GitHub table with a caption,
// table and chart blocks from data, inline code and a link. rich adds the
// tables and the chart.
func (p *leakPaper) content(secret, rich bool) {
	w := func() string { return p.word(secret) }
	label := "para-" + w()
	note := p.noteName()
	fmt.Fprintf(&p.body, "A paragraph about %s with `%s` and [%s](https://example.org/%s).[^%s] {#%s}\n\n", w(), w(), w(), w(), note, label)
	p.labels = append(p.labels, label)
	// A footnote is defined where it is cited: inside the part when the
	// part is exempt, so its text is exempt too.
	fmt.Fprintf(&p.body, "[^%s]: A note on %s.\n\n", note, w())
	fmt.Fprintf(&p.body, "- an item on %s\n\n  > a quotation of %s\n\n", w(), w())
	if !rich {
		return
	}
	tbl, fig := "tbl-"+w(), "fig-"+w()
	p.labels = append(p.labels, tbl, fig)
	fmt.Fprintf(&p.body, "| %s | Figure |\n|---|--:|\n| %s | 1 |\n\nTable: %s {#%s}\n\n", w(), w(), w(), tbl)
	p.exhibits++
	key := fmt.Sprintf("t%d", p.exhibits)
	fmt.Fprintf(&p.body, "```table\ndata: %s\ncaption: Counts of %s\ncells: count\n```\n\n", key, w())
	fmt.Fprintf(&p.data, "%s:\n  corner: %s\n  columns: [%s, Two]\n  rows:\n    - {label: %s, values: [1, 2]}\n", key, w(), w(), w())
	key = fmt.Sprintf("c%d", p.exhibits)
	fmt.Fprintf(&p.body, "```chart\nid: %s\ntype: bar\ndata: %s\ntitle: Trend of %s\ncaption: Chart of %s\ny_label: %s\n```\n\n", fig, key, w(), w(), w())
	fmt.Fprintf(&p.data, "%s:\n  x: [%s, Later]\n  series:\n    - {name: %s, values: [3, 4]}\n", key, w(), w())
	// A picture whose file name, description and caption are all words.
	file := "images/" + w() + ".png"
	fmt.Fprintf(&p.body, "![A picture of %s](%s \"Photograph of %s\")\n\n", w(), file, w())
	if p.images == nil {
		p.images = map[string]string{}
	}
	p.images[file] = leakPNG
}

// leakPNG is a PNG of one pixel, for the pictures of the leak corpus.
const leakPNG = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU\x00\x00\x00\nIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\xb18\xf6\x14\x00\x00\x00\x00IEND\xaeB`\x82"

// refParagraph writes a paragraph referring to every label defined so
// far, exempt or not, with a footnote. It is exempt when it falls inside
// exempt material; a public one's note is defined at the end of the paper,
// where Markdown papers usually keep them.
func (p *leakPaper) refParagraph() {
	secret := p.runLevel > 0
	var b strings.Builder
	fmt.Fprintf(&b, "Text on %s", p.word(secret))
	for _, l := range p.labels {
		fmt.Fprintf(&b, ", see @%s", l)
	}
	note := p.noteName()
	fmt.Fprintf(&b, ".[^%s]\n\n", note)
	p.body.WriteString(b.String())
	def := fmt.Sprintf("[^%s]: A note on %s.\n\n", note, p.word(secret))
	if secret {
		p.body.WriteString(def)
	} else {
		p.notes.WriteString(def)
	}
}

// leakUnit writes a public host section, then an exempt heading at level
// with the given spelling and its content, a heading one level deeper
// inside it (exempt, title and all), and a public heading of the same
// level that ends it.
func (p *leakPaper) leakUnit(level int, spelling string, setext, rich bool) {
	p.heading(1, false, "")
	p.refParagraph()
	p.content(false, false)
	secret := p.heading(level, setext, spelling)
	p.content(secret, rich)
	if level < 6 && !setext {
		inner := p.heading(level+1, false, "")
		p.content(inner, false)
	}
	after := p.heading(level, false, "")
	p.content(after, false)
	// References from public text to everything above, exempt or not.
	p.refParagraph()
}

func (p *leakPaper) String() string { return p.body.String() + p.notes.String() }

// leakFromPlan writes a paper from a fuzzer's bytes: each three bytes are
// a heading (its level, and whether and how it is marked exempt), whether
// it is a setext heading, and what follows it. The words' secrecy follows
// the rule, whatever order the headings come in.
func leakFromPlan(plan []byte) *leakProject {
	words := &leakWords{}
	p := &leakPaper{words: words}
	p.body.WriteString("# Summary of main issues {.summary}\n\n")
	p.refParagraph()
	p.heading(1, false, "")
	p.content(false, false)
	for i := 0; i+2 < len(plan) && i < 3*16; i += 3 {
		level := 1 + int(plan[i]%6)
		attrs := ""
		switch k := int(plan[i+1]); {
		case k%4 == 1:
			attrs = "{-}"
		case k%4 >= 2:
			attrs = exemptSpellings[(k/4)%len(exemptSpellings)]
		}
		setext := level <= 2 && plan[i+2]&1 != 0
		p.heading(level, setext, attrs)
		p.content(p.runLevel > 0, plan[i+2]&2 != 0)
		if plan[i+2]&4 != 0 {
			p.refParagraph()
		}
	}
	lp := &leakProject{files: map[string]string{}, words: words}
	extra := ""
	if len(words.secret) > 0 {
		extra = rule
	}
	lp.files["templates/fuzz.md"] = fmt.Sprintf(leakFront, "executive-board", "Executive Board", "2026-03-13", "A fuzzed paper", 1, extra, "fuzz") + p.String()
	lp.files["data/fuzz.yaml"] = "n: 1\n" + p.data.String()
	for path, b := range p.images {
		lp.files[path] = b
	}
	return lp
}

// leakProject is the generated corpus: papers keyed by template path
// (body and front matter), the snapshot, and the words.
type leakProject struct {
	files map[string]string
	words *leakWords
}

const rule = "access_to_information_rule: \"10.4(3)\"\n"

const leakFront = `---
layout: %s
report_of: Director of Resources
report_to: %s
date: %s
subject: %s
item: %d
%sdata: data/%s.yaml
---
`

// leakCorpus writes papers holding every heading level with every
// spelling of {.exempt}, setext headings, exempt recommendations, a paper
// with an exempt appendix named on its cover, a paper with {.appendix}
// headings, two of them exempt, and a whole exempt paper,
// across two meetings.
func leakCorpus() *leakProject {
	words := &leakWords{}
	lp := &leakProject{files: map[string]string{}, words: words}
	add := func(slug, layout, committee, date string, item int, extra string, p *leakPaper) {
		extra += rule
		lp.files["templates/"+slug+".md"] = fmt.Sprintf(leakFront, layout, committee, date, fmt.Sprintf("The paper of item %d", item), item, extra, slug) + p.String()
		lp.files["data/"+slug+".yaml"] = "n: 1\n" + p.data.String()
		for path, b := range p.images {
			lp.files[path] = b
		}
	}
	summary := func(p *leakPaper) {
		p.body.WriteString("# Summary of main issues {.summary}\n\n")
		p.refParagraph()
		p.body.WriteString("# Recommendations {.recommendations}\n\nThe Board is asked to note the report.\n\n")
	}
	for level := 1; level <= 6; level++ {
		p := &leakPaper{words: words}
		summary(p)
		for i, sp := range exemptSpellings {
			p.leakUnit(level, sp, false, i < 2)
		}
		committee, date := "Executive Board", "2026-03-13"
		if level > 3 {
			committee, date = "Scrutiny Board (Resources)", "2026-03-20"
		}
		add(fmt.Sprintf("level-%d", level), "executive-board", committee, date, level, "", p)
	}

	p := &leakPaper{words: words}
	summary(p)
	for _, level := range []int{1, 2} {
		for _, sp := range []string{"{.exempt}", "{.exempt -}", "{.exempt} {-}"} {
			p.leakUnit(level, sp, true, false)
		}
	}
	add("setext", "scrutiny-board", "Executive Board", "2026-03-13", 7, "", p)

	// Exempt recommendations, and an appendix the cover names.
	p = &leakPaper{words: words}
	p.body.WriteString("# Summary of main issues {.summary}\n\n")
	p.refParagraph()
	p.heading(1, false, "{.recommendations .exempt}")
	p.content(true, false)
	p.labels = nil // the recommendations' paragraphs have no numbers to refer to
	p.heading(1, false, "")
	p.content(false, false)
	p.refParagraph()
	p.heading(1, false, "{.exempt}")
	p.content(true, true)
	add("recommendations", "executive-board", "Executive Board", "2026-03-13", 8, "exempt_appendix: \"1\"\n", p)

	// Appendices, two of them exempt (one labelled, one with a
	// subsection), after a public one and before another: the index and
	// the pack list their headings, never what is under them.
	p = &leakPaper{words: words}
	summary(p)
	p.heading(1, false, "")
	p.content(false, false)
	p.heading(1, false, "{.appendix}")
	p.content(false, true)
	p.heading(1, false, "{.appendix .exempt}")
	p.content(true, true)
	p.heading(2, false, "")
	p.content(true, false)
	p.heading(1, false, "{#%s .exempt .appendix}")
	p.content(true, false)
	p.heading(1, false, "{.appendix}")
	p.content(false, false)
	p.refParagraph()
	add("appendices", "executive-board", "Executive Board", "2026-03-13", 10, "exempt_appendix: \"2 and 3\"\n", p)

	// A whole paper not for publication: its name is exempt too.
	p = &leakPaper{words: words, whole: true}
	p.heading(1, false, "")
	p.content(true, true)
	add(words.word(true)+"-whole", "executive-board", "Executive Board", "2026-03-13", 9, "exempt: true\n", p)
	return lp
}
