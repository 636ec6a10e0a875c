package expand

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
)

// source is a body with what is needed to place errors in its file.
type source struct {
	path      string
	firstLine int
	body      string
}

// line returns body line n (from 1), without its line ending.
func (s source) line(n int) string {
	lines := strings.Split(s.body, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

// at makes an error at body line n and byte offset b (from 0) in that
// line. Columns are counted in characters, as editors count them.
func (s source) at(n, b int, format string, args ...any) *diag.Error {
	l := s.line(n)
	if b > len(l) {
		b = len(l)
	}
	if b < 0 {
		b = 0
	}
	return diag.Errorf(s.path, s.firstLine+n-1, utf8.RuneCountInString(l[:b])+1, format, args...)
}

// offsetAt converts a byte offset in the body to a line (from 1) and a byte
// offset in that line.
func (s source) offsetAt(off int) (line, b int) {
	before := s.body[:off]
	line = 1 + strings.Count(before, "\n")
	return line, off - (strings.LastIndex(before, "\n") + 1)
}

// The patterns of text/template's messages are compiled when the first
// error needs them: a build without template errors never does, and
// compiling them cost 0.3 ms of every start.
var (
	execRE = lazyregexp.New(`(?s)^template: [^:]*:(\d+):(\d+): executing ".*?" at <(.*)>: (.*)$`)
	// Parse errors carry a line but no column.
	parseRE = lazyregexp.New(`(?s)^template: [^:]*:(\d+): (.*)$`)

	noEntryRE    = lazyregexp.New(`^map has no entry for key "(.*)"$`)
	cantEvalRE   = lazyregexp.New(`^can't evaluate field (\S+) in type (.*)$`)
	nilPointerRE = lazyregexp.New(`^nil pointer evaluating .*?\.(\S+)$`)
	callingRE    = lazyregexp.New(`(?s)^error calling (\S+): (.*)$`)
	wrongArgsRE  = lazyregexp.New(`^wrong number of args for (\S+): want (at least )?(\d+) got (\d+)$`)
	noTmplRE     = lazyregexp.New(`^template "(.*)" not defined$`)
	notFuncRE    = lazyregexp.New(`^function "(.*)" not defined$`)
)

// execError maps an error from Template.Execute; root is what the
// template was executed with, to suggest the key meant when one is missing.
func (s source) execError(err error, root map[string]any) error {
	m := execRE().FindStringSubmatch(err.Error())
	if m == nil {
		return s.fallback(err)
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	ctx, msg := m[3], m[4]
	if fn, _, _ := strings.Cut(ctx, " "); internalFuncs[fn] {
		// A limit reached by a call Parse inserted: name the action it
		// was inserted for (its "{{range" or "{{template"), in the
		// author's words alone.
		if c := callingRE().FindStringSubmatch(msg); c != nil {
			msg = c[2]
		}
		if open := strings.LastIndex(s.line(line)[:min(col, len(s.line(line)))], "{{"); open >= 0 {
			col = open
		}
		return s.at(line, col, "%s", msg)
	}
	ctx = unwrapInserted(ctx)
	if isFieldChain(ctx) && (noEntryRE().MatchString(msg) || cantEvalRE().MatchString(msg) || nilPointerRE().MatchString(msg)) {
		col = s.keyColumn(line, col, ctx)
	}
	text := execMessage(ctx, msg)
	if m := noEntryRE().FindStringSubmatch(msg); m != nil && isFieldChain(ctx) {
		if at, near := missingKey(root, ctx, m[1]); at >= 0 {
			// keyColumn named the chain's last key; the one missing may
			// come before it (.Data.lookd_after.x).
			col -= strings.LastIndex(ctx, ".") - at
			if near != "" {
				text += fmt.Sprintf(" (did you mean %q?)", near)
			}
		}
	}
	return s.at(line, col, "%s", text)
}

// unwrapInserted takes the calls Parse inserted out of an action as Go
// prints it in a message, leaving what the author wrote:
// "{{range .Data.x | __boardpaperIndex}}{{__boardpaperStep}}…" is
// "{{range .Data.x}}…", "and (__boardpaperTruth .Data.a) …" is
// "and .Data.a …".
func unwrapInserted(ctx string) string {
	if !strings.Contains(ctx, "__boardpaper") {
		return ctx
	}
	for name := range internalFuncs {
		ctx = strings.ReplaceAll(ctx, " | "+name, "")
		ctx = strings.ReplaceAll(ctx, "{{"+name+"}}", "")
		for {
			i := strings.Index(ctx, "("+name+" ")
			if i < 0 {
				break
			}
			end := closingParen(ctx, i)
			if end < 0 {
				break
			}
			ctx = ctx[:i] + ctx[i+len(name)+2:end] + ctx[end+1:]
		}
		for {
			i := strings.Index(ctx, "{{"+name+" ")
			if i < 0 {
				break
			}
			end := strings.Index(ctx[i:], "}}")
			if end < 0 {
				break
			}
			ctx = ctx[:i] + ctx[i+end+2:]
		}
	}
	return ctx
}

// closingParen finds the ")" that closes the "(" at s[open], passing over
// quoted text, or -1.
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '"', '`':
			q := s[i]
			for i++; i < len(s) && s[i] != q; i++ {
				if s[i] == '\\' && q == '"' {
					i++
				}
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// missingKey finds where in the chain ctx (".Data.lookd_after.x") the key
// missing was looked for, as a byte offset of its "." in ctx, and the key
// beside it most likely meant ("" for none). at is -1 unless the chain
// leads from root to a map that lacks exactly that key: a chain read from
// inside {{with}} or {{range}} starts elsewhere, and is left alone rather
// than given a wrong suggestion.
func missingKey(root map[string]any, ctx, missing string) (at int, near string) {
	var cur any = root
	at = 0
	for _, part := range strings.Split(ctx[1:], ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return -1, ""
		}
		next, found := m[part]
		if !found {
			if part != missing {
				return -1, ""
			}
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			return at, diag.Nearest(missing, keys)
		}
		cur = next
		at += 1 + len(part)
	}
	return -1, ""
}

// isFieldChain reports whether ctx is a plain chain like .Data.x.y.
func isFieldChain(ctx string) bool {
	return strings.HasPrefix(ctx, ".") && !strings.ContainsAny(ctx, " ()|\"")
}

// keyColumn points at the key that could not be found: the last ".y" of
// the chain ctx as written on body line n. Go's own column for a chain is
// that of its second element, which is neither the start of the
// expression nor the missing key. goCol is used when the chain is not
// written on that line as Go prints it.
func (s source) keyColumn(n, goCol int, ctx string) int {
	l := s.line(n)
	best := -1
	for from := 0; ; {
		i := strings.Index(l[from:], ctx)
		if i < 0 {
			break
		}
		i += from
		if best < 0 || i <= goCol {
			best = i
		}
		from = i + 1
	}
	if best < 0 {
		return goCol
	}
	return best + strings.LastIndex(ctx, ".")
}

// execMessage rewords Go's execution error msg about the expression ctx.
func execMessage(ctx, msg string) string {
	if m := noEntryRE().FindStringSubmatch(msg); m != nil {
		switch {
		case strings.HasPrefix(ctx, ".Data."):
			return fmt.Sprintf("no figure %q in the data (%s)", m[1], ctx)
		case strings.HasPrefix(ctx, ".Paper."):
			return fmt.Sprintf("no key %q in the front matter (%s)", m[1], ctx)
		case ctx == "."+m[1]:
			return fmt.Sprintf("there is no %s here: a paper's template sees .Data (the snapshot) and .Paper (the front matter)", ctx)
		}
		return fmt.Sprintf("no %q in the value (%s)", m[1], ctx)
	}
	if m := cantEvalRE().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("cannot look up %q: %s is not a map of figures (%s)", m[1], parent(ctx), ctx)
	}
	if m := nilPointerRE().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("cannot look up %q: %s is empty (%s)", m[1], parent(ctx), ctx)
	}
	if m := callingRE().FindStringSubmatch(msg); m != nil {
		return m[1] + ": " + m[2]
	}
	if m := wrongArgsRE().FindStringSubmatch(msg); m != nil {
		plural := "s"
		if m[3] == "1" {
			plural = ""
		}
		return fmt.Sprintf("%s needs %s%s argument%s, got %s (%s)", m[1], m[2], m[3], plural, m[4], ctx)
	}
	if m := noTmplRE().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("no template named %q (write {{define %q}}…{{end}} somewhere in the paper)", m[1], m[1])
	}
	if strings.HasPrefix(msg, "exceeded maximum template depth") {
		return "templates call each other without end (" + msg + ")"
	}
	return msg + " (" + ctx + ")"
}

// parent drops the last field of a field chain: ".Data.x.y" -> ".Data.x".
func parent(ctx string) string {
	if i := strings.LastIndex(ctx, "."); i > 0 {
		return ctx[:i]
	}
	return "the value"
}

// parseError maps an error from Parse. Go gives a line but no column, and
// for an unclosed "{{" it reports wherever it gave up (often a later line,
// or a word of the following prose taken for a function), so the body is
// scanned for the real place first.
func (s source) parseError(err error) error {
	m := parseRE().FindStringSubmatch(err.Error())
	if m == nil {
		return s.fallback(err)
	}
	line, _ := strconv.Atoi(m[1])
	msg := m[2]

	if off, ok := unclosedAction(s.body); ok {
		if l, b := s.offsetAt(off); l <= line {
			return s.at(l, b, `"{{" is never closed: add "}}" to end the expression`)
		}
	}
	if msg == "unexpected EOF" {
		if off, word, ok := unclosedBlock(s.body); ok {
			l, b := s.offsetAt(off)
			return s.at(l, b, "{{%s}} is never closed: add {{end}} after what it covers", word)
		}
		return s.at(line, 0, "the template ends too soon")
	}
	if m := notFuncRE().FindStringSubmatch(msg); m != nil {
		text := fmt.Sprintf("unknown function %q", m[1])
		if near := diag.Nearest(m[1], FuncNames()); near != "" {
			text += fmt.Sprintf(" (did you mean %q?)", near)
		}
		return s.at(line, s.wordColumn(line, m[1]), "%s", text)
	}
	if msg == "unexpected {{end}}" {
		return s.at(line, s.wordColumn(line, "end"), "{{end}} without an {{if}}, {{range}}, {{with}} or {{define}} to close")
	}
	return s.at(line, s.wordColumn(line, ""), "%s", msg)
}

// wordColumn finds where word is written inside an action on body line n,
// or failing that the line's first "{{", so a column is never 0.
func (s source) wordColumn(n int, word string) int {
	l := s.line(n)
	if word != "" {
		for from := 0; ; {
			i := strings.Index(l[from:], word)
			if i < 0 {
				break
			}
			i += from
			end := i + len(word)
			before, _ := utf8.DecodeLastRuneInString(l[:i])
			after, _ := utf8.DecodeRuneInString(l[end:])
			if !isIdent(before) && !isIdent(after) && strings.Contains(l[:i], "{{") {
				return i
			}
			from = end
		}
	}
	if i := strings.Index(l, "{{"); i >= 0 {
		return i
	}
	return 0
}

func isIdent(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// unclosedAction finds a "{{" with no "}}" before the next "{{" or the end
// of the body, and returns its byte offset. It ignores quoting: a "}}"
// inside a string in an action is rare, and this runs only when Go has
// already refused the body.
func unclosedAction(body string) (int, bool) {
	for off := 0; ; {
		i := strings.Index(body[off:], "{{")
		if i < 0 {
			return 0, false
		}
		open := off + i
		rest := body[open+2:]
		end := strings.Index(rest, "}}")
		next := strings.Index(rest, "{{")
		if end < 0 || (next >= 0 && next < end) {
			return open, true
		}
		off = open + 2 + end + 2
	}
}

// blockWords open a block that needs {{end}}.
var blockWords = map[string]bool{"if": true, "range": true, "with": true, "define": true, "block": true}

// unclosedBlock finds the innermost {{if}}, {{range}}, {{with}},
// {{define}} or {{block}} left open at the end of the body.
func unclosedBlock(body string) (off int, word string, ok bool) {
	type open struct {
		off  int
		word string
	}
	var stack []open
	for pos := 0; ; {
		i := strings.Index(body[pos:], "{{")
		if i < 0 {
			break
		}
		start := pos + i
		j := strings.Index(body[start:], "}}")
		if j < 0 {
			break
		}
		inner := strings.TrimSpace(strings.Trim(body[start+2:start+j], "-"))
		w := inner
		if k := strings.IndexFunc(inner, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
			w = inner[:k]
		}
		switch {
		case blockWords[w]:
			stack = append(stack, open{start, w})
		case w == "end" && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
		pos = start + j + 2
	}
	if len(stack) == 0 {
		return 0, "", false
	}
	top := stack[len(stack)-1]
	return top.off, top.word, true
}
