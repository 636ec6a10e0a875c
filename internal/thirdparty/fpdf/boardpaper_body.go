// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

// boardpaper: this file is not part of go-pdf/fpdf v0.9.0. It lets a page's
// drawing be finished early as a content stream of its own, compressed
// once, and placed as it is on a page of another document: boardpaper
// writes each paper once and places its pages in the meeting's agenda
// pack, rather than laying the paper out and compressing it a second time
// (see PATCHES.md).

package fpdf

import (
	"bytes"
	"fmt"
)

// PageBody is what a page drew up to a point, as one finished content
// stream: compressed if its document compresses, and bracketed by q and Q
// so that it leaves the graphics state as it found it. It is read-only once
// made and may be placed in any number of documents, at the same time.
type PageBody struct {
	data       []byte
	compressed bool
}

// DetachPageBody ends the current page's body: everything drawn on the
// page so far becomes a content stream of its own, and the page goes on in
// a new stream that starts from the state fpdf keeps (line width, dash,
// font, colours), so what is drawn next (a page footer, say) draws as it
// would have. It returns nil if the document is in error or has no page.
func (f *Fpdf) DetachPageBody() *PageBody {
	if f.err != nil || f.page == 0 || f.state != 2 {
		return nil
	}
	content := f.pages[f.page].Bytes()
	f.pages[f.page] = new(bytes.Buffer)
	f.pageRoom = len(content) + len(content)/4
	b := &PageBody{compressed: f.compress}
	if f.compress {
		mem := xmem.compress([]byte("q\n"), content, []byte("Q\n"))
		b.data = mem.copy()
		mem.release()
	} else {
		b.data = make([]byte, 0, len(content)+4)
		b.data = append(append(append(b.data, "q\n"...), content...), "Q\n"...)
	}
	f.pageBodies[f.page] = append(f.pageBodies[f.page], b)
	f.restatePageState()
	return b
}

// AddPageBody places body on the current page, after any body already
// placed there and before everything the page draws itself. A body from
// another document draws correctly only if the fonts and images it uses are
// registered with this one (both are named by what they are, so they have
// the same names in every document) and the characters it sets are marked
// used (UseRunes).
func (f *Fpdf) AddPageBody(body *PageBody) {
	if f.err != nil || body == nil || f.page == 0 {
		return
	}
	f.pageBodies[f.page] = append(f.pageBodies[f.page], body)
}

// restatePageState writes, at the start of the page's new stream, the
// state AddPage writes at the start of a page: after a body's Q the
// graphics state is the page's initial one, while fpdf believes its
// current font and colours are still set.
func (f *Fpdf) restatePageState() {
	f.outf("%d J", f.capStyle)
	f.outf("%d j", f.joinStyle)
	f.outf("%.2f w", f.lineWidth*f.k)
	if len(f.dashArray) > 0 {
		f.outputDashPattern()
	}
	if family := f.fontFamily; family != "" {
		style := f.fontStyle
		if f.underline {
			style += "U"
		}
		if f.strikeout {
			style += "S"
		}
		f.fontFamily = "" // so SetFont writes the font again
		f.SetFont(family, style, f.fontSizePt)
	}
	if f.color.draw.str != "0 G" {
		f.out(f.color.draw.str)
	}
	if f.color.fill.str != "0 g" {
		f.out(f.color.fill.str)
	}
}

// UsedRunes returns the characters set so far in the UTF-8 font
// registered under family and style (nil if there is none), for UseRunes
// in another document.
func (f *Fpdf) UsedRunes(familyStr, styleStr string) []int {
	font, ok := f.fonts[getFontKey(familyStr, styleStr)]
	if !ok || font.Tp != "UTF8" {
		return nil
	}
	runes := make([]int, 0, len(font.usedRunes))
	for _, r := range font.usedRunes {
		if r != 0 { // the placeholders fpdf starts the set with
			runes = append(runes, r)
		}
	}
	return runes
}

// UseRunes marks runes as set in the UTF-8 font registered under family
// and style, so that its subset holds them: a page body placed from
// another document sets them without this document seeing the text. The
// font must be registered first.
func (f *Fpdf) UseRunes(familyStr, styleStr string, runes []int) {
	if f.err != nil {
		return
	}
	font, ok := f.fonts[getFontKey(familyStr, styleStr)]
	if !ok || font.Tp != "UTF8" {
		f.err = fmt.Errorf("no UTF-8 font %s %s registered to mark characters in", familyStr, styleStr)
		return
	}
	for _, r := range runes {
		font.usedRunes[r] = r
	}
}

// putPageBodies writes the bodies placed on pages, numbered from first in
// page order, as putpages listed them in each page's /Contents.
func (f *Fpdf) putPageBodies(first int) {
	for n := 1; n <= f.page; n++ {
		for _, b := range f.pageBodies[n] {
			f.newobj()
			if f.n != first {
				f.err = fmt.Errorf("page body written as object %d, listed as %d", f.n, first)
				return
			}
			first++
			data := b.data
			if b.compressed {
				f.outf("<</Filter /FlateDecode /Length %d>>", len(data))
			} else {
				f.outf("<</Length %d>>", len(data))
			}
			f.putstreamShared(data)
			f.out("endobj")
		}
	}
}

// putstreamShared writes what putstream writes, without copying the data
// into a string first (the data may be another document's too).
func (f *Fpdf) putstreamShared(b []byte) {
	f.out("stream")
	f.buffer.Write(b)
	f.buffer.WriteByte('\n')
	f.out("endstream")
}

// reserveOutput makes room in the output buffer for the whole document
// before it is assembled: the buffer grew by doubling, a paper's 100 KB
// PDF passing through 500 KB of buffers, each cleared and copied into the
// next (a tenth of a one-paper build's page faults). The room is what the
// pages' streams hold (the detached bodies compressed, the rest at most
// their size) and a generous allowance for each font and image. It is
// made with make, which leaves memory fresh from the system untouched
// (bytes.Buffer.Grow clears all of it), so room not used costs nothing.
func (f *Fpdf) reserveOutput() {
	n := 16 << 10
	for p := 1; p <= f.page; p++ {
		n += 1<<10 + f.pages[p].Len()
		for _, b := range f.pageBodies[p] {
			n += 64 + len(b.data)
		}
	}
	n += len(f.fonts) * (48 << 10)
	if t := f.tags; t != nil {
		// The structure tree, compressed, and the pages' annotations.
		n += 16*len(t.elems) + 8*len(t.kids)
		for p := 1; p <= f.page; p++ {
			n += 200 * len(f.pageLinks[p])
		}
	}
	for _, im := range f.images {
		n += 1<<10 + len(im.data) + len(im.smask)
	}
	if have := f.buffer.Len(); f.buffer.Cap()-have < n {
		buf := make([]byte, have, have+n)
		copy(buf, f.buffer.Bytes())
		f.buffer.Buffer = *bytes.NewBuffer(buf)
	}
}

// OutputBytes closes the document and returns it, as Output writes it,
// without copying it: the bytes are the document's own buffer.
func (f *Fpdf) OutputBytes() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.state < 3 {
		f.Close()
	}
	if f.err != nil {
		return nil, f.err
	}
	return f.buffer.Bytes(), nil
}
