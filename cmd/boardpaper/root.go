package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The project root is found as git finds a repository: from the folder
// the command was typed in, the nearest folder, that one or one above it,
// that looks like a project. The command then runs in the root, as it
// would had it been typed there, and the paths the user typed are read
// from where they were typed: "boardpaper build paper.md" in templates/
// builds templates/paper.md. Messages name files from the root, as the
// papers themselves do (data: data/x.yaml), so a message reads the same
// wherever the command was typed.

// isRoot reports whether dir is a project's root: its templates/ folder
// holds a paper (a .md file) or a layouts/ folder. A templates/ folder
// alone is not enough: a data topic may be called templates
// (data/templates/2013-01-25.yaml), and from data/ that folder must not
// be taken for the project's.
func isRoot(dir string) bool {
	tpl := filepath.Join(dir, "templates")
	if fi, err := os.Stat(filepath.Join(tpl, "layouts")); err == nil && fi.IsDir() {
		return true
	}
	f, err := os.Open(tpl)
	if err != nil {
		return false
	}
	defer f.Close()
	// In batches, so a folder of many files is not read whole when its
	// first batch holds a paper.
	for {
		entries, err := f.ReadDir(16)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".md") && !e.IsDir() {
				return true
			}
		}
		if err != nil {
			return false
		}
	}
}

// searchCeiling, when set, is a folder the search for the root does not
// go above: tests make projects in the system's temporary folder, and a
// project someone left there must not be taken for theirs.
var searchCeiling string

// findRoot is the project root for a command typed in dir, or "" when no
// folder from dir up is one. The walk takes one step per folder of dir's
// path, so it ends however deep dir is.
func findRoot(dir string) string {
	for {
		if isRoot(dir) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir || dir == searchCeiling {
			return ""
		}
		dir = parent
	}
}

// enterProject moves into the project root (staying where it is when no
// project is found: a new project, or a diff of two files anywhere),
// records where the command was typed, and says which root it uses when
// that is not the folder the command was typed in. leave moves back.
func (iv *invocation) enterProject(stderr io.Writer) (leave func(), err error) {
	leave = func() {}
	wd, err := os.Getwd()
	if err != nil {
		// The folder was removed under the shell: every path fails as it
		// would have.
		return leave, nil
	}
	root := findRoot(wd)
	if root == "" || root == wd {
		return leave, nil
	}
	prefix, err := filepath.Rel(root, wd)
	if err != nil {
		return leave, err
	}
	if err := os.Chdir(root); err != nil {
		return leave, fmt.Errorf("cannot enter the project folder %s: %w", root, errors.Unwrap(err))
	}
	iv.prefix = prefix
	up, _ := filepath.Rel(wd, root)
	fmt.Fprintf(stderr, "boardpaper %s: in the project folder %s (%s); file names are relative to it\n", iv.cmd.name, up, root)
	return func() { os.Chdir(wd) }, nil
}

// path is a path the user typed, read from the folder they typed it in,
// relative to the project root.
func (iv *invocation) path(p string) string {
	if iv.prefix == "." || p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(iv.prefix, p)
}

// fromHere is a path relative to the project root as the user would type
// it from the folder they are in, for commands they are told to run next.
func (iv *invocation) fromHere(rel string) string {
	if iv.prefix == "." {
		return rel
	}
	p, err := filepath.Rel(iv.prefix, filepath.FromSlash(rel))
	if err != nil {
		return rel
	}
	return p
}
