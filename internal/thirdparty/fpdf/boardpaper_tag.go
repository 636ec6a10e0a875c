package fpdf

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
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
	Title      string
}

// TagRoot is the parent of an element directly under the structure tree's
// root; TagDetached, of one that is placed later with AppendTag (a
// footnote, made when its text is drawn and placed after the paragraph
// that cites it).
const (
	TagRoot     = -1
	TagDetached = -2
)

type tagKid struct {
	elem  int // the element, or -1 for content
	page  int // content: its page (from 1)
	mcid  int // marked content; -1 for an annotation
	annot int // annotation: its index among the page's links
}

type tagElem struct {
	typ    string
	parent int
	attrs  TagAttrs
	kids   []tagKid
}

// tagging is a document's structure: on when the first element is made.
type tagging struct {
	elems []tagElem
	roots []int
	mcids []int // the next MCID of each page (index page-1)
	depth int   // marked-content sequences open
}

// Tagged reports whether the document has a structure tree.
func (f *Fpdf) Tagged() bool { return f.tags != nil }

// NewTag makes a structure element of type typ as the last child of
// parent (an element, TagRoot or TagDetached) and returns it.
func (f *Fpdf) NewTag(parent int, typ string, attrs TagAttrs) int {
	if f.tags == nil {
		f.tags = &tagging{}
	}
	t := f.tags
	id := len(t.elems)
	t.elems = append(t.elems, tagElem{typ: typ, parent: TagDetached, attrs: attrs})
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
		t.elems[parent].kids = append(t.elems[parent].kids, tagKid{elem: id})
	default:
		return
	}
	t.elems[id].parent = parent
}

// SetTagAttrs replaces an element's entries.
func (f *Fpdf) SetTagAttrs(id int, attrs TagAttrs) {
	if f.tags != nil && id >= 0 && id < len(f.tags.elems) {
		f.tags.elems[id].attrs = attrs
	}
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
	e := &t.elems[id]
	e.kids = append(e.kids, tagKid{elem: -1, page: f.page, mcid: mcid})
	f.out("/" + e.typ + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
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
		f.tags = &tagging{}
	}
	switch {
	case typ == "":
		f.out("/Artifact BMC")
	case subtype == "":
		f.out("/Artifact <</Type /" + typ + ">> BDC")
	default:
		f.out("/Artifact <</Type /" + typ + " /Subtype /" + subtype + ">> BDC")
	}
	f.tags.depth++
}

// Marking reports whether a marked-content sequence is open.
func (f *Fpdf) Marking() bool { return f.tags != nil && f.tags.depth > 0 }

// PageMCIDs is how many marked-content ids the current page has used.
func (f *Fpdf) PageMCIDs() int {
	if f.tags == nil || f.page == 0 || f.page > len(f.tags.mcids) {
		return 0
	}
	return f.tags.mcids[f.page-1]
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
	t.elems[id].kids = append(t.elems[id].kids, tagKid{elem: -1, page: f.page, mcid: -1, annot: len(links) - 1})
}

// Tags is a document's structure, taken from it (ExportTags) to be grafted
// into another that places its pages (GraftTags). Link annotations are not
// carried: the document that places the pages makes its own (TagLink).
type Tags struct {
	elems []tagElem
	roots []int
	mcids []int
}

// ExportTags returns the document's structure so far.
func (f *Fpdf) ExportTags() *Tags {
	if f.tags == nil {
		return nil
	}
	t := &Tags{roots: append([]int(nil), f.tags.roots...), mcids: append([]int(nil), f.tags.mcids...)}
	t.elems = make([]tagElem, len(f.tags.elems))
	for i, e := range f.tags.elems {
		e.kids = slicesDeleteFunc(append([]tagKid(nil), e.kids...), func(k tagKid) bool { return k.elem < 0 && k.mcid < 0 })
		t.elems[i] = e
	}
	return t
}

func slicesDeleteFunc(s []tagKid, del func(tagKid) bool) []tagKid {
	out := s[:0]
	for _, k := range s {
		if !del(k) {
			out = append(out, k)
		}
	}
	return out
}

// GraftTags places t's elements under parent, their content on this
// document's pages from firstPage on (t's page 1 is firstPage), its roots
// retyped rootType unless that is "", and returns the id here of t's
// element 0: t's element i is that plus i. The
// pages must hold t's page bodies, which carry the MCIDs; their own
// content here is numbered after them.
func (f *Fpdf) GraftTags(t *Tags, parent, firstPage int, rootType string) int {
	if t == nil {
		return -1
	}
	if f.tags == nil {
		f.tags = &tagging{}
	}
	g := f.tags
	base := len(g.elems)
	for _, e := range t.elems {
		kids := make([]tagKid, len(e.kids))
		for i, k := range e.kids {
			if k.elem >= 0 {
				k.elem += base
			} else {
				k.page += firstPage - 1
			}
			kids[i] = k
		}
		if e.parent >= 0 {
			e.parent += base
		} else {
			e.parent = TagDetached
		}
		e.kids = kids
		g.elems = append(g.elems, e)
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
				r := t.roots[0]
				t.elems[i].parent = r
				t.elems[r].kids = append(t.elems[r].kids, tagKid{elem: i})
			} else {
				t.elems[i].parent = TagRoot
				t.roots = append(t.roots, i)
			}
		}
	}
	root := f.n + 1
	first := root + 1
	parentTree := first + len(t.elems)
	elemRef := func(i int) string { return strconv.Itoa(first+i) + " 0 R" }
	pageRef := func(p int) string { return strconv.Itoa(1+2*p) + " 0 R" }

	f.newobj()
	var b strings.Builder
	b.WriteString("<</Type /StructTreeRoot /K [")
	for _, r := range t.roots {
		b.WriteString(elemRef(r) + " ")
	}
	b.WriteString("] /ParentTree " + strconv.Itoa(parentTree) + " 0 R")
	b.WriteString(" /ParentTreeNextKey " + strconv.Itoa(f.annotKeyBase()+len(f.annotKeys)))
	var ids []string
	idElem := map[string]int{}
	for i, e := range t.elems {
		if e.attrs.ID != "" {
			if _, dup := idElem[e.attrs.ID]; !dup {
				ids = append(ids, e.attrs.ID)
				idElem[e.attrs.ID] = i
			}
		}
	}
	if len(ids) > 0 {
		sort.Strings(ids)
		b.WriteString(" /IDTree <</Names [")
		for _, id := range ids {
			b.WriteString(f.textstring(id) + " " + elemRef(idElem[id]) + " ")
		}
		b.WriteString("]>>")
	}
	b.WriteString(">>")
	f.out(b.String())
	f.out("endobj")

	// Which element owns each MCID of each page.
	owners := make([][]int, f.page)
	for i, e := range t.elems {
		for _, k := range e.kids {
			if k.elem < 0 && k.mcid >= 0 && k.page >= 1 && k.page <= f.page {
				o := owners[k.page-1]
				for len(o) <= k.mcid {
					o = append(o, -1)
				}
				o[k.mcid] = i
				owners[k.page-1] = o
			}
		}
	}
	for _, e := range t.elems {
		f.newobj()
		b.Reset()
		b.WriteString("<</Type /StructElem /S /" + e.typ + " /P ")
		if e.parent >= 0 {
			b.WriteString(elemRef(e.parent))
		} else {
			b.WriteString(strconv.Itoa(root) + " 0 R")
		}
		pg := 0
		for _, k := range e.kids {
			if k.elem < 0 {
				pg = k.page
				break
			}
		}
		if pg > 0 {
			b.WriteString(" /Pg " + pageRef(pg))
		}
		a := e.attrs
		if a.Alt != "" {
			b.WriteString(" /Alt " + f.textstring(utf8toutf16(a.Alt)))
		}
		if a.ActualText != "" {
			b.WriteString(" /ActualText " + f.textstring(utf8toutf16(a.ActualText)))
		}
		if a.Title != "" {
			b.WriteString(" /T " + f.textstring(utf8toutf16(a.Title)))
		}
		if a.ID != "" {
			b.WriteString(" /ID " + f.textstring(a.ID)) // a byte string
		}
		if a.Scope != "" {
			b.WriteString(" /A <</O /Table /Scope /" + a.Scope + ">>")
		}
		b.WriteString(" /K [")
		for _, k := range e.kids {
			switch {
			case k.elem >= 0:
				b.WriteString(elemRef(k.elem))
			case k.mcid >= 0 && k.page == pg:
				b.WriteString(strconv.Itoa(k.mcid))
			case k.mcid >= 0:
				b.WriteString("<</Type /MCR /Pg " + pageRef(k.page) + " /MCID " + strconv.Itoa(k.mcid) + ">>")
			default:
				obj := 0
				if k.annot < len(f.pageLinks[k.page]) {
					obj = f.pageLinks[k.page][k.annot].obj
				}
				if obj == 0 {
					continue
				}
				b.WriteString("<</Type /OBJR /Pg " + pageRef(k.page) + " /Obj " + strconv.Itoa(obj) + " 0 R>>")
			}
			b.WriteString(" ")
		}
		b.WriteString("]>>")
		f.out(b.String())
		f.out("endobj")
	}

	f.newobj()
	b.Reset()
	b.WriteString("<</Nums [")
	for p, o := range owners {
		b.WriteString(strconv.Itoa(p) + " [")
		for _, i := range o {
			if i < 0 {
				b.WriteString("null ")
			} else {
				b.WriteString(elemRef(i) + " ")
			}
		}
		b.WriteString("] ")
	}
	for k, a := range f.annotKeys {
		b.WriteString(strconv.Itoa(f.annotKeyBase()+k) + " " + elemRef(a.elem) + " ")
	}
	b.WriteString("]>>")
	f.out(b.String())
	f.out("endobj")
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
