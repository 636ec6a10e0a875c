package pdftest

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/boardpaper/boardpaper/internal/testtool"
)

// Date is the meeting date the test papers are written for.
var Date = time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)

// Tool runs an external program (skipping the test when it is missing,
// failing it under make test) and returns its output.
func Tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	return testtool.Run(t, name, args...)
}

// PageText is the layout text of one page (1-based).
func PageText(t *testing.T, path string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	return normalise(Tool(t, "pdftotext", "-layout", "-f", p, "-l", p, path, "-"))
}

// AllText is the layout text of the whole document.
func AllText(t *testing.T, path string) string {
	t.Helper()
	return normalise(Tool(t, "pdftotext", "-layout", path, "-"))
}

// normalise turns no-break spaces into spaces and page breaks into line
// breaks, so every line starts after a newline.
func normalise(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\f", "\n").Replace(s)
}

// PageCount is the number of pages pdfinfo reports.
func PageCount(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(Tool(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo reports no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Squeeze drops white space and soft hyphens, so that text compares
// however it was broken into lines.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == 0xAD {
			return -1
		}
		return r
	}, s)
}
