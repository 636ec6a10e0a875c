package fpdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A tagged page's content is bracketed by BDC/EMC with MCIDs counted per
// page; the elements, the ParentTree (page MCIDs, then annotations), the
// page's /StructParents and /Tabs, and the link annotation as an object
// of its own with /StructParent and /Contents are written.
func TestTaggedDocument(t *testing.T) {
	f := newTestDoc(false)
	f.SetArchival(true)
	doc := f.NewTag(TagRoot, "Document", TagAttrs{})
	p := f.NewTag(doc, "P", TagAttrs{})
	note := f.NewTag(TagDetached, "Note", TagAttrs{ID: "note-1"})
	f.AddPage()
	f.SetFont("Sans", "", 11)
	f.BeginMarked(p)
	f.Text(20, 30, "Hello")
	f.EndMarked()
	link := f.NewTag(p, "Link", TagAttrs{})
	f.BeginMarked(link)
	f.Text(40, 30, "there")
	f.EndMarked()
	f.LinkString(40, 26, 10, 5, "https://example.org/")
	f.TagLink(link, "there")
	f.BeginArtifact("Pagination", "Footer")
	f.Text(100, 280, "Page 1")
	f.EndMarked()
	f.BeginMarked(note)
	f.Text(20, 270, "1 A note")
	f.EndMarked()
	f.AppendTag(p, note)
	table := f.NewTag(doc, "Table", TagAttrs{})
	tr := f.NewTag(table, "TR", TagAttrs{})
	f.NewTag(tr, "TH", TagAttrs{Scope: "Column", ColSpan: 2})
	fig := f.NewTag(doc, "Figure", TagAttrs{Alt: "A chart of “things”"})
	f.AddPage()
	f.BeginMarked(fig)
	f.Line(10, 10, 50, 50)
	f.EndMarked()
	out := string(output(t, f))

	for _, want := range []string{
		"/P <</MCID 0>> BDC\nBT", "/Link <</MCID 1>> BDC\n", "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
		"/Note <</MCID 2>> BDC\n", "/Figure <</MCID 0>> BDC\n",
		"/StructParents 0 /Tabs /S", "/StructParents 1 /Tabs /S",
		"/MarkInfo <</Marked true>>",
		"/IDTree <</Names [(note-1) ",
		"/ID (note-1)",
		"<pdfaid:conformance>A</pdfaid:conformance>", // tagged: PDF/A-2a
		"/S /TH /P ", "/A <</O /Table /Scope /Column /ColSpan 2>>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q", want)
		}
	}
	if !regexp.MustCompile(`/Annots \[\d+ 0 R \]`).MatchString(out) {
		t.Error("the page's annotation is not an object of its own")
	}
	if !regexp.MustCompile(`<</Type /Annot /Subtype /Link [^\n]*/F 4 /StructParent 2 /Contents \(`).MatchString(out) ||
		!strings.Contains(out, "/Contents (\xfe\xff\x00t\x00h\x00e\x00r\x00e) /A <</S /URI") {
		t.Errorf("the annotation has no /StructParent 2 (after the two pages' keys) or /Contents: %q", regexp.MustCompile(`<</Type /Annot[^\n]*`).FindString(out))
	}
	root := regexp.MustCompile(`/StructTreeRoot (\d+) 0 R`).FindStringSubmatch(out)
	if root == nil {
		t.Fatal("no /StructTreeRoot in the catalog")
	}
	objs := packedObjects(t, out)
	if !strings.HasPrefix(objs[root[1]], "<</Type /StructTreeRoot /K [") || !strings.Contains(out, "/ParentTreeNextKey 3") {
		t.Errorf("structure tree root wrong: %q", objs[root[1]])
	}
	if !strings.Contains(out, "<</Type /XRef /Size ") || strings.Contains(out, "\nxref\n") {
		t.Error("a document with object streams has no cross-reference stream, or a table")
	}
	// Page 1's MCIDs 0, 1, 2 belong to P, Link and Note; page 2's 0 to the
	// Figure; key 2 is the annotation's Link.
	nums := regexp.MustCompile(`<</Nums \[0 \[(\d+) 0 R (\d+) 0 R (\d+) 0 R \] 1 \[(\d+) 0 R \] 2 (\d+) 0 R \]>>`).FindStringSubmatch(out)
	if nums == nil {
		t.Fatalf("ParentTree wrong:\n%s", out[strings.Index(out, "/Nums"):][:200])
	}
	typeOf := func(obj string) string {
		m := regexp.MustCompile(`^<</S /(\w+)`).FindStringSubmatch(objs[obj])
		if m == nil {
			return "?"
		}
		return m[1]
	}
	got := []string{typeOf(nums[1]), typeOf(nums[2]), typeOf(nums[3]), typeOf(nums[4]), typeOf(nums[5])}
	if strings.Join(got, " ") != "P Link Note Figure Link" {
		t.Errorf("ParentTree owners %v, want P Link Note Figure Link", got)
	}
	if !regexp.MustCompile(`/S /Figure /P \d+ 0 R /Pg 5 0 R /Alt \(`).MatchString(out) || !strings.Contains(out, "/Alt (\xfe\xff\x00A\x00 \x00c\x00h\x00a\x00r\x00t") {
		t.Error("the figure has no /Alt")
	}
	if !regexp.MustCompile(`/S /Link /P \d+ 0 R /Pg 3 0 R /K \[1 <</Type /OBJR /Pg 3 0 R /Obj \d+ 0 R>> \]`).MatchString(out) {
		t.Error("the Link element does not hold its content and its annotation")
	}
}

// A document's structure grafted into another that places its pages from
// page 3: its content on pages 3 on, its root retyped, its IDs made
// unique, the MCIDs the placing document gives after its own.
func TestGraftTags(t *testing.T) {
	src := newTestDoc(false)
	doc := src.NewTag(TagRoot, "Document", TagAttrs{})
	note := src.NewTag(doc, "Note", TagAttrs{ID: "note-1"})
	src.AddPage()
	src.SetFont("Sans", "", 11)
	src.BeginMarked(note)
	src.Text(20, 30, "1 A note")
	src.EndMarked()
	tags := src.ExportTags()

	f := newTestDoc(false)
	pack := f.NewTag(TagRoot, "Document", TagAttrs{})
	for i := 0; i < 3; i++ {
		f.AddPage()
	}
	base := f.GraftTags(tags, pack, 3, "Part")
	if f.tags.elems[base].typ != "Part" || f.tags.elems[base].parent != int32(pack) {
		t.Errorf("grafted root %+v, want a Part under the Document", f.tags.elems[base])
	}
	k := f.tags.kids[f.tags.elems[base+1].first]
	if k.page != 3 || k.mcid != 0 {
		t.Errorf("grafted content on page %d MCID %d, want page 3 MCID 0", k.page, k.mcid)
	}
	if id := f.tags.attrs[f.tags.elems[base+1].attrs].ID; id != "p3-note-1" {
		t.Errorf("grafted ID %q", id)
	}
	f.SetPage(3)
	p := f.NewTag(pack, "P", TagAttrs{})
	f.BeginMarked(p)
	f.EndMarked()
	if got := f.tags.kids[f.tags.elems[p].first].mcid; got != 1 {
		t.Errorf("the placing document's content on the page is MCID %d, want 1", got)
	}
}

// packedObjects reads an uncompressed document's object streams: each
// object's body by its number.
func packedObjects(t *testing.T, out string) map[string]string {
	t.Helper()
	objs := map[string]string{}
	re := regexp.MustCompile(`(?s)<</Type /ObjStm /N (\d+) /First (\d+) /Length (\d+)>>\nstream\n`)
	for _, m := range re.FindAllStringSubmatchIndex(out, -1) {
		n, _ := strconv.Atoi(out[m[2]:m[3]])
		first, _ := strconv.Atoi(out[m[4]:m[5]])
		length, _ := strconv.Atoi(out[m[6]:m[7]])
		data := out[m[1] : m[1]+length]
		head := strings.Fields(data[:first])
		for i := 0; i < n; i++ {
			off, _ := strconv.Atoi(head[2*i+1])
			end := len(data)
			if i+1 < n {
				end, _ = strconv.Atoi(head[2*i+3])
				end += first
			}
			objs[head[2*i]] = strings.TrimSpace(data[first+off : end])
		}
	}
	if len(objs) == 0 {
		t.Fatal("no object streams")
	}
	return objs
}

// A tree of more elements than an object stream holds: every element the
// ParentTree names is the element that owns the content, whichever
// stream it is in (the streams are numbered after the elements).
func TestManyElementsInObjectStreams(t *testing.T) {
	f := newTestDoc(false)
	doc := f.NewTag(TagRoot, "Document", TagAttrs{})
	f.AddPage()
	f.SetFont("Sans", "", 11)
	const n = 3*maxPacked + 7
	for i := 0; i < n; i++ {
		typ := "P"
		if i%2 == 1 {
			typ = "Span"
		}
		f.BeginMarked(f.NewTag(doc, typ, TagAttrs{}))
		f.Text(20, 30, "x")
		f.EndMarked()
	}
	out := string(output(t, f))
	objs := packedObjects(t, out)
	if len(objs) != n+3 { // the root, the Document, the elements, the ParentTree
		t.Errorf("%d objects in object streams, want %d", len(objs), n+3)
	}
	m := regexp.MustCompile(`<</Nums \[0 \[([^\]]*)\]`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no ParentTree")
	}
	refs := regexp.MustCompile(`(\d+) 0 R`).FindAllStringSubmatch(m[1], -1)
	if len(refs) != n {
		t.Fatalf("the ParentTree names %d owners, want %d", len(refs), n)
	}
	for i, r := range refs {
		want := "<</S /P "
		if i%2 == 1 {
			want = "<</S /Span "
		}
		if !strings.HasPrefix(objs[r[1]], want) {
			t.Fatalf("MCID %d's owner, object %s, is %.40q, want %q", i, r[1], objs[r[1]], want)
		}
	}
}
