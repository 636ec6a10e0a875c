package fpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand"
	"testing"
)

// The CIDToGIDMap stream must inflate, checksum included, to the map fpdf
// built: each character's glyph, big-endian, at twice its code.
func TestCompressedCIDToGIDMapInflatesToTheMap(t *testing.T) {
	cases := []map[int]int{
		{},
		{0: 1},
		{65535: 0xffff},
		{32: 3, 33: 4, 34: 5, 0x2013: 300, 0x2610: 256, 0x2612: 512},
		{1: 0, 2: 0, 3: 0x100}, // zero glyphs and a zero low byte
	}
	// Runs of zeros of every awkward length around the 258-byte copies.
	for _, gap := range []int{1, 2, 3, 4, 5, 128, 129, 130, 131, 132, 133, 258, 259, 260, 261, 262, 516, 517} {
		cases = append(cases, map[int]int{100: 7, 100 + gap: 9})
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 50; i++ {
		m := map[int]int{}
		for j := rng.Intn(400); j > 0; j-- {
			m[rng.Intn(65536)] = rng.Intn(65536)
		}
		cases = append(cases, m)
	}
	for i, glyphs := range cases {
		want := make([]byte, cidToGIDMapSize)
		for cc, g := range glyphs {
			want[2*cc], want[2*cc+1] = byte(g>>8), byte(g)
		}
		stream := compressedCIDToGIDMap(glyphs)
		r, err := zlib.NewReader(bytes.NewReader(stream))
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("case %d (%d characters): the map inflates to something else", i, len(glyphs))
		}
		// A copy of 258 zeros takes 2 bits: the zeros alone need some 130
		// bytes, the header 40, and a character no more than 6 bytes more.
		if limit := 200 + 6*len(glyphs); len(stream) > limit {
			t.Errorf("case %d: %d bytes for %d characters", i, len(stream), len(glyphs))
		}
	}
}
