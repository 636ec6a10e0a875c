package markdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/yuin/goldmark/ast"
)

// ImageFunc reads the image file a paper names (path as written, relative
// to the project root) into an Image's Type, Data, Width and Height. Its
// error is worded for the author; the reader places it at the image.
type ImageFunc func(path string) (*model.Image, error)

// imageClasses are the classes an image may carry.
var imageClasses = []string{"decorative"}

// figure reads a paragraph that is an image alone, with its attributes
// after it, `![alt](images/map.png "caption"){#fig-map}`, as pandoc reads
// an implicit figure. It reports false for any other paragraph.
func (r *reader) figure(n ast.Node) (model.Block, bool) {
	img, ok := n.FirstChild().(*ast.Image)
	if !ok {
		return nil, false
	}
	var rest strings.Builder
	for c := img.NextSibling(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			return nil, false
		}
		rest.Write(t.Segment.Value(r.src))
	}
	var attr model.Attr
	if tail := strings.TrimSpace(rest.String()); tail != "" {
		left, a, bad := peelAttrs(tail)
		if left != "" || bad != "" {
			return nil, false
		}
		attr = a
	}
	pos := r.position(nodeOffset(img))
	im := &model.Image{
		Exhibit: model.Exhibit{Attr: model.Attr{ID: attr.ID}},
		Alt:     strings.TrimSpace(model.PlainText(r.inlines(img))),
		Path:    decode(img.Destination),
	}
	if title := strings.TrimSpace(decode(img.Title)); title != "" {
		im.Caption = []model.Inline{model.Text(title)}
	}
	for _, c := range attr.Classes {
		if !slices.Contains(imageClasses, c) {
			hint := ""
			if near := diag.Nearest(c, imageClasses); near != "" {
				hint = fmt.Sprintf(" (did you mean .%s?)", near)
			}
			r.errs.Add(diag.At(pos, "unknown image class .%s%s: an image may be .decorative", c, hint))
		}
	}
	im.Decorative = attr.HasClass("decorative")
	r.pos[im] = pos
	switch {
	case im.Alt == "" && !im.Decorative:
		r.errs.Add(diag.At(pos, "this image has no description: write what it shows between the brackets, ![Map of the wards affected](%s), or mark it {.decorative} if it shows nothing a reader needs", im.Path))
		return nil, true
	case im.Decorative && im.Alt != "":
		r.errs.Add(diag.At(pos, "this image is marked {.decorative} but has a description: a decorative image is passed over by screen readers, so remove {.decorative}, or the description"))
		return nil, true
	case r.image == nil:
		r.errs.Add(diag.At(pos, "image %s: no images are read here", im.Path))
		return nil, true
	}
	file, err := r.image(im.Path)
	if err != nil {
		r.errs.Add(diag.At(pos, "image: %v", err))
		return nil, true
	}
	im.Type, im.Data, im.Width, im.Height = file.Type, file.Data, file.Width, file.Height
	return im, true
}
