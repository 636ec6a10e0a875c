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
	"strings"
	"text/template"

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
}

// Parse parses a body. path is the template file's path for messages;
// firstLine is the file line on which the body starts.
func Parse(path string, firstLine int, body string) (*Template, error) {
	src := source{path: path, firstLine: firstLine, body: body}
	t, err := template.New(parseName).Option("missingkey=error").Funcs(Funcs()).Parse(body)
	if err != nil {
		return nil, src.parseError(err)
	}
	return &Template{src: src, tmpl: t}, nil
}

// Execute expands the body with data as .Data and paper (the front matter
// as written) as .Paper.
func (t *Template) Execute(data, paper any) (string, error) {
	var b strings.Builder
	err := t.tmpl.Execute(&b, map[string]any{"Data": data, "Paper": paper})
	if err != nil {
		return "", t.src.execError(err)
	}
	return b.String(), nil
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
