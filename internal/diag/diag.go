// Package diag carries input errors that name the file, line and column where
// the offending text was written, so an author can go straight to it.
//
// Every stage of boardpaper reports problems in the author's files as
// *diag.Error values (or a diag.List of them). The command line prints them
// one per line as "path:line:col: message" and exits with status 1.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in an input file. Line and Col count from 1; zero means
// unknown (the position is then printed without them).
type Pos struct {
	Path string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	default:
		return p.Path
	}
}

// Severity tells errors, which stop a build, from warnings, which do not.
type Severity int

const (
	SevError Severity = iota
	SevWarning
)

// Error is one problem in an input file.
type Error struct {
	Pos      Pos
	Msg      string
	Severity Severity
}

func (e *Error) Error() string {
	if e.Severity == SevWarning {
		return e.Pos.String() + ": warning: " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// At makes an error at a position.
func At(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Errorf makes an error at path:line:col.
func Errorf(path string, line, col int, format string, args ...any) *Error {
	return At(Pos{Path: path, Line: line, Col: col}, format, args...)
}

// Warnf makes a warning at path:line:col.
func Warnf(path string, line, col int, format string, args ...any) *Error {
	e := Errorf(path, line, col, format, args...)
	e.Severity = SevWarning
	return e
}

// List collects problems so that an author sees all of them at once rather
// than fixing one per run.
type List []*Error

// Add appends err, flattening nested lists. A non-diag error is kept with an
// empty position so that nothing is lost.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var sub List
	if errors.As(err, &sub) {
		*l = append(*l, sub...)
		return
	}
	var d *Error
	if errors.As(err, &d) {
		*l = append(*l, d)
		return
	}
	*l = append(*l, &Error{Msg: err.Error()})
}

// Errorf adds an error at path:line:col.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	*l = append(*l, Errorf(path, line, col, format, args...))
}

// Sort orders the problems by file, then line, then column, so that output
// is stable however the work was scheduled.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// HasErrors reports whether any entry is an error rather than a warning.
func (l List) HasErrors() bool {
	for _, e := range l {
		if e.Severity == SevError {
			return true
		}
	}
	return false
}

// Err returns the list as an error, or nil when it holds no errors.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Positions records where elements of a document were written, keyed by the
// element (a pointer into the document model), so that passes after the
// reader can still name the file and line.
type Positions map[any]Pos

// Locate returns err unchanged when it already names its place in a file,
// and otherwise places it at pos with prefix: a plain error from opening a
// file a paper names ("not found", "leads outside the project") belongs at
// the line of the paper that names it.
func Locate(err error, pos Pos, prefix string) error {
	var list List
	var one *Error
	if errors.As(err, &list) || errors.As(err, &one) {
		return err
	}
	return At(pos, "%s%v", prefix, err)
}
