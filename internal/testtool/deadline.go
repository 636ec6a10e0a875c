package testtool

import (
	"fmt"
	"time"
)

// PanicAfter ends the process with a panic unless the returned stop is
// called within limit. Go's fuzzer does not report an input that hangs:
// it just stops counting executions. A crash it does report, and it saves
// the input under testdata/fuzz/ as a test case. Use it as
//
//	defer testtool.PanicAfter(10*time.Second, "the pipeline")()
func PanicAfter(limit time.Duration, what string) (stop func() bool) {
	timer := time.AfterFunc(limit, func() {
		panic(fmt.Sprintf("%s is still running after %s: this input hangs", what, limit))
	})
	return timer.Stop
}
