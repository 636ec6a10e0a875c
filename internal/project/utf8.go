package project

import (
	"bytes"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/diag"
)

// CheckUTF8 refuses a file that is not UTF-8 text, at the line and column
// of its first bad byte. Text saved from Word or Excel as "ANSI"
// (Windows-1252) is the usual cause: "é" arrives as the lone byte 0xE9.
// Letting such bytes through breaks more than the one character: the PDF
// library panics on them in headings and document metadata.
func CheckUTF8(relPath string, lineOffset int, src []byte) error {
	if utf8.Valid(src) || isUTF16(src) {
		return nil
	}
	at := 0
	for at < len(src) {
		r, size := utf8.DecodeRune(src[at:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		at += size
	}
	line := 1 + bytes.Count(src[:at], []byte("\n"))
	lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
	col := 1 + utf8.RuneCount(src[lineStart:at])
	return diag.Errorf(relPath, lineOffset+line, col,
		"not UTF-8 text (byte 0x%02X): save the file as UTF-8 (in Word or Excel, choose the encoding \"Unicode (UTF-8)\")", src[at])
}

// isUTF16 tells a file that starts with a UTF-16 byte-order mark, which
// yaml.v3 decodes itself (Excel's "Unicode Text").
func isUTF16(src []byte) bool {
	return bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF})
}
