package testtool

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestPanicAfterEndsAHungRun(t *testing.T) {
	if os.Getenv("TESTTOOL_HANG") != "" {
		defer PanicAfter(50*time.Millisecond, "the hung step")()
		time.Sleep(10 * time.Second)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPanicAfterEndsAHungRun$")
	cmd.Env = append(os.Environ(), "TESTTOOL_HANG=1")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("a hung run passed:\n%s", out)
	}
	if !strings.Contains(string(out), "the hung step is still running after 50ms") {
		t.Errorf("the panic does not say what hung:\n%s", out)
	}
	if time.Since(start) > 8*time.Second {
		t.Errorf("the hung run was not cut short")
	}
}

func TestPanicAfterStopped(t *testing.T) {
	stop := PanicAfter(20*time.Millisecond, "a quick step")
	if !stop() {
		t.Fatal("stop did not stop the timer")
	}
	time.Sleep(50 * time.Millisecond) // the process is still alive
}
