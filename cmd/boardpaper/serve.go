package main

import (
	"context"
	"errors"
	"flag"
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

// runServe is "boardpaper serve": the live preview, until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:8080", "")
	formats := fs.String("format", "html,pdf", "")
	rest, err := parseInterspersed(fs, args)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("serve takes no paths: it previews the whole project")
	}
	o := serve.Options{Root: "."}
	if err == nil {
		o.HTML, o.PDF, err = parseFormats(*formats)
	}
	if err != nil {
		return usageError("serve", err, stdout, stderr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper serve: %v\n", err)
		return 1
	}
	if !serve.Loopback(ln.Addr().String()) {
		fmt.Fprintf(stderr, "boardpaper serve: note: %s can be reached from other machines; the default, 127.0.0.1, cannot\n", ln.Addr())
	}
	o.Hosts = serve.AllowedHosts(*addr, ln.Addr())
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
