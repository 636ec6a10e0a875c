//go:build unix

package publish

import (
	"errors"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// errReadOnly is the error for a file made on a read-only file system.
var errReadOnly error = unix.EROFS

// lockFile takes an exclusive flock on the file path, made if need be,
// and writes this process's id in it for a build that has to wait. When
// the lock is held elsewhere, waiting is told the holder's process id (as
// far as the file says) and the call waits for it. The returned function
// removes the file and lets the lock go; the kernel lets it go too when
// the process ends, however it ends.
func lockFile(path string, waiting func(holder string)) (func(), error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := flock(f, unix.LOCK_EX|unix.LOCK_NB); err != nil {
			if !errors.Is(err, unix.EWOULDBLOCK) {
				f.Close()
				return nil, err
			}
			if waiting != nil {
				buf := make([]byte, 32)
				n, _ := f.ReadAt(buf, 0)
				waiting(strings.TrimSpace(string(buf[:n])))
				waiting = nil // said once
			}
			if err := flock(f, unix.LOCK_EX); err != nil {
				f.Close()
				return nil, err
			}
		}
		// The holder removes the file before it lets the lock go: a build
		// that opened it before then now holds a lock on a file no longer
		// there, which locks nothing, and starts again.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			f.Close()
			continue
		}
		f.Truncate(0)
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		return func() {
			os.Remove(path)
			f.Close()
		}, nil
	}
}

// flock is unix.Flock on f, tried again when a signal interrupts it.
func flock(f *os.File, how int) error {
	for {
		err := unix.Flock(int(f.Fd()), how)
		if err != unix.EINTR {
			return err
		}
	}
}
