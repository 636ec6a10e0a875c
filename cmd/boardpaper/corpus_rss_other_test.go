//go:build !unix

package main

import "os"

// maxResident is not measured where getrusage is missing.
func maxResident(*os.ProcessState) int64 { return 0 }
