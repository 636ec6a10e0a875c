package project

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Resolve turns a path a paper names (relative to the project root,
// slash-separated) into a file path, refusing anything that would leave the
// root: absolute paths, "../" escapes, and symbolic links that point out.
func Resolve(root, rel string) (string, error) {
	if rel == "" {
		return "", fmt.Errorf("empty path")
	}
	if strings.Contains(rel, "\\") {
		return "", fmt.Errorf("path %q uses backslashes; write paths with /", rel)
	}
	if path.IsAbs(rel) || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" {
		return "", fmt.Errorf("path %q is absolute; paths are relative to the project folder", rel)
	}
	clean := path.Clean(rel)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("path %q leads outside the project folder", rel)
	}
	full := filepath.Join(root, filepath.FromSlash(clean))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		if os.IsNotExist(err) {
			return "", fmt.Errorf("file %q not found", rel)
		}
		return "", err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	inside, err := filepath.Rel(realRoot, real)
	if err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("path %q leads outside the project folder (through a symbolic link)", rel)
	}
	return full, nil
}

// Templates lists a project's papers: the given ones (slash-separated,
// cleaned), or every templates/*.md, sorted so that what is made from
// them never depends on the order the file system lists them in.
func Templates(root string, given []string) ([]string, error) {
	if len(given) > 0 {
		out := make([]string, len(given))
		for i, g := range given {
			out[i] = filepath.ToSlash(filepath.Clean(g))
		}
		return out, nil
	}
	matches, err := filepath.Glob(filepath.Join(root, "templates", "*.md"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		rel, _ := filepath.Rel(root, m)
		out = append(out, filepath.ToSlash(rel))
	}
	sort.Strings(out)
	return out, nil
}
