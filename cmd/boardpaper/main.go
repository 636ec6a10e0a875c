// Command boardpaper turns Markdown templates and YAML data snapshots into
// council board papers, as accessible HTML and print-quality PDF.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/publish"
)

const usage = `boardpaper turns Markdown templates and YAML data snapshots into board papers.

Usage:
  boardpaper build [TEMPLATE...] [--data FILE] [--out DIR] [--format html,pdf] [--exempt-out DIR] [--force]
  boardpaper check [TEMPLATE...] [--data FILE] [--strict] [--publish-date YYYY-MM-DD]
  boardpaper diff OLD.yaml NEW.yaml [--format text|markdown]
  boardpaper diff REV PATH [--format text|markdown]
  boardpaper new SLUG --layout NAME
  boardpaper serve [--addr 127.0.0.1:8080] [--format html,pdf]
  boardpaper version

Run inside the project folder (the one holding templates/ and data/).
With no TEMPLATE, every templates/*.md is built. Options may come before or
after the paths.

  build   write each paper as HTML and PDF into output/<date>-<committee>/
  check   read and check every paper as build would, writing nothing, and
          warn of what builds but may be wrong or late (see README);
          --strict makes warnings fail, --publish-date (default today)
          dates the statutory timetable
  diff    what changed between two snapshots, figure by figure, addressed
          by labels; REV PATH compares PATH with its state at git revision
          REV; --format markdown writes a table for a pull-request comment
  new     start templates/SLUG.md in a layout, with its required sections
          and a snapshot stub, ready to build
  serve   preview the papers in a browser, rebuilt whenever a template,
          layout or snapshot is saved; the open page reloads itself

Build options:
  --data FILE        use this snapshot instead of the paper's own, for one run
  --out DIR          where to write (default output)
  --format LIST      html, pdf or html,pdf (default html,pdf)
  --exempt-out DIR   also write the full versions of papers with exempt
                     ("not for publication") content here, outside --out
  --force            rebuild every paper; otherwise a paper whose template,
                     layout and data have not changed since the last build
                     keeps the files it has

Exit status: 0 done; 1 problems in the papers or data, each printed as
path:line:col: message, and nothing was written; 2 the command itself was
mistyped; 3 (build TEMPLATE...) the papers named were published, but a
meeting's agenda pack was left as it was because another paper of that
meeting does not build (stderr says which).
`

func main() {
	tuneGC()
	stopProfiles := startProfiles()
	status := run(os.Args[1:], os.Stdout, os.Stderr)
	stopProfiles()
	os.Exit(status)
}

// tuneGC collects garbage less often than Go's default. Writing a PDF
// allocates a few megabytes that die as soon as the file is written; with
// the default setting the collector runs constantly and a 100-paper build
// spent a third of its time in it. A soft memory limit keeps the heap
// bounded however many papers there are.
//
// Until the heap first reaches firstCollection there is no collection at
// all: a one-paper build then finishes without one, where the collector
// used to start as the two PDFs were written and take 2 ms of their
// processors. The first collection switches to the settings for
// long builds. GOGC and GOMEMLIMIT, when set, are respected.
func tuneGC() {
	gogc, limit := os.Getenv("GOGC") == "", os.Getenv("GOMEMLIMIT") == ""
	if !gogc || !limit {
		longBuildGC(gogc, limit)
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstCollection)
	// The sentinel is garbage from the start, so its finalizer runs after
	// the first collection, whatever triggered it.
	runtime.SetFinalizer(new([16]byte), func(*[16]byte) { longBuildGC(true, true) })
}

// longBuildGC sets the collector's target (GOGC 400) and the soft memory
// limit (256 MB), each when asked to.
func longBuildGC(gogc, limit bool) {
	if gogc {
		debug.SetGCPercent(400)
	}
	if limit {
		debug.SetMemoryLimit(256 << 20)
	}
}

// firstCollection is the memory a build may use before its first
// garbage collection: enough for a one-paper build. Beyond that, memory
// not collected is fresh memory the kernel must hand over page by page;
// at 48 MB a 100-paper HTML build took twice the page faults.
const firstCollection = 32 << 20

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version", "--version":
		fmt.Fprintln(stdout, "boardpaper", pipeline.Version)
		return 0
	case "build":
		return runBuild(args[0], args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "diff":
		return runDiff(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "boardpaper: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runBuild(cmd string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	data := fs.String("data", "", "")
	out := fs.String("out", "output", "")
	formats := fs.String("format", "html,pdf", "")
	exemptOut := fs.String("exempt-out", "", "")
	force := fs.Bool("force", false, "")
	help := fs.Bool("help", false, "")
	fs.BoolVar(help, "h", false, "")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper %s: %v\n\n%s", cmd, err, usage)
		return 2
	}
	if *help {
		fmt.Fprint(stdout, usage)
		return 0
	}
	o := publish.Options{Root: ".", Templates: paths, Data: *data, Out: *out, ExemptOut: *exemptOut, Force: *force}
	if o.HTML, o.PDF, err = parseFormats(*formats); err != nil {
		fmt.Fprintf(stderr, "boardpaper %s: %v\n", cmd, err)
		return 2
	}

	if err := o.Validate(); err != nil {
		fmt.Fprintf(stderr, "boardpaper %s: %v\n", cmd, err)
		return 2
	}
	o.Note = func(msg string) { fmt.Fprintf(stderr, "boardpaper %s: %s\n", cmd, msg) }
	if isTerminal(stdout) {
		o.Progress = func(done, total int) {
			fmt.Fprintf(stdout, "\rbuilding %d/%d", done, total)
			if done == total {
				fmt.Fprint(stdout, "\r\033[K")
			}
		}
	}
	start := time.Now()
	results, err := publish.Run(o)
	var left *publish.PacksLeft
	if errors.As(err, &left) {
		err = nil // published; said after the summary
	}
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "%d problem(s); nothing was written\n", len(list))
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper %s: %v\n", cmd, err)
		return 1
	}
	files, reused := 0, 0
	for _, r := range results {
		files += len(r.Files)
		if r.Reused {
			reused++
		}
	}
	summary := fmt.Sprintf("built %d paper(s) (%d unchanged)", len(results), reused)
	if o.PDF {
		summary += fmt.Sprintf(", %d page(s)", publish.Pages(o, results))
	}
	fmt.Fprintf(stdout, "%s, %d file(s) in %s\n", summary, files, time.Since(start).Round(time.Millisecond))
	if left != nil {
		reportPacksLeft(stderr, cmd, *out, left)
		return 3
	}
	return 0
}

// reportPacksLeft says which agenda packs a build of some papers left as
// they were, and which paper stops each being rebuilt, with that paper's
// first problems.
func reportPacksLeft(stderr io.Writer, cmd, out string, left *publish.PacksLeft) {
	const shown = 3
	var papers []string
	for _, p := range left.Packs {
		pack := filepath.ToSlash(filepath.Join(out, p.Pack))
		if p.Kept {
			fmt.Fprintf(stderr, "boardpaper %s: %s was left as it was, without this build's changes: %s, another paper of that meeting, does not build:\n", cmd, pack, p.Paper)
		} else {
			fmt.Fprintf(stderr, "boardpaper %s: %s was not written: %s, another paper of that meeting, does not build:\n", cmd, pack, p.Paper)
		}
		var problems []string
		var list diag.List
		if errors.As(p.Err, &list) {
			for _, e := range list {
				problems = append(problems, e.Error())
			}
		} else {
			problems = []string{p.Err.Error()}
		}
		for i, e := range problems {
			if i == shown {
				fmt.Fprintf(stderr, "  and %d more problem(s)\n", len(problems)-shown)
				break
			}
			fmt.Fprintf(stderr, "  %s\n", e)
		}
		if !slices.Contains(papers, p.Paper) {
			papers = append(papers, p.Paper)
		}
	}
	fmt.Fprintf(stderr, "boardpaper %s: the papers asked for were published; the first build after %s %s put right rebuilds the pack\n", cmd, strings.Join(papers, " and "), map[bool]string{true: "is", false: "are"}[len(papers) == 1])
}

// parseFormats reads --format: html, pdf or both.
func parseFormats(list string) (html, pdf bool, err error) {
	for _, f := range strings.Split(list, ",") {
		switch strings.TrimSpace(f) {
		case "html":
			html = true
		case "pdf":
			pdf = true
		default:
			return false, false, fmt.Errorf("--format takes html, pdf or html,pdf, not %q", list)
		}
	}
	return html, pdf, nil
}

// isTerminal reports whether w is a terminal, where progress can be shown
// in place; elsewhere (a log, CI) only the summary line is printed.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// parseInterspersed parses flags that may come before or after the
// positional arguments (Go's flag package stops at the first path).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
