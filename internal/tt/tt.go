package tt

import (
	"fmt"
	"os"
	"sync"
	"time"
)

var start = time.Now()
var mu sync.Mutex
var on = os.Getenv("TT") != ""

func Mark(s string) {
	if on {
		mu.Lock()
		fmt.Fprintf(os.Stderr, "%6.2f ms %s\n", float64(time.Since(start).Microseconds())/1000, s)
		mu.Unlock()
	}
}
