package pdf

import (
	"bytes"
	"image"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImagesAreScaledDownNeverUp: a picture narrower than the text is
// drawn at 96 pixels to the inch, one wider at the text's width (more
// pixels to the inch), and its caption is printed under it.
func TestImagesAreScaledDownNeverUp(t *testing.T) {
	doc := pdftest.SamplePaper()
	small := &model.Image{Alt: "A small map", Path: "images/small.png", Type: "png", Data: pngOf(t, 200, 100), Width: 200, Height: 100,
		Exhibit: model.Exhibit{Label: "Figure 1", Caption: []model.Inline{pdftest.Txt("The wards affected")}}}
	wide := &model.Image{Alt: "A wide plan", Path: "images/wide.png", Type: "png", Data: pngOf(t, 3000, 600), Width: 3000, Height: 600}
	doc.Body[0].Blocks = append(doc.Body[0].Blocks, small, wide)
	path := writeTemp(t, doc)
	list := strings.Split(strings.TrimSpace(pdftest.Tool(t, "pdfimages", "-list", path)), "\n")[2:]
	if len(list) != 2 {
		t.Fatalf("pdfimages lists %d images, want 2:\n%s", len(list), strings.Join(list, "\n"))
	}
	ppi := func(line string) (w, ppi int) {
		f := strings.Fields(line)
		w, _ = strconv.Atoi(f[3])
		ppi, _ = strconv.Atoi(f[12])
		return w, ppi
	}
	if w, p := ppi(list[0]); w != 200 || p != 96 {
		t.Errorf("the small image is %d pixels wide at %d ppi, want 200 at 96 (its own size):\n%s", w, p, list[0])
	}
	// The text column is about 150 mm: 3000 pixels there are ~500 ppi.
	if w, p := ppi(list[1]); w != 3000 || p < 400 || p > 600 {
		t.Errorf("the wide image is %d pixels wide at %d ppi, want 3000 at the text's width:\n%s", w, p, list[1])
	}
	if text := pdftest.AllText(t, path); !strings.Contains(text, "Figure 1: The wards affected") {
		t.Error("the caption is not printed")
	}
}
