package paperdiff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment is a run of a paragraph's text, marked when it is what changed.
type Segment struct {
	Text    string
	Changed bool
}

// Sentence is one sentence as it was and as it is now, its changed words
// marked; Old is nil for a sentence added, New for one removed.
type Sentence struct{ Old, New []Segment }

// compareText finds the sentences that changed between two versions of a
// paragraph, and the whole paragraph as it was and is with the changed
// words marked. Sentences are lined up first, so that a figure changed in
// one sentence shows that sentence alone, and then their words.
func compareText(a, b string) (changed []Sentence, old, new []Segment) {
	sa, sb := sentences(a), sentences(b)
	for _, p := range pairs(align(sa, sb)) {
		var s Sentence
		switch {
		case p[0] < 0:
			s.New = []Segment{{sb[p[1]], true}}
		case p[1] < 0:
			s.Old = []Segment{{sa[p[0]], true}}
		case sa[p[0]] == sb[p[1]]:
			old = joinSegments(old, []Segment{{sa[p[0]], false}})
			new = joinSegments(new, []Segment{{sb[p[1]], false}})
			continue
		default:
			s.Old, s.New = compareWords(sa[p[0]], sb[p[1]])
		}
		old = joinSegments(old, s.Old)
		new = joinSegments(new, s.New)
		changed = append(changed, s)
	}
	return changed, old, new
}

// joinSegments adds a sentence's segments to a paragraph's, a space
// between.
func joinSegments(to, s []Segment) []Segment {
	if len(s) == 0 {
		return to
	}
	if len(to) > 0 {
		to = appendSegment(to, " ", false)
	}
	for _, x := range s {
		to = appendSegment(to, x.Text, x.Changed)
	}
	return to
}

// appendSegment adds text to segments, joining it to the last when both
// are marked alike.
func appendSegment(to []Segment, text string, changed bool) []Segment {
	if text == "" {
		return to
	}
	if n := len(to); n > 0 && to[n-1].Changed == changed {
		to[n-1].Text += text
		return to
	}
	return append(to, Segment{text, changed})
}

// compareWords marks the words that differ between two sentences. A space
// between two changes is marked with them, so that "rose by 12" replacing
// "fell by 90" reads as two changes, not four.
func compareWords(a, b string) (old, new []Segment) {
	ta, tb := tokens(a), tokens(b)
	ops := align(ta, tb)
	marked := make([]bool, len(ops))
	for k, o := range ops {
		marked[k] = o.kind != equal
	}
	for k := 1; k+1 < len(ops); k++ {
		if ops[k].kind == equal && isSpace(ta[ops[k].a]) && ops[k-1].kind != equal && ops[k+1].kind != equal {
			marked[k] = true
		}
	}
	for k, o := range ops {
		if o.a >= 0 {
			old = appendSegment(old, ta[o.a], marked[k])
		}
		if o.b >= 0 {
			new = appendSegment(new, tb[o.b], marked[k])
		}
	}
	return trimMarks(old), trimMarks(new)
}

// trimMarks leaves the spaces at either end of a marked run unmarked, so
// that marks sit on words ("**rose** by", not "**rose **by").
func trimMarks(s []Segment) []Segment {
	var out []Segment
	for _, x := range s {
		if !x.Changed {
			out = appendSegment(out, x.Text, false)
			continue
		}
		t := strings.TrimRightFunc(x.Text, unicode.IsSpace)
		lead := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
		out = appendSegment(out, t[:lead], false)
		out = appendSegment(out, t[lead:], true)
		out = appendSegment(out, x.Text[len(t):], false)
	}
	return out
}

// tokens splits text into words and the spaces between them. A word keeps
// what is inside it ("1,384", "8.3%", "2012-13", "children's") and loses
// the punctuation around it ("(6.2%)," is "(", "6.2%", ")" and ","), so
// that a changed figure is marked without its brackets.
func tokens(s string) []string {
	var out []string
	for len(s) > 0 {
		r, _ := utf8.DecodeRuneInString(s)
		n := strings.IndexFunc(s, func(c rune) bool { return unicode.IsSpace(c) != unicode.IsSpace(r) })
		if n < 0 {
			n = len(s)
		}
		run := s[:n]
		s = s[n:]
		if unicode.IsSpace(r) {
			out = append(out, run)
			continue
		}
		for len(run) > 0 {
			c, size := utf8.DecodeRuneInString(run)
			if !strings.ContainsRune(opening, c) {
				break
			}
			out = append(out, run[:size])
			run = run[size:]
		}
		var tail []string
		for len(run) > 0 {
			c, size := utf8.DecodeLastRuneInString(run)
			if !strings.ContainsRune(closing, c) {
				break
			}
			tail = append(tail, run[len(run)-size:])
			run = run[:len(run)-size]
		}
		if run != "" {
			out = append(out, run)
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}

const (
	opening = "([{\"'‘“"
	closing = ")]}\"'’”.,;:!?…"
)

func isSpace(s string) bool {
	return s != "" && strings.TrimFunc(s, unicode.IsSpace) == ""
}

// sentences splits a paragraph's text after each full stop, question or
// exclamation mark that is followed by a space and a capital letter or a
// figure, unless the stop ends an initial or an abbreviation ("A.
// Officer", "e.g. Leeds"). The spaces between sentences are dropped.
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(s) && strings.IndexByte(")\"'", s[end]) >= 0 {
			end++
		}
		for _, q := range []string{"’", "”"} {
			if strings.HasPrefix(s[end:], q) {
				end += len(q)
			}
		}
		next := end
		for next < len(s) && (s[next] == ' ' || s[next] == '\n' || s[next] == '\t') {
			next++
		}
		if next == end || next == len(s) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[next:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(opening, r) {
			continue
		}
		if s[i] == '.' && abbreviation(s[start:i]) {
			continue
		}
		out = append(out, s[start:end])
		start = next
		i = next - 1
	}
	if rest := strings.TrimRightFunc(s[start:], unicode.IsSpace); rest != "" || len(out) == 0 {
		out = append(out, rest)
	}
	return out
}

// abbreviation reports whether the text before a full stop ends with an
// initial or a short form that a full stop follows inside a sentence.
func abbreviation(before string) bool {
	w := before[strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })+1:]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	switch strings.ToLower(w) {
	case "e.g", "i.e", "mr", "mrs", "ms", "dr", "no", "st", "cllr", "etc", "approx", "para", "paras", "cf", "vs":
		return true
	}
	return false
}
