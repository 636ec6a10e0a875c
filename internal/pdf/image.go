package pdf

import (
	"crypto/sha256"
	"fmt"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
	"github.com/boardpaper/boardpaper/internal/thirdparty/fpdf"
)

// imageDPI is the resolution a picture is shown at when it is narrower
// than the column: a pixel is a CSS pixel, as the web page shows it.
const imageDPI = 96.0

// imageSize is the size a picture is drawn at in a column: its own size
// at imageDPI, scaled down to the column's width and to what of a page a
// caption leaves, never up.
func (w *writer) imageSize(im *model.Image, col column, caption float64) (float64, float64) {
	if im.Width <= 0 || im.Height <= 0 {
		return 0, 0
	}
	width := float64(im.Width) * 25.4 / imageDPI
	height := float64(im.Height) * 25.4 / imageDPI
	if width > col.width {
		width, height = col.width, col.width*height/width
	}
	if room := w.bottom - w.top - caption - captionGap; height > room && room > 0 {
		width, height = room*width/height, room
	}
	return width, height
}

// image draws a picture in a column, with its caption below it, on one
// page. The reader admits only PNG and JPEG here: an SVG is refused for
// the PDF before it is written (pipeline.Uncovered).
func (w *writer) image(im *model.Image, col column) {
	typ := map[string]string{"png": "PNG", "jpeg": "JPG"}[im.Type]
	if typ == "" {
		w.pdf.SetError(fmt.Errorf("the PDF cannot show the %s image %s", im.Type, im.Path))
		return
	}
	caption := w.captionLines(im.Exhibit, w.bodyTable().size, textset.Box{X: col.x, Width: col.width})
	capH := 0.0
	if len(caption) > 0 {
		capH = captionGap + textset.Height(caption)
	}
	width, height := w.imageSize(im, col, textset.Height(caption))
	if !w.atTop() && !w.fits(height+capH, nil) {
		w.newPage()
	}
	w.roomFor(height, nil)
	w.pendingAnchors = append(w.pendingAnchors, im.Attr.ID)
	w.flushPending(w.y)
	opts := fpdf.ImageOptions{ImageType: typ}
	// Named by its content, as the logo is: fpdf keeps the first image
	// registered under a name, and a pack holds many papers' pictures.
	name := fmt.Sprintf("img-%x", sha256.Sum256(im.Data))
	if info := w.registerImage(name, opts, im.Data); info == nil || w.pdf.Err() {
		return
	}
	w.bound(col.x, w.y, col.x+width, w.y+height, "image")
	w.low = max(w.low, w.y+height)
	// A Figure described by the picture's alternative text, with its
	// caption beside it in a Div, as a chart is (tag.go).
	w.open("Div", fpdf.TagAttrs{})
	defer w.close()
	draw := func() { w.pdf.ImageOptions(name, col.x, w.y, width, height, false, opts, 0, "") }
	if im.Alt == "" {
		w.artifact("Layout", "", draw)
	} else {
		w.figure(im.Alt, draw)
	}
	w.y += height
	if len(caption) > 0 {
		w.y += captionGap
		w.open("Caption", fpdf.TagAttrs{})
		w.flow(caption)
		w.close()
	}
}
