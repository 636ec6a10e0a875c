package project

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadImage(t *testing.T) {
	root := t.TempDir()
	write := func(name string, b []byte) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var deep bytes.Buffer
	png.Encode(&deep, image.NewRGBA64(image.Rect(0, 0, 30, 10))) // 16 bits a channel
	write("images/deep.png", deep.Bytes())
	write("images/big.png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, MaxImageBytes)...))
	write("images/chart.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300px" height="150"></svg>`))
	write("images/chart2.svg", []byte(`<svg viewBox="0 0 10 10"></svg>`))
	write("images/page.svg", []byte(`<html><svg/></html>`))

	im, err := LoadImage(root, "images/deep.png")
	if err != nil {
		t.Fatal(err)
	}
	if im.Width != 30 || im.Height != 10 || im.Data[24] != 8 {
		t.Errorf("a 16-bit PNG is %d×%d, %d bits: want 30×10 saved at 8 bits for the PDF", im.Width, im.Height, im.Data[24])
	}
	if im.SHA256 != sha256Hex(deep.Bytes()) {
		t.Error("the hash is not the file's")
	}
	if im, err := LoadImage(root, "images/chart.svg"); err != nil || im.Width != 300 || im.Height != 150 {
		t.Errorf("chart.svg: %+v, %v", im, err)
	}
	if im, err := LoadImage(root, "images/chart2.svg"); err != nil || im.Width != 0 {
		t.Errorf("chart2.svg: %+v, %v", im, err)
	}
	for path, want := range map[string]string{
		"images/big.png":     "larger than 10 MB",
		"images/page.svg":    "is not an SVG image",
		"images":             "is not a file",
		"images/none.png":    "not found",
		"../x.png":           "outside the project",
		"http://x.org/a.png": "must be a file in the project",
	} {
		if _, err := LoadImage(root, path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
}
