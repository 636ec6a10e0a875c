module github.com/go-pdf/fpdf

go 1.25

require github.com/klauspost/compress v1.20.4

// Only for boardpaper's tests of this copy, which compare its parse of the
// fonts boardpaper embeds with fpdf's.
require (
	github.com/go-fonts/dejavu v0.3.2
	github.com/go-fonts/liberation v0.3.3
)
