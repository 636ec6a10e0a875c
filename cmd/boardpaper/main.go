// Command boardpaper turns Markdown templates and YAML data snapshots into
// council board papers, as accessible HTML and print-quality PDF.
package main

import (
	"errors"
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
		fmt.Fprint(stderr, mainHelp())
		return 2
	}
	switch args[0] {
	case "-h", "--help", "-help":
		fmt.Fprint(stdout, mainHelp())
		return 0
	case "help":
		if len(args) == 1 || args[1] == "help" {
			fmt.Fprint(stdout, mainHelp())
			return 0
		}
		c := lookup(args[1])
		if c == nil {
			return unknownCommand(stderr, args[1])
		}
		fmt.Fprint(stdout, c.help)
		return 0
	case "--version":
		printVersion(stdout)
		return 0
	}
	c := lookup(args[0])
	if c == nil {
		return unknownCommand(stderr, args[0])
	}
	iv, err := parse(c, args[1:])
	if err == nil && c.validate != nil {
		err = c.validate(iv)
	}
	if err != nil {
		return complain(c, err, stdout, stderr)
	}
	if c.project {
		leave, err := iv.enterProject(stderr)
		defer leave()
		if err != nil {
			fmt.Fprintf(stderr, "boardpaper %s: %v\n", c.name, err)
			return 1
		}
	}
	return c.run(iv, stdout, stderr)
}

func printVersion(stdout io.Writer) { fmt.Fprintln(stdout, "boardpaper", pipeline.Version) }

var buildCommand = &command{
	name:     "build",
	summary:  "write the papers as HTML and PDF into output/, with agenda packs",
	defaults: map[string]string{"out": "output", "format": "html,pdf"},
	help: `Usage: boardpaper build [TEMPLATE...] [flags]

Builds each paper as HTML and PDF into output/<date>-<committee>/, with each
meeting's agenda pack and output/index.html. With no TEMPLATE, every paper in
templates/ is built; a paper whose template, layout and snapshots have not
changed since the last build keeps its files. When any paper has a problem,
every problem is printed as path:line:col: message and nothing is written.
Flags may come before or after the templates.

Flags:
  --data FILE       Use this snapshot instead of each paper's own, for this run
                    only.
  --out DIR         Write the public files into this folder. Default: output.
  --format LIST     Write html, pdf, or both (html,pdf). Default: html,pdf.
  --exempt-out DIR  Also write the full versions of papers with exempt ("not
                    for publication") material into this folder, which must be
                    outside --out. Never upload it.
  --force           Rebuild every paper, even those that have not changed.
  -h, --help        Show this help.

Example:
  boardpaper build templates/school-places.md --format pdf

Exit status: 0 built; 1 problems in the papers or data, and nothing was
written; 2 the command was mistyped; 3 (with TEMPLATE...) the papers named
were published, but a meeting's agenda pack was left as it was, because
another paper of that meeting does not build (stderr says which).
`,
	project: true,
	validate: func(iv *invocation) error {
		_, _, err := iv.formats()
		return err
	},
	run: runBuild,
}

func runBuild(iv *invocation, stdout, stderr io.Writer) int {
	cmd := iv.cmd.name
	out := iv.pathValue("out")
	o := publish.Options{Root: ".", Templates: iv.paths(), Data: iv.pathValue("data"), Out: out, ExemptOut: iv.pathValue("exempt-out"), Force: iv.on("force")}
	o.HTML, o.PDF, _ = iv.formats()

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
		reportPacksLeft(stderr, cmd, out, left)
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
