package markdown

import "strings"

// lineMap maps lines of the expanded body back to lines of the template's
// body, so that problems found after expansion (an unknown label, a bad key
// in a table block) are reported where the author wrote them.
//
// text/template keeps no source map, but most lines pass through expansion
// unchanged. Walking forward, each expanded line that is not blank is
// matched with the next identical source line within a window. A line
// that matches nothing (one an expression changed, a blank line, text a
// loop repeated) lies between two matched lines, and so came from the
// source lines between theirs: it is given the line as far past the
// match before it as it is itself, but never the next match's line or
// beyond while there are source lines before it. Text a {{template}} call
// repeats from an earlier {{define}} matches nothing ahead and so is
// reported at the call.
type lineMap struct {
	toSource []int  // expanded line index (0-based) → source line index (0-based)
	exact    []bool // the expanded line is the source line unchanged
}

const matchWindow = 400

func newLineMap(source, expanded string) *lineMap {
	src := strings.Split(source, "\n")
	out := strings.Split(expanded, "\n")
	m := &lineMap{toSource: make([]int, len(out)), exact: make([]bool, len(out))}
	cursor := 0 // next source line that may be matched
	for i, line := range out {
		m.toSource[i] = -1
		if strings.TrimSpace(line) == "" {
			continue
		}
		for j := cursor; j < len(src) && j < cursor+matchWindow; j++ {
			if src[j] == line {
				m.toSource[i], m.exact[i] = j, true
				cursor = j + 1
				break
			}
		}
	}
	// Each line that matched nothing lies between the match before it
	// and the next one: nextSrc[i] is the next match's source line (the
	// end of the source when none follows).
	nextSrc := make([]int, len(out))
	next := len(src)
	for i := len(out) - 1; i >= 0; i-- {
		if m.exact[i] {
			next = m.toSource[i]
		}
		nextSrc[i] = next
	}
	lastOut, lastSrc := -1, -1 // the match before
	for i := range out {
		if m.exact[i] {
			lastOut, lastSrc = i, m.toSource[i]
			continue
		}
		guess := lastSrc + (i - lastOut)
		if guess >= nextSrc[i] && nextSrc[i]-1 > lastSrc {
			guess = nextSrc[i] - 1
		}
		m.toSource[i] = max(0, min(guess, len(src)-1))
	}
	return m
}

// source returns the 0-based source line for a 0-based expanded line, and
// whether the line is unchanged (so a column in it still holds).
func (m *lineMap) source(line int) (int, bool) {
	switch {
	case len(m.toSource) == 0 || line < 0:
		return 0, false
	case line >= len(m.toSource):
		return m.toSource[len(m.toSource)-1], false
	}
	return m.toSource[line], m.exact[line]
}
