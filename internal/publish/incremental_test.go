package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/synth"
)

func reusedPaths(results []*Built) map[string]bool {
	m := map[string]bool{}
	for _, r := range results {
		if r.Reused {
			m[r.Path] = true
		}
	}
	return m
}

func TestUnchangedPapersAreNotRebuilt(t *testing.T) {
	root := publishProject(t)
	os.WriteFile(filepath.Join(root, "data/t.yaml"), []byte("homes: 5\n"), 0o644)
	os.WriteFile(filepath.Join(root, "templates/other.md"), bytes.Replace([]byte(publicPaper), []byte("data: data/s.yaml"), []byte("data: data/t.yaml"), 1), 0o644)
	o := Options{Root: root, Out: "output", HTML: true, PDF: true}

	first, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(reusedPaths(first)); n != 0 {
		t.Fatalf("first build reused %d papers", n)
	}
	second, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	// Every paper is kept but the one not for publication, which the
	// public manifest does not name and so is read again.
	if reused := reusedPaths(second); len(reused) != len(second)-1 || reused["templates/contract.md"] {
		t.Fatalf("second build reused %v of %d papers", reused, len(second))
	}

	// A new snapshot for one paper rebuilds that paper alone.
	os.WriteFile(filepath.Join(root, "data/t.yaml"), []byte("homes: 6\n"), 0o644)
	third, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	reused := reusedPaths(third)
	if reused["templates/other.md"] || !reused["templates/inspections.md"] {
		t.Fatalf("after a data change, reused = %v", reused)
	}
	incremental := readTree(t, filepath.Join(root, "output"))

	// The incremental output is what a full build writes.
	o.Force = true
	if _, err := Run(o); err != nil {
		t.Fatal(err)
	}
	full := readTree(t, filepath.Join(root, "output"))
	if len(full) != len(incremental) {
		t.Fatalf("%d files after an incremental build, %d after a full one", len(incremental), len(full))
	}
	for name, b := range full {
		if !bytes.Equal(b, incremental[name]) {
			t.Errorf("%s differs between the incremental and the full build", name)
		}
	}
}

func TestRemovedOutputIsRebuilt(t *testing.T) {
	root := publishProject(t)
	o := Options{Root: root, Out: "output", HTML: true}
	if _, err := Run(o); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(root, "output/2013-04-25-scrutiny-board-children-and-families/inspections.html")
	os.Remove(page)
	results, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	if reusedPaths(results)["templates/inspections.md"] {
		t.Error("a paper whose page was deleted was not rebuilt")
	}
	if _, err := os.Stat(page); err != nil {
		t.Error(err)
	}
}

func TestProgressCountsEveryPaper(t *testing.T) {
	root := publishProject(t)
	var seen []int
	_, err := Run(Options{Root: root, Out: "output", HTML: true, Progress: func(done, total int) {
		if total != 2 {
			t.Errorf("total = %d", total)
		}
		seen = append(seen, done)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 || seen[0] != 1 || seen[1] != 2 {
		t.Errorf("progress = %v", seen)
	}
}

// A pack places the pages its papers' PDFs were just laid out with; a
// pack whose papers were kept from the last build reads and lays them out
// again. Either way it is the same pack. Forty papers in eight meetings:
// more than one batch (see batches).
func TestPacksFromKeptLayoutsAreThePacksReadAgain(t *testing.T) {
	root := t.TempDir()
	if err := synth.WriteMeetings(filepath.Join("..", ".."), root, 40, 5, 3); err != nil {
		t.Fatal(err)
	}
	o := Options{Root: root, Out: "output", HTML: true, PDF: true, Workers: 2}
	first, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	packs, _ := filepath.Glob(filepath.Join(root, "output", "*", packName))
	if len(packs) != 8 {
		t.Fatalf("%d packs, want 8", len(packs))
	}
	// Each pack holds every page of its five papers, and a front sheet.
	papersPages := map[string]int{}
	for _, b := range first {
		papersPages[filepath.Join(root, "output", MeetingDir(b.Meta), packName)] += b.Pages
	}
	laid := map[string][]byte{}
	for _, p := range packs {
		laid[p], _ = os.ReadFile(p)
		if n := pipeline.PDFPages(laid[p]); n <= papersPages[p] {
			t.Errorf("%s has %d pages; its papers have %d", p, n, papersPages[p])
		}
		os.Remove(p)
	}
	results, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(reusedPaths(results)); n != 40 {
		t.Fatalf("%d of 40 papers kept; the packs must be made from papers not built", n)
	}
	for _, p := range packs {
		if b, err := os.ReadFile(p); err != nil || !bytes.Equal(b, laid[p]) {
			t.Errorf("%s differs when its papers are read and laid out again (%v)", p, err)
		}
	}
}

// The key a build records is made from the bytes it loaded; the key the
// next build compares it with is made by reading the files. They must be
// the same for every kind of input, or nothing would ever be reused.
func TestLoadedPaperKeyIsTheKeyOfItsFiles(t *testing.T) {
	root := publishProject(t)
	layout, err := os.ReadFile("../../templates/layouts/scrutiny-board.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, "templates/layouts"), 0o755)
	os.WriteFile(filepath.Join(root, "templates/layouts/scrutiny-board.yaml"),
		append(layout, "logo:\n  path: data/logo.png\n  alt: The council's crest\n"...), 0o644)
	os.WriteFile(filepath.Join(root, "data/logo.png"), []byte("a logo"), 0o644)
	os.WriteFile(filepath.Join(root, "data/t.yaml"), []byte("homes: 5\n"), 0o644)

	keys := map[string]bool{}
	for _, o := range []Options{
		{Root: root, HTML: true, PDF: true},
		{Root: root, HTML: true},
		{Root: root, HTML: true, PDF: true, Data: "data/t.yaml"},
	} {
		for _, path := range []string{"templates/inspections.md", "templates/contract.md"} {
			in, err := pipeline.Load(root, path, o.Data)
			if err != nil {
				t.Fatal(err)
			}
			loaded, read := loadedKey(o, in, nil), inputKey(o, path, nil)
			if loaded == "" || loaded != read {
				t.Errorf("%s (data %q, pdf %v): key from the loaded paper %q, from its files %q", path, o.Data, o.PDF, loaded, read)
			}
			keys[loaded] = true
		}
	}
	if len(keys) != 6 {
		t.Errorf("%d different keys for 6 different builds", len(keys))
	}

	// The logo is an input: a new one is a new key.
	o := Options{Root: root, HTML: true, PDF: true}
	before := inputKey(o, "templates/inspections.md", nil)
	os.WriteFile(filepath.Join(root, "data/logo.png"), []byte("another logo"), 0o644)
	if inputKey(o, "templates/inspections.md", nil) == before {
		t.Error("a new logo left the key as it was")
	}
}

// A build into memory with a Memory (serve's) is incremental as a build to
// disk is: after a snapshot changes, only its paper is built again (with
// its meeting's pack and the index), and the files given to the sink are
// the files a fresh build gives.
func TestMemoryRebuildsOnlyWhatChanged(t *testing.T) {
	root := t.TempDir()
	if err := synth.WriteMeetings(filepath.Join("..", ".."), root, 6, 3, 5); err != nil {
		t.Fatal(err)
	}
	var memory Memory
	build := func(m *Memory) (map[string][]byte, []*Built) {
		t.Helper()
		results, err := Run(Options{Root: root, HTML: true, PDF: true, Sink: m})
		if err != nil {
			t.Fatal(err)
		}
		return m.Files(), results
	}
	same := func(what string, got, want map[string][]byte) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %d files, a fresh build gives %d", what, len(got), len(want))
		}
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Errorf("%s: %s differs from a fresh build's", what, name)
			}
		}
	}

	first, results := build(&memory)
	if n := len(reusedPaths(results)); n != 0 {
		t.Fatalf("first build reused %d papers", n)
	}
	again, results := build(&memory)
	if n := len(reusedPaths(results)); n != 6 {
		t.Errorf("an unchanged project: %d of 6 papers reused", n)
	}
	same("unchanged", again, first)

	snapshots, _ := filepath.Glob(filepath.Join(root, "data", "*", "*.yaml"))
	sort.Strings(snapshots)
	src, err := os.ReadFile(snapshots[0])
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(snapshots[0], append(src, []byte("\nextra_note: a figure added since\n")...), 0o644)
	changed, results := build(&memory)
	if n := len(reusedPaths(results)); n != 5 {
		t.Errorf("one snapshot changed: %d of 6 papers reused, want 5", n)
	}
	fresh, _ := build(new(Memory))
	same("one snapshot changed", changed, fresh)

	// A failed build leaves the memory as it was: once the mistake is
	// put right, the other papers are still not built again.
	os.WriteFile(snapshots[0], []byte("broken: [\n"), 0o644)
	if _, err := Run(Options{Root: root, HTML: true, PDF: true, Sink: &memory}); err == nil {
		t.Fatal("a broken snapshot built")
	}
	os.WriteFile(snapshots[0], src, 0o644)
	restored, results := build(&memory)
	if n := len(reusedPaths(results)); n != 5 {
		t.Errorf("after a failed build: %d of 6 papers reused, want 5", n)
	}
	same("put right", restored, first)
}

// The two sinks are one build's two places: a build into memory gives the
// files a build to disk writes, byte for byte, and each keeps them for
// the next build, which keeps every paper.
func TestMemoryHoldsWhatDiskWrites(t *testing.T) {
	root := t.TempDir()
	if err := synth.WriteMeetings(filepath.Join("..", ".."), root, 4, 2, 7); err != nil {
		t.Fatal(err)
	}
	disk := Options{Root: root, Out: "output", HTML: true, PDF: true}
	var memory Memory
	inMemory := Options{Root: root, HTML: true, PDF: true, Sink: &memory}
	for round, reused := range []int{0, 4} {
		for _, o := range []Options{disk, inMemory} {
			results, err := Run(o)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(reusedPaths(results)); n != reused {
				t.Errorf("build %d (into memory: %v): %d papers kept, want %d", round+1, o.Sink != nil, n, reused)
			}
		}
		written := readTree(t, filepath.Join(root, "output"))
		delete(written, marker)
		held := memory.Files()
		if len(held) != len(written) || len(held) < 10 {
			t.Errorf("build %d: %d files in memory, %d on disk", round+1, len(held), len(written))
		}
		for name, b := range written {
			if !bytes.Equal(held[name], b) {
				t.Errorf("build %d: %s in memory differs from the file on disk", round+1, name)
			}
		}
	}
}
