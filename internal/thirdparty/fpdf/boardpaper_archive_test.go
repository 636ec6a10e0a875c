package fpdf

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"strings"
	"testing"
)

func archivalDoc(text string) *Fpdf {
	f := newTestDoc(true)
	f.SetArchival(true)
	f.SetTitle("Looked-after children & “care”", true)
	f.SetAuthor("Director", true)
	f.SetLang("en-GB")
	f.AddPage()
	f.SetFont("Sans", "", 11)
	f.Text(20, 30, text)
	f.LinkString(20, 25, 30, 6, "https://example.org/")
	return f
}

// An archival document says it is binary, has an ID made from its bytes
// (the same document twice is the same file; another text another ID),
// prints its annotations, and carries the XMP and output intent PDF/A asks.
func TestArchivalDocument(t *testing.T) {
	a, b := output(t, archivalDoc("Body text")), output(t, archivalDoc("Body text"))
	if !bytes.Equal(a, b) {
		t.Fatal("the same archival document twice differs")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")) {
		t.Errorf("header: %q", a[:20])
	}
	id := regexp.MustCompile(`/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]`)
	m := id.FindSubmatch(a)
	if m == nil || !bytes.Equal(m[1], m[2]) {
		t.Fatalf("no /ID of two equal halves in the trailer: %q", a[len(a)-200:])
	}
	other := id.FindSubmatch(output(t, archivalDoc("Other text")))
	if other == nil || bytes.Equal(other[1], m[1]) {
		t.Errorf("another document has the same /ID %s", m[1])
	}
	for _, want := range []string{"/Subtype /Link", "/F 4 ", "/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>",
		"/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1", "/Lang (en-GB)", "/CreationDate (D:20130313000000Z)"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("no %q", want)
		}
	}
	var xmp string
	for _, s := range streams(t, a) {
		if bytes.HasPrefix(s, []byte("<?xpacket")) {
			xmp = string(s)
		}
	}
	for _, want := range []string{
		`<rdf:li xml:lang="x-default">Looked-after children &amp; “care”</rdf:li>`,
		"<rdf:li>Director</rdf:li>", "<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
		"<pdfuaid:part>1</pdfuaid:part>", "<xmp:CreateDate>2013-03-13T00:00:00Z</xmp:CreateDate>",
	} {
		if !strings.Contains(xmp, want) {
			t.Errorf("the XMP has no %s:\n%s", want, xmp)
		}
	}
	plainDoc := output(t, newTestDoc(true))
	if bytes.Contains(plainDoc, []byte("/ID [")) || bytes.Contains(plainDoc, []byte("/OutputIntents")) {
		t.Error("a document not made archival has archival entries")
	}
}

// The sRGB profile is a well-formed ICC profile: its size is its length,
// each tag lies within it, and it is a display profile of RGB to XYZ.
func TestSRGBProfile(t *testing.T) {
	p := makeSRGBProfile()
	be := binary.BigEndian
	if n := be.Uint32(p); int(n) != len(p) {
		t.Fatalf("size %d, length %d", n, len(p))
	}
	if string(p[12:24]) != "mntrRGB XYZ " || string(p[36:40]) != "acsp" {
		t.Fatalf("header %q", p[12:40])
	}
	count := int(be.Uint32(p[128:]))
	sigs := map[string]bool{}
	for i := 0; i < count; i++ {
		e := p[132+12*i:]
		sig, at, n := string(e[:4]), be.Uint32(e[4:]), be.Uint32(e[8:])
		if at%4 != 0 || int(at+n) > len(p) {
			t.Errorf("tag %s at %d, %d bytes, outside the profile or unaligned", sig, at, n)
		}
		sigs[sig] = true
	}
	for _, s := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if !sigs[s] {
			t.Errorf("no %s tag", s)
		}
	}
}
