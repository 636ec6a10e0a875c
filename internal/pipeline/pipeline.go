// Package pipeline makes one paper's documents and files from its inputs:
// it reads the paper's template, layout and snapshots (Load), expands the
// body, reads its Markdown and runs the model passes (Document), takes out
// what is not for publication (Public) and renders the HTML page, the
// charts' CSV files and the PDF (Render). It writes nothing and knows no
// output folder: publishing decides where files go (internal/publish).
package pipeline

import (
	"os"
	"slices"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/exhibit"
	"github.com/boardpaper/boardpaper/internal/expand"
	"github.com/boardpaper/boardpaper/internal/markdown"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf"
	"github.com/boardpaper/boardpaper/internal/project"
	"github.com/boardpaper/boardpaper/internal/transform"
)

// Version is boardpaper's version, recorded in every output's provenance
// and in each paper's incremental key: raise it whenever the same inputs
// give different bytes, so that no build keeps an earlier version's files.
const Version = "0.4.1"

// Generator names the program in outputs and in the publishing record.
const Generator = "boardpaper " + Version

// Inputs are one paper's files, read and checked.
type Inputs struct {
	Paper  *project.Paper
	Layout *project.Layout
	Data   *project.DataSet

	// template is the body's parse, begun while the rest was read (nil:
	// Document parses it).
	template *parsedTemplate
	// positions are where the document's elements were written, once
	// Document has read it.
	positions diag.Positions
	// images are the SHA-256 of each image file the body named, by path.
	images map[string]string
}

// parsedTemplate is a template being parsed on another goroutine.
type parsedTemplate struct {
	done chan struct{} // closed once t and err are set
	t    *expand.Template
	err  error
}

func parseTemplate(path string, line int, body string) *parsedTemplate {
	pt := &parsedTemplate{done: make(chan struct{})}
	go func() {
		pt.t, pt.err = expand.Parse(path, line, body)
		close(pt.done)
	}()
	return pt
}

func (pt *parsedTemplate) wait() (*expand.Template, error) {
	<-pt.done
	return pt.t, pt.err
}

// Load reads a paper's template, its layout and its snapshots. data, when
// set, replaces the paper's snapshot for this run (boardpaper build
// --data). Every problem found is returned together.
func Load(root, path, data string) (*Inputs, error) {
	full, err := project.Resolve(root, path)
	if err != nil {
		return nil, diag.Errorf(path, 0, 0, "%v", err)
	}
	src, err := os.ReadFile(full)
	if err != nil {
		return nil, diag.Errorf(path, 0, 0, "%v", err)
	}
	// The body's template is parsed on another goroutine while the front
	// matter, the layout and the snapshots are read: it needs none of
	// them.
	var tmpl *parsedTemplate
	if body, line, ok := project.PaperBody(src); ok {
		tmpl = parseTemplate(path, line, body)
	}
	p, err := project.ParsePaper(path, src)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	layout, err := project.LoadLayout(root, p.Layout)
	if err != nil {
		errs.Add(diag.Locate(err, p.Keys["layout"], ""))
	} else {
		errs.Add(p.Accept(layout))
	}
	refs := p.Data
	if data != "" {
		refs = []project.DataRef{{Path: data, Pos: diag.Pos{Path: data}}}
		if len(p.Data) > 1 {
			errs.Add(diag.At(p.Keys["data"], "--data replaces one snapshot, but this paper names %d", len(p.Data)))
		} else if len(p.Data) == 1 {
			refs[0].Name = p.Data[0].Name
		}
	}
	set := &project.DataSet{}
	for _, ref := range refs {
		snap, err := project.LoadSnapshot(root, ref.Path)
		if err != nil {
			errs.Add(diag.Locate(err, ref.Pos, "data: "))
			continue
		}
		snap.Name = ref.Name
		set.Snapshots = append(set.Snapshots, snap)
	}
	if layout != nil && layout.LogoPath != "" {
		if _, err := project.Resolve(root, layout.LogoPath); err != nil {
			errs.Add(diag.Errorf(layout.Path, 0, 0, "logo: %v", err))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Inputs{Paper: p, Layout: layout, Data: set, template: tmpl}, nil
}

// Document expands, reads and finishes a loaded paper's document: the full
// version, exempt material included.
func Document(root string, in *Inputs) (*model.Document, error) {
	p, l := in.Paper, in.Layout
	parsing := in.template
	if parsing == nil {
		parsing = parseTemplate(p.Path, p.BodyLine, p.Body)
	}
	tmpl, err := parsing.wait()
	if err != nil {
		return nil, err
	}
	body, err := tmpl.Execute(in.Data.Value(), p.Front)
	if err != nil {
		return nil, err
	}
	res, err := markdown.Read(markdown.Source{Path: p.Path, FirstLine: p.BodyLine, Template: p.Body, Expanded: body, Images: in.imageFunc(root)}, fenceFunc(in.Data))
	if err != nil {
		return nil, err
	}
	d := res.Doc
	in.positions = res.Positions
	if err := p.AddBackgroundPapers(d, l); err != nil {
		return nil, err
	}
	opts := numbering(l)
	opts.ExemptNotice = p.ExemptNotice(l)
	if err := transform.Apply(d, opts, res.Positions); err != nil {
		return nil, err
	}

	// The cover and the body must agree on what is exempt: a rule with
	// nothing exempt is as likely a slip as exempt material with no rule.
	hasExempt := transform.HasExempt(d)
	var errs diag.List
	switch {
	case hasExempt && p.AccessRule == "":
		errs.Add(diag.At(res.Positions[transform.FirstExempt(d)], "an {.exempt} heading needs access_to_information_rule in the front matter: %s", l.RuleHint()))
	case !hasExempt && !p.Exempt && p.ExemptAppendix != "":
		errs.Add(diag.At(p.Keys["exempt_appendix"], "exempt_appendix is given but nothing in the paper is exempt: mark the appendix's heading {.exempt}, or remove exempt_appendix"))
	case !hasExempt && !p.Exempt && p.AccessRule != "":
		errs.Add(diag.At(p.Keys["access_to_information_rule"], "access_to_information_rule is given but nothing in the paper is exempt: mark the exempt part's heading {.exempt}, set exempt: true, or remove the rule"))
	}
	cover := *p
	if len(d.Meta.Appendices) > 0 && errs.Err() == nil {
		cover.ExemptAppendix = agreeExemptAppendices(d.Meta.Appendices, p, &errs)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	d.Exempt = p.Exempt
	if p.Exempt || hasExempt {
		d.ExemptNotice = opts.ExemptNotice
	}
	appendices := d.Meta.Appendices
	d.Meta = p.Meta()
	d.Meta.Appendices = appendices
	d.Cover = cover.Cover(l, p.Exempt || hasExempt)
	if d.Style, err = l.Style(root); err != nil {
		return nil, err
	}
	d.Provenance = project.Provenance(Generator, p, l, in.Data)
	d.Provenance.Sources = append(d.Provenance.Sources, imageSources(d, in.images)...)
	return d, nil
}

// Uncovered reports the text of a paper that the PDF's fonts cannot draw
// (Chinese, Japanese, Korean, emoji), at the element that holds it or the
// front-matter key it comes from: the PDF would print ? in its place.
func Uncovered(d *model.Document, in *Inputs) error {
	var errs diag.List
	for _, u := range pdf.Uncovered(d) {
		at := diag.Pos{Path: in.Paper.Path}
		switch {
		case u.Field == "front.title" || u.Field == "council" || strings.HasPrefix(u.Field, "cover.label:"):
			at = in.Layout.Where(u.Field)
		case u.Field != "":
			if k, ok := in.Paper.Keys[u.Field]; ok {
				at = k
			}
		default:
			for i := len(u.Where) - 1; i >= 0; i-- {
				if q, ok := in.positions[u.Where[i]]; ok {
					at = q
					break
				}
			}
		}
		errs.Add(diag.At(at, "%s", u.Message()))
	}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if im, ok := n.(*model.Image); ok && entering && im.Type == "svg" {
			errs.Add(diag.At(in.positions[im], "the PDF cannot show the SVG image %s: save it as PNG (at twice the size it is shown, for print) and name the PNG here; the web page shows either", im.Path))
		}
		return model.WalkContinue
	})
	return errs.Err()
}

// imageFunc reads the images a paper's body names from the project, and
// notes each file's hash for the provenance.
func (in *Inputs) imageFunc(root string) markdown.ImageFunc {
	in.images = map[string]string{}
	return func(path string) (*model.Image, error) {
		f, err := project.LoadImage(root, path)
		if err != nil {
			return nil, err
		}
		in.images[path] = f.SHA256
		return &model.Image{Type: f.Type, Data: f.Data, Width: f.Width, Height: f.Height}, nil
	}
}

// imageSources are the provenance of the images d shows, each once, in
// the order first shown.
func imageSources(d *model.Document, sums map[string]string) []model.Source {
	var out []model.Source
	seen := map[string]bool{}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if im, ok := n.(*model.Image); ok && entering && !seen[im.Path] {
			seen[im.Path] = true
			out = append(out, model.Source{Role: "image", Path: im.Path, SHA256: sums[im.Path]})
		}
		return model.WalkContinue
	})
	return out
}

// ImagePaths are the image files a document shows, as its provenance
// names them: what its output depends on beyond the paper's own files.
func ImagePaths(d *model.Document) []string {
	var out []string
	for _, s := range d.Provenance.Sources {
		if s.Role == "image" {
			out = append(out, s.Path)
		}
	}
	return out
}

// Public is what the public may see of a paper: nil for a paper exempt as
// a whole, the redacted document for one with exempt material, the
// document itself otherwise. Every public file is made from it.
func Public(doc *model.Document) (*model.Document, error) {
	switch {
	case doc.Exempt:
		return nil, nil
	case doc.ExemptNotice != "" || transform.HasExempt(doc):
		pub, err := transform.Redact(doc, doc.ExemptNotice)
		if err != nil {
			return nil, err
		}
		// The public version names only the images it shows: the name of
		// a file shown only in exempt material may say what it is.
		sums := map[string]string{}
		pub.Provenance.Sources = nil
		for _, s := range doc.Provenance.Sources {
			if s.Role == "image" {
				sums[s.Path] = s.SHA256
			} else {
				pub.Provenance.Sources = append(pub.Provenance.Sources, s)
			}
		}
		pub.Provenance.Sources = append(pub.Provenance.Sources, imageSources(pub, sums)...)
		return pub, nil
	}
	return doc, nil
}

// PublicDocument loads a paper and makes the document the public sees
// (nil for a paper exempt as a whole).
func PublicDocument(root, path, data string) (*model.Document, error) {
	in, err := Load(root, path, data)
	if err != nil {
		return nil, err
	}
	doc, err := Document(root, in)
	if err != nil {
		return nil, err
	}
	return Public(doc)
}

// fenceFunc reads a paper's table and chart blocks from its snapshots.
func fenceFunc(data *project.DataSet) markdown.FenceFunc {
	return func(kind string, src []byte, pos diag.Pos) (model.Block, error) {
		if kind == "table" {
			return exhibit.Table(src, pos, data)
		}
		return exhibit.Chart(src, pos, data)
	}
}

// numbering maps a layout's rules onto the passes' options.
func numbering(l *project.Layout) transform.Options {
	return transform.Options{
		SummaryNumbers:          l.SummaryNumbers,
		RecommendationsContinue: l.RecommendationsContinue,
		SectionNumbers:          l.SectionNumbers,
		TableLabel:              l.TableLabel,
		ChartLabel:              l.ChartLabel,
		NumberWords:             l.NumberWords,
		AppendixWord:            l.AppendixWord,
		AppendixLetters:         l.AppendixLetters,
		AppendixParas:           l.AppendixParas,
		ContinuousParas:         l.ContinuousParas,
	}
}

// agreeExemptAppendices checks the front matter's exempt_appendix against
// the appendices the body marks {.appendix .exempt}, and returns the
// cover's wording of them ("2", "1 and 3"): the body decides, and the
// front matter, when it says, must say the same.
func agreeExemptAppendices(apps []model.AppendixEntry, p *project.Paper, errs *diag.List) string {
	var exempt, all []string
	for _, a := range apps {
		all = append(all, a.Number)
		if a.Exempt {
			exempt = append(exempt, a.Number)
		}
	}
	derived := andList(exempt)
	if p.ExemptAppendix == "" {
		return derived
	}
	at := p.Keys["exempt_appendix"]
	said := map[string]bool{}
	for _, n := range appendixNumbers(p.ExemptAppendix, apps[0].Name) {
		said[strings.ToUpper(n)] = true
		switch i := slices.Index(all, strings.ToUpper(n)); {
		case i < 0:
			has := "its appendices are " + andList(all)
			if len(all) == 1 {
				has = "its only appendix is " + apps[0].Name
			}
			errs.Add(diag.At(at, "exempt_appendix names appendix %s, but the paper has no appendix %s: %s", n, n, has))
		case !apps[i].Exempt:
			errs.Add(diag.At(at, "exempt_appendix names appendix %s, but its heading (%s: %s) is not marked {.exempt}: mark it {.appendix .exempt}, or take it out of exempt_appendix", n, apps[i].Name, apps[i].Title))
		}
	}
	for _, a := range apps {
		if a.Exempt && !said[a.Number] {
			errs.Add(diag.At(at, "%s (%s) is marked {.exempt} but exempt_appendix does not name it: write exempt_appendix: %q, or leave exempt_appendix out and the cover names the exempt appendices itself", a.Name, a.Title, derived))
		}
	}
	return derived
}

// appendixNumbers reads exempt_appendix's numbers: "2", "1, 3", "1 and
// 3", "Appendix 2" (name is an appendix's name, whose word may be written).
func appendixNumbers(s, name string) []string {
	word := strings.ToLower(strings.Fields(name)[0])
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '&' || r == ' ' }) {
		if l := strings.ToLower(f); l != "and" && l != word && l != word+"s" {
			out = append(out, f)
		}
	}
	return out
}

// andList joins "1", "2", "3" as "1, 2 and 3".
func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
