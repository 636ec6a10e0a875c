// Command benchreport times whole boardpaper builds, as a user runs them,
// and prints each figure beside its target: one paper, 100 and 1,000
// papers, HTML alone and with PDF, an incremental rebuild, and an agenda
// pack. Each figure is the median of several runs of the real binary; peak
// memory is the largest resident set the kernel reports for a run.
//
// Each project sits in a folder of its own with a random name, and no
// file is deleted until the last figure is taken: a timed build that
// creates files must not pay for files deleted before it. On a file
// system without a journal (ext4 as this machine has it) creating a file
// first steps over every inode freed in its block group in the last one
// to six minutes; removing the output between runs, or a previous
// benchmark's folder, cost a quarter of the builds' processor time.
//
//	go run ./cmd/benchreport [-bin bin/boardpaper] [-quick]   (make bench runs it)
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"time"

	"github.com/boardpaper/boardpaper/internal/synth"
)

type measure struct {
	name    string
	papers  int
	args    []string
	prepare func(dir string) error // run before each timed run
	runs    int
	target  time.Duration
	memMB   float64 // 0: no memory target
}

func main() {
	quick := flag.Bool("quick", false, "fewer runs and no 1,000-paper builds")
	given := flag.String("bin", "", "the boardpaper binary to time (default: build one as make does)")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "boardpaper-bench-")
	check(err)
	defer os.RemoveAll(tmp)
	// Its project folders are placed as top-level folders are, in block
	// groups of their own rather than in the one /tmp's churn fills.
	spreadSubfolders(tmp)
	bin := filepath.Join(tmp, "boardpaper")
	if *given != "" {
		bin, err = filepath.Abs(*given)
		check(err)
	} else {
		build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/boardpaper")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		build.Stderr = os.Stderr
		check(build.Run())
	}

	// A timed build starts with no output folder: the last one is moved
	// aside, and removed with the rest when the benchmark ends.
	removed := filepath.Join(tmp, "removed")
	check(os.Mkdir(removed, 0o755))
	moved := 0
	clean := func(dir string) error {
		out := filepath.Join(dir, "output")
		if _, err := os.Stat(out); err != nil {
			return nil // none yet
		}
		moved++
		return os.Rename(out, filepath.Join(removed, strconv.Itoa(moved)))
	}
	measures := []measure{
		{name: "1 paper, HTML and PDF with charts", papers: 1, args: []string{"build", "--force"}, prepare: clean, runs: 15, target: 25 * time.Millisecond},
		{name: "100 papers, HTML only", papers: 100, args: []string{"build", "--format", "html", "--force"}, prepare: clean, runs: 9, target: 300 * time.Millisecond},
		{name: "100 papers, HTML and PDF", papers: 100, args: []string{"build", "--force"}, prepare: clean, runs: 5, target: 1500 * time.Millisecond},
		{name: "30-paper meeting with its agenda pack", papers: 30, args: []string{"build", "--force"}, prepare: clean, runs: 5, target: time.Second},
	}
	if !*quick {
		measures = append(measures,
			measure{name: "1,000 papers, HTML and PDF", papers: 1000, args: []string{"build", "--force"}, prepare: clean, runs: 3, target: 15 * time.Second, memMB: 300},
			measure{name: "1,000 papers unchanged (incremental)", papers: 1000, args: []string{"build"}, runs: 5, target: 500 * time.Millisecond},
		)
	}

	projects := map[int]string{} // papers -> project folder
	fmt.Printf("%-42s %10s %10s %10s %10s\n", "whole process, median", "wall", "target", "peak MB", "target")
	for _, m := range measures {
		if *quick && m.runs > 3 {
			m.runs = 3
		}
		dir, made := projects[m.papers]
		if !made {
			dir, err = os.MkdirTemp(tmp, fmt.Sprintf("p%d-", m.papers))
			check(err)
			projects[m.papers] = dir
			per := synth.PapersPerMeeting
			if m.papers == 30 {
				per = 30
			}
			check(synth.WriteMeetings(".", dir, m.papers, per, 1))
		}
		if m.prepare == nil {
			// An incremental build needs one full build first.
			check(run(bin, dir, []string{"build"}))
		}
		var walls []time.Duration
		var peak int64
		for i := 0; i < m.runs; i++ {
			if m.prepare != nil {
				check(m.prepare(dir))
			}
			start := time.Now()
			cmd := exec.Command(bin, m.args...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n%s", m.name, err, out)
				os.Exit(1)
			}
			walls = append(walls, time.Since(start))
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > peak {
				peak = ru.Maxrss // kilobytes on Linux
			}
		}
		sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
		med := walls[len(walls)/2]
		memTarget := "-"
		if m.memMB > 0 {
			memTarget = fmt.Sprintf("%.0f", m.memMB)
		}
		fmt.Printf("%-42s %10s %10s %10.0f %10s  %s\n", m.name, med.Round(time.Millisecond), m.target, float64(peak)/1024, memTarget, verdict(med <= m.target && (m.memMB == 0 || float64(peak)/1024 <= m.memMB)))
	}
}

func verdict(ok bool) string {
	if ok {
		return "meets target"
	}
	return "MISSES target"
}

func run(bin, dir string, args []string) error {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	return nil
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}
