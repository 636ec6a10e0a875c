package util

import "testing"

// The case-folding map, built on first use, holds what goldmark's init
// built: every entry of the generated tables, and folds labels as before.
func TestCaseFoldingsBuiltOnFirstUse(t *testing.T) {
	m := unicodeCaseFoldings()
	if len(m) != _unicodeCaseFoldingLength {
		t.Fatalf("%d foldings, want %d", len(m), _unicodeCaseFoldingLength)
	}
	for in, want := range map[string]string{"ẞ": "ss", "Straße": "strasse", "ΣΑΣ": "σασ", "ascii": "ascii"} {
		if got := ToLinkReference([]byte(in)); got != want {
			t.Errorf("ToLinkReference(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmailPatternCompiledOnFirstUse(t *testing.T) {
	if FindEmailIndex([]byte("clerk@leeds.gov.uk")) < 0 {
		t.Error("an address was not found")
	}
	if FindEmailIndex([]byte("not an address")) >= 0 {
		t.Error("text was taken for an address")
	}
}
