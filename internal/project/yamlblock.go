package project

import (
	"bytes"
	"fmt"
	"strings"
)

// blockProblem finds the line that makes YAML's parser give up, for the
// mistakes authors make by hand: a key indented a space too far or too
// little, a list item out of line, a missing colon, a value on the line
// after its key, a tab in the indentation, a value holding ": ", an
// apostrophe inside single quotes, a "[" or quotation mark never closed.
// yaml.v3 names the line where the enclosing map or list began, often
// lines away, in its parser's words ("did not find expected key"); this
// reads the lines as an author lines them up and names the first one that
// is wrong, saying what is wrong with it.
//
// It is called only once yaml.v3 has refused src, and reports ok false
// when it finds nothing it is sure of (the caller then words yaml.v3's own
// message), so it never blames a line that YAML would accept. line and col
// count from 1.
func blockProblem(src []byte) (line, col int, msg string, ok bool) {
	s := blockScanner{}
	defer func() {
		if r := recover(); r != nil {
			if p, isProblem := r.(problem); isProblem {
				line, col, msg, ok = p.line, p.col, p.msg, true
				return
			}
			// bail{}, or a slip in this best effort: yaml.v3's own
			// message is given instead.
			ok = false
		}
	}()
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	lines := strings.Split(string(src), "\n")
	s.usual, s.indentless, s.lines = usualStep(lines), indentlessLists(lines), lines
	for i, l := range lines {
		s.line(i+1, strings.TrimSuffix(l, "\r"))
	}
	s.end()
	return 0, 0, "", false
}

// problem is raised (by panic, caught in blockProblem) at the first
// mistake found; bail{} when the scanner meets YAML it does not follow
// (complex keys, directives), so that it claims nothing.
type problem struct {
	line, col int
	msg       string
}

type bail struct{}

// level is one open block map or list: the column of its keys or dashes.
type level struct {
	indent     int
	seq        bool   // a list's dashes, not a map's keys
	scalar     bool   // a plain value on a line of its own
	indentless bool   // a list whose dashes line up with its map's key
	key        string // a map's last key, or the scalar's text
	keyLine    int
	firstLine  int  // the line that began it
	lines      int  // the lines lined up with it so far
	opened     bool // begun on the line after a key or dash, not after "- " on one line
}

// bracket is an open "[" or "{".
type bracket struct {
	line, col int
	c         byte
	colons    int // ": " in its current item, outside quotes and brackets
}

type blockScanner struct {
	levels []level

	// open is set after a line that opens a block ("key:" or "-" with
	// nothing after): the next line may be indented deeper than col.
	open struct {
		active bool
		col    int
		isKey  bool
		key    string
		line   int
	}
	// cont is set after a plain value: the lines after it that are
	// indented more than minIndent continue it.
	cont struct {
		active    bool
		minIndent int
		owner     owner // whose value it is, for messages
	}
	// blockScalar is set after "|" or ">": lines indented more than
	// parent, and empty lines, are its text.
	blockScalar struct {
		active bool
		parent int
	}
	flow       []bracket
	flowParent int  // indent of the key whose value the flow is
	flowGoesOn bool // the last line in a flow ended with "," or an opening bracket
	// usual is how far the file usually indents a line under the one
	// above it (2 in most files), to tell which of two lines that
	// disagree is the odd one; 0 when no step is usual.
	usual int
	lines []string // the whole text, to look ahead
	// indentless is set when the file's lists mostly line their dashes
	// up with their key ("key:", "- a") rather than indent them.
	indentless bool
	// popped is the last line that ended blocks (was indented less than
	// the lines above it), and the blocks it ended.
	popped struct {
		line   int
		levels []level
		gap    bool // an empty or comment line came before it
	}
	gap bool // an empty or comment line came since the last structural one
	// emptied is the last line that followed a "key:" at the key's own
	// indent, leaving it no value.
	emptied struct {
		line, col int
		key       string
	}
	anchors map[string]bool // the anchors defined so far
	quote   byte
	quoteAt bracket
	last    struct{ line, col int } // the last structural line's first token
}

func (s *blockScanner) fail(line, col int, format string, args ...any) {
	panic(problem{line, col + 1, fmt.Sprintf(format, args...)})
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

func (s *blockScanner) line(n int, l string) {
	if s.quote != 0 {
		if end := closingQuote(l, 0, s.quote); end >= 0 {
			s.quote = 0
		}
		return
	}
	ws := len(l) - len(strings.TrimLeft(l, " \t"))
	ind := len(l) - len(strings.TrimLeft(l, " "))
	if s.blockScalar.active {
		if strings.TrimSpace(l) == "" || ind > s.blockScalar.parent {
			return
		}
		s.blockScalar.active = false
	}
	if len(s.flow) == 0 {
		if tab := strings.IndexByte(l[:ws], '\t'); tab >= 0 {
			s.fail(n, tab, "a tab in the indentation: indent with spaces")
		}
	}
	rest := l[ws:]
	if rest == "" || rest[0] == '#' {
		s.gap = true
		return
	}
	if len(s.flow) > 0 {
		// A line that starts a new key no deeper than the key whose value
		// the "[" or "{" began, and closes nothing, means it was never
		// closed.
		if ind <= s.flowParent && isKeyLine(rest) && (!s.flowGoesOn || !strings.ContainsAny(rest, "]}")) {
			s.unclosedFlow()
		}
		s.scanFlow(n, l, ws)
		s.flowGoesOn = flowGoesOn(l)
		return
	}
	if ind == 0 && (strings.HasPrefix(rest, "---") || strings.HasPrefix(rest, "...")) && (len(rest) == 3 || rest[3] == ' ') {
		s.levels, s.open.active, s.cont.active = nil, false, false
		return
	}
	if rest[0] == '%' || rest[0] == '?' || strings.HasPrefix(rest, ": ") {
		panic(bail{})
	}
	if s.cont.active && ind > s.cont.minIndent {
		if key, _, isKey := splitKey(rest); isKey {
			o := s.cont.owner
			if o.key == "" && ind == o.valueCol {
				fix := "name: " + o.text
				if w, rest, ok := strings.Cut(o.text, " "); ok && isIdentLike(w) {
					fix = w + ": " + rest // a colon left out
				}
				s.fail(o.line, o.col, "this list item holds a value, not keys, yet the line below it is indented as one of its keys: write the item as a key and its value (\"- %s\")", fix)
			}
			s.leftTooSoon(n, ind, "key")
			s.emptiedAbove(ind, &s.levels[len(s.levels)-1])
			if len(s.levels) > 1 {
				s.oddFirst(n, ind, "key", rest, &s.levels[len(s.levels)-1], &s.levels[len(s.levels)-2])
			}
			if o.key == "" {
				s.fail(n, ind, "this line is indented %s, deeper than the list item above it (%s): line it up with the item's \"-\", or with its value if it is one of the item's keys", spaces(ind), spaces(o.col))
			}
			s.fail(n, ind, "this line is indented %s, deeper than the key %q above it (%s): line %q up with %q", spaces(ind), o.key, spaces(o.col), key, o.key)
		}
		return // the value above goes on over this line
	}
	s.cont.active = false
	if propertiesOnly(rest) {
		// An anchor or tag alone on its line, for the value below it.
		if !s.open.active {
			panic(bail{})
		}
		if rest[0] == '&' {
			s.anchor(rest[1:])
		}
		return
	}
	s.item(n, l, ind, true)
	s.gap = false
}

// isIdentLike reports whether w reads as a key a program would use
// (total, osShortName, age_groups), not a word of prose (Looked).
func isIdentLike(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for _, r := range w {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// propertiesOnly reports whether rest holds nothing but an anchor (&x)
// and a tag (!!map), which belong to the value on the lines below.
func propertiesOnly(rest string) bool {
	for _, f := range strings.Fields(stripComment(rest)) {
		if f[0] != '&' && f[0] != '!' {
			return false
		}
	}
	return rest[0] == '&' || rest[0] == '!'
}

// item reads the YAML at column col of line n: a list item, a key and
// its value, or a value. aligned is true for the first item on a line,
// whose column must agree with the levels open; the items after a "- " on
// the same line begin new levels.
func (s *blockScanner) item(n int, l string, col int, aligned bool) {
	rest := l[col:]
	isDash := rest == "-" || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "-\t")
	key, valueAt, isKey := splitKey(rest)
	kind := "scalar"
	switch {
	case isDash:
		kind = "dash"
	case isKey:
		kind = "key"
	}
	if aligned {
		s.align(n, col, kind, rest)
	} else {
		s.levels = append(s.levels, level{indent: col, seq: isDash, scalar: kind == "scalar", key: key, keyLine: n, firstLine: n, lines: 1})
	}
	s.last.line, s.last.col = n, col
	switch kind {
	case "dash":
		after := col + 1
		for after < len(l) && (l[after] == ' ' || l[after] == '\t') {
			if l[after] == '\t' {
				s.fail(n, after, "a tab after a list item's \"-\": use spaces")
			}
			after++
		}
		if after >= len(l) || l[after] == '#' {
			s.openBlock(n, col, false, "")
			return
		}
		if strings.HasPrefix(l[after:], "- ") || l[after:] == "-" {
			s.item(n, l, after, false)
			return
		}
		if _, _, k := splitKey(l[after:]); k {
			s.item(n, l, after, false)
			return
		}
		s.value(n, l, after, owner{col: col, line: n, text: stripComment(l[after:]), valueCol: after})
	case "key":
		top := &s.levels[len(s.levels)-1]
		top.key, top.keyLine = key, n
		s.value(n, l, col+valueAt, owner{col: col, line: n, key: key})
	default:
		s.value(n, l, col, owner{col: col, line: n, alone: true})
	}
}

// align checks the first item of a line against the levels open.
func (s *blockScanner) align(n, col int, kind, rest string) {
	opened := s.open
	s.open.active = false
	if opened.active {
		switch {
		case col > opened.col:
			s.levels = append(s.levels, level{indent: col, seq: kind == "dash", scalar: kind == "scalar", key: firstWord(rest), keyLine: n, firstLine: n, lines: 1, opened: true})
			return
		case col == opened.col && kind == "dash" && opened.isKey:
			s.levels = append(s.levels, level{indent: col, seq: true, indentless: true, keyLine: n, firstLine: n, lines: 1, opened: true})
			return
		case col == opened.col && kind == "key" && opened.isKey:
			// The key above is left with no value: fine in YAML, but
			// if the line after this one is indented under it, this
			// line was meant to be too (see misaligned).
			s.emptied.line, s.emptied.key, s.emptied.col = n, opened.key, opened.col
		case col == opened.col && kind == "scalar" && opened.isKey:
			s.fail(n, col, "%q is lined up with the key %q above it, so it reads as a key without a colon: put the value on the key's line (\"%s: %s\"), or indent it deeper than %q", firstWord(rest), opened.key, opened.key, strings.TrimSpace(rest), opened.key)
		}
	}
	if len(s.levels) == 0 {
		s.levels = append(s.levels, level{indent: col, seq: kind == "dash", scalar: kind == "scalar", key: firstWord(rest), keyLine: n, firstLine: n, lines: 1})
		return
	}
	var inner *level
	var popped []level
	for len(s.levels) > 0 {
		top := s.levels[len(s.levels)-1]
		if top.indent > col || top.indent == col && top.indentless && kind != "dash" {
			inner = &top
			popped = append(popped, top)
			s.levels = s.levels[:len(s.levels)-1]
			continue
		}
		break
	}
	if len(s.levels) == 0 {
		// Less indented than the document's first line: YAML reads
		// that as a new document part, which is not the mistake to name.
		panic(bail{})
	}
	top := &s.levels[len(s.levels)-1]
	if top.indent < col {
		s.misaligned(n, col, kind, rest, top, inner)
	}
	top.lines++
	if popped != nil {
		s.popped.line, s.popped.levels, s.popped.gap = n, popped, s.gap
	}
	switch {
	case top.scalar && kind == "key":
		s.noColon(top.keyLine, top.indent, top.key)
	case top.scalar:
		// A value on lines of its own goes on.
	case top.seq && kind != "dash":
		what := "this key"
		if kind == "scalar" {
			what = "this line"
		}
		if inner != nil && !inner.seq && !inner.scalar {
			s.fail(n, col, "%s is lined up with the \"-\" of the list item above it (%s): a key of that item lines up with %q (%s)", what, spaces(col), inner.key, spaces(inner.indent))
		}
		s.fail(n, col, "%s is lined up with the \"-\" of the list items above it (%s), where only another item can go: indent it under the item it belongs to, or line it up with the key the list belongs to", what, spaces(col))
	case !top.seq && kind == "dash":
		if len(popped) > 0 && len(popped) <= 2 {
			if l := popped[len(popped)-1]; s.indentless && l.seq && l.opened && l.lines == 1 {
				// The file lines its lists' dashes up with their keys,
				// as this item does: the first item, indented, is the
				// odd one.
				s.fail(l.firstLine, l.indent, "this list item is indented %s, but the next item of its list (line %d) is lined up with the key %q (%s), as the file's lists are: line the dashes of one list up", spaces(l.indent), n, top.key, spaces(col))
			}
		}
		for i := len(popped) - 1; i >= 0; i-- {
			if l := popped[i]; l.seq {
				s.fail(n, col, "this list item is lined up with the key %q above it (%s), not with the list's other items (%s): indent it %s", top.key, spaces(col), spaces(l.indent), spaces(l.indent))
			}
		}
		s.fail(n, col, "this list item is lined up with the key %q above it (%s): a list goes under its key, on the lines after it", top.key, spaces(col))
	case !top.seq && kind == "scalar":
		s.noColon(n, col, stripComment(rest))
	}
}

// misaligned reports a line indented between two open levels, or deeper
// than the innermost with no key above to hold it.
func (s *blockScanner) misaligned(n, col int, kind, rest string, top, inner *level) {
	what := fmt.Sprintf("this line is indented %s", spaces(col))
	if kind == "dash" {
		what = fmt.Sprintf("this list item is indented %s", spaces(col))
	}
	name := func(l *level) string {
		if l.seq {
			return "the list items"
		}
		if l.scalar {
			return fmt.Sprintf("%q", l.key)
		}
		return fmt.Sprintf("the key %q", l.key)
	}
	s.leftTooSoon(n, col, kind)
	s.emptiedAbove(col, top)
	if inner != nil {
		s.oddFirst(n, col, kind, rest, inner, top)
		if len(s.levels) > 1 {
			s.oddFirst(n, col, kind, rest, top, &s.levels[len(s.levels)-2])
			s.oddFirstItem(n, col, kind, rest, inner, top, &s.levels[len(s.levels)-2])
		}
		s.fail(n, col, "%s, less than %s above it (%s) but more than %s (%s): line it up with one of them", what, name(inner), spaces(inner.indent), name(top), spaces(top.indent))
	}
	if top.scalar {
		if kind == "key" {
			s.fail(top.keyLine, top.indent, "this line has no colon, so the keys indented under it have nothing to belong to: write %q", top.key+":")
		}
		return // a value on lines of its own goes on
	}
	if len(s.levels) > 1 {
		s.oddFirst(n, col, kind, rest, top, &s.levels[len(s.levels)-2])
	}
	fix := "line it up with them"
	if !top.seq {
		fix = fmt.Sprintf("line it up with %q, or put it under a key with no value of its own", top.key)
	}
	s.fail(n, col, "%s, deeper than %s above it (%s): %s", what, name(top), spaces(top.indent), fix)
}

// leftTooSoon reports the line before line n when it ended a block that
// line n, indented col, lines up with: that line alone is indented too
// little ("  total: 12", "good: 5", "  none: 0"). A line set apart from
// the block above by an empty line or a comment begins a new part of the
// file, and is not blamed.
func (s *blockScanner) leftTooSoon(n, col int, kind string) {
	if s.popped.line != s.last.line || s.last.line == 0 || s.popped.gap {
		return
	}
	for _, l := range s.popped.levels {
		if l.indent == col && l.seq == (kind == "dash") && !l.scalar {
			what := "keys"
			if l.seq {
				what = "list items"
			}
			s.fail(s.last.line, s.last.col, "this line is indented %s, less than the %s above and below it (%s): line it up with them", spaces(s.last.col), what, spaces(col))
		}
	}
}

// emptiedAbove reports the last key of the block top when it followed a
// "key:" at that key's own indent, leaving it no value, and the line
// indented col below it would have been under that key: the key was
// meant to be indented col too ("looked_after:", "x: […]", "  series:").
func (s *blockScanner) emptiedAbove(col int, top *level) {
	if e := s.emptied; e.line != 0 && e.line == top.keyLine && e.col == top.indent && col > e.col {
		s.fail(e.line, e.col, "this line is lined up with the key %q above it, which is left with no value, while the lines after it are indented %s as if under %q: indent this line %s too", e.key, spaces(col), e.key, spaces(col))
	}
}

// oddFirst reports the first line of the block l, rather than line n
// that disagrees with it, when that line is the odd one: it alone began
// the block, and either it is indented from its parent by a step the file
// does not usually use while line n is at the usual step, or more of the
// lines after it line up with line n than with it. " x: […]" indented one
// space under "looked_after:", with "  series:" after it at two, is the
// mistake in the first line, not the second.
func (s *blockScanner) oddFirst(n, col int, kind, rest string, l, parent *level) {
	if l.lines != 1 || !l.opened || l.scalar || l.seq != (kind == "dash") {
		return
	}
	usual := s.usual != 0 && col-parent.indent == s.usual && l.indent-parent.indent != s.usual
	if !usual && s.siblings(n, parent.indent, col, kind) <= s.siblings(n, parent.indent, l.indent, kind) {
		return
	}
	if kind == "dash" {
		s.fail(l.firstLine, l.indent, "this list item is indented %s, but the next item of its list (line %d) is indented %s: the dashes of one list line up", spaces(l.indent), n, spaces(col))
	}
	s.fail(l.firstLine, l.indent, "this line is indented %s, but the next key under %q (%q, line %d) is indented %s: keys of one map line up", spaces(l.indent), parent.key, firstWord(rest), n, spaces(col))
}

// oddFirstItem reports the first item of the list l, rather than line n,
// when that item ("- name: …", its first key on its line, the map m) is
// the odd one: line n lines up with m's keys as they would be had the
// item's dash been at the list's usual place under parent (the usual step
// in, or lined up with its key).
func (s *blockScanner) oddFirstItem(n, col int, kind, rest string, m, l, parent *level) {
	if kind != "key" || !l.seq || l.lines != 1 || !l.opened || m.seq || m.scalar || m.firstLine != l.firstLine {
		return
	}
	dash := col - (m.indent - l.indent) // where the item's dash belongs
	if dash == l.indent || dash < parent.indent || dash-parent.indent != s.usual && dash != parent.indent {
		return
	}
	s.fail(l.firstLine, l.indent, "this list item is indented %s, but the key %q below it (line %d) lines up with an item indented %s: indent this item %s", spaces(l.indent), firstWord(rest), n, spaces(dash), spaces(dash))
}

// siblings counts the lines after line n indented exactly ind that hold
// the same kind of item (a list item or a key), up to the first line
// indented no more than parent.
func (s *blockScanner) siblings(n, parent, ind int, kind string) int {
	count := 0
	for _, l := range s.lines[n:] {
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		switch i := len(l) - len(t); {
		case i <= parent:
			return count
		case i == ind && (strings.HasPrefix(t, "- ") || t == "-") == (kind == "dash"):
			count++
		}
	}
	return count
}

// usualStep is how far the file most often indents the first line of a
// block past the line that opens it, when one step is more common than any
// other and seen at least twice; 0 otherwise.
func usualStep(lines []string) int {
	count := map[int]int{}
	prev, opens := -1, false
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' || strings.ContainsRune(l[:len(l)-len(t)], '\t') {
			continue
		}
		ind := len(l) - len(t)
		if opens && ind > prev {
			count[ind-prev]++
		}
		// Only a line that opens a block ("key:", or a list item whose
		// keys go on below) has lines indented under it by a step.
		text := stripComment(t)
		prev, opens = ind, strings.HasSuffix(text, ":") || strings.HasPrefix(text, "- ")
	}
	best, first, second := 0, 0, 0
	for step, c := range count {
		switch {
		case c > first || c == first && step < best:
			best, first, second = step, c, max(first, second)
		case c > second:
			second = c
		}
	}
	if first < 2 || first == second {
		return 0
	}
	return best
}

// indentlessLists reports whether more of the lists in lines have their
// dashes lined up with their key than indented under it.
func indentlessLists(lines []string) bool {
	lined, indented := 0, 0
	prev, opens := -1, false
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		ind := len(l) - len(t)
		if opens && (strings.HasPrefix(t, "- ") || t == "-") {
			switch {
			case ind == prev:
				lined++
			case ind > prev:
				indented++
			}
		}
		prev, opens = ind, strings.HasSuffix(stripComment(t), ":")
	}
	return lined > indented
}

// noColon reports a line of text where a key belongs.
func (s *blockScanner) noColon(n, col int, text string) {
	i := strings.IndexByte(text, ' ')
	if i <= 0 {
		s.fail(n, col, "this line has no colon: write %q, or %q", text+":", text+": value")
	}
	key, value := text[:i], strings.TrimSpace(text[i:])
	if len(value) <= 20 && !strings.ContainsAny(value, "\"'") {
		s.fail(n, col, "this line has no colon: a key and its value are written \"%s: %s\", not \"%s\"", key, value, text)
	}
	s.fail(n, col, "this line has no colon after %q: a key and its value are written \"%s: …\"", key, key)
}

func (s *blockScanner) openBlock(n, col int, isKey bool, key string) {
	s.open.active, s.open.col, s.open.isKey, s.open.key, s.open.line = true, col, isKey, key, n
}

// owner is what a value belongs to: a key, a list item's dash, or
// nothing (a value alone on its line, under a key above).
type owner struct {
	col, line int
	key       string // "" for a dash or a value alone
	alone     bool
	text      string // a dash's value, for messages
	valueCol  int    // where a dash's value begins
}

// value reads what follows a key's colon or a list item's dash, or a
// value alone on its line, from column at of line n.
func (s *blockScanner) value(n int, l string, at int, o owner) {
	for at < len(l) && l[at] == ' ' {
		at++
	}
	// An anchor or a tag before the value: skip it.
	for at < len(l) && (l[at] == '&' || l[at] == '!') {
		if l[at] == '&' {
			s.anchor(l[at+1:])
		}
		for at < len(l) && l[at] != ' ' {
			at++
		}
		for at < len(l) && l[at] == ' ' {
			at++
		}
	}
	if at >= len(l) || l[at] == '#' {
		if !o.alone {
			s.openBlock(n, o.col, o.key != "", o.key)
		}
		return
	}
	v := l[at:]
	switch c := v[0]; {
	case c == '|' || c == '>':
		// Its lines are those indented more than the map or list it is
		// in, whose column is the key's or the dash's.
		s.blockScalar.active, s.blockScalar.parent = true, o.col
		if o.alone {
			s.blockScalar.parent = o.col - 1
		}
	case c == '[' || c == '{':
		s.flowParent = o.col
		s.scanFlow(n, l, at)
		if len(s.flow) == 0 {
			s.afterClosed(n, l, at)
		}
		s.flowGoesOn = flowGoesOn(l)
	case c == '"' || c == '\'':
		if c == '"' {
			s.escapes(n, l, at)
		}
		end := closingQuote(l, at+1, c)
		if end < 0 {
			s.quote, s.quoteAt = c, bracket{line: n, col: at, c: c}
			return
		}
		s.afterQuote(n, l, end, c)
	case c == '-' && (len(v) == 1 || v[1] == ' ') && o.key != "":
		s.fail(n, at, "a list cannot start on the line of its key %q: put each \"- \" item on a line of its own, indented under the key", o.key)
	case c == '@' || c == '`':
		s.fail(n, at, "a value cannot start with %q: put the value in quotes", string(c))
	case c == '*' && (len(v) == 1 || v[1] == ' '):
		s.fail(n, at, "\"*\" starts an alias in YAML: write list items with \"- \", or put the text in quotes")
	case c == '*':
		s.alias(n, at, v[1:])
	default:
		text := stripComment(v)
		if i := strings.Index(text, ": "); i >= 0 || strings.HasSuffix(text, ":") {
			if i < 0 {
				i = len(text) - 1
			}
			if o.key != "" {
				s.fail(n, at+i, "the value of %q holds \": \", which YAML reads as the start of another key: put the value in quotes", o.key)
			}
			s.fail(n, at+i, "this value holds \": \", which YAML reads as the start of another key: put the value in quotes")
		}
		if !o.alone {
			s.cont.active, s.cont.minIndent, s.cont.owner = true, o.col, o
		}
	}
}

// anchor records the anchor named at the start of rest (after its "&").
func (s *blockScanner) anchor(rest string) {
	if s.anchors == nil {
		s.anchors = map[string]bool{}
	}
	s.anchors[anchorName(rest)] = true
}

// alias checks that the alias at column at, named at the start of rest
// (after its "*"), names an anchor defined above it.
func (s *blockScanner) alias(n, at int, rest string) {
	if name := anchorName(rest); name != "" && !s.anchors[name] {
		s.fail(n, at, "*%s refers to an anchor &%s that is not defined above it: put the value in quotes if the * is part of the text", name, name)
	}
}

// anchorName is the name at the start of rest: up to a space, a comma or
// a closing bracket.
func anchorName(rest string) string {
	if i := strings.IndexAny(rest, " ,]}"); i >= 0 {
		return rest[:i]
	}
	return rest
}

// escapes checks the backslashes of a double-quoted value starting at
// column at: each must begin one of YAML's escapes.
func (s *blockScanner) escapes(n int, l string, at int) {
	for i := at + 1; i < len(l) && l[i] != '"'; i++ {
		if l[i] != '\\' {
			continue
		}
		if i+1 < len(l) && strings.IndexByte("0abt\tnvfre \"/\\N_LPxuU", l[i+1]) < 0 {
			s.fail(n, i, "inside double quotes a backslash starts an escape, and \"\\%c\" is not one: put text with backslashes in single quotes, or write each backslash as \\\\", l[i+1])
		}
		i++
	}
}

// afterQuote checks what follows a value's closing quotation mark, at
// column end: only a comment, or the colon of a quoted key.
func (s *blockScanner) afterQuote(n int, l string, end int, q byte) {
	rest := strings.TrimLeft(l[end+1:], " ")
	if rest == "" || rest[0] == '#' || rest[0] == ':' {
		return
	}
	if q == '\'' {
		s.fail(n, end, "this apostrophe ends the quoted value, and text follows it: inside single quotes an apostrophe is written twice ('Children''s Services'), or use double quotes (\"Children's Services\")")
	}
	s.fail(n, end, "this quotation mark ends the quoted value, and text follows it: inside double quotes a quotation mark is written \\\", or use single quotes")
}

// afterClosed checks what follows a "[…]" or "{…}" value that closed on
// the line it opened on.
func (s *blockScanner) afterClosed(n int, l string, at int) {
	depth := 0
	for i := at; i < len(l); i++ {
		switch l[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				rest := strings.TrimLeft(l[i+1:], " ")
				if rest != "" && rest[0] != '#' {
					s.fail(n, at, "this value starts with %q, which YAML reads as a list or map, and has text after its end: put the whole value in quotes", string(l[at]))
				}
				return
			}
		case '"', '\'':
			if end := closingQuote(l, i+1, l[i]); end >= 0 {
				i = end
			}
		}
	}
}

// scanFlow follows "[" and "{" on line n from column from.
func (s *blockScanner) scanFlow(n int, l string, from int) {
	for i := from; i < len(l); i++ {
		switch c := l[i]; c {
		case '[', '{':
			s.flow = append(s.flow, bracket{line: n, col: i, c: c})
		case ']', '}':
			if len(s.flow) == 0 {
				return
			}
			open := s.flow[len(s.flow)-1]
			if want := closer(open.c); c != want {
				s.fail(n, i, "%q where %q was expected: the %q at line %d, column %d is not closed", string(c), string(want), string(open.c), open.line, open.col+1)
			}
			s.flow = s.flow[:len(s.flow)-1]
			if len(s.flow) == 0 {
				return
			}
		case ',':
			if len(s.flow) > 0 {
				s.flow[len(s.flow)-1].colons = 0
			}
		case '&', '*':
			if j := strings.LastIndexAny(l[:i], "[{,:"); strings.TrimSpace(l[j+1:i]) == "" {
				if c == '&' {
					s.anchor(l[i+1:])
				} else {
					s.alias(n, i, l[i+1:])
				}
			}
		case ':':
			if len(s.flow) > 0 && (i+1 == len(l) || l[i+1] == ' ') {
				top := &s.flow[len(s.flow)-1]
				top.colons++
				if top.colons == 2 {
					s.fail(n, i, "this value holds \": \", which YAML reads as the start of another key: put the value in quotes")
				}
			}
		case '"', '\'':
			end := closingQuote(l, i+1, c)
			if end < 0 {
				panic(bail{}) // a quoted string across lines inside [ ]
			}
			i = end
		case '#':
			if i == 0 || l[i-1] == ' ' {
				return
			}
		}
	}
}

// flowGoesOn reports whether a line inside "[" or "{" ends as one that
// goes on to the next line does: after a comma or an opening bracket.
func flowGoesOn(l string) bool {
	t := stripComment(l)
	return strings.HasSuffix(t, ",") || strings.HasSuffix(t, "[") || strings.HasSuffix(t, "{")
}

func closer(open byte) byte {
	if open == '[' {
		return ']'
	}
	return '}'
}

func (s *blockScanner) unclosedFlow() {
	b := s.flow[len(s.flow)-1]
	s.fail(b.line, b.col, "this %q is never closed: add %q after the last item (or put the value in quotes if the %q is part of the text)", string(b.c), string(closer(b.c)), string(b.c))
}

// end checks what is still open when the text ends.
func (s *blockScanner) end() {
	if len(s.flow) > 0 {
		s.unclosedFlow()
	}
	if s.quote != 0 {
		s.fail(s.quoteAt.line, s.quoteAt.col, "this quotation mark is never closed: add the closing %s", string(s.quote))
	}
}

// splitKey reads "key: value" at the start of rest: the key (unquoted),
// the offset of the text after its colon, and whether it is a key at all.
func splitKey(rest string) (key string, valueAt int, ok bool) {
	if rest == "" {
		return "", 0, false
	}
	if c := rest[0]; c == '"' || c == '\'' {
		end := closingQuote(rest, 1, c)
		if end < 0 {
			return "", 0, false
		}
		after := strings.TrimLeft(rest[end+1:], " ")
		if strings.HasPrefix(after, ":") && (len(after) == 1 || after[1] == ' ') {
			return rest[1:end], len(rest) - len(after) + 1, true
		}
		return "", 0, false
	}
	if strings.ContainsRune("[{#|>*&!", rune(rest[0])) || rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ') {
		return "", 0, false
	}
	text := stripComment(rest)
	for i := 0; i < len(text); i++ {
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t') {
			return strings.TrimRight(text[:i], " "), i + 1, true
		}
	}
	return "", 0, false
}

func isKeyLine(rest string) bool {
	_, _, ok := splitKey(rest)
	return ok
}

// stripComment drops a " #" comment from plain text.
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " ")
}

// closingQuote finds the quotation mark q that closes a quoted value whose
// text starts at from in l, or -1. Inside single quotes two apostrophes
// stand for one; inside double quotes a backslash escapes what follows.
func closingQuote(l string, from int, q byte) int {
	for i := from; i < len(l); i++ {
		switch {
		case q == '"' && l[i] == '\\':
			i++
		case l[i] == q && q == '\'' && i+1 < len(l) && l[i+1] == '\'':
			i++
		case l[i] == q:
			return i
		}
	}
	return -1
}

// firstWord is the text of a line's first item, for messages.
func firstWord(rest string) string {
	if key, _, ok := splitKey(rest); ok {
		return key
	}
	t := stripComment(rest)
	if i := strings.IndexByte(t, ' '); i > 0 && len(t) > 30 {
		return t[:i]
	}
	return t
}
