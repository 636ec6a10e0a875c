package fpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationsansregular"
)

// streamObject matches an object holding a stream, in an uncompressed
// document or one whose streams are read with inflate.
var streamObject = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n<<([^\n]*)>>\nstream\n(.*?)\nendstream`)

// streams returns a document's streams by object number, inflated.
func streams(t *testing.T, pdf []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, m := range streamObject.FindAllSubmatch(pdf, -1) {
		data := m[3]
		if bytes.Contains(m[2], []byte("/FlateDecode")) {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("object %s: %v", m[1], err)
			}
			if data, err = io.ReadAll(r); err != nil {
				t.Fatalf("object %s: %v", m[1], err)
			}
		}
		out[string(m[1])] = data
	}
	return out
}

// pageContents lists the content streams of each page, in order.
func pageContents(t *testing.T, pdf []byte) [][]string {
	t.Helper()
	var pages [][]string
	re := regexp.MustCompile(`/Type /Page\n(?:[^\n]*\n)*?/Contents (\[[^\]]*\]|\d+ 0 R)>>`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		refs := regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(m[1], -1)
		var page []string
		for _, r := range refs {
			page = append(page, string(r[1]))
		}
		pages = append(pages, page)
	}
	return pages
}

func newTestDoc(compress bool) *Fpdf {
	f := New("P", "mm", "A4", "")
	// Fixed dates: fpdf writes the time of output otherwise, and two
	// documents written either side of a second then differ.
	day := time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(day)
	f.SetModificationDate(day)
	f.SetCompression(compress)
	f.AddUTF8FontFromBytes("Sans", "", liberationsansregular.TTF)
	return f
}

func output(t *testing.T, f *Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A detached body is its own content stream, first on its page, bracketed
// by q and Q; what the page draws next starts from fpdf's state, written
// again (the body's Q has reset it).
func TestDetachPageBody(t *testing.T) {
	f := newTestDoc(false)
	f.AddPage()
	f.SetFont("Sans", "", 11)
	f.SetLineWidth(0.5)
	f.SetFillColor(255, 0, 0)
	f.Text(20, 30, "Body text")
	drawn := f.pages[1].String()
	body := f.DetachPageBody()
	if body == nil {
		t.Fatal("no body")
	}
	f.Text(20, 280, "Footer")
	f.AddPage()
	f.Text(20, 30, "Second page, not detached")
	pdf := output(t, f)

	contents := pageContents(t, pdf)
	if len(contents) != 2 || len(contents[0]) != 2 || len(contents[1]) != 1 {
		t.Fatalf("page contents %v: want two streams on page 1, one on page 2", contents)
	}
	s := streams(t, pdf)
	if got, want := string(s[contents[0][0]]), "q\n"+drawn+"Q\n"; got != want {
		t.Errorf("body stream\n%q\nwant\n%q", got, want)
	}
	rest := string(s[contents[0][1]])
	footer := strings.Index(rest, "Td")
	for _, state := range []string{"1.42 w", "Tf", "1.000 0.000 0.000 rg"} {
		if i := strings.Index(rest, state); i < 0 || i > footer {
			t.Errorf("the stream after the body does not set %q before drawing:\n%s", state, rest)
		}
	}
	if !bytes.Equal(body.data, s[contents[0][0]]) {
		t.Error("the body's data is not what the page holds")
	}
}

// A body placed in another document is written there byte for byte as its
// own document wrote it, before the page's own drawing; its characters
// reach the other document's subset through UseRunes.
func TestAddPageBodyFromAnotherDocument(t *testing.T) {
	a := newTestDoc(true)
	a.AddPage()
	a.SetFont("Sans", "", 11)
	a.Text(20, 30, "Ωmega and café")
	body := a.DetachPageBody()
	pdfA := output(t, a)

	b := newTestDoc(true)
	b.AddPage()
	b.AddPageBody(body)
	b.SetFont("Sans", "", 9)
	b.Text(20, 280, "Page 1 of 1")
	b.UseRunes("Sans", "", a.UsedRunes("Sans", ""))
	pdfB := output(t, b)

	ca, cb := pageContents(t, pdfA), pageContents(t, pdfB)
	if len(ca) != 1 || len(cb) != 1 || len(ca[0]) != 2 || len(cb[0]) != 2 {
		t.Fatalf("page contents %v and %v", ca, cb)
	}
	sa, sb := streams(t, pdfA), streams(t, pdfB)
	if !bytes.Equal(sa[ca[0][0]], sb[cb[0][0]]) || len(sa[ca[0][0]]) == 0 {
		t.Error("the placed body differs from its own document's")
	}
	if !strings.Contains(string(sb[cb[0][1]]), "Td") {
		t.Error("the page's own drawing is not after the body")
	}
	runes := b.UsedRunes("Sans", "")
	for _, r := range "Ωmega café Page 1" {
		if !slices.Contains(runes, int(r)) {
			t.Errorf("%q is not in the subset", r)
		}
	}
	c := newTestDoc(true)
	if c.UseRunes("Serif", "B", []int{'a'}); !c.Err() || !strings.Contains(c.Error().Error(), "Serif B") {
		t.Errorf("marking characters of a font never registered gave %v", c.Error())
	}
}

// A document of detached bodies comes out the same every time.
func TestDetachedBodiesAreDeterministic(t *testing.T) {
	build := func() []byte {
		f := newTestDoc(true)
		f.SetFont("Sans", "", 11)
		for p := 0; p < 20; p++ {
			f.AddPage()
			for l := 0; l < 40; l++ {
				f.Text(20, 20+float64(l)*6, strings.Repeat("Line of text ", l%7+1))
			}
			f.DetachPageBody()
			f.Text(100, 285, "Page {nb}")
		}
		return output(t, f)
	}
	first := build()
	for i := 0; i < 3; i++ {
		if !bytes.Equal(build(), first) {
			t.Fatal("the same document came out different")
		}
	}
}
