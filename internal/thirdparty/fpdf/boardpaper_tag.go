package fpdf

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strconv"
)

// Tagged PDF (ISO 32000-1, 14.7-14.8): a structure tree of elements
// (Document, Sect, H1, P, Table...) whose leaves are the page content they
// own, marked in the content streams with BDC/EMC and a marked-content id
// (MCID) per page, and the link annotations they own (OBJR). The caller
// builds the tree in reading order: NewTag makes an element, BeginMarked
// and EndMarked bracket what it draws for one element, BeginArtifact and
// EndArtifact what belongs to no element (page furniture, rules). fpdf
// writes the elements, the ParentTree that leads from content back to its
// element, /StructParents and /Tabs /S on every page, and /StructParent
// and /Contents on annotations.

// TagAttrs are a structure element's optional entries.
type TagAttrs struct {
	Alt        string // alternative description (a figure's words)
	ActualText string // the text that replaces the content when read
	ID         string // unique in the document (footnotes)
	Scope      string // a TH's Table attribute: Row, Column or Both
	// A table cell's Table attributes: the columns and rows it spans
	// (0 or 1: one).
	ColSpan, RowSpan int
	Title            string
}

// TagRoot is the parent of an element directly under the structure tree's
// root; TagDetached, of one that is placed later with AppendTag (a
// footnote, made when its text is drawn and placed after the paragraph
// that cites it).
const (
	TagRoot     = -1
	TagDetached = -2
)

// tagKid is one of an element's children: an element, marked content
// (page and MCID) or an annotation (page and index among its links). An
// element's children are a list through next, in one slice for the whole
// document, so that making an element or marking content allocates nothing
// of its own.
type tagKid struct {
	elem, page, mcid, annot, next int32
}

type tagElem struct {
	typ         string
	parent      int32
	attrs       int32 // index in tagging.attrs; -1 for none
	first, last int32 // children; -1 for none
}

// tagging is a document's structure: on when the first element is made.
type tagging struct {
	elems []tagElem
	kids  []tagKid
	attrs []TagAttrs
	roots []int
	mcids []int // the next MCID of each page (index page-1)
	depth int   // marked-content sequences open
	buf   []byte
}

func newTagging() *tagging {
	return &tagging{elems: make([]tagElem, 0, 256), kids: make([]tagKid, 0, 1024)}
}

// addKid appends a child to element e.
func (t *tagging) addKid(e int, k tagKid) {
	k.next = -1
	i := int32(len(t.kids))
	t.kids = append(t.kids, k)
	el := &t.elems[e]
	if el.last >= 0 {
		t.kids[el.last].next = i
	} else {
		el.first = i
	}
	el.last = i
}

// Tagged reports whether the document has a structure tree.
func (f *Fpdf) Tagged() bool { return f.tags != nil }

// NewTag makes a structure element of type typ as the last child of
// parent (an element, TagRoot or TagDetached) and returns it.
func (f *Fpdf) NewTag(parent int, typ string, attrs TagAttrs) int {
	if f.tags == nil {
		f.tags = newTagging()
	}
	t := f.tags
	id := len(t.elems)
	a := int32(-1)
	if attrs != (TagAttrs{}) {
		a = int32(len(t.attrs))
		t.attrs = append(t.attrs, attrs)
	}
	t.elems = append(t.elems, tagElem{typ: typ, parent: TagDetached, attrs: a, first: -1, last: -1})
	f.AppendTag(parent, id)
	return id
}

// AppendTag places a detached element as the last child of parent.
func (f *Fpdf) AppendTag(parent, id int) {
	t := f.tags
	if t == nil || id < 0 || id >= len(t.elems) || t.elems[id].parent != TagDetached {
		return
	}
	switch {
	case parent == TagRoot:
		t.roots = append(t.roots, id)
	case parent >= 0 && parent < len(t.elems):
		t.addKid(parent, tagKid{elem: int32(id)})
	default:
		return
	}
	t.elems[id].parent = int32(parent)
}

// BeginMarked starts, on the current page, content that element id owns.
// Sequences do not nest; each ends with EndMarked on the same page.
func (f *Fpdf) BeginMarked(id int) {
	t := f.tags
	if t == nil || id < 0 || id >= len(t.elems) || f.page == 0 {
		return
	}
	for len(t.mcids) < f.page {
		t.mcids = append(t.mcids, 0)
	}
	mcid := t.mcids[f.page-1]
	t.mcids[f.page-1]++
	t.addKid(id, tagKid{elem: -1, page: int32(f.page), mcid: int32(mcid)})
	b := append(t.buf[:0], '/')
	b = append(b, t.elems[id].typ...)
	b = append(b, " <</MCID "...)
	b = strconv.AppendInt(b, int64(mcid), 10)
	b = append(b, ">> BDC\n"...)
	f.pages[f.page].Write(b)
	t.buf = b
	t.depth++
}

// EndMarked ends what BeginMarked or BeginArtifact started.
func (f *Fpdf) EndMarked() {
	if f.tags == nil || f.tags.depth == 0 {
		return
	}
	f.tags.depth--
	f.out("EMC")
}

// BeginArtifact starts content that is no part of the document's
// structure: of type "Pagination" (headers and footers; subtype names
// which), "Layout" (rules, backgrounds) or "" (anything else).
func (f *Fpdf) BeginArtifact(typ, subtype string) {
	if f.tags == nil {
		f.tags = newTagging()
	}
	switch {
	case typ == "":
		f.out("/Artifact BMC")
	case typ == "Layout" && subtype == "":
		f.out("/Artifact <</Type /Layout>> BDC")
	case subtype == "":
		f.out("/Artifact <</Type /" + typ + ">> BDC")
	default:
		f.out("/Artifact <</Type /" + typ + " /Subtype /" + subtype + ">> BDC")
	}
	f.tags.depth++
}

// TagLink makes the link annotation the page made last belong to element
// id, described by contents (what a screen reader announces for it).
func (f *Fpdf) TagLink(id int, contents string) {
	t := f.tags
	links := f.pageLinks[f.page]
	if t == nil || id < 0 || id >= len(t.elems) || len(links) == 0 {
		return
	}
	links[len(links)-1].contents = contents
	links[len(links)-1].tag = id + 1
	t.addKid(id, tagKid{elem: -1, page: int32(f.page), mcid: -1, annot: int32(len(links) - 1)})
}

// Tags is a document's structure, taken from it (ExportTags) to be grafted
// into another that places its pages (GraftTags). Its link annotations are
// not carried: the document that places the pages makes its own
// (TagLink).
type Tags struct{ t tagging }

// ExportTags returns the document's structure so far.
func (f *Fpdf) ExportTags() *Tags {
	if f.tags == nil {
		return nil
	}
	g := f.tags
	return &Tags{t: tagging{
		elems: append([]tagElem(nil), g.elems...),
		kids:  append([]tagKid(nil), g.kids...),
		attrs: append([]TagAttrs(nil), g.attrs...),
		roots: append([]int(nil), g.roots...),
		mcids: append([]int(nil), g.mcids...),
	}}
}

// GraftTags places t's elements under parent, their content on this
// document's pages from firstPage on (t's page 1 is firstPage), its roots
// retyped rootType unless that is "", and returns the id here of t's
// element 0: t's element i is that plus i; their IDs are prefixed with
// "p<firstPage>-". The pages must hold t's page
// bodies, which carry the MCIDs; their own content here is numbered after
// them.
func (f *Fpdf) GraftTags(tags *Tags, parent, firstPage int, rootType string) int {
	if tags == nil {
		return -1
	}
	if f.tags == nil {
		f.tags = newTagging()
	}
	t, g := &tags.t, f.tags
	base := len(g.elems)
	g.elems = slices.Grow(g.elems, len(t.elems))
	g.kids = slices.Grow(g.kids, len(t.kids))
	for _, e := range t.elems {
		if e.attrs >= 0 {
			a := t.attrs[e.attrs]
			if a.ID != "" {
				// IDs are unique in the document they came from; here
				// they are prefixed with the page they start from.
				a.ID = "p" + strconv.Itoa(firstPage) + "-" + a.ID
			}
			g.attrs = append(g.attrs, a)
			e.attrs = int32(len(g.attrs) - 1)
		}
		if e.parent >= 0 {
			e.parent += int32(base)
		} else {
			e.parent = TagDetached
		}
		e.first, e.last = -1, -1
		g.elems = append(g.elems, e)
	}
	for i, e := range t.elems {
		for k := e.first; k >= 0; k = t.kids[k].next {
			kid := t.kids[k]
			switch {
			case kid.elem >= 0:
				kid.elem += int32(base)
			case kid.mcid < 0:
				continue // an annotation: the placing document makes its own
			default:
				kid.page += int32(firstPage - 1)
			}
			g.addKid(base+i, kid)
		}
	}
	for _, r := range t.roots {
		if rootType != "" {
			g.elems[base+r].typ = rootType
		}
		f.AppendTag(parent, base+r)
	}
	for i, n := range t.mcids {
		p := firstPage - 1 + i
		for len(g.mcids) <= p {
			g.mcids = append(g.mcids, 0)
		}
		g.mcids[p] = max(g.mcids[p], n)
	}
	return base
}

// The structure tree is written in object streams (PDF 1.5), compressed:
// its thousands of small objects would otherwise be most of a paper's
// bytes (a 10-paper agenda pack's tree took 380 KB as plain objects). A
// document that has any is given a cross-reference stream in place of
// the table (putXrefStream).

// packed is the object stream being filled: its objects' numbers, their
// offsets in data, and data.
type packed struct {
	nums, offs []int
	data       []byte
}

// maxPacked is how many objects go in one object stream, so that a reader
// need not inflate the whole tree to reach one element.
const maxPacked = 500

// putPacked makes the next object, body, one of an object stream's. The
// streams are written by flushPacked, after all the objects they hold, so
// that these have consecutive numbers.
func (f *Fpdf) putPacked(body []byte) {
	f.n++
	for j := len(f.offsets); j <= f.n; j++ {
		f.offsets = append(f.offsets, 0)
	}
	f.offsets[f.n] = -1 // in an object stream: see packedIn
	p := &f.packing
	p.nums = append(p.nums, f.n)
	p.offs = append(p.offs, len(p.data))
	p.data = append(append(p.data, body...), '\n')
}

// flushPacked writes the objects putPacked made in object streams of up
// to maxPacked objects each.
func (f *Fpdf) flushPacked() {
	p := &f.packing
	if f.packedIn == nil && len(p.nums) > 0 {
		f.packedIn = map[int][2]int{}
	}
	for start := 0; start < len(p.nums); start += maxPacked {
		end := min(start+maxPacked, len(p.nums))
		dataEnd := len(p.data)
		if end < len(p.nums) {
			dataEnd = p.offs[end]
		}
		var head []byte
		for i := start; i < end; i++ {
			head = strconv.AppendInt(head, int64(p.nums[i]), 10)
			head = append(head, ' ')
			head = strconv.AppendInt(head, int64(p.offs[i]-p.offs[start]), 10)
			head = append(head, ' ')
		}
		head = append(head, '\n')
		data := p.data[p.offs[start]:dataEnd]
		f.newobj()
		for i := start; i < end; i++ {
			f.packedIn[p.nums[i]] = [2]int{f.n, i - start}
		}
		if !f.compress {
			f.outf("<</Type /ObjStm /N %d /First %d /Length %d>>", end-start, len(head), len(head)+len(data))
			f.putstream(append(head, data...))
		} else {
			mem := xmem.compress(head, data)
			out := mem.bytes()
			f.outf("<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>", end-start, len(head), len(out))
			f.putstream(out)
			mem.release()
		}
		f.out("endobj")
	}
	p.nums, p.offs, p.data = p.nums[:0], p.offs[:0], p.data[:0]
}

// putXrefStream ends a document that has object streams: its
// cross-reference stream (which carries the trailer's entries), startxref
// and the end-of-file marker, in place of fpdf's table and trailer.
func (f *Fpdf) putXrefStream() {
	root, info := f.n, f.n-1
	f.newobj()
	self := f.n
	entries := make([]byte, 0, 7*(f.n+1))
	entries = append(entries, 0, 0, 0, 0, 0, 0xff, 0xff)
	for j := 1; j <= f.n; j++ {
		if in, ok := f.packedIn[j]; ok {
			entries = append(entries, 2)
			entries = binary.BigEndian.AppendUint32(entries, uint32(in[0]))
			entries = binary.BigEndian.AppendUint16(entries, uint16(in[1]))
			continue
		}
		entries = append(entries, 1)
		entries = binary.BigEndian.AppendUint32(entries, uint32(f.offsets[j]))
		entries = binary.BigEndian.AppendUint16(entries, 0)
	}
	mem := xmem.compress(entries)
	data := mem.bytes()
	f.outf("<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R", self+1, root, info)
	f.putID()
	f.outf("/Filter /FlateDecode /Length %d>>", len(data))
	f.putstream(data)
	f.out("endobj")
	mem.release()
	f.out("startxref")
	f.outf("%d", f.offsets[self])
	f.out("%%EOF")
}

// structObjs are the object numbers the structure tree is written at.
type structObjs struct {
	root, first int // the StructTreeRoot; element i is first+i
}

// The structure tree's keys in the ParentTree: page n's marked content is
// under n-1, the document's tagged annotations (in page order) after the
// pages.
func (f *Fpdf) annotKeyBase() int { return f.page }

// annotKey is what putpages records of a tagged annotation: its element
// and object.
type annotKey struct {
	elem, obj int
}

// putStructTree writes the structure tree root, its elements and the
// ParentTree.
func (f *Fpdf) putStructTree() {
	t := f.tags
	if t == nil || len(t.elems) == 0 {
		return
	}
	// Elements never placed go at the end of the first root, or become
	// roots, so that no content is orphaned.
	for i := range t.elems {
		if t.elems[i].parent == TagDetached {
			if len(t.roots) > 0 {
				t.elems[i].parent = int32(t.roots[0])
				t.addKid(t.roots[0], tagKid{elem: int32(i)})
			} else {
				t.elems[i].parent = TagRoot
				t.roots = append(t.roots, i)
			}
		}
	}
	root := f.n + 1
	first := root + 1
	parentTree := first + len(t.elems)
	p := &f.packing
	p.nums = slices.Grow(p.nums[:0], len(t.elems)+2)
	p.offs = slices.Grow(p.offs[:0], len(t.elems)+2)
	p.data = slices.Grow(p.data[:0], 48*len(t.elems)+12*len(t.kids))
	b := t.buf[:0]
	ref := func(b []byte, obj int) []byte {
		return append(strconv.AppendInt(b, int64(obj), 10), " 0 R"...)
	}
	text := func(b []byte, s string) []byte {
		b = append(b, '(')
		b = appendEscapedUTF16(append(b, "\xfe\xff"...), s)
		return append(b, ')')
	}

	b = append(b, "<</Type /StructTreeRoot /K ["...)
	for _, r := range t.roots {
		b = append(ref(b, first+r), ' ')
	}
	b = append(b, "] /ParentTree "...)
	b = ref(b, parentTree)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(f.annotKeyBase()+len(f.annotKeys)), 10)
	var ids []string
	idElem := map[string]int{}
	for i, e := range t.elems {
		if e.attrs >= 0 {
			if id := t.attrs[e.attrs].ID; id != "" {
				if _, dup := idElem[id]; !dup {
					ids = append(ids, id)
					idElem[id] = i
				}
			}
		}
	}
	if len(ids) > 0 {
		sort.Strings(ids)
		b = append(b, " /IDTree <</Names ["...)
		for _, id := range ids {
			b = append(appendEscaped(append(b, '('), id), ") "...)
			b = append(ref(b, first+idElem[id]), ' ')
		}
		b = append(b, "]>>"...)
	}
	b = append(b, ">>"...)
	f.putPacked(b)

	// Which element owns each MCID of each page.
	owners := make([][]int32, f.page)
	for i, e := range t.elems {
		for k := e.first; k >= 0; k = t.kids[k].next {
			kid := t.kids[k]
			if kid.elem < 0 && kid.mcid >= 0 && kid.page >= 1 && int(kid.page) <= f.page {
				o := owners[kid.page-1]
				for len(o) <= int(kid.mcid) {
					o = append(o, -1)
				}
				o[kid.mcid] = int32(i)
				owners[kid.page-1] = o
			}
		}
	}
	for _, e := range t.elems {
		b = append(b[:0], "<</S /"...)
		b = append(b, e.typ...)
		b = append(b, " /P "...)
		if e.parent >= 0 {
			b = ref(b, first+int(e.parent))
		} else {
			b = ref(b, root)
		}
		pg := int32(0)
		for k := e.first; k >= 0; k = t.kids[k].next {
			if t.kids[k].elem < 0 {
				pg = t.kids[k].page
				break
			}
		}
		if pg > 0 {
			b = ref(append(b, " /Pg "...), 1+2*int(pg))
		}
		if e.attrs >= 0 {
			a := t.attrs[e.attrs]
			if a.Alt != "" {
				b = text(append(b, " /Alt "...), a.Alt)
			}
			if a.ActualText != "" {
				b = text(append(b, " /ActualText "...), a.ActualText)
			}
			if a.Title != "" {
				b = text(append(b, " /T "...), a.Title)
			}
			if a.ID != "" {
				b = append(appendEscaped(append(b, " /ID ("...), a.ID), ')') // a byte string
			}
			if a.Scope != "" || a.ColSpan > 1 || a.RowSpan > 1 {
				b = append(b, " /A <</O /Table"...)
				if a.Scope != "" {
					b = append(append(b, " /Scope /"...), a.Scope...)
				}
				if a.ColSpan > 1 {
					b = strconv.AppendInt(append(b, " /ColSpan "...), int64(a.ColSpan), 10)
				}
				if a.RowSpan > 1 {
					b = strconv.AppendInt(append(b, " /RowSpan "...), int64(a.RowSpan), 10)
				}
				b = append(b, ">>"...)
			}
		}
		b = append(b, " /K ["...)
		for k := e.first; k >= 0; k = t.kids[k].next {
			kid := t.kids[k]
			switch {
			case kid.elem >= 0:
				b = ref(b, first+int(kid.elem))
			case kid.mcid >= 0 && kid.page == pg:
				b = strconv.AppendInt(b, int64(kid.mcid), 10)
			case kid.mcid >= 0:
				b = ref(append(b, "<</Type /MCR /Pg "...), 1+2*int(kid.page))
				b = append(strconv.AppendInt(append(b, " /MCID "...), int64(kid.mcid), 10), ">>"...)
			default:
				obj := 0
				if links := f.pageLinks[kid.page]; int(kid.annot) < len(links) {
					obj = links[kid.annot].obj
				}
				if obj == 0 {
					continue
				}
				b = ref(append(b, "<</Type /OBJR /Pg "...), 1+2*int(kid.page))
				b = append(ref(append(b, " /Obj "...), obj), ">>"...)
			}
			b = append(b, ' ')
		}
		b = append(b, "]>>"...)
		f.putPacked(b)
	}

	b = append(b[:0], "<</Nums ["...)
	for p, o := range owners {
		b = append(strconv.AppendInt(b, int64(p), 10), " ["...)
		for _, i := range o {
			if i < 0 {
				b = append(b, "null "...)
			} else {
				b = append(ref(b, first+int(i)), ' ')
			}
		}
		b = append(b, "] "...)
	}
	for k, a := range f.annotKeys {
		b = append(strconv.AppendInt(b, int64(f.annotKeyBase()+k), 10), ' ')
		b = append(ref(b, first+a.elem), ' ')
	}
	b = append(b, "]>>"...)
	f.putPacked(b)
	f.flushPacked()
	t.buf = b
	f.structObjs = structObjs{root: root, first: first}
}

// annotation is a link annotation's dictionary, as fpdf wrote it in the
// page's /Annots, with what tagging adds: the ParentTree key of its
// element and its description.
func (f *Fpdf) annotation(pl linkType, hPt float64) string {
	var b fmtBuffer
	b.printf("<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] ",
		pl.x, pl.y, pl.x+pl.wd, pl.y-pl.ht)
	if f.archival {
		// PDF/A: every annotation prints.
		b.printf("/F 4 ")
	}
	if pl.tag > 0 {
		b.printf("/StructParent %d ", f.annotKeyBase()+len(f.annotKeys))
		f.annotKeys = append(f.annotKeys, annotKey{elem: pl.tag - 1, obj: pl.obj})
	}
	if pl.contents != "" {
		b.printf("/Contents %s ", f.textstring(utf8toutf16(pl.contents)))
	}
	if pl.link == 0 {
		b.printf("/A <</S /URI /URI %s>>>>", f.textstring(pl.linkStr))
	} else {
		l := f.links[pl.link]
		h := hPt
		if sz, ok := f.pageSizes[l.page]; ok {
			h = sz.Ht
		}
		b.printf("/Dest [%d 0 R /XYZ 0 %.2f null]>>", 1+2*l.page, h-l.y*f.k)
	}
	return b.String()
}

// putAnnotations writes a tagged document's annotations, as objects, in
// the order putpages numbered them.
func (f *Fpdf) putAnnotations(hPt float64) {
	if f.tags == nil {
		return
	}
	for n := 1; n <= f.page; n++ {
		for _, pl := range f.pageLinks[n] {
			f.newobj()
			if f.n != pl.obj {
				f.err = fmt.Errorf("annotation written as object %d, listed as %d", f.n, pl.obj)
				return
			}
			f.out(f.annotation(pl, hPt))
			f.out("endobj")
		}
	}
}
