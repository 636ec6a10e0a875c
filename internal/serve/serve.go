// Package serve is the live preview: the project built into memory, served
// over HTTP, rebuilt when a template, layout or snapshot is saved, with the
// open page reloading itself. A build error replaces the page with the
// errors, each at its file and line, rather than leave a stale page up.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/boardpaper/boardpaper/internal/build"
	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/fsnotify/fsnotify"
)

// Options for a preview.
type Options struct {
	Root      string
	HTML, PDF bool
	// Log receives a line per rebuild; nil for none.
	Log func(format string, args ...any)
}

// Server holds the latest build in memory.
type Server struct {
	opts Options

	// building serialises rebuilds; memory is the last build's files,
	// so that a save rebuilds only the papers it changed (with their
	// meetings' packs and the index).
	building sync.Mutex
	memory   build.Memory

	mu      sync.RWMutex
	files   map[string][]byte
	errs    []string
	version int
	waiters []chan struct{}
}

// New makes a server and builds the project once.
func New(o Options) *Server {
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	s := &Server{opts: o}
	s.Rebuild()
	return s
}

// Rebuild builds the project into memory and tells open pages to reload.
func (s *Server) Rebuild() {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	files := map[string][]byte{}
	var mu sync.Mutex
	results, err := build.Run(build.Options{
		Root: s.opts.Root, HTML: s.opts.HTML, PDF: s.opts.PDF,
		Sink: func(p string, data []byte) error {
			mu.Lock()
			files[p] = data
			mu.Unlock()
			return nil
		},
		Memory: &s.memory,
	})
	reused := 0
	for _, r := range results {
		if r.Reused {
			reused++
		}
	}
	var errs []string
	if err != nil {
		var list diag.List
		if errors.As(err, &list) {
			for _, e := range list {
				errs = append(errs, e.Error())
			}
		} else {
			errs = []string{err.Error()}
		}
	}
	s.mu.Lock()
	if len(errs) == 0 {
		s.files = files
	}
	s.errs = errs
	s.version++
	waiters := s.waiters
	s.waiters = nil
	s.mu.Unlock()
	for _, w := range waiters {
		close(w)
	}
	s.opts.Log("rebuilt in %s (%d of %d papers unchanged): %d problem(s)", time.Since(start).Round(time.Millisecond), reused, len(results), len(errs))
}

// eventsPath is where pages listen for rebuilds.
const eventsPath = "/__boardpaper/events"

// reloadScript makes a served page reload after the next rebuild. It is
// added to pages as they are served, never to the files a build writes.
const reloadScript = `<script>new EventSource("` + eventsPath + `").onmessage = function () { location.reload(); };</script>`

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == eventsPath {
		s.events(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	s.mu.RLock()
	errs, data, ok := s.errs, s.files[name], s.files[name] != nil
	s.mu.RUnlock()
	isPage := strings.HasSuffix(name, ".html")
	if len(errs) > 0 && (isPage || !ok) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(errorPage(errs))
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if isPage {
		data = withReload(data)
	}
	w.Write(data)
}

func withReload(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), page...), reloadScript...)
	}
	out := make([]byte, 0, len(page)+len(reloadScript))
	out = append(out, page[:i]...)
	out = append(out, reloadScript...)
	return append(out, page[i:]...)
}

func errorPage(errs []string) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"/><title>Build problems</title>
<style>body{font-family:Arial,"Liberation Sans",sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}li{font-family:monospace;margin:.4rem 0;white-space:pre-wrap}h1{color:#942514}</style></head><body>
<main><h1>The papers do not build</h1><p>Fix these and save; the page will reload.</p><ul>`)
	for _, e := range errs {
		b.WriteString("<li>" + html.EscapeString(e) + "</li>\n")
	}
	b.WriteString("</ul></main>" + reloadScript + "</body></html>\n")
	return b.Bytes()
}

// events streams a message to the page after each rebuild (server-sent
// events), until the page goes away.
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
	for {
		s.mu.Lock()
		ch := make(chan struct{})
		s.waiters = append(s.waiters, ch)
		s.mu.Unlock()
		select {
		case <-ch:
			fmt.Fprint(w, "data: reload\n\n")
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

// Watch rebuilds when anything under templates/ or data/ changes, waiting
// for a short quiet spell so that an editor's several writes of one save
// make one build. It returns when ctx ends.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, dir := range []string{"templates", "data"} {
		addTree(w, filepath.Join(s.opts.Root, dir))
	}
	const quiet = 100 * time.Millisecond
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op&fsnotify.Create != 0 {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name)
				}
			}
			timer.Reset(quiet)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.opts.Log("watching: %v", err)
		case <-timer.C:
			s.Rebuild()
		}
	}
}

func addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.Add(p)
		}
		return nil
	})
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
