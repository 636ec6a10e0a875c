//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// maxResident is the most memory a finished process held, in bytes.
func maxResident(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) << 10 // kilobytes elsewhere
}
