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

	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// A face is one TrueType file as fpdf knows it (family + style) together
// with the metrics this package measures text with.
//
// The metrics are fpdf's own: our copy of fpdf (internal/thirdparty/fpdf)
// parses each font once per process and shares the parse with every
// document, and UTF8FontWidths hands out the widths it draws with. They
// give glyph coverage, for the per-glyph fallback fpdf lacks, and advance
// widths, so line breaking never has to switch fpdf's current font just
// to measure a word.
type face struct {
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

// packFaces stand in, for the text an agenda pack draws itself (its front
// sheet, contents and page numbers), for the faces of the same files: the
// same glyphs and widths under other names (family "LiberationSansPack" and
// so on), embedded as fonts of their own. The pack's subsets of the papers'
// faces then hold exactly the characters its papers use, so a meeting of
// one paper embeds the subsets its paper's PDF does, made once for both
// (fpdf's subset cache), rather than the same again with the front sheet's
// characters added.
var packFaces = sync.OnceValue(func() map[*face]*face {
	twins := map[*face]*face{}
	for _, f := range allFaces() {
		twins[f] = &face{family: f.family + "Pack", style: f.style, ttf: f.ttf}
	}
	return twins
})

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

// load parses the font once per process, on first use: a paper with no
// code never parses the monospaced faces.
func (f *face) load() error {
	f.once.Do(func() {
		f.widths, f.err = fpdf.UTF8FontWidths(f.ttf)
	})
	return f.err
}

// has reports whether the face has a glyph for r. A face that failed to
// load (loadFaces reports it for the faces every paper uses) has none.
func (f *face) has(r rune) bool {
	if f.load() != nil {
		return false
	}
	return r >= 0 && int(r) < len(f.widths) && f.widths[r] != 0
}

// advance is r's width in thousandths of an em. The face must have the
// glyph.
func (f *face) advance(r rune) int {
	w := f.widths[r]
	if w == zeroWidth {
		return 0
	}
	return w
}

// Prepare starts loading, in the background, the fonts every PDF sets
// text in, and what fpdf needs to subset them, so the first PDF of a build
// need not wait for them. Only the first call does anything; errors are
// reported by the first Write, which loads the same faces.
func Prepare() { prepareOnce.Do(func() { go prepareFonts() }) }

var prepareOnce sync.Once

func prepareFonts() {
	if loadFaces() != nil {
		return
	}
	for _, f := range everyPaperFaces() {
		_ = fpdf.PrepareUTF8Font(f.ttf)
	}
}

// everyPaperFaces are the faces nearly every paper uses: the four of the
// body text, and DejaVu for the cover's check boxes.
func everyPaperFaces() []*face { return append(sansFaces[:], fallbackFaces[0]) }

// loadFaces parses the faces every paper sets text in, so that a font that
// cannot be read is an error before any page is drawn; the rest load when
// first used.
var loadFaces = sync.OnceValue(func() error {
	for _, f := range everyPaperFaces() {
		if err := f.load(); err != nil {
			return err
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
