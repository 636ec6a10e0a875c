// Command synth writes a synthetic boardpaper project for timing whole
// builds: synth -n 100 -out /tmp/project writes 100 papers copied from the
// samples in the current project, with varied figures, across meetings.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/boardpaper/boardpaper/internal/synth"
)

func main() {
	n := flag.Int("n", 100, "number of papers")
	out := flag.String("out", "", "folder to write the project into (required)")
	seed := flag.Int64("seed", 1, "seed for the figures")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "synth: -out is required")
		os.Exit(2)
	}
	if err := synth.Write(".", *out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
