// Package testtool lets tests use external programs (pdftotext, qpdf,
// chromium) when they are installed. On a developer's machine a missing
// program skips the test; under `make test`, which installs them and sets
// BOARDPAPER_REQUIRE_TOOLS=1, a missing program fails it, so CI can never
// pass by skipping.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Path returns the path of an external program, skipping or failing the
// test when it is not installed.
func Path(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("BOARDPAPER_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s is not installed (make test installs it)", name)
	}
	t.Skipf("%s is not installed; run make test to install it", name)
	return ""
}

// Run runs an external program and returns its standard output, failing
// the test when it fails.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(Path(t, name), args...)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %v: %v\n%s", name, args, err, msg)
	}
	return string(out)
}
