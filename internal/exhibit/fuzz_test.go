package exhibit

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/testtool"
)

var fencePattern = regexp.MustCompile("(?s)```(table|chart)\n(.*?)```")

// FuzzFence feeds the table and chart reader arbitrary blocks and
// snapshots: it must never panic or hang, and every failure must be a
// diagnostic.
func FuzzFence(f *testing.F) {
	templates, _ := filepath.Glob("../../templates/*.md")
	snaps, _ := filepath.Glob("../../data/*/*.yaml")
	var snap []byte
	if len(snaps) > 0 {
		snap, _ = os.ReadFile(snaps[0])
	}
	for _, p := range templates {
		b, _ := os.ReadFile(p)
		for _, m := range fencePattern.FindAllSubmatch(b, -1) {
			f.Add(string(m[1]) == "chart", m[2], snap)
		}
	}
	f.Add(false, []byte("data: t\ncells: ratio\n"), []byte("t: {columns: [a], rows: [{label: x, values: [{n: 1, of: 0}]}]}\n"))
	f.Add(true, []byte("data: s\ntype: bar-line\n"), []byte("s: {x: [2012-01, 2012-02], series: [{name: a, values: [1, -2]}]}\n"))
	f.Fuzz(func(t *testing.T, chart bool, fence, snapshot []byte) {
		defer testtool.PanicAfter(10*time.Second, "the table and chart reader")()
		s, err := project.ParseSnapshot("data/f.yaml", snapshot)
		if err != nil {
			return
		}
		data := &project.DataSet{Snapshots: []*project.Snapshot{s}}
		pos := diag.Pos{Path: "templates/f.md", Line: 10, Col: 1}
		if chart {
			_, err = Chart(fence, pos, data)
		} else {
			_, err = Table(fence, pos, data)
		}
		if err != nil {
			var list diag.List
			var one *diag.Error
			if !errors.As(err, &list) && !errors.As(err, &one) {
				t.Fatalf("not a diagnostic: %T %v", err, err)
			}
		}
	})
}
