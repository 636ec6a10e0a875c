package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/boardpaper/boardpaper/internal/scaffold"
)

// runNew is "boardpaper new SLUG --layout NAME".
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	layout := fs.String("layout", "", "")
	paths, err := parseInterspersed(fs, args)
	if err == nil && (len(paths) != 1 || *layout == "") {
		err = fmt.Errorf("new takes a name and a layout: boardpaper new SLUG --layout executive-board")
	}
	if err != nil {
		return usageError("new", err, stdout, stderr)
	}
	files, err := scaffold.New(".", paths[0], *layout, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "boardpaper new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s and %s; fill them in, then run boardpaper build %s\n", files.Template, files.Snapshot, files.Template)
	return 0
}
