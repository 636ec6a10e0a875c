package pack

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"weak"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/pdf/pdftest"
)

// withheldSentinel is in the withheld item's document, which must never be
// loaded, let alone printed.
const withheldSentinel = "SENTINEL-WITHHELD-7f3a"

// withheldNotice is the notice a withheld item carries.
const withheldNotice = "not for publication (Access to Information Procedure Rule 10.4(3))"

// packPaper is a small paper whose subject and text name it.
func packPaper(n int) *model.Document {
	d := pdftest.SamplePaper()
	d.Meta.Title = fmt.Sprintf("Paper number %d", n)
	pdftest.SetCoverLine(d, "subject", d.Meta.Title)
	pdftest.SetCoverLine(d, "report_to", "Executive Board")
	// Each paper has a template of its own and shares the snapshot.
	d.Provenance.Sources[0].Path = fmt.Sprintf("templates/paper-%d.md", n)
	return d
}

// testPack is a pack of n papers, items numbered from 3, with item
// withheldAt (1-based; 0 for none) withheld. loads counts the calls of
// each item's Load; the withheld item has a Load too, which must never run.
func testPack(n int, withheldAt int) (Meeting, map[int]int) {
	p := Meeting{Committee: "Executive Board", DateText: "13th March 2013"}
	loads := map[int]int{}
	for i := 1; i <= n; i++ {
		it := Item{Item: i + 2, Subject: fmt.Sprintf("Paper number %d", i)}
		it.Load = lay(func() (*model.Document, error) { loads[i]++; return packPaper(i), nil })
		if i == withheldAt {
			it.Subject = "Contract award"
			it.Withheld = withheldNotice
			it.Load = lay(func() (*model.Document, error) {
				loads[i]++
				d := packPaper(i)
				pdftest.SetCoverLine(d, "subject", withheldSentinel)
				d.Provenance.Sources[0].Path = "templates/" + withheldSentinel + ".md"
				return d, nil
			})
		}
		p.Items = append(p.Items, it)
	}
	return p, loads
}

// writeTemp writes a paper's own PDF into a temporary file and returns its
// path.
func writeTemp(t *testing.T, doc *model.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, doc, pdf.Options{Date: pdftest.Date}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func writePackTemp(t *testing.T, p Meeting) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p, pdf.Options{Date: pdftest.Date}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// contentsStarts reads, from the contents pages' text, the page each
// numbered item is said to start on.
func contentsStarts(t *testing.T, path string, pages ...int) map[int]int {
	t.Helper()
	starts := map[int]int{}
	re := regexp.MustCompile(`(?m)^\s*Item (\d+)\s+.*?\s(\d+)\s*$`)
	for _, p := range pages {
		for _, m := range re.FindAllStringSubmatch(pdftest.PageText(t, path, p), -1) {
			item, _ := strconv.Atoi(m[1])
			start, _ := strconv.Atoi(m[2])
			starts[item] = start
		}
	}
	return starts
}

// linkTargets lists, in order, the pages (1-based) that the internal link
// annotations on a page point to.
func linkTargets(t *testing.T, path string, page int) []int {
	t.Helper()
	var js struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(pdftest.Tool(t, "qpdf", "--json", "--json-key=pages", "--json-key=qpdf", path)), &js); err != nil {
		t.Fatal(err)
	}
	// A tagged PDF's annotations are objects of their own, referred to
	// from the page's /Annots.
	var objects map[string]struct {
		Value struct {
			Annots []string `json:"/Annots"`
			Dest   []any    `json:"/Dest"`
		} `json:"value"`
	}
	if len(js.QPDF) < 2 {
		t.Fatal("qpdf --json gave no objects")
	}
	if err := json.Unmarshal(js.QPDF[1], &objects); err != nil {
		t.Fatal(err)
	}
	pageOf := map[string]int{}
	for i, p := range js.Pages {
		pageOf[p.Object] = i + 1
	}
	var out []int
	for _, ref := range objects["obj:"+js.Pages[page-1].Object].Value.Annots {
		if a := objects["obj:"+ref].Value; len(a.Dest) > 0 {
			ref, _ := a.Dest[0].(string)
			out = append(out, pageOf[ref])
		}
	}
	return out
}

func TestPackContentsPointAtEachPaper(t *testing.T) {
	p, loads := testPack(3, 2)
	path := writePackTemp(t, p)
	pages := pdftest.PageCount(t, path)

	front := pdftest.PageText(t, path, 1)
	for _, want := range []string{"Executive Board", "13th March 2013", "Agenda reports pack"} {
		if !strings.Contains(front, want) {
			t.Errorf("front sheet lacks %q", want)
		}
	}
	contents := pdftest.PageText(t, path, 2)
	if !regexp.MustCompile(`Item 4\s+Contract award\s+Not for publication \(Access to Information Procedure Rule 10\.4\(3\)\)`).MatchString(contents) {
		t.Errorf("contents lack the withheld item with its notice:\n%s", contents)
	}
	starts := contentsStarts(t, path, 2)
	if _, listed := starts[4]; listed {
		t.Error("the withheld item is given a page")
	}
	var links []int
	for _, i := range []int{1, 3} {
		item := i + 2
		if !regexp.MustCompile(fmt.Sprintf(`Item %d\s+Paper number %d\s+\d+`, item, i)).MatchString(contents) {
			t.Errorf("contents lack paper %d:\n%s", i, contents)
		}
		start := starts[item]
		// The page named begins that paper's cover, and the page before
		// it is not part of the paper.
		first := pdftest.PageText(t, path, start)
		if !regexp.MustCompile(`^\s*Report of .*\n(.*\n)*.*Subject: Paper number ` + strconv.Itoa(i)).MatchString(first) {
			t.Errorf("the contents send paper %d to page %d, which begins:\n%.300s", i, start, first)
		}
		if before := pdftest.PageText(t, path, start-1); strings.Contains(before, fmt.Sprintf("Subject: Paper number %d", i)) {
			t.Errorf("paper %d begins before page %d", i, start)
		}
		links = append(links, start)
		if loads[i] != 1 {
			t.Errorf("paper %d was loaded %d times", i, loads[i])
		}
	}
	// Each listed paper's line links to the page it names.
	if got := linkTargets(t, path, 2); !slices.Equal(got, links) {
		t.Errorf("contents links go to pages %v, want %v", got, links)
	}
	for i := 1; i <= pages; i++ {
		if want := fmt.Sprintf("Page %d of %d", i, pages); !strings.Contains(pdftest.PageText(t, path, i), want) {
			t.Errorf("page %d lacks %q", i, want)
		}
	}

	// The withheld item: never loaded, in no text, no byte, no metadata.
	if loads[2] != 0 {
		t.Errorf("the withheld item was loaded %d times", loads[2])
	}
	if strings.Contains(pdftest.AllText(t, path), withheldSentinel) {
		t.Error("withheld text in the pack's text")
	}
	if raw := pdftest.Tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-"); strings.Contains(raw, withheldSentinel) {
		t.Error("withheld text in the pack's bytes")
	}
	info := pdftest.Tool(t, "pdfinfo", path)
	if strings.Contains(info, withheldSentinel) {
		t.Error("withheld text in the pack's metadata")
	}
	// The public papers' provenance is recorded, each source once.
	creator := regexp.MustCompile(`(?m)^Creator:\s+(.*)$`).FindStringSubmatch(info)
	if creator == nil {
		t.Fatalf("no creator in the pack's metadata:\n%s", info)
	}
	for _, want := range []string{"boardpaper test", "templates/paper-1.md", "templates/paper-3.md"} {
		if !strings.Contains(creator[1], want) {
			t.Errorf("creator %q lacks %q", creator[1], want)
		}
	}
	if n := strings.Count(creator[1], "data/looked-after-children/2013-01-25.yaml"); n != 1 {
		t.Errorf("the shared snapshot is recorded %d times in %q", n, creator[1])
	}
	pdftest.Tool(t, "qpdf", "--check", path)
}

func TestPackPagesAreThePapersPlusFrontMatter(t *testing.T) {
	p, _ := testPack(3, 2)
	// Papers of different lengths, so a wrong offset would show.
	long := pdftest.LongTablePaper(120)
	p.Items[2].Load = lay(func() (*model.Document, error) { return long, nil })
	path := writePackTemp(t, p)

	// The papers' own PDFs: items 3 and 5 (item 4 is withheld).
	sum := pdftest.PageCount(t, writeTemp(t, packPaper(1))) + pdftest.PageCount(t, writeTemp(t, long))
	starts := contentsStarts(t, path, 2)
	frontMatter := starts[3] - 1 // the front sheet and the contents
	if frontMatter != 2 {
		t.Errorf("the first paper starts on page %d, want 3", starts[3])
	}
	if got := pdftest.PageCount(t, path); got != sum+frontMatter {
		t.Errorf("the pack has %d pages, want the papers' %d plus %d", got, sum, frontMatter)
	}
}

// outlineEntry is an outline item as qpdf reports it.
type outlineEntry struct {
	Title string         `json:"title"`
	Page  int            `json:"destpageposfrom1"`
	Kids  []outlineEntry `json:"kids"`
}

func readOutline(t *testing.T, path string) []outlineEntry {
	t.Helper()
	var js struct {
		Outlines []outlineEntry `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(pdftest.Tool(t, "qpdf", "--json", "--json-key=outlines", path)), &js); err != nil {
		t.Fatal(err)
	}
	return js.Outlines
}

func titles(es []outlineEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Title)
	}
	return out
}

func TestPackOutlineHasAPaperPerItem(t *testing.T) {
	p, _ := testPack(3, 2)
	// A non-ASCII subject survives into the outline.
	p.Items[2].Subject = "Children’s services – café"
	path := writePackTemp(t, p)
	outline := readOutline(t, path)
	want := []string{"Agenda reports pack", "Contents", "Item 3: Paper number 1", "Item 5: Children’s services – café"}
	if got := titles(outline); !slices.Equal(got, want) {
		t.Fatalf("outline %q, want %q", got, want)
	}
	// Beneath each paper: its own outline as a paper alone, pointing at
	// the paper's first page.
	alone := titles(readOutline(t, writeTemp(t, packPaper(1))))
	starts := contentsStarts(t, path, 2)
	for i, item := range []int{3, 5} {
		e := outline[2+i]
		if got := titles(e.Kids); !slices.Equal(got, alone) {
			t.Errorf("%s has sections %q, want %q", e.Title, got, alone)
		}
		if e.Page != starts[item] {
			t.Errorf("%s points at page %d, the contents say %d", e.Title, e.Page, starts[item])
		}
	}
}

func TestPackBookmarksPapersWithoutACover(t *testing.T) {
	// A paper whose first line is a heading, one that draws nothing, and
	// an item with no number: each still has its entry, and sections stay
	// beneath their own paper.
	bare := pdftest.SamplePaper()
	bare.Cover = model.Cover{}
	bare.Front = nil
	p := Meeting{Committee: "Executive Board", DateText: "13th March 2013", Items: []Item{
		{Item: 1, Subject: "Bare", Load: lay(func() (*model.Document, error) { return bare, nil })},
		{Item: 2, Subject: "Empty", Load: lay(func() (*model.Document, error) { return &model.Document{}, nil })},
		{Subject: "Unnumbered", Load: lay(func() (*model.Document, error) { return packPaper(3), nil })},
	}}
	path := writePackTemp(t, p)
	outline := readOutline(t, path)
	want := []string{"Agenda reports pack", "Contents", "Item 1: Bare", "Item 2: Empty", "Unnumbered"}
	if got := titles(outline); !slices.Equal(got, want) {
		t.Fatalf("outline %q, want %q", got, want)
	}
	if got := titles(outline[2].Kids); len(got) == 0 || got[0] != "1.0 Purpose of this report" {
		t.Errorf("the bare paper's sections: %q", got)
	}
	if len(outline[3].Kids) != 0 {
		t.Errorf("the empty paper has sections %q", titles(outline[3].Kids))
	}
	if outline[4].Page != outline[3].Page+1 {
		t.Errorf("the empty paper is on page %d, the next starts on %d", outline[3].Page, outline[4].Page)
	}
	pdftest.Tool(t, "qpdf", "--check", path)
}

func TestPackIsByteIdentical(t *testing.T) {
	p, _ := testPack(3, 2)
	var a, b bytes.Buffer
	if err := Write(&a, p, pdf.Options{Date: pdftest.Date}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, p, pdf.Options{Date: pdftest.Date}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two packs from the same papers differ")
	}
}

func TestLongContentsRunOntoMorePages(t *testing.T) {
	p, _ := testPack(40, 7)
	for i := range p.Items {
		p.Items[i].Subject += " – a long subject that wraps onto a second line of the contents page"
		if p.Items[i].Withheld == "" {
			subject := p.Items[i].Subject
			p.Items[i].Load = lay(func() (*model.Document, error) {
				return &model.Document{Cover: model.Cover{Rows: []model.CoverRow{{Label: "Subject:", Title: true, Lines: []string{subject}}}}}, nil
			})
		}
	}
	path := writePackTemp(t, p)
	starts := contentsStarts(t, path, 2, 3, 4, 5)
	first := starts[3]
	if first < 4 {
		t.Fatalf("the first paper starts on page %d, inside the contents", first)
	}
	for sheet := 3; sheet < first; sheet++ {
		if !strings.Contains(pdftest.PageText(t, path, sheet), "Contents (continued)") {
			t.Errorf("contents page %d is not headed as continued", sheet)
		}
	}
	if len(starts) != 39 {
		t.Errorf("%d items with pages on the contents, want 39", len(starts))
	}
	for item, start := range starts {
		i := item - 2
		if !strings.Contains(pdftest.PageText(t, path, start), fmt.Sprintf("Paper number %d –", i)) {
			t.Errorf("item %d: page %d is not its paper", item, start)
		}
	}
	if got, want := pdftest.PageCount(t, path), first+38; got != want {
		t.Errorf("%d pages, want %d (one per paper after the contents)", got, want)
	}
}

func TestPackErrors(t *testing.T) {
	p, _ := testPack(3, 0)
	p.Items[1].Load = lay(func() (*model.Document, error) { return nil, errors.New("broken template") })
	var buf bytes.Buffer
	err := Write(&buf, p, pdf.Options{Date: pdftest.Date})
	if err == nil || !strings.Contains(err.Error(), "Item 4 (Paper number 2): broken template") {
		t.Errorf("a failing Load gave %v", err)
	}
	if buf.Len() != 0 {
		t.Error("something was written although the pack failed")
	}

	p, loads := testPack(3, 0)
	p.Items[2].Load = nil
	if err := Write(&buf, p, pdf.Options{Date: pdftest.Date}); err == nil || !strings.Contains(err.Error(), "Item 5") {
		t.Errorf("an item with nothing to load gave %v", err)
	}
	if len(loads) != 0 {
		t.Error("papers were loaded before the pack was found wrong")
	}
}

// TestPackHoldsOnePaperAtATime checks, as each paper is loaded, that the
// papers placed before it have been let go.
func TestPackHoldsOnePaperAtATime(t *testing.T) {
	p, _ := testPack(4, 0)
	var placed []weak.Pointer[pdf.LaidOut]
	for i := range p.Items {
		p.Items[i].Load = func() (*pdf.LaidOut, error) {
			runtime.GC()
			for j, wp := range placed {
				if wp.Value() != nil {
					return nil, fmt.Errorf("paper %d is still held when paper %d is loaded", j+1, i+1)
				}
			}
			laid, err := pdf.Lay(packPaper(i + 1))
			if err != nil {
				return nil, err
			}
			placed = append(placed, weak.Make(laid))
			return laid, nil
		}
	}
	if err := Write(&bytes.Buffer{}, p, pdf.Options{Date: pdftest.Date}); err != nil {
		t.Fatal(err)
	}
}

func TestPackKeepsEachPapersLogo(t *testing.T) {
	logo := func(c color.RGBA, w int) []byte {
		img := image.NewRGBA(image.Rect(0, 0, w, 20))
		for x := 0; x < w; x++ {
			for y := 0; y < 20; y++ {
				img.Set(x, y, c)
			}
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	blue, red := logo(color.RGBA{0x1d, 0x70, 0xb8, 0xff}, 40), logo(color.RGBA{0xb8, 0x1d, 0x1d, 0xff}, 60)
	p, _ := testPack(3, 0)
	for i, l := range [][]byte{blue, red, blue} {
		p.Items[i].Load = lay(func() (*model.Document, error) {
			d := packPaper(i + 1)
			d.Style.Logo, d.Style.LogoType = l, "png"
			return d, nil
		})
	}
	list := pdftest.Tool(t, "pdfimages", "-list", writePackTemp(t, p))
	// Three placements of two images: the shared one is embedded once.
	var widths []string
	objects := map[string]bool{}
	for _, row := range strings.Split(strings.TrimSpace(list), "\n")[2:] {
		f := strings.Fields(row)
		widths = append(widths, f[3])
		objects[f[10]] = true
	}
	if !slices.Equal(widths, []string{"40", "60", "40"}) || len(objects) != 2 {
		t.Errorf("logos placed %v from %d images, want 40, 60, 40 from 2:\n%s", widths, len(objects), list)
	}
}

func BenchmarkPack30(b *testing.B) {
	p, _ := testPack(30, 0)
	for i := range p.Items {
		p.Items[i].Load = lay(func() (*model.Document, error) { return pdftest.BenchPaper(), nil })
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, p, pdf.Options{Date: pdftest.Date}); err != nil {
			b.Fatal(err)
		}
	}
}

// lay makes a pack item's Load of a function giving the paper's document.
func lay(load func() (*model.Document, error)) func() (*pdf.LaidOut, error) {
	return func() (*pdf.LaidOut, error) {
		doc, err := load()
		if err != nil {
			return nil, err
		}
		return pdf.Lay(doc)
	}
}

// pageLinks lists each page's links as qpdf reads them: the page a link
// goes to (1-based; 0 for a web address) and its rectangle and height.
func pageLinks(t *testing.T, path string) [][]string {
	t.Helper()
	var js struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		Objects map[string]map[string]any `json:"objects"`
	}
	out := pdftest.Tool(t, "qpdf", "--json=1", "--json-key=pages", "--json-key=objects", path)
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatal(err)
	}
	pageOf := map[string]int{}
	for i, p := range js.Pages {
		pageOf[p.Object] = i + 1
	}
	links := make([][]string, len(js.Pages))
	for i, p := range js.Pages {
		annots, _ := js.Objects[p.Object]["/Annots"].([]any)
		for _, a := range annots {
			if ref, ok := a.(string); ok {
				a = js.Objects[ref] // tagged: the annotation is an object of its own
			}
			a, _ := a.(map[string]any)
			target := "web"
			if dest, ok := a["/Dest"].([]any); ok && len(dest) == 5 {
				target = fmt.Sprintf("page %d at %v", pageOf[fmt.Sprint(dest[0])], dest[3])
			}
			links[i] = append(links[i], fmt.Sprintf("%v to %s", a["/Rect"], target))
		}
	}
	return links
}

// A paper's pages in its pack are its own PDF's pages: the same text,
// drawn the same (compared as pictures, the page furniture aside), with
// the same links, each internal link moved to the pack's page.
func TestPackPagesAreThePapersPages(t *testing.T) {
	doc := packPaper(1)
	doc.Body[1].Blocks = append(doc.Body[1].Blocks, pdftest.Para("2.4", pdftest.Txt("As "), &model.Ref{Target: "tbl-ages", Text: "Table One"}, pdftest.Txt(" shows.")))
	paper := writeTemp(t, doc)
	p := Meeting{Committee: "Executive Board", DateText: "13th March 2013", Items: []Item{
		{Item: 7, Subject: doc.Meta.Title, Load: func() (*pdf.LaidOut, error) { return pdf.Lay(doc) }},
	}}
	pack := writePackTemp(t, p)
	const front = 2 // the front sheet and the contents
	n, m := pdftest.PageCount(t, paper), pdftest.PageCount(t, pack)
	if m != n+front {
		t.Fatalf("pack of %d pages for a paper of %d", m, n)
	}
	furniture := regexp.MustCompile(`Page \d+ of \d+`)
	for i := 1; i <= n; i++ {
		a := furniture.ReplaceAllString(pdftest.PageText(t, paper, i), "Page")
		b := furniture.ReplaceAllString(pdftest.PageText(t, pack, i+front), "Page")
		if a != b {
			t.Errorf("page %d of the paper and %d of the pack read differently:\n%s\n---\n%s", i, i+front, a, b)
		}
		if !strings.Contains(pdftest.PageText(t, pack, i+front), fmt.Sprintf("Page %d of %d", i+front, m)) {
			t.Errorf("pack page %d does not say its place in the pack", i+front)
		}
		pa, pb := pagePicture(t, paper, i), pagePicture(t, pack, i+front)
		if !bytes.Equal(pa, pb) {
			t.Errorf("page %d of the paper and %d of the pack look different above the footer", i, i+front)
		}
	}

	paperLinks, packLinks := pageLinks(t, paper), pageLinks(t, pack)
	moved := regexp.MustCompile(`page (\d+) at`)
	internal := 0
	for i := 1; i <= n; i++ {
		want := make([]string, len(paperLinks[i-1]))
		for j, l := range paperLinks[i-1] {
			want[j] = moved.ReplaceAllStringFunc(l, func(s string) string {
				internal++
				page, _ := strconv.Atoi(moved.FindStringSubmatch(s)[1])
				return fmt.Sprintf("page %d at", page+front)
			})
		}
		if got := packLinks[i+front-1]; !slices.Equal(got, want) {
			t.Errorf("pack page %d links %q, want the paper's page %d's %q", i+front, got, i, want)
		}
	}
	if internal < 3 {
		t.Errorf("the paper has %d internal links; the test needs some", internal)
	}
	pdftest.Tool(t, "qpdf", "--check", pack)
}

// pagePicture renders a page in grey at 40 dpi and returns its pixels
// above the page furniture at the foot (the bottom 20 mm).
func pagePicture(t *testing.T, path string, page int) []byte {
	t.Helper()
	p := strconv.Itoa(page)
	pgm := []byte(pdftest.Tool(t, "pdftoppm", "-gray", "-r", "40", "-f", p, "-l", p, path))
	// A binary PGM: "P5\n<width> <height>\n255\n" then a byte a pixel.
	var w, h, maxval int
	var magic string
	if _, err := fmt.Sscan(string(pgm), &magic, &w, &h, &maxval); err != nil || magic != "P5" || len(pgm) < w*h {
		t.Fatalf("pdftoppm gave no greyscale picture: %v", err)
	}
	pixels := pgm[len(pgm)-w*h:]
	keep := h * int(pdf.PageHeight-20) / int(pdf.PageHeight)
	return pixels[:w*keep]
}

// embeddedFonts returns each font program a PDF embeds, by font name, as
// stored (compressed).
func embeddedFonts(t *testing.T, path string) map[string]string {
	t.Helper()
	var js struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(pdftest.Tool(t, "qpdf", "--json", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=none", path)), &js); err != nil || len(js.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objects map[string]struct {
		Value  map[string]any `json:"value"`
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(js.QPDF[1], &objects); err != nil {
		t.Fatal(err)
	}
	fonts := map[string]string{}
	for _, o := range objects {
		if o.Value["/Type"] != "/FontDescriptor" {
			continue
		}
		name, _ := o.Value["/FontName"].(string)
		file, _ := o.Value["/FontFile2"].(string) // "39 0 R"
		fonts[name] = objects["obj:"+file].Stream.Data
	}
	return fonts
}

// A pack sets its own text (front sheet, contents, page numbers) in fonts
// of its own, so its subsets of the papers' faces hold only what the
// papers use: a one-paper meeting's pack embeds the very programs its
// paper does (made once for both).
func TestPackEmbedsItsPapersFonts(t *testing.T) {
	doc := packPaper(1)
	paper := writeTemp(t, doc)
	pack := writePackTemp(t, Meeting{Committee: "Executive Board", DateText: "13th March 2013", Items: []Item{
		{Item: 7, Subject: doc.Meta.Title, Load: func() (*pdf.LaidOut, error) { return pdf.Lay(doc) }},
	}})
	paperFonts, packFonts := embeddedFonts(t, paper), embeddedFonts(t, pack)
	if len(paperFonts) < 2 {
		t.Fatalf("the paper embeds %d fonts", len(paperFonts))
	}
	for name, program := range paperFonts {
		if program == "" {
			t.Fatalf("the paper's %s has no program", name)
		}
		if packFonts[name] != program {
			t.Errorf("the pack's %s is not the paper's", name)
		}
	}
	own := 0
	for name := range packFonts {
		if strings.Contains(name, "pack") {
			own++
		} else if _, ok := paperFonts[name]; !ok {
			t.Errorf("the pack embeds %s, which the paper does not", name)
		}
	}
	if own == 0 {
		t.Error("the pack sets its own text in the papers' fonts")
	}
	if !strings.Contains(pdftest.AllText(t, pack), "Agenda reports pack") {
		t.Error("the pack's front sheet does not read")
	}
}

// TestPackWithLongNames: an agenda pack whose committee's name runs over
// the front sheet, and a subject longer than a contents page could hold,
// which the contents cut (the paper's cover has it whole).
func TestPackWithLongNames(t *testing.T) {
	committee := pdftest.Prose(1, 400) // three pages at 22 points
	subject := pdftest.Prose(2, 3000)
	p, _ := testPack(2, 0)
	p.Committee = committee
	p.Items[1].Subject = subject
	path := writePackTemp(t, p)
	text := pdftest.Squeeze(regexp.MustCompile(`Page \d+ of \d+`).ReplaceAllString(pdftest.Tool(t, "pdftotext", "-raw", path, "-"), ""))
	if !strings.Contains(text, pdftest.Squeeze(committee)) {
		t.Error("the committee's name is not all on the front sheet")
	}
	cut := contentsSubject(subject)
	if !strings.HasSuffix(cut, "…") || len(cut) > len(subject)/2 || !strings.HasPrefix(subject, strings.TrimSuffix(cut, "…")) {
		t.Fatalf("the subject is cut as %q", cut)
	}
	if !strings.Contains(text, pdftest.Squeeze(cut)) {
		t.Errorf("the contents lack the cut subject %q", cut)
	}
	var pages []int
	for i := 1; i <= pdftest.PageCount(t, path); i++ {
		pages = append(pages, i)
	}
	if starts := contentsStarts(t, path, pages...); len(starts) != 2 {
		t.Errorf("contents entries: %v", starts)
	}
}

// A paper's landscape page stays landscape in the pack, at its place
// among the paper's pages, and the pages around it portrait.
func TestPackPlacesLandscapePages(t *testing.T) {
	p, _ := testPack(2, 0)
	p.Items[1].Load = lay(func() (*model.Document, error) { return pdftest.FinancePaper(), nil })
	path := writePackTemp(t, p)
	own := writeTemp(t, pdftest.FinancePaper())
	starts := contentsStarts(t, path, 2)
	var sideways []int
	for page := 1; page <= pdftest.PageCount(t, own); page++ {
		if w, _ := pdftest.PageSize(t, own, page); w == 842 {
			sideways = append(sideways, page)
		}
	}
	if len(sideways) != 1 {
		t.Fatalf("the paper's own PDF has landscape pages %v, want one", sideways)
	}
	want := starts[4] + sideways[0] - 1
	for page := 1; page <= pdftest.PageCount(t, path); page++ {
		w, h := pdftest.PageSize(t, path, page)
		if landscape := w == 842 && h == 595; landscape != (page == want) {
			t.Errorf("pack page %d is %d x %d; want page %d alone landscape", page, w, h, want)
		}
	}
	if text := pdftest.PageText(t, path, want); !strings.Contains(text, "Carriageway resurfacing programme") {
		t.Errorf("pack page %d does not hold the capital table", want)
	}
}

// A paper's appendices are listed under it in the contents, each with the
// page it starts on and a link there; one the paper's layout does not
// have (as cannot happen when the list is made from the paper) is listed
// without a page.
func TestPackContentsGiveAppendixPages(t *testing.T) {
	doc := packPaper(1)
	appendix := func(n, title string) *model.Section {
		return &model.Section{Kind: model.Appendix, Level: 1, Number: "Appendix " + n, Title: []model.Inline{model.Text(title)},
			Blocks: []model.Block{pdftest.Para("A"+n+".1", pdftest.Txt(pdftest.Prose(1, 40)))}}
	}
	doc.Body = append(doc.Body, appendix("1", "Staffing"), appendix("2", "Costs"))
	p := Meeting{Committee: "Executive Board", DateText: "13th March 2013", Items: []Item{{
		Item: 7, Subject: doc.Meta.Title, Load: func() (*pdf.LaidOut, error) { return pdf.Lay(doc) },
		Appendices: []model.AppendixEntry{
			{Name: "Appendix 1", Title: "Staffing"},
			{Name: "Appendix 2", Title: "Costs", Exempt: true},
			{Name: "Appendix 3", Title: "Missing"},
		},
	}}}
	path := writePackTemp(t, p)
	contents := pdftest.PageText(t, path, 2)
	m := regexp.MustCompile(`Item 7\s+Paper number 1\s+(\d+)\s+Appendix 1: Staffing\s+(\d+)\s+Appendix 2: Costs \(not for publication\)\s+(\d+)\s+Appendix 3: Missing\s*\n`).FindStringSubmatch(contents)
	if m == nil {
		t.Fatalf("contents lack the appendices with their pages:\n%s", contents)
	}
	var pages []int
	for i, name := range []string{"", "Appendix 1: Staffing", "Appendix 2: Costs"} {
		page, _ := strconv.Atoi(m[i+1])
		pages = append(pages, page)
		if name != "" && !strings.HasPrefix(strings.TrimSpace(pdftest.PageText(t, path, page)), name) {
			t.Errorf("page %d does not start with %s:\n%s", page, name, pdftest.PageText(t, path, page))
		}
	}
	if pages[0] != 3 || pages[1] <= pages[0] || pages[2] <= pages[1] {
		t.Errorf("pages %v: the paper from 3, each appendix after it", pages)
	}
	if got := linkTargets(t, path, 2); !slices.Equal(got, pages) {
		t.Errorf("the contents link to pages %v, want %v", got, pages)
	}
	// Each link says where it goes, for a screen reader.
	described := pdftest.Tool(t, "qpdf", "--json", "--json-key=qpdf", path)
	for i, want := range []string{"Item 7: Paper number 1", "Appendix 1: Staffing", "Appendix 2: Costs (not for publication)"} {
		if want = fmt.Sprintf(`"/Contents": "u:%s, page %d"`, want, pages[i]); !strings.Contains(described, want) {
			t.Errorf("no link is described %s", want)
		}
	}
}
