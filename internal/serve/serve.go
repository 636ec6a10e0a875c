// Package serve is the live preview: the project built into memory, served
// over HTTP, rebuilt when a template, layout or snapshot is saved, with the
// open page reloading itself. A paper that does not build shows its
// problems, each at its file and line, in place of its page; the other
// papers are served as they last built, and the index lists them all.
package serve

import (
	"bytes"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/publish"
)

// Options for a preview.
type Options struct {
	Root      string
	HTML, PDF bool
	// Hosts are the names, each with its port ("localhost:8080"), that a
	// request's Host header may give (see AllowedHosts); any other is
	// refused. Empty: every request is refused.
	Hosts []string
	// Log receives a line per rebuild; nil for none.
	Log func(format string, args ...any)
	// Problem receives each problem of a rebuild, as path:line:col:
	// message, once per rebuild; nil sends them to Log.
	Problem func(line string)
}

// Server serves the latest build from memory. It builds nothing until
// Watch or Rebuild is called; until the first build ends, every page says
// the papers are being built.
type Server struct {
	opts  Options
	hosts map[string]bool

	// building serialises rebuilds and guards what one needs of the last:
	// memory is the last good build's files and what they were built from
	// (so that a save rebuilds only the papers it changed); good, filesOf
	// and meta are that build's files, the files each paper wrote, and
	// each paper's place, from which a failed build's view is made.
	building sync.Mutex
	memory   publish.Memory
	good     map[string][]byte
	filesOf  map[string][]string
	meta     map[string]model.Meta

	// hold, when set (by tests), is called as a build gives each file.
	hold func()

	mu      sync.RWMutex
	view    *view
	waiters []chan struct{}
}

// view is what is served after a build; each build replaces it whole, so
// a request sees one build's files, never a mixture.
type view struct {
	version int
	// files are served by path; nil until the first build ends.
	files map[string][]byte
	// broken maps each file of a paper that does not build (as it was
	// last built, and as it would be named now) to the paper.
	broken map[string]*brokenPaper
	// problems are every problem of the build, each once.
	problems []string
}

// brokenPaper is a paper that does not build, with its problems.
type brokenPaper struct {
	path     string // its template
	page     string // its page as it would be named now; "" when unknown
	subject  string
	problems []string
}

// New makes a server for a project.
func New(o Options) *Server {
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	if o.Problem == nil {
		o.Problem = func(line string) { o.Log("%s", line) }
	}
	s := &Server{opts: o, hosts: map[string]bool{}, view: &view{}}
	for _, h := range o.Hosts {
		if host, port, err := net.SplitHostPort(h); err == nil {
			if k := hostKey(host, port); k != "" {
				s.hosts[k] = true
			}
		}
	}
	return s
}

// eventsPath is where pages listen for rebuilds.
const eventsPath = "/__boardpaper/events"

// reloadScript makes a served page reload after the next rebuild. It is
// added to pages as they are served, never to the files a build writes.
// The page names the build it came from, so a build that ends between the
// page being served and the script connecting still reloads it.
func reloadScript(version int) string {
	return `<script>new EventSource("` + eventsPath + `?v=` + strconv.Itoa(version) + `").onmessage = function () { location.reload(); };</script>`
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		s.refuseHost(w, r)
		return
	}
	if r.URL.Path == eventsPath {
		s.events(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	s.mu.RLock()
	v := s.view
	s.mu.RUnlock()
	w.Header().Set("Cache-Control", "no-store")
	if v.files == nil {
		w.Header().Set("Retry-After", "1")
		writePage(w, http.StatusServiceUnavailable, "Building the papers", "<p>The papers are being built; this page will show them when they are ready.</p>", v.version)
		return
	}
	if b := v.broken[name]; b != nil {
		writePage(w, http.StatusInternalServerError, b.path+" does not build",
			"<p>Fix these and save; the page will reload. The other papers are in <a href=\"/\">the index</a>.</p>"+problemList(b.problems), v.version)
		return
	}
	data, ok := v.files[name]
	if !ok {
		body := "<p>No paper has been built at this address. See <a href=\"/\">the index</a>.</p>"
		if len(v.problems) > 0 {
			body += "<p>The last build found these problems:</p>" + problemList(v.problems)
		}
		writePage(w, http.StatusNotFound, "Not found", body, v.version)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".html") {
		data = withReload(data, v.version)
	}
	w.Write(data)
}

func withReload(page []byte, version int) []byte {
	return insertBefore(page, "</body>", reloadScript(version))
}

// insertBefore puts what before the last mark in page, or at its end
// when there is none, in a copy.
func insertBefore(page []byte, mark, what string) []byte {
	i := bytes.LastIndex(page, []byte(mark))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(what))
	out = append(out, page[:i]...)
	out = append(out, what...)
	return append(out, page[i:]...)
}

// writePage answers with a page of the preview's own: building, a
// paper's problems, not found.
func writePage(w http.ResponseWriter, status int, title, body string, version int) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"/><title>%s</title>
<style>body{font-family:Arial,"Liberation Sans",sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}li{font-family:monospace;margin:.4rem 0;white-space:pre-wrap}h1{color:#942514}</style></head><body>
<main><h1>%s</h1>%s</main>%s</body></html>
`, html.EscapeString(title), html.EscapeString(title), body, reloadScript(version))
}

func problemList(problems []string) string {
	var b strings.Builder
	b.WriteString("<ul>")
	for _, p := range problems {
		b.WriteString("<li>" + html.EscapeString(p) + "</li>\n")
	}
	b.WriteString("</ul>")
	return b.String()
}

// events streams a message to the page after each rebuild (server-sent
// events), until the page goes away. A page that names the build it came
// from (?v=) is told at once if another has ended since.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	s.mu.Lock()
	seen, err := strconv.Atoi(r.URL.Query().Get("v"))
	if err != nil {
		seen = s.view.version
	}
	s.mu.Unlock()
	for {
		s.mu.Lock()
		if s.view.version != seen {
			seen = s.view.version
			s.mu.Unlock()
			fmt.Fprint(w, "data: reload\n\n")
			flusher.Flush()
			continue
		}
		ch := make(chan struct{})
		s.waiters = append(s.waiters, ch)
		s.mu.Unlock()
		select {
		case <-ch:
		case <-r.Context().Done():
			return
		}
	}
}

// publish makes v what is served and tells open pages to reload.
func (s *Server) publish(v *view) {
	s.mu.Lock()
	v.version = s.view.version + 1
	s.view = v
	waiters := s.waiters
	s.waiters = nil
	s.mu.Unlock()
	for _, w := range waiters {
		close(w)
	}
}

// Loopback reports whether an address only this machine can reach.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
