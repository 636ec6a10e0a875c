// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

// boardpaper: this file is not part of go-pdf/fpdf v0.9.0. It keeps the
// work fpdf does for a UTF-8 font in a process, so that a build writing
// hundreds of PDFs parses each face once and subsets it once per set of
// characters, instead of once per document. Measured on the sample papers
// the two took more than half of the time of each PDF (see PATCHES.md).

package fpdf

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
)

// parsedUTF8Font is what AddUTF8FontFromBytes learns from a font file. It
// is shared by every document in the process and, but for ids, never
// written to after it is made.
type parsedUTF8Font struct {
	file *utf8FontFile // parsed; prepareCut and cutFont work on copies
	desc FontDescType
	up   int
	ut   int
	cw   []int

	mu  sync.Mutex
	ids map[string]string // font key (family and style) -> ID

	prepareOnce sync.Once
	prepared    *utf8FontFile // read for subsetting; nil if it cannot be
	oldMetrics  int
}

// forCutting returns a font ready for cutFont, its own to change: a shallow
// copy of the tables prepareCut read once for every document.
func (p *parsedUTF8Font) forCutting() (*utf8FontFile, int) {
	p.prepareOnce.Do(func() {
		prep := *p.file
		prep.fileReader = &fileReader{array: p.file.fileReader.array}
		if oldMetrics, ok := prep.prepareCut(); ok {
			p.prepared, p.oldMetrics = &prep, oldMetrics
		}
	})
	if p.prepared == nil {
		return nil, 0
	}
	cut := *p.prepared
	cut.fileReader = &fileReader{array: p.prepared.fileReader.array}
	return &cut, p.oldMetrics
}

// utf8FontSubset is what putfonts writes for one face and one set of
// characters: the compressed font program and CIDToGIDMap, and the /W
// widths.
type utf8FontSubset struct {
	once sync.Once // made by the first document to need it; others wait

	fontStream []byte // compressed
	fontLength int    // uncompressed (/Length1)
	cidToGID   []byte // compressed
	widths     string // the "/W [...]" line
	toUnicode  []byte // compressed ToUnicode CMap of the runes used
}

// parsedKey names a font file by the bytes the caller passed: fonts
// embedded in a program are the same slice every time. A caller that reads
// a font afresh for each document gets a new entry each time (the cache
// keeps the bytes, so an address is never reused for other bytes): pass
// the same slice.
type parsedKey struct {
	data *byte
	size int
}

type subsetKey struct {
	font  *parsedUTF8Font
	runes string
}

// maxSubsets bounds the subset cache; past it the cache starts again, so a
// project whose papers use ever-new characters costs memory only for the
// latest of them.
const maxSubsets = 256

var fontCache = struct {
	sync.Mutex
	parsed  map[parsedKey]*parsedUTF8Font
	subsets map[subsetKey]*utf8FontSubset
}{
	parsed:  map[parsedKey]*parsedUTF8Font{},
	subsets: map[subsetKey]*utf8FontSubset{},
}

// UTF8FontWidths returns the advance width of each rune below U+10000 in
// thousandths of an em, as documents set the font from these bytes: 0 for a
// rune the font has no glyph for, 65535 for a glyph of no width. The slice
// is shared: it must not be changed.
//
// boardpaper: callers that measure text themselves use the widths the PDF
// will be drawn with, from the parse documents share.
func UTF8FontWidths(utf8Bytes []byte) ([]int, error) {
	p, err := parseUTF8Font(utf8Bytes)
	if err != nil {
		return nil, err
	}
	return p.cw, nil
}

// PrepareUTF8Font does ahead of time, once per process, the work on a font
// that does not depend on a document: parsing it and reading the tables
// every subset needs. A program can run it in the background while it
// prepares its first document.
//
// boardpaper: not in fpdf v0.9.0.
func PrepareUTF8Font(utf8Bytes []byte) error {
	p, err := parseUTF8Font(utf8Bytes)
	if err != nil {
		return err
	}
	p.forCutting()
	return nil
}

// parseUTF8Font parses a TrueType file, or returns the parse of the same
// bytes made earlier in the process.
func parseUTF8Font(utf8Bytes []byte) (*parsedUTF8Font, error) {
	var key parsedKey
	if len(utf8Bytes) > 0 {
		key = parsedKey{&utf8Bytes[0], len(utf8Bytes)}
	}
	if key.data != nil {
		fontCache.Lock()
		p := fontCache.parsed[key]
		fontCache.Unlock()
		if p != nil {
			return p, nil
		}
	}
	reader := fileReader{readerPosition: 0, array: utf8Bytes}
	utf8File := newUTF8Font(&reader)
	if err := utf8File.parseFile(); err != nil {
		return nil, err
	}
	p := &parsedUTF8Font{
		file: utf8File,
		desc: FontDescType{
			Ascent:       int(utf8File.Ascent),
			Descent:      int(utf8File.Descent),
			CapHeight:    utf8File.CapHeight,
			Flags:        utf8File.Flags,
			FontBBox:     utf8File.Bbox,
			ItalicAngle:  utf8File.ItalicAngle,
			StemV:        utf8File.StemV,
			MissingWidth: round(utf8File.DefaultWidth),
		},
		up:  int(round(utf8File.UnderlinePosition)),
		ut:  round(utf8File.UnderlineThickness),
		cw:  utf8File.CharWidths,
		ids: map[string]string{},
	}
	if key.data != nil {
		fontCache.Lock()
		if q := fontCache.parsed[key]; q != nil {
			p = q // another document parsed it first: share one
		} else {
			fontCache.parsed[key] = p
		}
		fontCache.Unlock()
	}
	return p, nil
}

// id is the name of the font registered as fontkey in documents' page
// content (/F<id>). fpdf hashed the whole definition as JSON, 65,536 widths
// included, which took 3 ms a face; an ID need only be unique among a
// document's fonts, whose keys (family and style) already are, so it hashes
// the key and the font's description: the same for every document.
func (p *parsedUTF8Font) id(fontkey string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	id, ok := p.ids[fontkey]
	if !ok {
		h := sha1.New()
		fmt.Fprintf(h, "UTF8\x00%s\x00%+v\x00%d\x00%d\x00%d", fontkey, p.desc, p.up, p.ut, len(p.cw))
		id = fmt.Sprintf("%x", h.Sum(nil))
		p.ids[fontkey] = id
	}
	return id
}

// subsetUTF8Fonts makes the subsets of the document's UTF-8 fonts, each on
// its own goroutine: a subset not yet in the cache takes a few milliseconds,
// and the first document of a process needs four or five.
func (f *Fpdf) subsetUTF8Fonts() map[string]*utf8FontSubset {
	subsets := map[string]*utf8FontSubset{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for key, font := range f.fonts {
		if font.Tp != "UTF8" {
			continue
		}
		wg.Add(1)
		go func(key string, font fontDefType) {
			defer wg.Done()
			s := f.subsetUTF8Font(&font)
			mu.Lock()
			subsets[key] = s
			mu.Unlock()
		}(key, font)
	}
	wg.Wait()
	return subsets
}

// subsetUTF8Font returns what putfonts writes for font with the runes a document
// used, making it on first use. Documents written at the same time that
// need the same subset (a one-paper meeting's paper and agenda pack) make
// it once: the later waits for the earlier.
func (f *Fpdf) subsetUTF8Font(font *fontDefType) *utf8FontSubset {
	delete(font.usedRunes, 0) // as fpdf did before subsetting
	key := subsetKey{font.parsed, runeSetKey(font.usedRunes)}
	fontCache.Lock()
	s := fontCache.subsets[key]
	if s == nil {
		if len(fontCache.subsets) >= maxSubsets {
			clear(fontCache.subsets)
		}
		s = &utf8FontSubset{}
		fontCache.subsets[key] = s
	}
	fontCache.Unlock()
	s.once.Do(func() { s.make(font) })
	return s
}

// make cuts the subset of font's used runes and compresses its streams.
func (s *utf8FontSubset) make(font *fontDefType) {
	var stream []byte
	cut, oldMetrics := font.parsed.forCutting()
	if cut == nil {
		cut = &utf8FontFile{} // no Unicode cmap: fpdf wrote an empty font
	} else {
		stream = cut.cutFont(oldMetrics, font.usedRunes)
	}
	delete(cut.CodeSymbolDictionary, 0)
	s.fontStream = compressCopy(stream)
	s.fontLength = len(stream)
	s.cidToGID = compressedCIDToGIDMap(cut.CodeSymbolDictionary)
	s.widths = cidFontWidths(font, cut.LastRune)
	s.toUnicode = compressCopy([]byte(toUnicodeCMap(font.usedRunes)))
}

func compressCopy(data []byte) []byte {
	mem := xmem.compress(data)
	defer mem.release()
	return mem.copy()
}

// runeSetKey names what a subset depends on: the distinct runes the
// document used (the values of usedRunes; its keys below 57 are placeholders
// with the value 0).
func runeSetKey(usedRunes map[int]int) string {
	runes := make([]int, 0, len(usedRunes))
	for _, r := range usedRunes {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	runes = slices.Compact(runes)
	var b bytes.Buffer
	var n [binary.MaxVarintLen64]byte
	for _, r := range runes {
		b.Write(n[:binary.PutUvarint(n[:], uint64(r))])
	}
	return b.String()
}
