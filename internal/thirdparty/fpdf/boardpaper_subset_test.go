// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"encoding/binary"
	"sort"
	"testing"
)

// fpdfAssembleTables restates fpdf v0.9.0's assembleTables step for step
// (copy every table, pad each copy, append, then splice the checksum into a
// copy of the whole file), to check the rewrite against.
func fpdfAssembleTables(utf *utf8FontFile) []byte {
	checksumOf := func(data []byte) []int {
		data = append([]byte{}, data...)
		for len(data)%4 != 0 {
			data = append(data, 0)
		}
		answer := []int{0, 0}
		for i := 0; i < len(data); i += 4 {
			answer[0] += (int(data[i]) << 8) + int(data[i+1])
			answer[1] += (int(data[i+2]) << 8) + int(data[i+3])
			answer[0] += answer[1] >> 16
			answer[1] = answer[1] & 0xFFFF
			answer[0] = answer[0] & 0xFFFF
		}
		return answer
	}
	u16 := func(b []byte, v int) []byte { return binary.BigEndian.AppendUint16(b, uint16(v)) }
	u32 := func(b []byte, v int) []byte { return binary.BigEndian.AppendUint32(b, uint32(v)) }

	answer := make([]byte, 0)
	tablesCount := len(utf.outTablesData)
	findSize, writer := 1, 0
	for findSize*2 <= tablesCount {
		findSize, writer = findSize*2, writer+1
	}
	findSize *= 16
	rOffset := tablesCount*16 - findSize
	answer = u32(answer, 0x00010000)
	answer = u16(u16(u16(u16(answer, tablesCount), findSize), writer), rOffset)

	tables := map[string][]byte{}
	var names []string
	for k, v := range utf.outTablesData {
		tables[k] = append([]byte{}, v...)
		names = append(names, k)
	}
	sort.Strings(names)
	offset := 12 + tablesCount*16
	begin := 0
	for _, name := range names {
		if name == "head" {
			begin = offset
		}
		answer = append(answer, name...)
		c := checksumOf(tables[name])
		answer = u16(u16(answer, c[0]), c[1])
		answer = u32(u32(answer, offset), len(tables[name]))
		offset += (len(tables[name]) + 3) &^ 3
	}
	for _, key := range names {
		data := append(append([]byte{}, tables[key]...), 0, 0, 0)
		answer = append(answer, data[:len(data)&^3]...)
	}
	c := utf.calcInt32([]int{0xB1B0, 0xAFBA}, checksumOf(answer))
	stream := append([]byte{}, answer...)
	return append(append(stream[:begin+8], u16(u16(nil, c[0]), c[1])...), stream[begin+12:]...)
}

// A subset is the file fpdf assembled, byte for byte, for every font
// boardpaper embeds, and cutting it leaves the font file as it was
// (checksums once padded the tables they were given in place).
func TestSubsetAsFpdfAssembled(t *testing.T) {
	texts := []string{
		"Reducing the need for children to be looked after: £1,234 – 56% “quoted” ☐☒ ÀÉÎõü Ωλ 0123456789",
		"a",
		"Page 1 of 10",
	}
	for name, ttf := range testFonts {
		t.Run(name, func(t *testing.T) {
			before := bytes.Clone(ttf)
			f := parseTestFont(t, ttf, true)
			for _, text := range texts {
				used := map[int]int{}
				for _, r := range text {
					used[int(r)] = int(r)
				}
				prep := *f
				prep.fileReader = &fileReader{array: ttf}
				oldMetrics, ok := prep.prepareCut()
				if !ok {
					t.Fatal("cannot cut")
				}
				got := prep.cutFont(oldMetrics, used)
				if want := fpdfAssembleTables(&prep); !bytes.Equal(got, want) {
					t.Errorf("%q: subset of %d bytes differs from fpdf's %d", text, len(got), len(want))
				}
			}
			if !bytes.Equal(ttf, before) {
				t.Error("cutting a subset changed the font file")
			}
		})
	}
}
