// Package pipeline makes one paper's documents and files from its inputs:
// it reads the paper's template, layout and snapshots (Load), expands the
// body, reads its Markdown and runs the model passes (Document), takes out
// what is not for publication (Public) and renders the HTML page, the
// charts' CSV files and the PDF (Render). It writes nothing and knows no
// output folder: publishing decides where files go (internal/publish).
package pipeline

import (
	"os"
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
	res, err := markdown.Read(markdown.Source{Path: p.Path, FirstLine: p.BodyLine, Template: p.Body, Expanded: body}, fenceFunc(in.Data))
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
	if err := errs.Err(); err != nil {
		return nil, err
	}
	d.Exempt = p.Exempt
	if p.Exempt || hasExempt {
		d.ExemptNotice = opts.ExemptNotice
	}
	d.Meta = p.Meta()
	d.Cover = p.Cover(l, p.Exempt || hasExempt)
	if d.Style, err = l.Style(root); err != nil {
		return nil, err
	}
	d.Provenance = project.Provenance(Generator, p, l, in.Data)
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
	return errs.Err()
}

// Public is what the public may see of a paper: nil for a paper exempt as
// a whole, the redacted document for one with exempt material, the
// document itself otherwise. Every public file is made from it.
func Public(doc *model.Document) (*model.Document, error) {
	switch {
	case doc.Exempt:
		return nil, nil
	case doc.ExemptNotice != "" || transform.HasExempt(doc):
		return transform.Redact(doc, doc.ExemptNotice)
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
	}
}
