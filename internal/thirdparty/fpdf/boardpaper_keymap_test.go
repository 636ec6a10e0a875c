package fpdf

import (
	"math/rand"
	"testing"
)

// nextIntKey must choose the key fpdf's search chose: the first of 0, 1,
// 2, ... that is not a key, whatever appends, pops, deletes and "interval"
// keys came before (cidFontWidths uses them all).
func TestNextIntKeyIsTheFirstFreeInteger(t *testing.T) {
	searched := func(pa *untypedKeyMap) int {
		for n := 0; ; n++ {
			if pa.getIndex(n) < 0 {
				return n
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 50; trial++ {
		pa := &untypedKeyMap{}
		for op := 0; op < 400; op++ {
			switch r := rng.Intn(10); {
			case r < 6:
				if got, want := pa.nextIntKey(), searched(pa); got != want {
					t.Fatalf("trial %d, op %d: nextIntKey %d, want %d (keys %v)", trial, op, got, want, pa.keySet)
				}
				pa.put(nil, rng.Intn(1000))
			case r == 6:
				pa.put("interval", 1)
			case r == 7:
				if len(pa.keySet) > 0 {
					pa.pop()
				}
			case r == 8:
				pa.delete("interval")
			default:
				if len(pa.keySet) > 0 {
					pa.delete(pa.keySet[rng.Intn(len(pa.keySet))])
				}
			}
		}
	}
}
