package fpdf

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
)

// SetArchival makes the document claim and meet PDF/A-2 (ISO 19005-2):
// level A when it is tagged (boardpaper_tag.go: a structure tree, every
// character mapped to Unicode, the language given), else level B; and
// carry the document-level parts of PDF/UA-1 (ISO 14289-1):
// a PDF 1.7 header with a binary comment line, an sRGB output intent with
// its ICC profile embedded, an XMP metadata stream that repeats the
// document information and names both standards, a trailer /ID made from
// the document's own bytes (so the same document is the same file), the
// print flag on every annotation, /MarkInfo, and /ViewerPreferences that
// show the title rather than the file name. The structure tree that PDF/UA
// needs besides is the tagging's (boardpaper_tag.go).
func (f *Fpdf) SetArchival(on bool) {
	f.archival = on
	if on && f.pdfVersion < pdfVers1_7 {
		f.pdfVersion = pdfVers1_7
	}
}

// archiveObjs are the object numbers of what SetArchival adds to the
// catalog.
type archiveObjs struct {
	metadata, profile int
}

// putArchive writes the ICC profile and the XMP metadata, before the
// document information and the catalog that refer to them.
func (f *Fpdf) putArchive() {
	if !f.archival {
		return
	}
	data := srgbProfile()
	f.newobj()
	f.archive.profile = f.n
	f.outf("<</N 3 /Filter /FlateDecode /Length %d>>", len(data))
	f.putstream(data)
	f.out("endobj")

	xmp := f.xmp()
	f.newobj()
	f.archive.metadata = f.n
	// Uncompressed, so that a reader that knows no PDF filters can find it.
	f.outf("<</Type /Metadata /Subtype /XML /Length %d>>", len(xmp))
	f.putstream([]byte(xmp))
	f.out("endobj")
}

// putArchiveCatalog adds the archival entries to the catalog.
func (f *Fpdf) putArchiveCatalog() {
	if !f.archival {
		return
	}
	f.outf("/Metadata %d 0 R", f.archive.metadata)
	f.outf("/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>]", f.archive.profile)
	f.out("/MarkInfo <</Marked true>>")

	f.out("/ViewerPreferences <</DisplayDocTitle true>>")
}

// putID writes the trailer's /ID: both halves the first 16 bytes of the
// SHA-256 of everything written before the trailer, so a document rebuilt
// from the same inputs is byte-identical and a changed one has a new ID.
func (f *Fpdf) putID() {
	if !f.archival {
		return
	}
	sum := sha256.Sum256(f.buffer.Bytes())
	id := hex.EncodeToString(sum[:16])
	f.outf("/ID [<%s> <%s>]", id, id)
}

// pdfDate is a date as the document information writes it: UTC, said so.
func pdfDate(t time.Time) string {
	return "D:" + t.UTC().Format("20060102150405") + "Z"
}

// xmpDate is the same date as XMP writes it.
func xmpDate(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// plain is a document information string as UTF-8: the setters keep it
// as UTF-16 with a byte-order mark.
func plain(s string) string {
	if !strings.HasPrefix(s, "\xfe\xff") {
		return s
	}
	b := []byte(s[2:])
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// xmp is the metadata packet: the document information again (PDF/A
// requires the two to agree), the PDF/A and PDF/UA identification, and the
// description of the PDF/UA schema, which PDF/A-2 does not know by itself.
func (f *Fpdf) xmp() string {
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
`)
	esc := func(s string) string { return xmlEscaper.Replace(plain(s)) }
	if f.title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(f.title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if f.author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(f.author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if f.subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(f.subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if f.lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(f.lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if f.keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(f.keywords) + "</pdf:Keywords>\n")
	}
	if f.producer != "" {
		b.WriteString("<pdf:Producer>" + esc(f.producer) + "</pdf:Producer>\n")
	}
	if f.creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(f.creator) + "</xmp:CreatorTool>\n")
	}
	b.WriteString("<xmp:CreateDate>" + xmpDate(timeOrNow(f.creationDate)) + "</xmp:CreateDate>\n")
	b.WriteString("<xmp:ModifyDate>" + xmpDate(timeOrNow(f.modDate)) + "</xmp:ModifyDate>\n")
	level := "B"
	if f.tags != nil && len(f.tags.elems) > 0 {
		level = "A"
	}
	b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>" + level + "</pdfaid:conformance>\n")
	b.WriteString(`<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	return b.String()
}

var srgbOnce struct {
	sync.Once
	icc []byte // compressed
}

// srgbProfile is an ICC version 2 display profile of sRGB, made from the
// figures of IEC 61966-2-1: its primaries and white adapted to the
// profile connection space's D50 (Bradford), and its tone curve (linear
// below 0.04045, then ((v+0.055)/1.055)^2.4) sampled at 1,024 points. It
// is made here rather than copied from a vendor's file, so it carries no
// licence but the project's. It is made and compressed once a process.
func srgbProfile() []byte {
	srgbOnce.Do(func() { srgbOnce.icc = compressCopy(makeSRGBProfile()) })
	return srgbOnce.icc
}

func makeSRGBProfile() []byte {
	be := binary.BigEndian
	s15 := func(v float64) []byte {
		var b [4]byte
		be.PutUint32(b[:], uint32(int32(math.Round(v*65536))))
		return b[:]
	}
	xyz := func(x, y, z float64) []byte {
		d := append([]byte("XYZ \x00\x00\x00\x00"), s15(x)...)
		d = append(d, s15(y)...)
		return append(d, s15(z)...)
	}
	text := func(s string) []byte {
		return append(append([]byte("text\x00\x00\x00\x00"), s...), 0)
	}
	desc := func(s string) []byte {
		d := []byte("desc\x00\x00\x00\x00")
		d = be.AppendUint32(d, uint32(len(s)+1))
		d = append(append(d, s...), 0)
		d = be.AppendUint32(d, 0) // no Unicode description
		d = be.AppendUint32(d, 0)
		d = be.AppendUint16(d, 0) // no ScriptCode description
		d = append(d, 0)
		return append(d, make([]byte, 67)...)
	}
	const samples = 1024
	curve := []byte("curv\x00\x00\x00\x00")
	curve = be.AppendUint32(curve, samples)
	for i := 0; i < samples; i++ {
		v := float64(i) / (samples - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = be.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	type tag struct {
		sig  string
		data []byte
	}
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No copyright: made from the figures of IEC 61966-2-1")},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
		{"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
		{"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
		{"rTRC", curve},
		{"gTRC", nil}, // the three tone curves are one
		{"bTRC", nil},
	}
	table := 128 + 4 + 12*len(tags)
	var body []byte
	entries := be.AppendUint32(nil, uint32(len(tags)))
	var curveAt, curveLen int
	for _, t := range tags {
		at, n := curveAt, curveLen
		if t.data != nil {
			for len(body)%4 != 0 {
				body = append(body, 0)
			}
			at, n = table+len(body), len(t.data)
			body = append(body, t.data...)
			if t.sig == "rTRC" {
				curveAt, curveLen = at, n
			}
		}
		entries = append(entries, t.sig...)
		entries = be.AppendUint32(entries, uint32(at))
		entries = be.AppendUint32(entries, uint32(n))
	}
	for len(body)%4 != 0 {
		body = append(body, 0)
	}
	size := table + len(body)
	h := make([]byte, 128)
	be.PutUint32(h[0:], uint32(size))
	be.PutUint32(h[8:], 0x02100000) // version 2.1
	copy(h[12:], "mntrRGB XYZ ")
	for i, v := range []uint16{1998, 2, 9, 6, 49, 0} { // the date of HP's and Microsoft's sRGB profile
		be.PutUint16(h[24+2*i:], v)
	}
	copy(h[36:], "acsp")
	copy(h[68:], s15(0.9642))
	copy(h[72:], s15(1.0))
	copy(h[76:], s15(0.8249))
	out := append(h, entries...)
	return append(out, body...)
}
