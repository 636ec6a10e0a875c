package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// fsTopdirFlag is FS_TOPDIR_FL of linux/fs.h, which x/sys/unix does not
// name: ext2, ext3 and ext4 place each new subfolder of such a folder as
// they place the folders at the root of the file system, in a block group
// with fewer folders and more free inodes than most (searched from a hash
// of its name), rather than in the parent folder's group.
const fsTopdirFlag = 0x00020000

// spreadSubfolders marks dir so that its subfolders are spread over the
// file system's block groups. Best effort: other file systems refuse the
// flag, and lose nothing by it.
func spreadSubfolders(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err != nil {
		return
	}
	_ = unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(flags|fsTopdirFlag))
}
