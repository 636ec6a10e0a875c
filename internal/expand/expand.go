// Package expand runs a paper's body through Go's text/template with the
// functions of FORMAT.md "Expressions", before the Markdown is read (so a
// "|" inside {{ }} is never mistaken for a table cell).
//
// Its other job is to make template errors usable by a council officer:
// Go reports "template: body:3:8: executing … map has no entry for key"
// with lines counted from the start of the body and columns from zero. Every
// error here is a *diag.Error at the template file's own line and column
// (front matter counted in), worded in terms of the paper's data.
package expand

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"text/template"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
)

// parseName is the name Go gives the body in its messages; the messages
// are parsed back, so it must be a plain word.
const parseName = "body"

// Template is a parsed body, ready to execute against each snapshot. It is
// safe for concurrent use.
type Template struct {
	src  source
	tmpl *template.Template
	// first is the meter the parsed template's functions count on. The
	// first expansion uses the template as parsed; any later one (serve,
	// tests) a copy bound to a meter of its own. A build expands each
	// paper once, and the copy costs a tenth of an expansion.
	first *meter
	used  atomic.Bool
}

// Parse parses a body. path is the template file's path for messages;
// firstLine is the file line on which the body starts.
func Parse(path string, firstLine int, body string) (*Template, error) {
	src := source{path: path, firstLine: firstLine, body: body}
	m := &meter{}
	t, err := template.New(parseName).Option("missingkey=error").Funcs(m.funcs()).Parse(body)
	if err != nil {
		return nil, src.parseError(err)
	}
	for _, tt := range t.Templates() {
		instrument(tt.Tree.Root)
	}
	return &Template{src: src, tmpl: t, first: m}, nil
}

// Limits on one expansion besides the work counted (see MaxSteps). A
// paper expands to tens of kilobytes in milliseconds. The time limit is a
// last resort, far above any paper's cost: the counted limits stop a
// runaway template long before it.
var (
	MaxOutput = 4 << 20          // bytes of expanded text
	TimeLimit = 10 * time.Second // per paper
)

// errTooLong is returned by the output writer once MaxOutput is passed;
// text/template stops at the first write error.
var errTooLong = errors.New("output limit")

type limitedBuilder struct{ strings.Builder }

func (b *limitedBuilder) Write(p []byte) (int, error) {
	if b.Len()+len(p) > MaxOutput {
		return 0, errTooLong
	}
	return b.Builder.Write(p)
}

// Execute expands the body with data as .Data and paper (the front matter
// as written) as .Paper.
func (t *Template) Execute(data, paper any) (string, error) {
	// Each expansion counts its own work: the first on the meter the
	// parsed template is bound to, any other on a meter of its own in a
	// copy of the template (the parsed trees are shared, not copied).
	m, tmpl := t.first, t.tmpl
	if !t.used.CompareAndSwap(false, true) {
		m = &meter{}
		var err error
		if tmpl, err = t.tmpl.Clone(); err != nil {
			return "", t.src.fallback(err)
		}
		tmpl.Funcs(m.funcs())
	}
	m.start()
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	root := map[string]any{"Data": data, "Paper": paper}
	go func() {
		var b limitedBuilder
		// Room for about twice the template, which the text rarely
		// outgrows: a Builder's room is not cleared, so what goes unused
		// costs nothing, and the text is not copied at every doubling.
		b.Grow(min(2*len(t.src.body), MaxOutput))
		err := tmpl.Execute(&b, root)
		done <- result{b.String(), err}
	}()
	timer := time.NewTimer(TimeLimit)
	defer timer.Stop()
	select {
	case r := <-done:
		if errors.Is(r.err, errTooLong) {
			return "", t.src.limitError(fmt.Sprintf("the text grows past %d MB as it is expanded", MaxOutput>>20))
		}
		if r.err != nil {
			return "", t.src.execError(r.err, root)
		}
		// Go's {{slice}} cuts text by bytes, so {{slice "café" 0 4}} leaves
		// half an "é": show it as U+FFFD (�) rather than hand the writers
		// bytes that are not UTF-8 (the PDF library panics on them).
		return strings.ToValidUTF8(r.text, "\uFFFD"), nil
	case <-timer.C:
		// Every {{range}} pass and {{template}} call checks the flag
		// (instrument), so the abandoned expansion ends promptly rather
		// than running on.
		m.stop.Store(true)
		return "", t.src.limitError(fmt.Sprintf("expanding the template took longer than %s", TimeLimit))
	}
}

// limitError places a limit error at the first {{range}} (the usual cause),
// or at the body's start.
func (s source) limitError(what string) *diag.Error {
	line, col := s.firstLine, 1
	if i := strings.Index(s.body, "range"); i >= 0 {
		if open := strings.LastIndex(s.body[:i], "{{"); open >= 0 {
			line += strings.Count(s.body[:open], "\n")
			col = open - strings.LastIndex(s.body[:open], "\n")
		}
	}
	return diag.Errorf(s.path, line, col, "%s: is a {{range}} going over far more items than the paper has?", what)
}

// Body expands a paper's body: Parse then Execute.
func Body(path string, firstLine int, body string, data, paper any) (string, error) {
	t, err := Parse(path, firstLine, body)
	if err != nil {
		return "", err
	}
	return t.Execute(data, paper)
}

// fallback keeps an error that is already a diagnostic; anything else (an
// error Go words in a way not recognised) is placed at the body's start
// rather than lost.
func (s source) fallback(err error) *diag.Error {
	var d *diag.Error
	if errors.As(err, &d) {
		return d
	}
	msg := strings.TrimPrefix(err.Error(), "template: ")
	msg = strings.TrimPrefix(msg, parseName+": ")
	return diag.Errorf(s.path, s.firstLine, 1, "%s", msg)
}
