package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/model"
)

// packPaper is a small paper whose subject and text name it.
func packPaper(n int) *model.Document {
	d := samplePaper()
	d.Meta.Title = fmt.Sprintf("Paper number %d", n)
	d.Cover.Subject = d.Meta.Title
	d.Cover.ReportTo = "Executive Board"
	return d
}

func testPack(n int, withheldAt int) (Pack, map[int]int) {
	p := Pack{Committee: "Executive Board", DateText: "13th March 2013"}
	loads := map[int]int{}
	for i := 1; i <= n; i++ {
		it := PackItem{Item: i + 2, Subject: fmt.Sprintf("Paper number %d", i)}
		if i == withheldAt {
			it.Subject = "Contract award"
			it.Withheld = "not for publication (Access to Information Procedure Rule 10.4(3))"
		} else {
			i := i
			it.Load = func() (*model.Document, error) { loads[i]++; return packPaper(i), nil }
		}
		p.Items = append(p.Items, it)
	}
	return p, loads
}

func writePackTemp(t *testing.T, p Pack) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePack(&buf, p, Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPackContentsPointAtEachPaper(t *testing.T) {
	p, loads := testPack(3, 2)
	path := writePackTemp(t, p)
	pages := pageCount(t, path)

	front := pageText(t, path, 1)
	for _, want := range []string{"Executive Board", "13th March 2013", "Agenda reports pack"} {
		if !strings.Contains(front, want) {
			t.Errorf("front sheet lacks %q", want)
		}
	}
	contents := pageText(t, path, 2)
	if !strings.Contains(contents, "Contents") || !strings.Contains(contents, "Not for publication (Access to Information Procedure Rule 10.4(3))") {
		t.Errorf("contents page:\n%s", contents)
	}
	for _, i := range []int{1, 3} {
		m := regexp.MustCompile(fmt.Sprintf(`Item %d\s+Paper number %d\s+(\d+)`, i+2, i)).FindStringSubmatch(contents)
		if m == nil {
			t.Fatalf("contents lacks paper %d:\n%s", i, contents)
		}
		start, _ := strconv.Atoi(m[1])
		first := pageText(t, path, start)
		if !strings.Contains(first, "Report of") || !strings.Contains(first, fmt.Sprintf("Paper number %d", i)) {
			t.Errorf("the contents sends paper %d to page %d, which begins:\n%.300s", i, start, first)
		}
		if loads[i] != 1 {
			t.Errorf("paper %d was loaded %d times", i, loads[i])
		}
	}
	if strings.Contains(allText(t, path), "SECRET") {
		t.Error("withheld text in the pack")
	}
	for i := 1; i <= pages; i++ {
		if want := fmt.Sprintf("Page %d of %d", i, pages); !strings.Contains(pageText(t, path, i), want) {
			t.Errorf("page %d lacks %q", i, want)
		}
	}
	tool(t, "qpdf", "--check", path)
}

func TestPackOutlineHasAPaperPerItem(t *testing.T) {
	p, _ := testPack(3, 0)
	path := writePackTemp(t, p)
	outline := tool(t, "qpdf", "--json", "--json-key=outlines", path)
	for i := 1; i <= 3; i++ {
		if want := fmt.Sprintf(`"title": "Item %d: Paper number %d"`, i+2, i); !strings.Contains(outline, want) {
			t.Errorf("outline lacks %s", want)
		}
	}
	// Sections sit beneath their paper: the paper's entry has kids.
	if strings.Count(outline, `"title": "1.0 Purpose of this report"`) != 3 {
		t.Errorf("each paper's sections should appear once beneath it:\n%.2000s", outline)
	}
}

func TestPackIsByteIdentical(t *testing.T) {
	p, _ := testPack(3, 2)
	var a, b bytes.Buffer
	if err := WritePack(&a, p, Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if err := WritePack(&b, p, Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two packs from the same papers differ")
	}
}

func TestLongContentsRunsOntoMorePages(t *testing.T) {
	p, _ := testPack(40, 0)
	for i := range p.Items {
		p.Items[i].Subject += " – a long subject that wraps onto a second line of the contents page"
		p.Items[i].Load = func() (*model.Document, error) { return &model.Document{Meta: model.Meta{Title: "short"}}, nil }
	}
	path := writePackTemp(t, p)
	if !strings.Contains(pageText(t, path, 3), "Item 42") && !strings.Contains(pageText(t, path, 4), "Item 42") {
		t.Errorf("the last item is not on the contents' later pages")
	}
	// The first paper starts after every contents page.
	m := regexp.MustCompile(`(?m)^\s*Item 3\s+Paper number 1 .*\s(\d+)\s*$`).FindStringSubmatch(pageText(t, path, 2))
	if m == nil {
		t.Fatalf("no page for item 3:\n%s", pageText(t, path, 2))
	}
	if start, _ := strconv.Atoi(m[1]); start < 4 {
		t.Errorf("the first paper starts on page %d, inside the contents", start)
	}
}

func BenchmarkPack30(b *testing.B) {
	p, _ := testPack(30, 0)
	for i := range p.Items {
		doc := benchPaper()
		p.Items[i].Load = func() (*model.Document, error) { return doc, nil }
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WritePack(&buf, p, Options{Date: testDate}); err != nil {
			b.Fatal(err)
		}
	}
}
