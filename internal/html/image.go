package html

import (
	"encoding/base64"

	"github.com/boardpaper/boardpaper/internal/model"
)

// imageCSS shows a picture at its own size or the column's width,
// whichever is less: scaled down, never up.
const imageCSS = ".image img { display: block; max-width: 100%; height: auto; }\n"

// image writes a picture as a figure, its file inside the page as a data:
// URI so that the page stays self-contained. An SVG is an <img> too, in
// which a browser runs none of its scripts. A decorative picture has an
// empty alt, so that screen readers pass it over.
func (p *page) image(im *model.Image) error {
	mime := map[string]string{"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}[im.Type]
	if mime == "" {
		return nil // the reader reads no other kind
	}
	p.s("<figure class=\"exhibit image\"", idAttr(im.Attr.ID), ">\n<img src=\"data:", mime, ";base64,")
	enc := base64.NewEncoder(base64.StdEncoding, &p.buf)
	_, _ = enc.Write(im.Data)
	_ = enc.Close()
	p.s("\" alt=\"")
	if !im.Decorative {
		p.s(escapeAttr(im.Alt))
	}
	p.s("\"")
	if im.Width > 0 && im.Height > 0 {
		p.s(" width=\"", itoa(im.Width), "\" height=\"", itoa(im.Height), "\"")
	}
	p.s("/>\n")
	if err := p.caption("figcaption", im.Exhibit); err != nil {
		return err
	}
	p.s("</figure>\n")
	return nil
}
