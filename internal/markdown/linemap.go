package markdown

import "strings"

// lineMap maps lines of the expanded body back to lines of the template's
// body, so that problems found after expansion (an unknown label, a bad key
// in a table block) are reported where the author wrote them.
//
// text/template keeps no source map, but most lines pass through expansion
// unchanged. Walking forward, each expanded line that is not blank is
// matched with the next identical source line within a window; other lines
// inherit the line of the last match plus their distance from it. Text a
// {{template}} call repeats from an earlier {{define}} matches nothing ahead
// and so is reported at the call.
type lineMap struct {
	toSource []int  // expanded line index (0-based) → source line index (0-based)
	exact    []bool // the expanded line is the source line unchanged
}

const matchWindow = 400

func newLineMap(source, expanded string) *lineMap {
	src := strings.Split(source, "\n")
	out := strings.Split(expanded, "\n")
	m := &lineMap{toSource: make([]int, len(out)), exact: make([]bool, len(out))}
	cursor := 0   // next source line that may be matched
	lastOut := -1 // last matched expanded line
	lastSrc := -1 // its source line
	for i, line := range out {
		mapped := -1
		if strings.TrimSpace(line) != "" {
			for j := cursor; j < len(src) && j < cursor+matchWindow; j++ {
				if src[j] == line {
					mapped = j
					break
				}
			}
		}
		if mapped >= 0 {
			m.toSource[i], m.exact[i] = mapped, true
			cursor, lastOut, lastSrc = mapped+1, i, mapped
			continue
		}
		guess := lastSrc + (i - lastOut)
		if lastSrc < 0 {
			guess = i
		}
		if guess >= cursor && cursor > 0 {
			// Never run ahead of the next unmatched source line.
			guess = cursor
		}
		if guess >= len(src) {
			guess = len(src) - 1
		}
		if guess < 0 {
			guess = 0
		}
		m.toSource[i] = guess
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
