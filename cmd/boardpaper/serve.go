package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/boardpaper/boardpaper/internal/serve"
)

var serveCommand = &command{
	name:     "serve",
	summary:  "preview the papers in a browser, rebuilt as you save",
	defaults: map[string]string{"addr": "127.0.0.1:8080", "format": "html,pdf"},
	help: `Usage: boardpaper serve [flags]

Previews the project's papers in a browser, at the address it prints. A paper
is rebuilt when its template, layout or snapshot is saved, and the open page
reloads itself; a paper that does not build shows its problems on its page.
Nothing is written to output/. Stop it with Ctrl-C.

Flags:
  --addr HOST:PORT  Where to listen: the default can be reached only from this
                    machine, 0.0.0.0:PORT from others too.
                    Default: 127.0.0.1:8080.
  --format LIST     Preview html, pdf, or both (html,pdf). Default: html,pdf.
  -h, --help        Show this help.

Example:
  boardpaper serve --addr 127.0.0.1:8081 --format html

Exit status: 0 stopped; 1 the address cannot be listened on; 2 the command was
mistyped.
`,
	project: true,
	validate: func(iv *invocation) error {
		if len(iv.args) > 0 {
			return fmt.Errorf("serve takes no paths: it previews the whole project")
		}
		_, _, err := iv.formats()
		return err
	},
	run: runServe,
}

// runServe is "boardpaper serve": the live preview, until interrupted.
func runServe(iv *invocation, stdout, stderr io.Writer) int {
	addr := iv.value("addr")
	o := serve.Options{Root: "."}
	o.HTML, o.PDF, _ = iv.formats()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper serve: %v\n", err)
		return 1
	}
	if !serve.Loopback(ln.Addr().String()) {
		fmt.Fprintf(stderr, "boardpaper serve: note: %s can be reached from other machines; the default, 127.0.0.1, cannot\n", ln.Addr())
	}
	o.Hosts = serve.AllowedHosts(addr, ln.Addr())
	o.Log = func(format string, args ...any) { fmt.Fprintf(stdout, format+"\n", args...) }
	o.Problem = func(line string) { fmt.Fprintln(stderr, line) }
	s := serve.New(o)
	fmt.Fprintf(stdout, "serving http://%s/ (Ctrl-C to stop)\n", ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first build runs as the server starts: a page asked for
	// meanwhile says the papers are being built.
	go s.Watch(ctx)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "boardpaper serve: %v\n", err)
		return 1
	}
	return 0
}
