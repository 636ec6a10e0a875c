package textset

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

	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// A Face is one TrueType file as fpdf knows it (family + style) together
// with the metrics text is measured with.
//
// The metrics are fpdf's own: our copy of fpdf (internal/thirdparty/fpdf)
// parses each font once per process and shares the parse with every
// document, and UTF8FontWidths hands out the widths it draws with. They
// give glyph coverage, for the per-glyph fallback fpdf lacks, and advance
// widths, so line breaking never has to switch fpdf's current font just
// to measure a word.
type Face struct {
	family string // fpdf family name
	style  string // "", "B", "I" or "BI"
	ttf    []byte

	once sync.Once
	// widths holds each BMP rune's advance in thousandths of an em; 0
	// means the font has no glyph, and zeroWidth a glyph of no width (a
	// combining mark), which still counts as covered. Shared with fpdf:
	// never written.
	widths []int
	err    error
}

const zeroWidth = math.MaxUint16

// Family is the face's fpdf family name ("LiberationSans").
func (f *Face) Family() string { return f.family }

// Style is the face's fpdf style: "", "B", "I" or "BI".
func (f *Face) Style() string { return f.style }

// TTF is the face's TrueType file, to register with a PDF.
func (f *Face) TTF() []byte { return f.ttf }

// Font families as registered with fpdf.
const (
	familySans     = "LiberationSans"
	familyMono     = "LiberationMono"
	familyFallback = "DejaVuSans"
)

// FontStyle is the style text is set in: bits of Bold, Italic and Mono.
type FontStyle uint8

const (
	Bold FontStyle = 1 << iota
	Italic
	Mono
)

var (
	sansFaces = [4]*Face{
		{family: familySans, style: "", ttf: liberationsansregular.TTF},
		{family: familySans, style: "B", ttf: liberationsansbold.TTF},
		{family: familySans, style: "I", ttf: liberationsansitalic.TTF},
		{family: familySans, style: "BI", ttf: liberationsansbolditalic.TTF},
	}
	// Code is set upright in Liberation Mono, bold when inside strong text.
	monoFaces = [2]*Face{
		{family: familyMono, style: "", ttf: liberationmonoregular.TTF},
		{family: familyMono, style: "B", ttf: liberationmonobold.TTF},
	}
	fallbackFaces = [4]*Face{
		{family: familyFallback, style: "", ttf: dejavusans.TTF},
		{family: familyFallback, style: "B", ttf: dejavusansbold.TTF},
		{family: familyFallback, style: "I", ttf: dejavusansoblique.TTF},
		{family: familyFallback, style: "BI", ttf: dejavusansboldoblique.TTF},
	}
)

// Faces are every face text may be set in.
func Faces() []*Face {
	all := append(sansFaces[:], monoFaces[:]...)
	return append(all, fallbackFaces[:]...)
}

// Primary is the face text of style st is set in when it has the glyph.
func Primary(st FontStyle) *Face {
	if st&Mono != 0 {
		if st&Bold != 0 {
			return monoFaces[1]
		}
		return monoFaces[0]
	}
	return sansFaces[st&(Bold|Italic)]
}

// fallbackFace is the DejaVu face used for glyphs the primary face lacks.
func fallbackFace(st FontStyle) *Face {
	return fallbackFaces[st&(Bold|Italic)]
}

// load parses the font once per process, on first use: a paper with no
// code never parses the monospaced faces.
func (f *Face) load() error {
	f.once.Do(func() {
		f.widths, f.err = fpdf.UTF8FontWidths(f.ttf)
	})
	return f.err
}

// Has reports whether the face has a glyph for r. A face that failed to
// load (Load reports it for the faces every paper uses) has none.
func (f *Face) Has(r rune) bool {
	if f.load() != nil {
		return false
	}
	return r >= 0 && int(r) < len(f.widths) && f.widths[r] != 0
}

// advance is r's width in thousandths of an em. The face must have the
// glyph.
func (f *Face) advance(r rune) int {
	w := f.widths[r]
	if w == zeroWidth {
		return 0
	}
	return w
}

// Prepare starts loading, in the background, the fonts every PDF sets
// text in, and what fpdf needs to subset them, so the first PDF of a build
// need not wait for them. Only the first call does anything; errors are
// reported by Load, which loads the same faces.
func Prepare() { prepareOnce.Do(func() { go prepareFonts() }) }

var prepareOnce sync.Once

func prepareFonts() {
	if Load() != nil {
		return
	}
	for _, f := range everyPaperFaces() {
		_ = fpdf.PrepareUTF8Font(f.ttf)
	}
}

// everyPaperFaces are the faces nearly every paper uses: the four of the
// body text, and DejaVu for the cover's check boxes.
func everyPaperFaces() []*Face { return append(sansFaces[:], fallbackFaces[0]) }

// Load parses the faces every paper sets text in, so that a font that
// cannot be read is an error before any page is drawn; the rest load when
// first used. Only the first call does the work.
func Load() error { return loadFaces() }

var loadFaces = sync.OnceValue(func() error {
	for _, f := range everyPaperFaces() {
		if err := f.load(); err != nil {
			return err
		}
	}
	return nil
})

// Replacement is drawn for a character neither face has (fpdf cannot draw
// characters outside the Basic Multilingual Plane at all).
const Replacement = '?'

// FaceFor picks the face that draws r in style st: the primary face when it
// has the glyph, else DejaVu, else the replacement character in the primary
// face.
func FaceFor(r rune, st FontStyle) (*Face, rune) {
	p := Primary(st)
	if p.Has(r) {
		return p, r
	}
	if fb := fallbackFace(st); fb.Has(r) {
		return fb, r
	}
	return p, Replacement
}
