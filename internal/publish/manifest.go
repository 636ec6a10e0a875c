package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pipeline"
	"github.com/boardpaper/boardpaper/internal/project"
)

// manifest records what the last build wrote and from what, in the output
// folder's marker file. A paper whose inputs hash to the same key as last
// time, and whose files are all still there, is not built again: its
// files are byte-identical to what a full build would write, because the
// key covers everything that decides them.
type manifest struct {
	Generator string                 `json:"generator"`
	Papers    map[string]paperRecord `json:"papers"` // by template path
	Packs     map[string]string      `json:"packs"`  // meeting folder → key of its papers
}

// paperRecord is one paper's entry: enough to list it in the index and its
// pack without reading it again. A paper not for publication has none:
// the manifest is in the public folder, and must not name it.
type paperRecord struct {
	Key       string           `json:"key"`
	Files     map[string]int64 `json:"files"` // path in the output folder → size
	Slug      string           `json:"slug"`
	Title     string           `json:"title"`
	Committee string           `json:"committee"`
	Date      string           `json:"date"`
	Item      int              `json:"item,omitempty"`
	Exempt    bool             `json:"exempt,omitempty"` // has exempt content
	Pages     int              `json:"pages,omitempty"`  // of its public PDF
	// Appendices are the public version's, for the index and the pack.
	Appendices []model.AppendixEntry `json:"appendices,omitempty"`
	// Images are the image files the public version shows, whose bytes
	// are part of its key.
	Images []string `json:"images,omitempty"`
}

func (r paperRecord) meta() model.Meta {
	d, _ := time.Parse("2006-01-02", r.Date)
	return model.Meta{Slug: r.Slug, Title: r.Title, Committee: r.Committee, Date: d, Item: r.Item, Appendices: r.Appendices}
}

func recordOf(b *Built, key string, sizes map[string]int64) paperRecord {
	r := paperRecord{Key: key, Files: map[string]int64{}, Slug: b.Meta.Slug, Title: b.Meta.Title,
		Committee: b.Meta.Committee, Date: b.Meta.Date.Format("2006-01-02"), Item: b.Meta.Item, Pages: b.Pages,
		Appendices: b.Meta.Appendices, Images: b.Images}
	for _, f := range b.Files {
		if !strings.HasPrefix(f, "exempt/") {
			r.Files[f] = sizes[f]
		}
	}
	return r
}

// emptyManifest is the record of no build: everything is built.
func emptyManifest() manifest {
	return manifest{Papers: map[string]paperRecord{}, Packs: map[string]string{}}
}

// decodeManifest reads the last build's manifest, as its sink kept it; a
// missing or unreadable one, or one of another version, means everything
// is built.
func decodeManifest(b []byte) manifest {
	m := emptyManifest()
	if b == nil || json.Unmarshal(b, &m) != nil || m.Generator != pipeline.Generator {
		return emptyManifest()
	}
	if m.Papers == nil {
		m.Papers = map[string]paperRecord{}
	}
	if m.Packs == nil {
		m.Packs = map[string]string{}
	}
	return m
}

func (m manifest) encode() []byte {
	m.Generator = pipeline.Generator
	b, _ := json.MarshalIndent(m, "", "  ")
	return append(b, '\n')
}

// reusable returns the previous record for a paper when its inputs have
// not changed and every file it wrote is still in place (as had says).
func (m manifest) reusable(path, key string, had func(rel string, size int64) bool) (paperRecord, bool) {
	rec, ok := m.Papers[path]
	if !ok || rec.Key != key || key == "" {
		return rec, false
	}
	for f, size := range rec.Files {
		if !had(f, size) {
			return rec, false
		}
	}
	return rec, true
}

// inputKey hashes everything that decides a paper's output: boardpaper's
// version, the formats asked for, the template, its layout (and logo) and
// its snapshots. It reads bytes and the front matter only, so checking a
// thousand unchanged papers is quick. An empty key means "build it".
//
// images are the image files the paper showed when last built (its
// record's): the body names them, and is not read here. A body that
// names others has changed, and so has its template's or a snapshot's
// hash.
func inputKey(o Options, path string, images []string) string {
	var p *project.Paper
	if pp := o.proj.paper(path); pp != nil {
		p = pp.paper // read at the start of the build
	} else {
		full, err := project.Resolve(o.Root, path)
		if err != nil {
			return ""
		}
		src, err := os.ReadFile(full)
		if err != nil {
			return ""
		}
		if p, err = project.ParseFront(path, src); err != nil {
			return ""
		}
	}
	if p == nil {
		return ""
	}
	l, err := project.LoadLayout(o.Root, p.Layout) // parsed once per process
	if err != nil {
		return ""
	}
	refs := p.Data
	if o.Data != "" {
		refs = []project.DataRef{{Path: o.Data}}
	}
	data := make([]fileSum, len(refs))
	for i, r := range refs {
		full, err := project.Resolve(o.Root, r.Path)
		if err != nil {
			return ""
		}
		b, err := os.ReadFile(full)
		if err != nil {
			return ""
		}
		data[i] = fileSum{r.Path, sha(b)} // as a loaded snapshot's SHA256
	}
	sums := make([]fileSum, len(images))
	for i, im := range images {
		sums[i] = fileSum{im, "missing"}
		if full, err := project.Resolve(o.Root, im); err == nil {
			if b, err := os.ReadFile(full); err == nil {
				sums[i].sum = sha(b)
			}
		}
	}
	return o.keyOf(p.SHA256, l, data, sums)
}

// loadedKey is inputKey for a paper already loaded, from the bytes it is
// built from: nothing is read or parsed again but the logo, and the key
// cannot describe a file saved again while the paper was being built.
func loadedKey(o Options, in *pipeline.Inputs, public *model.Document) string {
	data := make([]fileSum, len(in.Data.Snapshots))
	for i, s := range in.Data.Snapshots {
		data[i] = fileSum{s.Path, s.SHA256}
	}
	var images []fileSum
	if public != nil {
		for _, s := range public.Provenance.Sources {
			if s.Role == "image" {
				images = append(images, fileSum{s.Path, s.SHA256})
			}
		}
	}
	return o.keyOf(in.Paper.SHA256, in.Layout, data, images)
}

// fileSum is a snapshot's or an image's path and the SHA-256 of its
// bytes, in hex.
type fileSum struct{ path, sum string }

// keyOf hashes a paper's inputs into its key (see inputKey).
func (o Options) keyOf(templateSum string, layout *project.Layout, data, images []fileSum) string {
	h := sha256.New()
	add := func(label string, b []byte) {
		h.Write([]byte(label))
		h.Write([]byte{0})
		n := len(b)
		h.Write([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
		h.Write(b)
	}
	add("generator", []byte(pipeline.Version))
	add("formats", []byte{boolByte(o.HTML), boolByte(o.PDF)})
	add("exempt-out", []byte{boolByte(o.ExemptOut != "")})
	add("source-date-epoch", []byte(os.Getenv("SOURCE_DATE_EPOCH")))
	add("template", []byte(templateSum))
	add("layout", layout.Src)
	if layout.LogoPath != "" && !addFile(o.Root, layout.LogoPath, "logo", add) {
		return ""
	}
	for _, d := range data {
		add("data "+d.path, []byte(d.sum))
	}
	for _, im := range images {
		add("image "+im.path, []byte(im.sum))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func addFile(root, rel, label string, add func(string, []byte)) bool {
	full, err := project.Resolve(root, rel)
	if err != nil {
		return false
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return false
	}
	add(label+" "+rel, b)
	return true
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// packKey identifies a meeting's pack by the keys of its papers: the pack
// is written again when any of them changes, or one joins or leaves. An
// empty key (a paper whose inputs could not be read) means "write it".
func packKey(keys []string) string {
	sorted := append([]string(nil), keys...)
	sort.Strings(sorted)
	h := sha256.New()
	for _, k := range sorted {
		if k == "" {
			return ""
		}
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sha is the SHA-256 of b, in hex, as a snapshot's SHA256 is.
func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
