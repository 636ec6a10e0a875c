package textset

import (
	"slices"
	"testing"
)

func TestFallbackGlyphs(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	for _, r := range "☐☒✓" {
		if sansFaces[0].Has(r) {
			t.Errorf("Liberation Sans has %q: the fallback test proves nothing", r)
		}
		f, g := FaceFor(r, 0)
		if f.family != familyFallback || g != r {
			t.Errorf("%q is drawn with %s %q, want DejaVu", r, f.family, g)
		}
		if f.advance(r) == 0 {
			t.Errorf("%q has no width in DejaVu", r)
		}
	}
	if f, _ := FaceFor('A', Bold); f != sansFaces[1] {
		t.Errorf("'A' in bold is drawn with %s%s", f.family, f.style)
	}
	// A character no face has (outside the BMP) becomes a Replacement,
	// never an empty box or an fpdf panic.
	if _, g := FaceFor('𝄞', 0); g != Replacement {
		t.Errorf("got %q for a character no font has", g)
	}
	// In a document, the boxes are split off into DejaVu runs.
	ws := words([]run{{text: "☒ Yes, ✓done", size: 11}})
	var faces []string
	for _, wd := range ws {
		for _, p := range wd.pieces {
			faces = append(faces, p.face.family+":"+p.text)
		}
	}
	want := []string{"DejaVuSans:☒", "LiberationSans:Yes,", "DejaVuSans:✓", "LiberationSans:done"}
	if !slices.Equal(faces, want) {
		t.Errorf("pieces %q, want %q", faces, want)
	}
}
