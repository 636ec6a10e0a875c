package main

import (
	"os"
	"strings"
	"testing"
)

// A new paper builds at once, in both house styles.
func TestNewPaperBuildsAtOnce(t *testing.T) {
	for _, layout := range []string{"executive-board", "scrutiny-board"} {
		t.Run(layout, func(t *testing.T) {
			newProject(t, map[string]string{})
			code, out, errOut := runCLI(t, "new", "school-places", "--layout", layout)
			if code != 0 {
				t.Fatalf("new: exit %d: %s", code, errOut)
			}
			if !strings.Contains(out, "templates/school-places.md") {
				t.Errorf("new said %q", out)
			}
			tpl, _ := os.ReadFile("templates/school-places.md")
			for _, s := range []string{"# Purpose of this report", "# Main issues", "# Background documents", "{.summary}", "layout: " + layout} {
				if !strings.Contains(string(tpl), s) {
					t.Errorf("the template lacks %q", s)
				}
			}
			if code, _, errOut := runCLI(t, "build"); code != 0 {
				t.Fatalf("the new paper does not build: %s\n%s", errOut, tpl)
			}
			if code, _, errOut := runCLI(t, "new", "school-places", "--layout", layout); code != 1 || !strings.Contains(errOut, "already exists") {
				t.Errorf("a second new overwrote the paper: exit %d %s", code, errOut)
			}
		})
	}
}

func TestNewRefusesBadNamesAndLayouts(t *testing.T) {
	newProject(t, map[string]string{})
	if code, _, errOut := runCLI(t, "new", "School Places", "--layout", "executive-board"); code != 1 || !strings.Contains(errOut, "lower-case words") {
		t.Errorf("bad name: exit %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "new", "x", "--layout", "cabinet"); code != 1 || !strings.Contains(errOut, `no layout "cabinet"`) {
		t.Errorf("bad layout: exit %d %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "new", "x"); code != 2 {
		t.Errorf("no layout: exit %d, want 2", code)
	}
}
