// Package lazyregexp compiles a regular expression the first time it is
// used rather than when the program starts. A package-level
// regexp.MustCompile runs before main in every command, whether or not the
// command needs the expression: boardpaper's took a fifth of a millisecond
// of each build's start, on the one processor Go initialises packages on.
package lazyregexp

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call (panicking,
// as regexp.MustCompile does, if it does not compile) and returns the same
// *regexp.Regexp on every call. It is safe for concurrent use.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
