package serve

import (
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/publish"
)

// Rebuild builds the project into memory, serves the outcome and tells
// open pages to reload. Pages are served from the last build while it
// runs. One build runs at a time; a call during one waits for it.
func (s *Server) Rebuild() {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	var sink publish.Sink = &s.memory
	if s.hold != nil {
		sink = heldMemory{&s.memory, s.hold}
	}
	results, err := publish.Run(publish.Options{Root: s.opts.Root, HTML: s.opts.HTML, PDF: s.opts.PDF, Sink: sink})
	v := s.compose(results, err, s.memory.Files())
	s.publish(v)

	reused, broken := 0, 0
	for _, r := range results {
		if r.Reused {
			reused++
		}
		if r.Err != nil {
			broken++
		}
	}
	summary := "rebuilt in " + time.Since(start).Round(time.Millisecond).String() + " (" + strconv.Itoa(reused) + " of " + strconv.Itoa(len(results)) + " papers unchanged)"
	switch {
	case err == nil:
		s.opts.Log("%s", summary)
	case broken == len(results):
		s.opts.Log("%s: %s; no paper builds", summary, count(len(v.problems), "problem"))
	case broken > 0:
		s.opts.Log("%s: %s, %s; the other papers are served as built", summary, count(len(v.problems), "problem"), count(broken, "paper does not build", "papers do not build"))
	default:
		s.opts.Log("%s: %s; the papers are served as built, the agenda packs as last built", summary, count(len(v.problems), "problem"))
	}
	for _, p := range v.problems {
		s.opts.Problem(p)
	}
}

// heldMemory is the preview's memory with a test's hold, called as the
// build writes each file.
type heldMemory struct {
	*publish.Memory
	hold func()
}

func (h heldMemory) Write(path string, data []byte) error {
	h.hold()
	return h.Memory.Write(path, data)
}

// count writes n with its noun: "1 problem", "2 problems".
func count(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return strconv.Itoa(n) + " " + many[0]
	}
	return strconv.Itoa(n) + " " + one + "s"
}

// compose makes what is served from a build's outcome. A build that
// succeeds is served as it is, and kept as the last good one. A build that
// fails writes no index and no packs, and keeps nothing (the next build
// starts again from the last good one); what is served is then:
//   - each paper that built, as it built now (the sink was given its
//     files, made again or kept);
//   - each paper that did not, as its problems, at every file it had in
//     the last good build and at the page it would have now;
//   - the meetings' packs as they were last built;
//   - an index of every paper, headed by the problems.
func (s *Server) compose(results []*publish.Built, err error, files map[string][]byte) *view {
	if err == nil {
		s.good, s.filesOf, s.meta = files, map[string][]string{}, map[string]model.Meta{}
		for _, r := range results {
			s.filesOf[r.Path] = r.Files
			s.meta[r.Path] = r.Meta
		}
		return &view{files: files}
	}
	v := &view{files: map[string][]byte{}, broken: map[string]*brokenPaper{}, problems: problemLines(err)}
	outcome := map[string]*publish.Built{}
	for _, r := range results {
		outcome[r.Path] = r
	}
	owner := map[string]string{}
	for p, fs := range s.filesOf {
		for _, f := range fs {
			owner[f] = p
		}
	}
	for f, data := range s.good {
		if p, owned := owner[f]; owned {
			if r := outcome[p]; r == nil || r.Err == nil {
				continue // gone from the project, or given again below
			}
		}
		v.files[f] = data
	}
	for f, data := range files {
		v.files[f] = data
	}

	var entries []publish.IndexPaper
	var broken []*brokenPaper
	attributed := map[string]bool{}
	for _, r := range results {
		if r.Err == nil {
			e := publish.IndexPaper{Meta: r.Meta, Withheld: r.Withheld, Files: map[string]int64{}}
			base := publish.MeetingDir(r.Meta) + "/" + r.Meta.Slug
			for _, kind := range []string{"html", "pdf"} {
				if data, ok := v.files[base+"."+kind]; ok {
					e.Files[kind] = int64(len(data))
				}
			}
			entries = append(entries, e)
			continue
		}
		b := &brokenPaper{path: r.Path, problems: problemLines(r.Err)}
		for _, p := range b.problems {
			attributed[p] = true
		}
		for _, f := range s.filesOf[r.Path] {
			v.broken[f] = b
		}
		if meta, ok := s.metaOf(r.Path); ok {
			b.subject = meta.Title
			base := publish.MeetingDir(meta) + "/" + meta.Slug
			for _, f := range []struct {
				on   bool
				name string
			}{{s.opts.HTML, base + ".html"}, {s.opts.PDF, base + ".pdf"}} {
				if f.on {
					v.broken[f.name] = b
					if b.page == "" {
						b.page = f.name
					}
				}
			}
			entries = append(entries, publish.IndexPaper{Meta: meta, Withheld: "does not build: see the problems above"})
		}
		broken = append(broken, b)
	}
	var other []string
	for _, p := range v.problems {
		if !attributed[p] {
			other = append(other, p)
		}
	}
	v.files["index.html"] = indexPage(entries, v.files, broken, other)
	return v
}

// metaOf is a paper's place as its front matter gives it now, or, when
// that does not read, as the last good build had it.
func (s *Server) metaOf(tmpl string) (model.Meta, bool) {
	src, err := os.ReadFile(filepath.Join(s.opts.Root, filepath.FromSlash(tmpl)))
	if err == nil {
		if p, err := project.ParseFront(tmpl, src); err == nil {
			return p.Meta(), true
		}
	}
	m, ok := s.meta[tmpl]
	return m, ok
}

// problemLines lists a build's problems as path:line:col: message, in the
// build's order, each once (papers reading one broken snapshot each
// report it).
func problemLines(err error) []string {
	var list diag.List
	list.Add(err)
	seen := map[string]bool{}
	var out []string
	for _, e := range list {
		line := e.Error()
		if e.Pos.Path == "" {
			line = e.Msg
		}
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		out = []string{err.Error()}
	}
	return out
}
