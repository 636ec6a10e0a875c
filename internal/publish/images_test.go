package publish

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testPNG is a small PNG of one colour.
func testPNG(t *testing.T, c color.Color) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for y := 0; y < 20; y++ {
		for x := 0; x < 40; x++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestChangedImageRebuildsItsPaper: an image's bytes are part of its
// paper's key, though the key is checked without reading the body; an
// image shown only in exempt material is not named in the public
// manifest or provenance, and its changes do not rebuild the public files.
func TestChangedImageRebuildsItsPaper(t *testing.T) {
	root := publishProject(t)
	paper := strings.Replace(publicPaper, "The public part.[^pub]", "The public part.[^pub]\n\n![A map of the homes](images/map.png \"Where the homes are\")", 1)
	paper = strings.Replace(paper, "# Appendix 1: costs {.exempt}\n", "# Appendix 1: costs {.exempt}\n\n![The plan of the site](images/zqxsecretplan.png)\n", 1)
	write := func(name string, b []byte) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("templates/inspections.md", []byte(paper))
	write("images/map.png", testPNG(t, color.White))
	write("images/zqxsecretplan.png", testPNG(t, color.Black))
	o := Options{Root: root, Out: "output", HTML: true, PDF: true}
	build := func() map[string]bool {
		t.Helper()
		r, err := Run(o)
		if err != nil {
			t.Fatal(err)
		}
		return reusedPaths(r)
	}
	build()
	if reused := build(); !reused["templates/inspections.md"] {
		t.Fatal("an unchanged paper with an image was built again")
	}
	write("images/zqxsecretplan.png", testPNG(t, color.Gray{128}))
	if reused := build(); !reused["templates/inspections.md"] {
		t.Error("a change to an image shown only in exempt material rebuilt the public files")
	}
	write("images/map.png", testPNG(t, color.Black))
	if reused := build(); reused["templates/inspections.md"] {
		t.Error("a changed image did not rebuild its paper")
	}
	if reused := build(); !reused["templates/inspections.md"] {
		t.Error("the paper was built again with nothing changed")
	}
	for name, text := range everything(t, filepath.Join(root, "output")) {
		if strings.Contains(text, "zqxsecret") {
			t.Errorf("%s names the image shown only in exempt material", name)
		}
		if strings.HasSuffix(name, ".html") && strings.Contains(name, "inspections") && !strings.Contains(text, `alt="A map of the homes"`) {
			t.Errorf("%s lacks the image", name)
		}
	}
}
