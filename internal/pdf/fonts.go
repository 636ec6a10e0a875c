package pdf

import (
	"math"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/math/fixed"
)

// A face is one TrueType file as fpdf knows it (family + style) together
// with the metrics this package measures text with.
//
// fpdf keeps its parsed fonts inside each document and offers no way to
// share them, so every document registers the faces it uses again (a few
// milliseconds each, see BenchmarkRegisterFace). What can be shared is
// measured here once per process: glyph coverage, for the per-glyph
// fallback fpdf lacks, and advance widths, so line breaking never has to
// switch fpdf's current font just to measure a word.
type face struct {
	family string // fpdf family name
	style  string // "", "B", "I" or "BI"
	ttf    []byte

	once sync.Once
	// widths holds each BMP rune's advance in thousandths of an em,
	// rounded exactly as fpdf rounds them; 0 means the font has no glyph.
	// A rune with a zero-width glyph (a combining mark) is stored as
	// zeroWidth so it still counts as covered.
	widths []uint16
	err    error
}

const zeroWidth = math.MaxUint16

// Font families as registered with fpdf.
const (
	familySans     = "LiberationSans"
	familyMono     = "LiberationMono"
	familyFallback = "DejaVuSans"
)

// style bits of a face.
type fontStyle uint8

const (
	styleBold fontStyle = 1 << iota
	styleItalic
	styleMono
)

var (
	sansFaces = [4]*face{
		{family: familySans, style: "", ttf: liberationsansregular.TTF},
		{family: familySans, style: "B", ttf: liberationsansbold.TTF},
		{family: familySans, style: "I", ttf: liberationsansitalic.TTF},
		{family: familySans, style: "BI", ttf: liberationsansbolditalic.TTF},
	}
	// Code is set upright in Liberation Mono, bold when inside strong text.
	monoFaces = [2]*face{
		{family: familyMono, style: "", ttf: liberationmonoregular.TTF},
		{family: familyMono, style: "B", ttf: liberationmonobold.TTF},
	}
	fallbackFaces = [4]*face{
		{family: familyFallback, style: "", ttf: dejavusans.TTF},
		{family: familyFallback, style: "B", ttf: dejavusansbold.TTF},
		{family: familyFallback, style: "I", ttf: dejavusansoblique.TTF},
		{family: familyFallback, style: "BI", ttf: dejavusansboldoblique.TTF},
	}
)

// primaryFace is the face text of style st is set in when it has the glyph.
func primaryFace(st fontStyle) *face {
	if st&styleMono != 0 {
		if st&styleBold != 0 {
			return monoFaces[1]
		}
		return monoFaces[0]
	}
	return sansFaces[st&(styleBold|styleItalic)]
}

// fallbackFace is the DejaVu face used for glyphs the primary face lacks.
func fallbackFace(st fontStyle) *face {
	return fallbackFaces[st&(styleBold|styleItalic)]
}

// key is the fpdf font key, used to remember which faces a document has
// registered.
func (f *face) key() string { return f.family + f.style }

// load parses the font once per process.
func (f *face) load() error {
	f.once.Do(func() {
		// golang.org/x/image/font/sfnt would need golang.org/x/text, which
		// the module does not require; freetype's parser (already required
		// by go-chart) reads the same cmap and hmtx tables.
		fnt, err := truetype.Parse(f.ttf)
		if err != nil {
			f.err = err
			return
		}
		upem := fnt.FUnitsPerEm()
		scale := 1000 / float64(upem)
		f.widths = make([]uint16, 0x10000)
		for r := rune(1); r < 0x10000; r++ {
			gi := fnt.Index(r)
			if gi == 0 {
				continue
			}
			// At a scale of one em per font unit the advance is in font units.
			adv := fnt.HMetric(fixed.Int26_6(upem), gi).AdvanceWidth
			w := math.Round(scale * float64(adv))
			switch {
			case w <= 0:
				f.widths[r] = zeroWidth
			case w >= zeroWidth:
				f.widths[r] = zeroWidth - 1
			default:
				f.widths[r] = uint16(w)
			}
		}
	})
	return f.err
}

// has reports whether the face has a glyph for r. The face must be loaded.
func (f *face) has(r rune) bool {
	return r >= 0 && r < 0x10000 && f.widths[r] != 0
}

// advance is r's width in thousandths of an em. The face must be loaded
// and have the glyph.
func (f *face) advance(r rune) int {
	w := f.widths[r]
	if w == zeroWidth {
		return 0
	}
	return int(w)
}

// loadFaces parses every face this package may use. Faces are small enough
// (about a millisecond each) that loading all of them on first use keeps
// the code simple.
var loadFaces = sync.OnceValue(func() error {
	for _, set := range [][]*face{sansFaces[:], monoFaces[:], fallbackFaces[:]} {
		for _, f := range set {
			if err := f.load(); err != nil {
				return err
			}
		}
	}
	return nil
})

// replacement is drawn for a character neither face has (fpdf cannot draw
// characters outside the Basic Multilingual Plane at all).
const replacement = '?'

// faceFor picks the face that draws r in style st: the primary face when it
// has the glyph, else DejaVu, else the replacement character in the primary
// face.
func faceFor(r rune, st fontStyle) (*face, rune) {
	p := primaryFace(st)
	if p.has(r) {
		return p, r
	}
	if fb := fallbackFace(st); fb.has(r) {
		return fb, r
	}
	return p, replacement
}
