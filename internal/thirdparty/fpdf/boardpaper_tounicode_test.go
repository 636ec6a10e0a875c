package fpdf

import (
	"strings"
	"testing"
)

// The CMap maps exactly the runes used, each to itself: runs of
// consecutive runes as ranges that never cross a first byte, the rest one
// by one, at most 100 to a block.
func TestToUnicodeCMapCoversTheRunesUsed(t *testing.T) {
	used := map[int]int{1: 'A', 2: 'B', 3: 'C', 4: '–', 5: '☐', 6: '☒', 7: 0x1ff, 8: 0x200, 9: 0x201, 10: 'A', 11: 0}
	got := toUnicodeCMap(used)
	if !strings.Contains(got, "4 beginbfchar\n<01FF> <01FF>\n<2013> <2013>\n<2610> <2610>\n<2612> <2612>\nendbfchar\n") {
		t.Errorf("single runes wrong (U+01FF ends a run of its first byte: not a range with U+0200):\n%s", got)
	}
	if !strings.Contains(got, "2 beginbfrange\n<0041> <0043> <0041>\n<0200> <0201> <0200>\nendbfrange\n") {
		t.Errorf("ranges wrong:\n%s", got)
	}
	if strings.Contains(got, "<0000> <FFFF> <0000>") {
		t.Error("the CMap still maps every code")
	}

	many := map[int]int{}
	for i := 0; i < 250; i++ {
		many[i] = 0x100 + 2*i // none consecutive
	}
	got = toUnicodeCMap(many)
	if n := strings.Count(got, "beginbfchar"); n != 3 {
		t.Errorf("%d bfchar blocks for 250 runes, want 3 (100, 100, 50)", n)
	}
	if strings.Count(got, "\n<0") != 250+1 {
		t.Errorf("%d entries, want 250", strings.Count(got, "\n<0")-1)
	}
}
