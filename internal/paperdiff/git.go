package paperdiff

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Revision is the project as a git revision holds it: its files listed
// from the revision's tree, read on demand through one git cat-file
// process. Nothing the user typed reaches git as an option: the revision
// is resolved to a commit's hash after --end-of-options, and every later
// command is given only that hash.
type Revision struct {
	Name   string // as typed: "HEAD", "main"
	commit string
	// files are the blobs of the project's folder at the revision, by
	// path relative to the project root.
	files  map[string]blob
	sha256 bool // the repository names objects by SHA-256
	cat    *catFile
}

type blob struct{ mode, hash string }

// OpenRevision reads the listing of the project folder (the working
// folder, which must be the project's root) at revision rev.
func OpenRevision(rev string) (*Revision, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%q is not a file, and git is not installed to read it as a revision", rev)
	}
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%s is not a file, and a git revision cannot start with \"-\"", rev)
	}
	out, err := exec.Command("git", "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}").Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) && strings.Contains(string(ee.Stderr), "not a git repository") {
		return nil, fmt.Errorf("%s is not a file, and the project is not in a git repository, where it could be a revision", rev)
	}
	if err != nil {
		return nil, gitError(rev+" is neither a file nor a git revision", err)
	}
	r := &Revision{Name: rev, commit: strings.TrimSpace(string(out)), files: map[string]blob{}}
	r.sha256 = len(r.commit) == 64
	list, err := exec.Command("git", "ls-tree", "-r", "-z", "--full-tree", r.commit+":./").Output()
	if err != nil {
		return nil, gitError("git revision "+rev+" does not hold this project's folder", err)
	}
	for _, entry := range bytes.Split(list, []byte{0}) {
		// <mode> SP <type> SP <object> TAB <path>
		meta, path, ok := bytes.Cut(entry, []byte{'\t'})
		if !ok {
			continue
		}
		f := strings.Fields(string(meta))
		if len(f) != 3 || f[1] != "blob" {
			continue // a submodule
		}
		r.files[string(path)] = blob{mode: f[0], hash: f[2]}
	}
	return r, nil
}

// gitError words a failed git command: what it means, and what git said.
func gitError(msg string, err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if s := strings.TrimSpace(string(ee.Stderr)); s != "" {
			msg += ": " + s
		}
		return errors.New(msg)
	}
	return fmt.Errorf("%s: %v", msg, err)
}

// Close ends the git process that reads files.
func (r *Revision) Close() {
	if r.cat != nil {
		r.cat.close()
	}
}

// has reports whether the revision holds a file, and its object's hash.
func (r *Revision) has(path string) (string, bool) {
	b, ok := r.files[path]
	return b.hash, ok
}

// ReadFile reads a file as the revision holds it.
func (r *Revision) ReadFile(path string) ([]byte, error) {
	b, ok := r.files[path]
	if !ok {
		return nil, fmt.Errorf("git revision %s does not hold %s", r.Name, path)
	}
	if r.cat == nil {
		c, err := startCatFile()
		if err != nil {
			return nil, err
		}
		r.cat = c
	}
	return r.cat.read(b.hash)
}

// hashOf is the hash git gives these bytes as a file's content, to tell
// without reading the revision's copy whether a file in the working tree
// is as the revision holds it.
func (r *Revision) hashOf(data []byte) string {
	var h hash.Hash
	if r.sha256 {
		h = sha256.New()
	} else {
		h = sha1.New()
	}
	fmt.Fprintf(h, "blob %d\x00", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// catFile is a running `git cat-file --batch`: it is given an object's
// hash a line at a time and answers with the object.
type catFile struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startCatFile() (*catFile, error) {
	cmd := exec.Command("git", "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &catFile{cmd: cmd, in: in, out: bufio.NewReader(out)}, nil
}

// maxBlob bounds what is read of one file from git: a snapshot may be 8
// MB, and nothing a paper reads is larger.
const maxBlob = 64 << 20

func (c *catFile) read(hash string) ([]byte, error) {
	if _, err := io.WriteString(c.in, hash+"\n"); err != nil {
		return nil, fmt.Errorf("reading from git: %w", err)
	}
	head, err := c.out.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("reading from git: %w", err)
	}
	f := strings.Fields(head)
	if len(f) != 3 {
		return nil, fmt.Errorf("reading from git: object %s: %s", hash, strings.TrimSpace(head))
	}
	size, err := strconv.Atoi(f[2])
	if err != nil || size < 0 || size > maxBlob {
		return nil, fmt.Errorf("reading from git: object %s is %s bytes", hash, f[2])
	}
	data := make([]byte, size+1) // and its closing newline
	if _, err := io.ReadFull(c.out, data); err != nil {
		return nil, fmt.Errorf("reading from git: %w", err)
	}
	return data[:size], nil
}

func (c *catFile) close() {
	c.in.Close()
	c.cmd.Wait()
}

// materialise writes the revision's copy of each file named into dir,
// where the pipeline reads it as a project; a file the revision does not
// hold is left out, and reading it fails as it would have at the
// revision. A symbolic link is written as one, so that a link out of the
// project is refused there too.
func (r *Revision) materialise(dir string, paths []string) error {
	for _, p := range paths {
		b, ok := r.files[p]
		if !ok || strings.HasPrefix(path.Clean(p), "../") {
			continue
		}
		data, err := r.ReadFile(p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(path.Clean(p)))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if b.mode == "120000" {
			err = os.Symlink(string(data), full)
		} else {
			err = os.WriteFile(full, data, 0o644)
		}
		if err != nil && !errors.Is(err, os.ErrExist) {
			return err
		}
	}
	return nil
}
