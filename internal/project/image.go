package project

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Limits on an image a paper shows. The file's size bounds what is read;
// the pixel count, read from the file's header before anything is
// decoded, bounds what decoding a PNG (to check it whole) may allocate:
// 40 million pixels at four bytes is 160 MB.
const (
	MaxImageBytes  = 10 << 20
	MaxImagePixels = 40_000_000
)

// Image is a picture read from the project, checked.
type Image struct {
	Type          string // "png", "jpeg" or "svg"
	Data          []byte
	Width, Height int // pixels; an SVG's from its width and height, 0 when it gives none
	// SHA256 is the file's, in hex, as provenance names files.
	SHA256 string
}

// LoadImage reads the image a paper names at rel, relative to the project
// root: a PNG, JPEG or SVG file inside the project, at most MaxImageBytes
// and MaxImagePixels. A PNG is decoded whole, so that a damaged one is
// refused here rather than drawn wrong; one that a PDF cannot hold as it
// is (16 bits a channel, or interlaced) is saved again plainly. Errors are
// worded for the author, without the path, which the caller names.
func LoadImage(root, rel string) (*Image, error) {
	if strings.Contains(rel, "://") || strings.HasPrefix(rel, "data:") {
		return nil, errors.New("an image must be a file in the project: save it in the project (in images/, say) and name it by its path")
	}
	full, err := Resolve(root, rel)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read %q: %v", rel, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%q is not a file", rel)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %v", rel, err)
	}
	if len(data) > MaxImageBytes {
		return nil, fmt.Errorf("%q is larger than %d MB: save it smaller (an image in a paper needs about 2,000 pixels across at most)", rel, MaxImageBytes>>20)
	}
	var im *Image
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		im, err = loadPNG(rel, data)
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		im, err = loadJPEG(rel, data)
	case strings.HasSuffix(strings.ToLower(rel), ".svg"):
		im, err = loadSVG(rel, data)
	default:
		err = errNotAnImage(rel)
	}
	if err != nil {
		return nil, err
	}
	im.SHA256 = sha256Hex(data)
	return im, nil
}

func errNotAnImage(rel string) error {
	return fmt.Errorf("%q is not a PNG, JPEG or SVG image: save it as PNG (for maps and diagrams) or JPEG (for photographs)", rel)
}

// pixels checks an image's size from its header.
func pixels(rel string, c image.Config) error {
	if c.Width <= 0 || c.Height <= 0 {
		return fmt.Errorf("%q has no pixels", rel)
	}
	if int64(c.Width)*int64(c.Height) > MaxImagePixels {
		return fmt.Errorf("%q is %d × %d pixels, more than the %d million an image may have: save it smaller (about 2,000 pixels across is plenty for a page)", rel, c.Width, c.Height, MaxImagePixels/1_000_000)
	}
	return nil
}

// header reads an image's size from its header, and checks it.
func header(rel, kind string, data []byte, decode func(io.Reader) (image.Config, error)) (image.Config, error) {
	c, err := decode(bytes.NewReader(data))
	if err != nil {
		return c, fmt.Errorf("%q cannot be read as a %s image (%v): save it again from the program that made it", rel, kind, err)
	}
	return c, pixels(rel, c)
}

func loadPNG(rel string, data []byte) (*Image, error) {
	c, err := header(rel, "PNG", data, png.DecodeConfig)
	if err != nil {
		return nil, err
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%q is a damaged PNG image (%v): save it again from the program that made it", rel, err)
	}
	// The header's bit depth (byte 24) and interlace method (byte 28).
	if data[24] > 8 || data[28] != 0 {
		plain := image.NewNRGBA(img.Bounds())
		draw.Draw(plain, plain.Bounds(), img, img.Bounds().Min, draw.Src)
		var b bytes.Buffer
		if err := png.Encode(&b, plain); err != nil {
			return nil, fmt.Errorf("%q: %v", rel, err)
		}
		data = b.Bytes()
	}
	return &Image{Type: "png", Data: data, Width: c.Width, Height: c.Height}, nil
}

func loadJPEG(rel string, data []byte) (*Image, error) {
	c, err := header(rel, "JPEG", data, jpeg.DecodeConfig)
	if err != nil {
		return nil, err
	}
	return &Image{Type: "jpeg", Data: data, Width: c.Width, Height: c.Height}, nil
}

// loadSVG checks that an SVG file is one (its first element is <svg>) and
// reads its width and height when they are in pixels or plain numbers.
// Only its start is read: a browser draws it, as an <img>, which runs
// none of its scripts.
func loadSVG(rel string, data []byte) (*Image, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for i := 0; i < 1000; i++ {
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			break
		}
		im := &Image{Type: "svg", Data: data}
		for _, a := range el.Attr {
			n, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(a.Value), "px"), 64)
			if err != nil || n <= 0 || n > 100000 {
				continue
			}
			switch a.Name.Local {
			case "width":
				im.Width = int(n + 0.5)
			case "height":
				im.Height = int(n + 0.5)
			}
		}
		if im.Width == 0 || im.Height == 0 {
			im.Width, im.Height = 0, 0
		}
		return im, nil
	}
	return nil, fmt.Errorf("%q is not an SVG image (it does not start with <svg>): save it again as SVG, or as PNG", rel)
}
