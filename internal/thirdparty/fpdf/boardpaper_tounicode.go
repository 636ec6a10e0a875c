package fpdf

import (
	"fmt"
	"slices"
	"strings"
)

// toUnicodeCMap is a subset's ToUnicode CMap: each character code (the
// rune itself, as Identity-H text is written here) to that rune, for
// exactly the runes the document used. fpdf wrote one range <0000> <FFFF>,
// which PDF/UA validators read as covering only the first 256 codes (a
// range may not cross a change of its first byte), so "–", "•", "☐" and
// "☒" had no Unicode. Consecutive runes sharing a first byte make a range;
// blocks hold at most 100 entries, as the CMap format asks.
func toUnicodeCMap(usedRunes map[int]int) string {
	runes := make([]int, 0, len(usedRunes))
	for _, r := range usedRunes {
		if r > 0 && r <= 0xffff {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	runes = slices.Compact(runes)
	type span struct{ lo, hi int }
	var ranges, chars []span
	for i := 0; i < len(runes); {
		j := i
		for j+1 < len(runes) && runes[j+1] == runes[j]+1 && runes[j+1]>>8 == runes[i]>>8 {
			j++
		}
		if j > i {
			ranges = append(ranges, span{runes[i], runes[j]})
		} else {
			chars = append(chars, span{runes[i], runes[i]})
		}
		i = j + 1
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(chars) > 0 {
		n := min(len(chars), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, c := range chars[:n] {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", c.lo, c.lo)
		}
		b.WriteString("endbfchar\n")
		chars = chars[n:]
	}
	for len(ranges) > 0 {
		n := min(len(ranges), 100)
		fmt.Fprintf(&b, "%d beginbfrange\n", n)
		for _, r := range ranges[:n] {
			fmt.Fprintf(&b, "<%04X> <%04X> <%04X>\n", r.lo, r.hi, r.lo)
		}
		b.WriteString("endbfrange\n")
		ranges = ranges[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}
