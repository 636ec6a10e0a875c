// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

// boardpaper: this file is not part of go-pdf/fpdf v0.9.0. It reads a
// font's character map and widths without building maps of every
// character (see PATCHES.md).

package fpdf

import (
	"encoding/binary"
	"math"
	"sort"
)

// useCmapSegments is false only in tests, to compare with fpdf's way.
var useCmapSegments = true

// cmap4 is a format 4 character map subtable: segments of characters and
// the rule that maps each character of a segment to a glyph.
type cmap4 struct {
	data      []byte // the font file
	starts    []int
	ends      []int
	deltas    []int
	offsets   []int
	offsetsAt int // where the idRangeOffset array starts in data
	rim       int // where the subtable ends in data
}

// readCmap4 reads the subtable at pos as generateSCCSDictionaries does.
func (utf *utf8FontFile) readCmap4(pos int) *cmap4 {
	c := &cmap4{data: utf.fileReader.array}
	utf.seek(pos + 2)
	c.rim = pos + utf.readUint16()
	utf.skip(2)
	n := utf.readUint16() / 2
	utf.skip(6)
	c.ends = make([]int, n)
	for i := range c.ends {
		c.ends[i] = utf.readUint16()
	}
	utf.skip(2)
	c.starts = make([]int, n)
	for i := range c.starts {
		c.starts[i] = utf.readUint16()
	}
	c.deltas = make([]int, n)
	for i := range c.deltas {
		c.deltas[i] = int(utf.readInt16())
	}
	c.offsetsAt = int(utf.fileReader.readerPosition)
	c.offsets = make([]int, n)
	for i := range c.offsets {
		c.offsets[i] = utf.readUint16()
	}
	return c
}

// ordered reports whether every segment holds at least one character and
// each starts after the one before ends, so that a character is in one
// segment at most and segments can be searched. Fonts' tables are; for one
// that is not, the parse falls back to fpdf's maps, which give a
// character in two segments the later segment's glyph.
func (c *cmap4) ordered() bool {
	for n := range c.starts {
		if c.starts[n] > c.ends[n] || (n > 0 && c.starts[n] <= c.ends[n-1]) {
			return false
		}
	}
	return true
}

// glyph is the glyph segment n maps char to, computed as
// generateSCCSDictionaries does.
func (c *cmap4) glyph(n, char int) int {
	if c.offsets[n] == 0 {
		return (char + c.deltas[n]) & 0xFFFF
	}
	pos := c.offsetsAt + 2*n + (char-c.starts[n])*2 + c.offsets[n]
	if pos >= c.rim {
		return 0
	}
	g := int(binary.BigEndian.Uint16(c.data[pos:]))
	if g != 0 {
		g = (g + c.deltas[n]) & 0xFFFF
	}
	return g
}

// lookup returns the glyph char maps to, and whether the map has char at
// all (a character may map to glyph 0). The segments must be ordered.
func (c *cmap4) lookup(char int) (int, bool) {
	n := sort.SearchInts(c.ends, char)
	if n == len(c.ends) || char < c.starts[n] {
		return 0, false
	}
	return c.glyph(n, char), true
}

// widthsFromCmap sets CharWidths and DefaultWidth as parseHMTXTable does
// from fpdf's glyph-to-characters map, for an ordered cmap: each character
// once, so the order characters are visited in does not matter.
func (utf *utf8FontFile) widthsFromCmap(c *cmap4, numberOfHMetrics, numSymbols int, scale float64) {
	start := utf.SeekTable("hmtx")
	// Each metric is an advance and a side bearing, 16 bits each, read
	// where they lie rather than unpacked into a slice of ints first.
	hmtx := utf.getRange(start, numberOfHMetrics*4)
	rawAdvance := func(glyph int) int { return int(binary.BigEndian.Uint16(hmtx[glyph*4:])) }
	advance := func(glyph int) int {
		if w := rawAdvance(glyph); w < 1<<15 {
			return w
		}
		return 0
	}
	if numberOfHMetrics > 0 {
		utf.DefaultWidth = scale * float64(advance(0))
	}
	// Glyphs past the metrics take the last metric's advance. fpdf
	// clamped that advance only when some character maps to the last
	// metric's glyph (or it is glyph 0), so that is found out first.
	last := numberOfHMetrics - 1
	lastMapped := last == 0
	for n := range c.starts {
		for char := c.starts[n]; char <= c.ends[n] && !lastMapped; char++ {
			lastMapped = c.glyph(n, char) == last
		}
	}
	lastAdvance := 0
	if last >= 0 {
		lastAdvance = rawAdvance(last)
		if lastMapped && lastAdvance >= 1<<15 {
			lastAdvance = 0
		}
	}

	utf.CharWidths = make([]int, 256*256)
	charCount := 0
	for n := range c.starts {
		for char := c.starts[n]; char <= c.ends[n]; char++ {
			g := c.glyph(n, char)
			if g == 0 || char == 0 || char == 65535 || g >= max(numSymbols, numberOfHMetrics) {
				continue
			}
			w := lastAdvance
			if g < numberOfHMetrics {
				w = advance(g)
			}
			width := int(math.Round(scale * float64(w)))
			if width == 0 {
				width = 65535
			}
			utf.CharWidths[char] = width
			charCount++
		}
	}
	utf.CharWidths[0] = charCount
}

// glyphOf returns the glyph char maps to and whether the font maps it, from
// the ordered cmap parseFile read, or else fpdf's map.
func (utf *utf8FontFile) glyphOf(char int) (int, bool) {
	if utf.parsedCmap != nil {
		return utf.parsedCmap.lookup(char)
	}
	g, ok := utf.charSymbolDictionary[char]
	return g, ok
}
