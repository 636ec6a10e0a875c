// Package markdown reads a paper's expanded body (CommonMark with GitHub
// tables, footnotes and heading attributes) into the document model. It is
// the only package that imports goldmark.
//
// The reader builds structure, not numbers: sections, subsections,
// cross-headings, paragraphs with their labels, tables, charts (through a
// callback, since their figures come from data), footnotes and unresolved
// cross-references. Numbering and resolving are internal/transform's.
package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// FenceFunc turns a fenced block whose info string is "table" or "chart"
// into a model block. src is the fence's content; pos is the template-file
// position of its first line.
type FenceFunc func(kind string, src []byte, pos diag.Pos) (model.Block, error)

// Source is what the reader needs to know about where the text came from.
type Source struct {
	Path      string // the template's path, for messages
	FirstLine int    // the file line the body starts on
	Template  string // the body as written (before expansion), to map lines back
	Expanded  string // the body after expansion: what is parsed
	// Images reads the image files the body names; nil refuses images.
	Images ImageFunc
}

// Result is the document's structure and where each element was written,
// for the passes' messages.
type Result struct {
	Doc       *model.Document
	Positions diag.Positions
}

// md is goldmark's CommonMark parser with heading attributes, GitHub tables
// and footnotes, made when a paper is first read (commands that read none
// do not make it). Its HTML renderer is never used: internal/html and
// internal/pdf write the model.
var md = sync.OnceValue(func() parser.Parser {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute()),
	).Parser()
})

// Read parses src and builds the document. All problems found are returned
// together as a diag.List.
func Read(src Source, fence FenceFunc) (*Result, error) {
	body := []byte(src.Expanded)
	r := &reader{
		src:   body,
		path:  src.Path,
		first: src.FirstLine,
		lines: newLineMap(src.Template, src.Expanded),
		fence: fence,
		image: src.Images,
		doc:   &model.Document{},
		pos:   diag.Positions{},
		notes: map[int]*model.Note{},
	}
	parsed, fancy := fancyLists(body)
	r.fancy, r.src = fancy, parsed
	r.lineStarts = lineStarts(body)
	root := md().Parse(text.NewReader(parsed))
	if fancy != nil {
		// A marker goldmark read as one is in no text; one it did not
		// ("(b)" in a line of a paragraph) is text, and reads as written.
		copy(parsed, body)
	}
	var finished chan struct{}
	r.fences, finished = r.fencesAhead(root)
	r.blocks(root)
	r.endRun()
	if finished != nil {
		<-finished // every block was met, so this is at most a moment
	}
	r.doc.Footnotes = r.orderedNotes()
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	return &Result{Doc: r.doc, Positions: r.pos}, nil
}

type reader struct {
	src        []byte
	path       string
	first      int
	lines      *lineMap
	lineStarts []int
	fence      FenceFunc
	image      ImageFunc
	fancy      map[int]fancyMarker    // list markers as written, by line
	fences     map[ast.Node]*fenceJob // table and chart blocks read ahead
	errs       diag.List

	doc   *model.Document
	pos   diag.Positions
	notes map[int]*model.Note

	// The section being filled: a level-1 section, a subsection, or a
	// front-part section.
	section *model.Section
	// top is the current level-1 body section (parent of subsections).
	top *model.Section
	// into is where blocks go: the section's blocks, or those of the
	// exempt part being read in it.
	into *[]model.Block
	// run is the exempt material being read, nil when none is.
	run *exemptRun
	// appendix is the first appendix read, nil until one is: numbered
	// sections may not follow it.
	appendix *model.Section
}

// fancyMarkerOf is the marker a list's first item was written with, when
// it was a fancy one (see fancyLists).
func (r *reader) fancyMarkerOf(l *ast.List) (fancyMarker, bool) {
	if r.fancy == nil || l.FirstChild() == nil {
		return fancyMarker{}, false
	}
	off := nodeOffset(l.FirstChild())
	if off < 0 {
		return fancyMarker{}, false
	}
	line := r.lineOf(off)
	m, ok := r.fancy[line]
	if !ok && line > 0 {
		m, ok = r.fancy[line-1] // an item whose text starts on the next line
	}
	return m, ok
}

// lineOf is the 0-based line of the expanded body holding offset.
func (r *reader) lineOf(offset int) int {
	lo, hi := 0, len(r.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.lineStarts[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position turns a byte offset in the expanded body into the template
// file's line and column.
func (r *reader) position(offset int) diag.Pos {
	if offset < 0 {
		offset = 0
	}
	lo := r.lineOf(offset)
	col := offset - r.lineStarts[lo] + 1
	src, exact := r.lines.source(lo)
	if !exact {
		col = 1 // the line changed in expansion; its column no longer holds
	}
	return diag.Pos{Path: r.path, Line: r.first + src, Col: col}
}

// nodePos finds where a node starts.
func (r *reader) nodePos(n ast.Node) diag.Pos {
	return r.position(nodeOffset(n))
}

func nodeOffset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := nodeOffset(c); off >= 0 {
			return off
		}
	}
	return -1
}

func (r *reader) fail(n ast.Node, format string, args ...any) {
	r.errs.Add(diag.At(r.nodePos(n), format, args...))
}

// blocks reads the document's top-level blocks, opening sections at
// headings.
func (r *reader) blocks(root ast.Node) {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			r.heading(n)
		case *extast.FootnoteList:
			r.footnotes(n)
		default:
			if bs := r.block(n); len(bs) > 0 {
				if r.section == nil {
					r.fail(n, "text before the first heading: start the paper with a heading such as \"# Summary of main issues {.summary}\"")
					continue
				}
				// A "Table: caption" paragraph right after a GitHub table
				// captions it.
				if p, ok := bs[0].(*model.Para); ok && len(bs) == 1 {
					if t := r.lastTable(); t != nil && r.caption(t, p, n) {
						continue
					}
				}
				r.add(bs...)
			}
		}
	}
}

var (
	trailingLabel = lazyregexp.New(`\s*\{#([A-Za-z][A-Za-z0-9_-]*)\}\s*$`)
	captionPrefix = lazyregexp.New(`^Table:\s*`)
	// exemptMark finds an attribute list naming exempt that was not read
	// as one: in a paragraph, or a heading's list that does not parse.
	exemptMark = lazyregexp.New(`(?i)\{[^{}]*exempt[^{}]*\}?`)
)

// headingClasses are the classes a heading may carry. Any other is an
// error, so that a misspelt {.exempt} can never pass unnoticed and publish
// what it was meant to withhold.
var headingClasses = []string{"summary", "recommendations", "appendix", "unnumbered", "exempt"}

// exemptRun is exempt material being read: an {.exempt} heading opened it
// at level, and it runs to the next heading of the same or a higher level.
// Headings inside it open and end nothing.
type exemptRun struct {
	level int
}

// endRun closes the exempt material being read.
func (r *reader) endRun() {
	if r.run == nil {
		return
	}
	r.run = nil
	if r.section != nil {
		r.into = &r.section.Blocks
	}
}

// add puts blocks where the text being read belongs: the current
// section, or the exempt part being read inside it.
func (r *reader) add(bs ...model.Block) {
	*r.into = append(*r.into, bs...)
}

func (r *reader) heading(h *ast.Heading) {
	pos := r.nodePos(h)
	if r.run != nil && h.Level <= r.run.level {
		r.endRun()
	}
	title, attr := r.headingText(h, pos)
	if !visible(model.PlainText(title)) {
		r.errs.Add(diag.At(pos, "this heading has no text: write its title after the #, or remove the line"))
	}
	// Whether a heading is exempt is decided here, once, for every kind of
	// heading: the model carries it, and the public version is made from
	// the model.
	inside := r.run != nil
	opens := !inside && attr.HasClass("exempt")
	if opens {
		r.run = &exemptRun{level: h.Level}
	}
	exempt := opens || inside

	front := attr.HasClass("summary") || attr.HasClass("recommendations")
	switch {
	case attr.HasClass("appendix"):
		r.appendixHeading(h, pos, attr, title, exempt)
	case front:
		if h.Level != 1 {
			r.errs.Add(diag.At(pos, "{.summary} and {.recommendations} go on a level-1 heading (#)"))
		}
		if len(r.doc.Body) > 0 {
			r.errs.Add(diag.At(pos, "the front part ({.summary}, {.recommendations}) must come before the first numbered section"))
		}
		kind := model.FrontSummary
		if attr.HasClass("recommendations") {
			kind = model.FrontRecommendations
		}
		s := &model.Section{Attr: attr, Kind: kind, Level: 1, Title: title, Exempt: exempt, WithinExempt: inside}
		r.pos[s] = pos
		r.doc.Front = append(r.doc.Front, s)
		r.section, r.top, r.into = s, nil, &s.Blocks
	case attr.HasClass("unnumbered") || h.Level > 2:
		ch := &model.CrossHeading{Attr: attr, Level: h.Level, Inlines: title}
		r.pos[ch] = pos
		if r.section == nil {
			r.errs.Add(diag.At(pos, "an unnumbered heading needs a numbered section before it"))
			return
		}
		if opens {
			part := &model.ExemptPart{Heading: ch}
			r.add(part)
			r.into = &part.Blocks
			return
		}
		r.add(ch)
	case h.Level == 1:
		if r.appendix != nil {
			r.errs.Add(diag.At(r.pos[r.appendix], "this appendix comes before the numbered section at line %d: appendices go after the main sections, at the end of the paper", pos.Line))
			r.appendix = nil // said once
		}
		s := &model.Section{Attr: attr, Level: 1, Title: title, Exempt: exempt}
		r.pos[s] = pos
		r.doc.Body = append(r.doc.Body, s)
		r.section, r.top, r.into = s, s, &s.Blocks
	default: // level 2
		if r.top == nil {
			r.errs.Add(diag.At(pos, "a subsection (##) needs a numbered section (#) before it"))
			return
		}
		s := &model.Section{Attr: attr, Level: 2, Title: title, Exempt: exempt, WithinExempt: inside}
		r.pos[s] = pos
		r.top.Subsections = append(r.top.Subsections, s)
		r.section, r.into = s, &s.Blocks
	}
}

// appendixHeading opens an appendix: a level-1 section of its own kind,
// after the numbered sections.
func (r *reader) appendixHeading(h *ast.Heading, pos diag.Pos, attr model.Attr, title []model.Inline, exempt bool) {
	for _, c := range []string{"summary", "recommendations", "unnumbered"} {
		if attr.HasClass(c) {
			r.errs.Add(diag.At(pos, "a heading cannot be both .appendix and .%s: an appendix is numbered as the layout says (Appendix 1)", c))
			return
		}
	}
	if h.Level != 1 {
		r.errs.Add(diag.At(pos, "{.appendix} goes on a level-1 heading (#): an appendix's own subsections are ## headings under it"))
		return
	}
	s := &model.Section{Attr: attr, Kind: model.Appendix, Level: 1, Title: title, Exempt: exempt}
	r.pos[s] = pos
	if r.appendix == nil {
		r.appendix = s
	}
	r.doc.Body = append(r.doc.Body, s)
	r.section, r.top, r.into = s, s, &s.Blocks
}

// headingText reads a heading's text and attributes: those goldmark read,
// and every attribute list left at the end of the text (see peelAttrs).
func (r *reader) headingText(h *ast.Heading, pos diag.Pos) ([]model.Inline, model.Attr) {
	title := r.inlines(h)
	attr := r.attr(h)
	if t, ok := lastText(title); ok {
		rest, peeled, _ := peelAttrs(string(t))
		if rest != string(t) {
			// The lists left in the text were written before the one
			// goldmark read, if it read one.
			attr = mergeAttr(peeled, attr)
			title = trimInlines(setLastText(title, model.Text(rest)))
		}
	}
	if m := exemptMark().FindString(model.PlainText(title)); m != "" {
		r.errs.Add(diag.At(pos, "cannot read the attributes %q: write them as {.exempt}, {.exempt .unnumbered} or {#sec-label .exempt}", m))
	}
	for _, c := range attr.Classes {
		if !slices.Contains(headingClasses, c) {
			hint := ""
			if near := diag.Nearest(c, headingClasses); near != "" {
				hint = fmt.Sprintf(" (did you mean .%s?)", near)
			}
			r.errs.Add(diag.At(pos, "unknown heading class .%s%s: a heading may be .%s", c, hint, strings.Join(headingClasses, ", .")))
		}
	}
	return title, attr
}

// attr reads goldmark's parsed {#id .class key=value} attributes.
func (r *reader) attr(n ast.Node) model.Attr {
	var a model.Attr
	for _, at := range n.Attributes() {
		name := string(at.Name)
		var val string
		switch v := at.Value.(type) {
		case []byte:
			val = string(v)
		case string:
			val = v
		default:
			continue
		}
		switch name {
		case "id":
			a.ID = val
		case "class":
			a.Classes = append(a.Classes, strings.Fields(val)...)
		default:
			a.KV = append(a.KV, model.KV{Key: name, Value: val})
		}
	}
	return a
}

// lastTable returns the section's last block when it is a GitHub table
// that has no caption yet.
func (r *reader) lastTable() *model.Table {
	if r.section == nil || len(*r.into) == 0 {
		return nil
	}
	t, ok := (*r.into)[len(*r.into)-1].(*model.Table)
	if !ok || t.RowHeaders || len(t.Caption) > 0 {
		return nil
	}
	return t
}

// caption applies a "Table: caption {#tbl-x}" paragraph to t, reporting
// whether p was one.
func (r *reader) caption(t *model.Table, p *model.Para, n ast.Node) bool {
	first, ok := p.Inlines[0].(model.Text)
	if !ok || !captionPrefix().MatchString(string(first)) {
		return false
	}
	in := append([]model.Inline{model.Text(captionPrefix().ReplaceAllString(string(first), ""))}, p.Inlines[1:]...)
	if p.Attr.ID != "" {
		t.Attr.ID = p.Attr.ID
	}
	t.Caption = trimInlines(in)
	t.Attr.Classes = append(t.Attr.Classes, "numbered")
	r.pos[t] = r.nodePos(n)
	return true
}

// block converts one block node. It returns nil for nodes that add nothing.
func (r *reader) block(n ast.Node) []model.Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if b, ok := r.figure(n); ok {
			if b == nil {
				return nil
			}
			return []model.Block{b}
		}
		return []model.Block{r.para(n)}
	case *ast.List:
		l := &model.List{Ordered: n.IsOrdered(), Start: n.Start}
		if m, ok := r.fancyMarkerOf(n); ok && l.Ordered {
			l.Start, l.Style, l.Delim = m.value, m.style, m.delim
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			var item []model.Block
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				item = append(item, r.block(c)...)
			}
			l.Items = append(l.Items, item)
		}
		return []model.Block{l}
	case *ast.Blockquote:
		q := &model.Quote{}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			q.Blocks = append(q.Blocks, r.block(c)...)
		}
		return []model.Block{q}
	case *ast.FencedCodeBlock:
		lang := string(n.Language(r.src))
		content := r.linesText(n)
		if lang == "table" || lang == "chart" {
			if !r.fenceClosed(n) {
				// What follows is the author's prose, not the block's
				// YAML: its errors would be reported lines away.
				mark := r.fenceMark(n)
				r.fail(n, "this %s%s block is never closed: end it with a line %s after its last key", mark, lang, mark)
				return nil
			}
			if r.fence == nil {
				return nil
			}
			var b model.Block
			var err error
			if j := r.fences[n]; j != nil {
				<-j.done
				b, err = j.block, j.err
			} else {
				b, err = r.fence(lang, content, r.fencePos(n))
			}
			if err != nil {
				r.errs.Add(err)
				return nil
			}
			r.pos[b] = r.nodePos(n)
			return []model.Block{b}
		}
		return []model.Block{&model.CodeBlock{Text: string(content)}}
	case *ast.CodeBlock:
		return []model.Block{&model.CodeBlock{Text: string(r.linesText(n))}}
	case *ast.ThematicBreak:
		return []model.Block{&model.Rule{}}
	case *ast.HTMLBlock:
		// Raw HTML is shown as the text it is, never passed through: text
		// pasted from elsewhere must not run on the council's website.
		raw := r.linesText(n)
		if n.HasClosure() {
			raw = append(raw, n.ClosureLine.Value(r.src)...)
		}
		return []model.Block{&model.Para{Inlines: []model.Inline{model.Text(strings.TrimSpace(string(raw)))}}}
	case *extast.Table:
		return []model.Block{r.table(n)}
	case *ast.LinkReferenceDefinition:
		// "[ref]: https://…" prints nothing: its links have its address.
		return nil
	case *extast.FootnoteBacklink:
		// goldmark's way back from a footnote to its reference, put after
		// a footnote that does not end in a paragraph; the writers make
		// their own.
		return nil
	case *ast.Heading:
		r.fail(n, "%s", r.nestedHeading(n))
		return nil
	}
	r.fail(n, "this Markdown cannot be read here: write it as a paragraph, a list, a quote or a table")
	return nil
}

// nestedHeading says why a heading inside a list, quote or footnote
// cannot be, naming the innermost, and how to make it text: without its
// #, or without the line of === or --- under it.
func (r *reader) nestedHeading(h *ast.Heading) string {
	undo := "the line of === or --- under it"
	if off := nodeOffset(h); off >= 0 && off < len(r.src) && r.src[off] == '#' {
		undo = "the #"
	}
	for p := h.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem:
			return "a heading cannot be part of a list: start it at the beginning of a line, after a blank line, or write it as the item's text without " + undo
		case *ast.Blockquote:
			return "a heading cannot be inside a quote: take the > off its line, or write it as the quote's text without " + undo
		case *extast.Footnote:
			return "a heading cannot be inside a footnote: write it as the footnote's text without " + undo
		}
	}
	return "a heading cannot go here: start it at the beginning of a line, after a blank line"
}

func (r *reader) linesText(n ast.Node) []byte {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.Bytes()
}

func (r *reader) para(n ast.Node) *model.Para {
	p := &model.Para{Inlines: r.inlines(n)}
	// The suffix test spares most paragraphs the regular expression, which
	// backtracks from every space of a long paragraph.
	if t, ok := lastText(p.Inlines); ok && strings.HasSuffix(strings.TrimRight(string(t), " \t\n"), "}") {
		if rest, a, bad := peelAttrs(string(t)); bad == "" && rest != string(t) && paraAttrs(a) {
			// "Executive Board is asked to: {.unnumbered}", a lead-in
			// that takes no paragraph number, or one with a label too.
			p.Attr = a
			p.Inlines = trimInlines(setLastText(p.Inlines, model.Text(rest)))
		} else if m := trailingLabel().FindStringSubmatch(string(t)); m != nil {
			p.Attr.ID = m[1]
			p.Inlines = trimInlines(setLastText(p.Inlines, model.Text(trailingLabel().ReplaceAllString(string(t), ""))))
		}
	}
	r.pos[p] = r.nodePos(n)
	if m := exemptMark().FindString(model.PlainText(p.Inlines)); m != "" {
		r.errs.Add(diag.At(r.pos[p], "%q: only a heading can be marked exempt; put the exempt material under a heading such as \"# Appendix 1 {.exempt}\"", m))
	}
	return p
}

// paraAttrs reports whether attributes at the end of a paragraph are
// ones a paragraph may carry: a label, and .unnumbered (or "-").
func paraAttrs(a model.Attr) bool {
	for _, c := range a.Classes {
		if c != "unnumbered" {
			return false
		}
	}
	return len(a.KV) == 0 && len(a.Classes) > 0
}

func (r *reader) table(n *extast.Table) *model.Table {
	t := &model.Table{}
	for _, a := range n.Alignments {
		switch a {
		case extast.AlignLeft:
			t.Align = append(t.Align, model.AlignLeft)
		case extast.AlignRight:
			t.Align = append(t.Align, model.AlignRight)
		case extast.AlignCenter:
			t.Align = append(t.Align, model.AlignCenter)
		default:
			t.Align = append(t.Align, model.AlignDefault)
		}
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []model.Cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, model.Cell{Inlines: r.inlines(c)})
		}
		if _, head := row.(*extast.TableHeader); head {
			t.Head = append(t.Head, cells)
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	r.pos[t] = r.nodePos(n)
	return t
}

func (r *reader) footnotes(list *extast.FootnoteList) {
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		fn, ok := n.(*extast.Footnote)
		if !ok {
			continue
		}
		note := r.note(fn.Index)
		for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
			note.Blocks = append(note.Blocks, r.block(c)...)
		}
		r.pos[note] = r.nodePos(fn)
	}
}

func (r *reader) note(index int) *model.Note {
	if n, ok := r.notes[index]; ok {
		return n
	}
	n := &model.Note{Number: index}
	r.notes[index] = n
	return n
}

func (r *reader) orderedNotes() []*model.Note {
	var out []*model.Note
	for i := 1; i <= len(r.notes); i++ {
		if n, ok := r.notes[i]; ok {
			out = append(out, n)
		}
	}
	return out
}
