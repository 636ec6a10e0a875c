// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

// boardpaper: this file is not part of go-pdf/fpdf v0.9.0. A subset's
// /CIDToGIDMap is 128 KB, two bytes for each of the 65,536 characters, and
// all but a few hundred of its bytes are zero; fpdf built the whole map and
// ran it through zlib (0.15 ms a subset, and a subset is made for each face
// of each PDF). This writes the same map's zlib stream straight from the
// characters used (see PATCHES.md).

package fpdf

import (
	"encoding/binary"
	"slices"
)

// cidToGIDMapSize is the length of a CIDToGIDMap: a big-endian glyph
// number for each character of the Basic Multilingual Plane.
const cidToGIDMapSize = 256 * 256 * 2

// compressedCIDToGIDMap is the /CIDToGIDMap stream, zlib-compressed: at
// twice each character's code, the glyph that draws it in the subset, and
// zeros everywhere else. It is one deflate block: the map's few non-zero
// bytes as literals, each run of zeros as a zero and copies of the byte
// before it, 258 at a time, which is what a general compressor makes of it.
// The block's Huffman codes are fixed in advance for such a map (mapCodes),
// so a copy of 258 zeros takes 2 bits: the stream is about as small as
// zlib's.
func compressedCIDToGIDMap(glyphs map[int]int) []byte {
	cids := make([]int, 0, len(glyphs))
	for cc := range glyphs {
		if cc >= 0 && cc < cidToGIDMapSize/2 {
			cids = append(cids, cc)
		}
	}
	slices.Sort(cids)
	z := sparseDeflater{out: make([]byte, 0, len(mapCodes.header)+128+3*len(cids)), adlerA: 1}
	z.out = append(z.out, mapCodes.header...)
	z.acc, z.n = mapCodes.tailBits, mapCodes.tailN
	pos := 0
	for _, cc := range cids {
		z.zeros(2*cc - pos)
		g := glyphs[cc]
		z.literal(byte(g >> 8))
		z.literal(byte(g))
		pos = 2*cc + 2
	}
	z.zeros(cidToGIDMapSize - pos)
	z.symbol(endOfBlock)
	z.flush()
	return binary.BigEndian.AppendUint32(z.out, z.adlerB<<16|z.adlerA)
}

// The literal/length alphabet, and the block's code lengths for it: a copy
// of 258 (symbol 285) is most of a map, and gets 1 bit; the end of block and
// the shortest copies 6 bits, the other copies 7, and the 256 literals 10.
// The lengths fill the code exactly, as inflate requires. The distance code
// has two codes of 1 bit; only the first (one byte back) is used.
const (
	endOfBlock  = 256
	copy258     = 285
	litLenCodes = 286
)

var mapCodes = func() (c struct {
	lengths  [litLenCodes]uint8
	codes    [litLenCodes]uint16
	header   []byte // the stream's first whole bytes: zlib's header, the block's
	tailBits uint64 // and the bits after them that do not fill a byte
	tailN    uint
}) {
	for s := range c.lengths {
		switch {
		case s < 256:
			c.lengths[s] = 10
		case s <= 258:
			c.lengths[s] = 6
		case s < copy258:
			c.lengths[s] = 7
		default:
			c.lengths[s] = 1
		}
	}
	copy(c.codes[:], canonicalCodes(c.lengths[:]))

	// The header (RFC 1951, 3.2.7): the counts, then the lengths of the
	// code-length code's symbols, then the code lengths of both alphabets
	// in that code, runs written with symbol 16 (repeat the last 3 to 6
	// times). Its own code: 16, 10 and 7 of 2 bits, 6 and 1 of 3.
	var clLengths [19]uint8
	clLengths[16], clLengths[10], clLengths[7], clLengths[6], clLengths[1] = 2, 2, 2, 3, 3
	clCodes := canonicalCodes(clLengths[:])
	order := [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	z := sparseDeflater{}
	z.out = append(z.out, 0x78, 0x01) // zlib header: deflate, 32 KB window, fastest
	z.bits(1, 1)                      // the final block
	z.bits(2, 2)                      // with its own Huffman codes
	z.bits(litLenCodes-257, 5)
	z.bits(2-1, 5)          // two distance codes
	z.bits(uint64(18-4), 4) // code-length code lengths given: up to symbol 1's
	for _, sym := range order[:18] {
		z.bits(uint64(clLengths[sym]), 3)
	}
	all := append(c.lengths[:], 1, 1) // then the distance codes' lengths
	for i := 0; i < len(all); {
		n := 1
		for i+n < len(all) && all[i+n] == all[i] {
			n++
		}
		z.code(uint64(clCodes[all[i]]), uint(clLengths[all[i]]))
		for rest := n - 1; rest > 0; {
			if rest < 3 {
				z.code(uint64(clCodes[all[i]]), uint(clLengths[all[i]]))
				rest--
				continue
			}
			k := min(rest, 6)
			z.code(uint64(clCodes[16]), uint(clLengths[16]))
			z.bits(uint64(k-3), 2)
			rest -= k
		}
		i += n
	}
	c.header, c.tailBits, c.tailN = z.out, z.acc, z.n
	return c
}()

// canonicalCodes gives each symbol its Huffman code from the code lengths
// (RFC 1951, 3.2.2); a symbol of length 0 has none.
func canonicalCodes(lengths []uint8) []uint16 {
	var count [16]int
	for _, l := range lengths {
		if l > 0 {
			count[l]++
		}
	}
	var next [16]int
	for bits, code := 1, 0; bits < 16; bits++ {
		code = (code + count[bits-1]) << 1
		next[bits] = code
	}
	codes := make([]uint16, len(lengths))
	for s, l := range lengths {
		if l > 0 {
			codes[s] = uint16(next[l])
			next[l]++
		}
	}
	return codes
}

// sparseDeflater writes a deflate block (RFC 1951) of literals and runs of
// zeros in mapCodes' codes, and keeps the Adler-32 checksum (RFC 1950) of
// the bytes it stands for.
type sparseDeflater struct {
	out            []byte
	acc            uint64 // bits not yet written, first bit lowest
	n              uint   // how many
	last           int    // the last byte written, once started
	started        bool
	adlerA, adlerB uint32
}

const adlerMod = 65521

// bits appends the n low bits of v, lowest first (deflate's order for
// everything but Huffman codes).
func (z *sparseDeflater) bits(v uint64, n uint) {
	z.acc |= v << z.n
	z.n += n
	for z.n >= 8 {
		z.out = append(z.out, byte(z.acc))
		z.acc >>= 8
		z.n -= 8
	}
}

// code appends an n-bit Huffman code, highest bit first.
func (z *sparseDeflater) code(c uint64, n uint) {
	var r uint64
	for i := uint(0); i < n; i++ {
		r = r<<1 | (c>>i)&1
	}
	z.bits(r, n)
}

func (z *sparseDeflater) flush() {
	if z.n > 0 {
		z.out = append(z.out, byte(z.acc))
		z.acc, z.n = 0, 0
	}
}

// symbol appends a symbol of the literal/length alphabet.
func (z *sparseDeflater) symbol(s int) {
	z.code(uint64(mapCodes.codes[s]), uint(mapCodes.lengths[s]))
}

// literal appends byte b as a literal.
func (z *sparseDeflater) literal(b byte) {
	z.symbol(int(b))
	z.adlerA = (z.adlerA + uint32(b)) % adlerMod
	z.adlerB = (z.adlerB + z.adlerA) % adlerMod
	z.last, z.started = int(b), true
}

// Deflate's lengths 3 to 258: the first length of each code (257 + index)
// and the extra bits that follow it.
var (
	lengthBase  = [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [...]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
)

// copyLast appends a copy of length bytes (3 to 258) from one byte back.
func (z *sparseDeflater) copyLast(length int) {
	i := len(lengthBase) - 1
	for lengthBase[i] > length {
		i--
	}
	z.symbol(257 + i)
	z.bits(uint64(length-lengthBase[i]), lengthExtra[i])
	z.code(0, 1) // distance code 0: one byte back
}

// zeros appends n zero bytes: a literal zero unless the last byte was one,
// then copies of it, 258 at a time.
func (z *sparseDeflater) zeros(n int) {
	if n <= 0 {
		return
	}
	if !z.started || z.last != 0 {
		z.literal(0)
		n--
	}
	// Zeros leave A as it is and add A to B once for each.
	z.adlerB = uint32((uint64(z.adlerB) + uint64(z.adlerA)*uint64(n)) % adlerMod)
	for n >= 3 {
		l := min(n, 258)
		if r := n - l; r == 1 || r == 2 {
			l -= 3 // leave a copy of at least three
		}
		z.copyLast(l)
		n -= l
	}
	for ; n > 0; n-- {
		z.symbol(0) // a literal zero; the checksum has it already
	}
}
