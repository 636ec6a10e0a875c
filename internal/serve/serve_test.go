package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// paperOf is a paper of the 25 April 2013 Scrutiny Board: subject and
// agenda item, and its body after the heading.
func paperOf(subject, item, body string) string {
	return `---
layout: scrutiny-board
report_of: Director of Children's Services
report_to: Scrutiny Board (Children and Families)
date: 2013-04-25
subject: ` + subject + `
item: ` + item + `
data: data/s.yaml
---
# Main issues

` + body + "\n"
}

var paper = paperOf("Update on recent inspections", "1", "There are {{ num .Data.homes }} homes.")

const meeting = "2013-04-25-scrutiny-board-children-and-families"

// newProject writes a project's files into a fresh folder.
func newProject(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		write(t, root, name, body)
	}
	return root
}

// write saves a file as many editors do, whole: written beside the
// watched folders and renamed into place, so no build can read it half
// written, however slowly the test runs.
func write(t *testing.T, root, name, body string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(root, ".saving")
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// serveProject serves root on a free loopback port, with the host names
// boardpaper serve gives a server on 127.0.0.1. With watch, it builds and
// watches as boardpaper serve does; the test's end stops the watching
// and waits for any build to end.
func serveProject(t *testing.T, root string, o Options, watch bool) (*Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o.Root, o.HTML = root, true
	o.Hosts = AllowedHosts("127.0.0.1:0", ln.Addr())
	s := New(o)
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	if watch {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { s.Watch(ctx); close(done) }()
		t.Cleanup(func() { cancel(); <-done })
	}
	return s, "http://" + ln.Addr().String()
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

// hangGuard bounds every wait for a condition: far beyond what a build
// takes on a busy machine, there only so that a broken server fails the
// test instead of hanging it.
const hangGuard = 30 * time.Second

// waitFor polls url until its answer has status code and holds want.
func waitFor(t *testing.T, url string, code int, want string) string {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for {
		got, body := get(t, url)
		if got == code && strings.Contains(body, want) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never answered %d with %q; last %d:\n%.800s", url, code, want, got, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeRebuildsOnSave(t *testing.T) {
	root := newProject(t, map[string]string{"templates/p.md": paper, "data/s.yaml": "homes: 12\n"})
	_, base := serveProject(t, root, Options{}, true)
	page := base + "/" + meeting + "/p.html"
	body := waitFor(t, page, 200, "There are 12 homes.")
	if !strings.Contains(body, "EventSource") {
		t.Error("the served page does not listen for rebuilds")
	}
	if _, index := get(t, base+"/"); !strings.Contains(index, "Update on recent inspections") {
		t.Error("the index is not served")
	}

	write(t, root, "templates/p.md", strings.Replace(paper, "There are", "We now have", 1))
	waitFor(t, page, 200, "We now have 12 homes.")

	write(t, root, "data/s.yaml", "homes: 13\n")
	waitFor(t, page, 200, "We now have 13 homes.")

	// A broken edit shows the problem, at its file and line.
	write(t, root, "templates/p.md", strings.Replace(paper, "{{ num .Data.homes }}", "{{ num .Data.houses }}", 1))
	body = waitFor(t, page, http.StatusInternalServerError, "templates/p.md:12:")
	if !strings.Contains(body, "houses") {
		t.Errorf("error page:\n%s", body)
	}
	// Put right, it builds again.
	write(t, root, "templates/p.md", paper)
	waitFor(t, page, 200, "There are 13 homes.")
}

// A folder made under templates/ or data/ after the start is watched too.
func TestServeWatchesNewFolders(t *testing.T) {
	root := newProject(t, map[string]string{"templates/p.md": strings.Replace(paper, "data/s.yaml", "data/homes/s.yaml", 1), "data/homes/.keep": ""})
	_, base := serveProject(t, root, Options{}, true)
	page := base + "/" + meeting + "/p.html"
	waitFor(t, page, http.StatusInternalServerError, "data/homes/s.yaml")
	write(t, root, "data/homes/s.yaml", "homes: 21\n")
	waitFor(t, page, 200, "There are 21 homes.")
}

// reloadVersion is the build a served page says it came from.
var reloadVersion = regexp.MustCompile(`events\?v=(\d+)`)

// readEvents reads a stream of server-sent events into lines.
func readEvents(t *testing.T, url string) <-chan string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events content type %q", ct)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return lines
}

func waitForLine(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	timeout := time.After(hangGuard)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("the event stream ended before %q", want)
			}
			if l == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q event", want)
		}
	}
}

func TestServeTellsOpenPagesToReload(t *testing.T) {
	root := newProject(t, map[string]string{"templates/p.md": paper, "data/s.yaml": "homes: 12\n"})
	_, base := serveProject(t, root, Options{}, true)
	body := waitFor(t, base+"/"+meeting+"/p.html", 200, "There are 12 homes.")
	m := reloadVersion.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the page does not name its build:\n%s", body)
	}
	events := readEvents(t, base+eventsPath+"?v="+m[1])
	write(t, root, "data/s.yaml", "homes: 14\n")
	waitForLine(t, events, "data: reload")

	// A page served before a build that ended before the page listened
	// (here the building page, from before the first build) reloads at
	// once.
	waitForLine(t, readEvents(t, base+eventsPath+"?v=0"), "data: reload")
}

func TestServeAnswersOnlyToItsOwnNames(t *testing.T) {
	root := newProject(t, map[string]string{"templates/p.md": paper, "data/s.yaml": "homes: 12\n"})
	s, base := serveProject(t, root, Options{}, false)
	s.Rebuild()
	port := base[strings.LastIndex(base, ":")+1:]
	ask := func(host, path string) (int, string, string) {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port, "localhost.:" + port} {
		if code, _, body := ask(host, "/"); code != 200 || !strings.Contains(body, "Update on recent inspections") {
			t.Errorf("Host %s: %d\n%.300s", host, code, body)
		}
	}
	for _, host := range []string{"attacker.example:" + port, "attacker.example", "localhost", "localhost:1", "127.0.0.2:" + port, "localhost.attacker.example:" + port} {
		for _, path := range []string{"/", "/" + meeting + "/p.html", eventsPath} {
			code, ctype, body := ask(host, path)
			if code != http.StatusMisdirectedRequest || ctype != "text/plain; charset=utf-8" || !strings.Contains(body, "answers only to 127.0.0.1:"+port+", [::1]:"+port+", localhost:"+port) || strings.Contains(body, "homes") {
				t.Errorf("Host %q %s: %d %s\n%.300s", host, path, code, ctype, body)
			}
		}
	}
}

// With --addr naming another host, its name and address are accepted,
// and the loopback names are not.
func TestServeAnswersToTheHostItWasGiven(t *testing.T) {
	hosts := AllowedHosts("Board-PC.example:8080", &net.TCPAddr{IP: net.IPv4(192, 0, 2, 7), Port: 8080})
	if want := []string{"board-pc.example:8080", "192.0.2.7:8080"}; !slices.Equal(hosts, want) {
		t.Errorf("hosts %q, want %q", hosts, want)
	}
	s := New(Options{Hosts: hosts})
	for host, want := range map[string]int{
		"board-pc.example:8080": http.StatusServiceUnavailable, // nothing built yet
		"BOARD-PC.example:8080": http.StatusServiceUnavailable,
		"192.0.2.7:8080":        http.StatusServiceUnavailable,
		"localhost:8080":        http.StatusMisdirectedRequest,
		"127.0.0.1:8080":        http.StatusMisdirectedRequest,
		"board-pc.example:80":   http.StatusMisdirectedRequest,
		"":                      http.StatusMisdirectedRequest,
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
	}
}

func TestAllowedHosts(t *testing.T) {
	for _, c := range []struct {
		given string
		bound *net.TCPAddr
		want  []string
	}{
		{"127.0.0.1:8080", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080"}},
		{"localhost:0", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 41234}, []string{"localhost:41234", "127.0.0.1:41234", "[::1]:41234"}},
		{"[::1]:80", &net.TCPAddr{IP: net.IPv6loopback, Port: 80}, []string{"[::1]:80", "localhost:80", "127.0.0.1:80"}},
	} {
		if got := AllowedHosts(c.given, c.bound); !slices.Equal(got, c.want) {
			t.Errorf("AllowedHosts(%s, %s) = %q, want %q", c.given, c.bound, got, c.want)
		}
	}
	// Every interface: the loopback names, the machine's name and its
	// interfaces' addresses.
	all := AllowedHosts(":8080", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080})
	for _, want := range []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080"} {
		if !slices.Contains(all, want) {
			t.Errorf("on every interface, %s is not accepted: %q", want, all)
		}
	}
	if h, err := os.Hostname(); err == nil && !slices.Contains(all, strings.ToLower(h)+":8080") {
		t.Errorf("on every interface, the machine's name %s is not accepted: %q", h, all)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "0.0.0.0:8080": false, "192.168.1.2:80": false} {
		if Loopback(addr) != want {
			t.Errorf("Loopback(%s) = %v", addr, !want)
		}
	}
}

// One paper that does not build leaves the others served: the ones
// built again as they are now, the rest as they last built; its own page
// shows its problems; the index lists every paper, headed by the problems.
func TestServeKeepsOtherPapersWhenOneBreaks(t *testing.T) {
	q := paperOf("Fostering recruitment", "2", "We have {{ num .Data.carers }} foster carers.")
	other := strings.Replace(strings.Replace(paperOf("Adoption scorecard", "1", "{{ num .Data.homes }} adopters."),
		"Scrutiny Board (Children and Families)", "Executive Board", 1), "layout: scrutiny-board", "layout: executive-board", 1)
	root := newProject(t, map[string]string{
		"templates/p.md": paper,
		"templates/q.md": q,
		"templates/r.md": other,
		"data/s.yaml":    "homes: 12\ncarers: 40\n",
	})
	var mu sync.Mutex
	var problems []string
	s, base := serveProject(t, root, Options{PDF: true, Problem: func(l string) { mu.Lock(); problems = append(problems, l); mu.Unlock() }}, false)
	s.Rebuild()
	pPage, qPage, rPage := base+"/"+meeting+"/p.html", base+"/"+meeting+"/q.html", base+"/2013-04-25-executive-board/r.html"
	pack := base + "/" + meeting + "/agenda-pack.pdf"
	waitFor(t, qPage, 200, "We have 40 foster carers.")
	_, packBefore := get(t, pack)

	// q breaks.
	write(t, root, "templates/q.md", strings.Replace(q, ".Data.carers", ".Data.carrers", 1))
	s.Rebuild()
	body := waitFor(t, qPage, http.StatusInternalServerError, "templates/q.md:12:")
	if !strings.Contains(body, "carrers") || !strings.Contains(body, "templates/q.md does not build") {
		t.Errorf("q's page:\n%s", body)
	}
	if code, _ := get(t, base+"/"+meeting+"/q.pdf"); code != http.StatusInternalServerError {
		t.Errorf("q's PDF: %d, want its problems", code)
	}
	waitFor(t, pPage, 200, "There are 12 homes.")
	waitFor(t, rPage, 200, "12 adopters.")
	if code, body := get(t, pack); code != 200 || body != packBefore {
		t.Errorf("the meeting's pack is not served as it last built: %d", code)
	}
	index := waitFor(t, base+"/", 200, "1 paper does not build")
	for _, want := range []string{
		"Update on recent inspections", "Fostering recruitment", "Adoption scorecard",
		`<a href="` + meeting + `/q.html">templates/q.md (Fostering recruitment)</a>`,
		"templates/q.md:12:", "does not build: see the problems above",
		`href="` + meeting + `/p.html"`, `href="` + meeting + `/p.pdf"`, `href="` + meeting + `/agenda-pack.pdf"`, `href="2013-04-25-executive-board/r.html"`,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("the index lacks %s:\n%s", want, index)
		}
	}
	if strings.Contains(index, `href="`+meeting+`/q.pdf"`) {
		t.Error("the index links the broken paper's PDF as a file")
	}

	// While q is broken, p is built again as it is now.
	write(t, root, "templates/p.md", strings.Replace(paper, "There are", "We now have", 1))
	write(t, root, "data/s.yaml", "homes: 13\ncarers: 40\n")
	s.Rebuild()
	waitFor(t, pPage, 200, "We now have 13 homes.")
	waitFor(t, rPage, 200, "13 adopters.")
	waitFor(t, qPage, http.StatusInternalServerError, "templates/q.md:12:")

	// Its front matter broken too, q is found where it last built, by the
	// subject it had.
	write(t, root, "templates/q.md", strings.Replace(q, "date: 2013-04-25", "date: 2013-13-45", 1))
	s.Rebuild()
	waitFor(t, qPage, http.StatusInternalServerError, "templates/q.md:5:")
	waitFor(t, base+"/", 200, "templates/q.md (Fostering recruitment)")

	// Put right, every paper builds and the problems go.
	write(t, root, "templates/q.md", q)
	s.Rebuild()
	waitFor(t, qPage, 200, "We have 40 foster carers.")
	if _, index := get(t, base+"/"); strings.Contains(index, "does not build") || !strings.Contains(index, `href="`+meeting+`/q.pdf"`) {
		t.Errorf("the index after the fix:\n%s", index)
	}

	// Each rebuild printed its problems, once each.
	mu.Lock()
	defer mu.Unlock()
	want := []string{"templates/q.md:12:", "templates/q.md:12:", "templates/q.md:5:"}
	ok := len(problems) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.HasPrefix(problems[i], want[i])
	}
	if !ok {
		t.Errorf("problems printed:\n%s\nwant one per rebuild, at %q", strings.Join(problems, "\n"), want)
	}
}

// A project whose first build already has a broken paper serves the
// others; a paper whose front matter never read is listed by its file.
func TestServeFirstBuildWithABrokenPaper(t *testing.T) {
	root := newProject(t, map[string]string{
		"templates/p.md": paper,
		"templates/q.md": paperOf("Fostering recruitment", "2", "We have {{ num .Data.carrers }} foster carers."),
		"templates/z.md": "---\nlayout: scrutiny-board\nsubject: [unclosed\n---\n# Main issues\n",
		"data/s.yaml":    "homes: 12\ncarers: 40\n",
	})
	var mu sync.Mutex
	var problems []string
	s, base := serveProject(t, root, Options{Problem: func(l string) { mu.Lock(); problems = append(problems, l); mu.Unlock() }}, false)
	if code, body := get(t, base+"/"); code != http.StatusServiceUnavailable || !strings.Contains(body, "Building the papers") {
		t.Errorf("before the first build: %d\n%s", code, body)
	}
	s.Rebuild()
	waitFor(t, base+"/"+meeting+"/p.html", 200, "There are 12 homes.")
	waitFor(t, base+"/"+meeting+"/q.html", http.StatusInternalServerError, "templates/q.md:12:")
	index := waitFor(t, base+"/", 200, "2 papers do not build")
	for _, want := range []string{"Update on recent inspections", "Fostering recruitment", "<li>templates/z.md<ul><li>templates/z.md:3:"} {
		if !strings.Contains(index, want) {
			t.Errorf("the index lacks %s:\n%s", want, index)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(problems) != 2 || !strings.HasPrefix(problems[0], "templates/q.md:12:") || !strings.HasPrefix(problems[1], "templates/z.md:3:") {
		t.Errorf("problems printed:\n%s", strings.Join(problems, "\n"))
	}
}

// A snapshot every paper reads, broken: its problem is printed once per
// rebuild, not once per paper.
func TestServePrintsASharedProblemOnce(t *testing.T) {
	root := newProject(t, map[string]string{
		"templates/p.md": paper,
		"templates/q.md": paperOf("Fostering recruitment", "2", "We have {{ num .Data.carers }} foster carers."),
		"data/s.yaml":    "homes: 12\ncarers: [40\n",
	})
	var problems []string
	s := New(Options{Root: root, HTML: true, Problem: func(l string) { problems = append(problems, l) }})
	s.Rebuild()
	s.Rebuild()
	if len(problems) != 2 || problems[0] != problems[1] || !strings.HasPrefix(problems[0], "data/s.yaml:") {
		t.Errorf("problems printed over two rebuilds:\n%s", strings.Join(problems, "\n"))
	}
}

// gate holds a build as it gives its first file, until released.
type gate struct {
	mu      sync.Mutex
	release chan struct{}
	entered chan struct{}
}

func newGate() *gate { return &gate{entered: make(chan struct{}, 1)} }

func (g *gate) arm() {
	g.mu.Lock()
	g.release = make(chan struct{})
	g.mu.Unlock()
}

func (g *gate) open() {
	g.mu.Lock()
	if g.release != nil {
		close(g.release)
	}
	g.release = nil
	g.mu.Unlock()
}

func (g *gate) hold() {
	g.mu.Lock()
	r := g.release
	g.mu.Unlock()
	if r == nil {
		return
	}
	select {
	case g.entered <- struct{}{}:
	default:
	}
	<-r
}

func (g *gate) waitEntered(t *testing.T) {
	t.Helper()
	select {
	case <-g.entered:
	case <-time.After(hangGuard):
		t.Fatal("no build reached the gate")
	}
}

// A build that takes long blocks no page: the first says the papers are
// being built, later ones are served from the last build; and a save
// during a build is built after it.
func TestServeStaysResponsiveDuringABuild(t *testing.T) {
	root := newProject(t, map[string]string{"templates/p.md": paper, "data/s.yaml": "homes: 12\n"})
	g := newGate()
	g.arm()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{Root: root, HTML: true, Hosts: AllowedHosts("127.0.0.1:0", ln.Addr())})
	s.hold = g.hold
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Watch(ctx); close(done) }()
	defer func() { cancel(); g.open(); <-done }()
	base := "http://" + ln.Addr().String()
	page := base + "/" + meeting + "/p.html"

	g.waitEntered(t) // the first build is under way, and held
	if code, body := get(t, page); code != http.StatusServiceUnavailable || !strings.Contains(body, "being built") {
		t.Errorf("during the first build: %d\n%s", code, body)
	}
	g.open()
	waitFor(t, page, 200, "There are 12 homes.")

	// A save starts a build, held once it has read the paper; a second
	// save lands while it is held.
	g.arm()
	write(t, root, "data/s.yaml", "homes: 13\n")
	g.waitEntered(t)
	for i := 0; i < 3; i++ {
		if code, body := get(t, page); code != 200 || !strings.Contains(body, "There are 12 homes.") {
			t.Fatalf("during a rebuild: %d\n%.300s", code, body)
		}
	}
	write(t, root, "data/s.yaml", "homes: 14\n")
	g.open()
	waitFor(t, page, 200, "There are 14 homes.")
}

// The index of a failed build is laid out as the build's own index is
// (publish.Index): a committee whose name is not all ASCII keeps its
// anchor and its meeting's folder when one of its papers breaks.
func TestServeFailedIndexIsLaidOutAsTheBuilds(t *testing.T) {
	welsh := func(s string) string {
		return strings.Replace(s, "Scrutiny Board (Children and Families)", "Pwyllgor Craffu Môn", 1)
	}
	q := welsh(paperOf("Fostering recruitment", "2", "We have {{ num .Data.carers }} foster carers."))
	root := newProject(t, map[string]string{
		"templates/p.md": welsh(paper),
		"templates/q.md": q,
		"data/s.yaml":    "homes: 12\ncarers: 40\n",
	})
	s, base := serveProject(t, root, Options{}, false)
	s.Rebuild()
	anchor := regexp.MustCompile(`<h2 id="(committee-[^"]*)"`)
	link := regexp.MustCompile(`href="([^"#]*/p\.html)"`)
	_, good := get(t, base+"/")
	goodAnchor, goodLink := anchor.FindStringSubmatch(good), link.FindStringSubmatch(good)
	if goodAnchor == nil || goodLink == nil {
		t.Fatalf("the build's index names no committee or no page:\n%s", good)
	}
	write(t, root, "templates/q.md", strings.Replace(q, ".Data.carers", ".Data.carrers", 1))
	s.Rebuild()
	failed := waitFor(t, base+"/", 200, "1 paper does not build")
	if m := anchor.FindStringSubmatch(failed); m == nil || m[1] != goodAnchor[1] {
		t.Errorf("the failed build's index anchors the committee at %v, the build's at %s", m, goodAnchor[1])
	}
	if m := link.FindStringSubmatch(failed); m == nil || m[1] != goodLink[1] {
		t.Errorf("the failed build's index links p's page at %v, the build's at %s", m, goodLink[1])
	}
}

// A picture under images/ is watched as templates and snapshots are; the
// output is not.
func TestImagesAreWatched(t *testing.T) {
	s := &Server{opts: Options{Root: "/p"}}
	for name, want := range map[string]bool{
		"/p/images/map.png": true, "/p/images": true, "/p/templates/p.md": true,
		"/p/output/index.html": false, "/p/notes.txt": false,
	} {
		if got := s.watched(name); got != want {
			t.Errorf("watched(%s) = %v, want %v", name, got, want)
		}
	}
}
