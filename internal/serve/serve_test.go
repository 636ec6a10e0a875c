package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const paper = `---
layout: scrutiny-board
report_of: Director of Children's Services
report_to: Scrutiny Board (Children and Families)
date: 2013-04-25
subject: Update on recent inspections
data: data/s.yaml
---
# Main issues

There are {{ num .Data.homes }} homes.
`

// start serves a fresh project on a free loopback port, watching it.
func start(t *testing.T) (root, base string) {
	t.Helper()
	root = t.TempDir()
	os.MkdirAll(filepath.Join(root, "templates"), 0o755)
	os.MkdirAll(filepath.Join(root, "data"), 0o755)
	os.WriteFile(filepath.Join(root, "templates/p.md"), []byte(paper), 0o644)
	os.WriteFile(filepath.Join(root, "data/s.yaml"), []byte("homes: 12\n"), 0o644)
	s := New(Options{Root: root, HTML: true})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	ctx, cancel := context.WithCancel(context.Background())
	go s.Watch(ctx)
	t.Cleanup(func() { cancel(); srv.Close() })
	time.Sleep(50 * time.Millisecond) // let the watcher start
	return root, "http://" + ln.Addr().String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls until the page holds want, for at most two seconds.
func waitFor(t *testing.T, url, want string) (int, string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		code, body := get(t, url)
		if strings.Contains(body, want) {
			return code, body
		}
		if time.Now().After(deadline) {
			t.Fatalf("within 2 s, %s never showed %q; last:\n%.600s", url, want, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeRebuildsOnSave(t *testing.T) {
	root, base := start(t)
	page := base + "/2013-04-25-scrutiny-board-children-and-families/p.html"
	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "There are 12 homes.") {
		t.Fatalf("first fetch: %d\n%.400s", code, body)
	}
	if !strings.Contains(body, "EventSource") {
		t.Error("the served page does not listen for rebuilds")
	}
	if _, index := get(t, base+"/"); !strings.Contains(index, "Update on recent inspections") {
		t.Error("the index is not served")
	}

	os.WriteFile(filepath.Join(root, "templates/p.md"), []byte(strings.Replace(paper, "There are", "We now have", 1)), 0o644)
	waitFor(t, page, "We now have 12 homes.")

	os.WriteFile(filepath.Join(root, "data/s.yaml"), []byte("homes: 13\n"), 0o644)
	waitFor(t, page, "We now have 13 homes.")

	// A broken edit shows the problem, at its file and line.
	os.WriteFile(filepath.Join(root, "templates/p.md"), []byte(strings.Replace(paper, "{{ num .Data.homes }}", "{{ num .Data.houses }}", 1)), 0o644)
	code, body = waitFor(t, page, "templates/p.md:11:")
	if code != http.StatusInternalServerError || !strings.Contains(body, "houses") {
		t.Errorf("error page: %d\n%s", code, body)
	}
}

func TestServeTellsOpenPagesToReload(t *testing.T) {
	root, base := start(t)
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events content type %q", ct)
	}
	got := make(chan string, 1)
	go func() {
		buf := make([]byte, 256)
		var all string
		for !strings.Contains(all, "data: reload") {
			n, err := resp.Body.Read(buf)
			if err != nil {
				return
			}
			all += string(buf[:n])
		}
		got <- all
	}()
	time.Sleep(50 * time.Millisecond)
	os.WriteFile(filepath.Join(root, "data/s.yaml"), []byte("homes: 14\n"), 0o644)
	select {
	case <-got:
	case <-time.After(2 * time.Second):
		t.Fatal("no reload event within 2 s of a save")
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "0.0.0.0:8080": false, "192.168.1.2:80": false} {
		if Loopback(addr) != want {
			t.Errorf("Loopback(%s) = %v", addr, !want)
		}
	}
}
