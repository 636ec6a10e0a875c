//go:build !linux

package main

// spreadSubfolders does nothing where folders carry no placement flag.
func spreadSubfolders(string) {}
