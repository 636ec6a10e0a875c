package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes Go profiles of this run for developers, when asked
// through the environment (not a flag: authors never need it):
//
//	BOARDPAPER_CPUPROFILE=cpu.out   CPU profile of the whole run
//	BOARDPAPER_MEMPROFILE=mem.out   every allocation, sampled finely
//
// Read them with `go tool pprof`. The returned function finishes them.
func startProfiles() (stop func()) {
	cpu, mem := os.Getenv("BOARDPAPER_CPUPROFILE"), os.Getenv("BOARDPAPER_MEMPROFILE")
	var f *os.File
	if cpu != "" {
		var err error
		if f, err = os.Create(cpu); err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "boardpaper: CPU profile:", err)
			f = nil
		}
	}
	if mem != "" {
		runtime.MemProfileRate = 4096
	}
	return func() {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if mem != "" {
			m, err := os.Create(mem)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(m, 0)
				m.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "boardpaper: memory profile:", err)
			}
		}
	}
}
