package project

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/templates"
	"gopkg.in/yaml.v3"
)

// Layout is a house style: how the front part, sections and exhibits are
// numbered and labelled, the sections a paper must have, the font and logo.
type Layout struct {
	Name string
	Path string // where it was read from; "(built in)/<name>.yaml" when embedded
	Src  []byte

	FrontTitle string
	// SummaryNumbers is "1.0", "1." or "none".
	SummaryNumbers string
	// RecommendationsContinue numbers front recommendations on from the
	// summary; otherwise they are unnumbered.
	RecommendationsContinue bool
	// SectionNumbers is "1.0" or "1".
	SectionNumbers string
	Required       []string

	TableLabel string
	ChartLabel string
	// NumberWords writes exhibit numbers as words ("Table Two").
	NumberWords bool

	FontFamily string
	FontSize   float64
	LogoPath   string // relative to the project root
	LogoAlt    string

	ChartColours []string

	// AppendixWord names an appendix ("Appendix"); AppendixLetters numbers
	// appendices A, B, … rather than 1, 2, …; AppendixParas numbers their
	// paragraphs (A1.1).
	AppendixWord    string
	AppendixLetters bool
	AppendixParas   bool
	// ContinuousParas numbers paragraphs 1, 2, … through the paper rather
	// than in each section.
	ContinuousParas bool
	// Council is the council's name, printed at the top of every paper.
	Council    string
	councilPos diag.Pos
	// ItemLabel words the agenda item above the cover: "Agenda item".
	ItemLabel string
	// CoverStyle is CoverLines or CoverTable.
	CoverStyle string
	// Cover is the cover's rows in order; nil when the layout declares
	// none (CoverRows gives Leeds's).
	Cover []CoverRow
	// Keys are the front-matter keys the layout accepts beyond FORMAT.md's,
	// with their kinds.
	Keys map[string]string
	// ExemptRule words the rule under which material is exempt, with
	// {rule} where access_to_information_rule goes.
	ExemptRule string
	// Implications are the headings a paper's implications section (the
	// section titled ImplicationsHeading) must answer, each a ## heading.
	Implications        []string
	ImplicationsHeading string
	// BackgroundHeading titles the section that lists a paper's
	// background_papers.
	BackgroundHeading string
}

var hexColour = lazyregexp.New(`^#[0-9a-fA-F]{6}$`)

// LoadLayout finds a layout by name: the project's
// templates/layouts/<name>.yaml first, else the one built in.
func LoadLayout(root, name string) (*Layout, error) {
	if !isSlug(name) {
		return nil, errors.New("layout name " + strconv.Quote(name) + " should be lower-case letters, digits and hyphens")
	}
	rel := "templates/layouts/" + name + ".yaml"
	src, err := readLayoutFile(root, rel)
	if errors.Is(err, fs.ErrNotExist) {
		src, err = fs.ReadFile(templates.Layouts, "layouts/"+name+".yaml")
		rel = "(built in)/" + name + ".yaml"
		if err != nil {
			return nil, errors.New("no layout " + strconv.Quote(name) + ": add templates/layouts/" + name + ".yaml, or use " + builtIn())
		}
	} else if err != nil {
		return nil, err
	}
	return parsedLayouts.parse(name, rel, src)
}

// builtIn names the layouts built in: "cabinet, executive-board or
// scrutiny-board".
func builtIn() string {
	entries, _ := fs.ReadDir(templates.Layouts, "layouts")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// readLayoutFile reads the project's layout file rel, refusing one that is
// a symbolic link out of the project as a template or snapshot would be: a
// layout decides what every paper in it looks like, and a link to a file
// elsewhere would change the papers with nothing in the project changed.
// A layout the project does not have returns an error that is
// fs.ErrNotExist, for the one built in.
func readLayoutFile(root, rel string) ([]byte, error) {
	full := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Lstat(full); errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	resolved, err := Resolve(root, rel)
	if err != nil {
		return nil, errors.New("layout: " + err.Error())
	}
	return os.ReadFile(resolved)
}

// parsedLayouts keeps each layout parsed once per process: every paper of
// a build names one of a few. A layout is read again each time (serve sees
// an edit), and parsed again only when its bytes changed. Layouts are never
// changed once parsed, so papers share them.
var parsedLayouts = layoutCache{m: map[layoutKey]layoutResult{}}

type layoutKey struct{ name, path, src string }

type layoutResult struct {
	l   *Layout
	err error
}

type layoutCache struct {
	mu sync.Mutex
	m  map[layoutKey]layoutResult
}

func (c *layoutCache) parse(name, rel string, src []byte) (*Layout, error) {
	key := layoutKey{name, rel, string(src)}
	c.mu.Lock()
	r, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return r.l, r.err
	}
	l, err := ParseLayout(name, rel, src)
	c.mu.Lock()
	if len(c.m) >= 64 { // a long serve session with many edits
		clear(c.m)
	}
	c.m[key] = layoutResult{l, err}
	c.mu.Unlock()
	return l, err
}

// ParseLayout reads a layout file.
func ParseLayout(name, relPath string, src []byte) (*Layout, error) {
	l := &Layout{Name: name, Path: relPath, Src: src,
		SummaryNumbers: "1.0", SectionNumbers: "1.0",
		TableLabel: "Table", ChartLabel: "Table", NumberWords: true,
		FontFamily: "Liberation Sans", FontSize: 11,
		ChartColours: []string{"#1d4f91", "#c05600", "#2b7a3b", "#6f3e8f"},
		AppendixWord: "Appendix", AppendixParas: true,
		ItemLabel: "Agenda item", CoverStyle: CoverLines,
		ExemptRule:          defaultExemptRule,
		ImplicationsHeading: "Implications",
	}
	doc, err := ParseYAML(relPath, 0, src)
	if err != nil {
		return nil, err
	}
	root := Root(doc)
	if root == nil {
		return l, nil
	}
	var errs diag.List
	d := decoder{path: relPath, errs: &errs}
	d.fields(root, "layout", map[string]func(*yaml.Node){
		"front": func(n *yaml.Node) {
			var recs *yaml.Node
			d.fields(n, "front", map[string]func(*yaml.Node){
				"title": func(n *yaml.Node) { l.FrontTitle = d.str(n, "front.title") },
				"summary_numbers": func(n *yaml.Node) {
					l.SummaryNumbers = d.oneOf(n, "front.summary_numbers", "1.0", "1.", "none")
				},
				"recommendations": func(n *yaml.Node) {
					recs = n
					l.RecommendationsContinue = d.oneOf(n, "front.recommendations", "unnumbered", "continue") == "continue"
				},
			})
			// continue numbers in the summary's style, and none has no
			// numbers to continue: the layout would number nothing.
			if l.RecommendationsContinue && l.SummaryNumbers == "none" {
				d.fail(recs, "front.recommendations: continue numbers the recommendations on from the summary, but summary_numbers is none: give summary_numbers \"1.\" or \"1.0\", or leave the recommendations unnumbered and number them with a list, (1), (2)")
			}
		},
		"sections": func(n *yaml.Node) {
			d.fields(n, "sections", map[string]func(*yaml.Node){
				"numbers":  func(n *yaml.Node) { l.SectionNumbers = d.oneOf(n, "sections.numbers", "1.0", "1") },
				"required": func(n *yaml.Node) { l.Required = d.strList(n, "sections.required") },
				"paragraphs": func(n *yaml.Node) {
					l.ContinuousParas = d.oneOf(n, "sections.paragraphs", "per-section", "continuous") == "continuous"
				},
			})
		},
		"exhibits": func(n *yaml.Node) {
			d.fields(n, "exhibits", map[string]func(*yaml.Node){
				"table_label": func(n *yaml.Node) { l.TableLabel = d.str(n, "exhibits.table_label") },
				"chart_label": func(n *yaml.Node) { l.ChartLabel = d.str(n, "exhibits.chart_label") },
				"numbers": func(n *yaml.Node) {
					l.NumberWords = d.oneOf(n, "exhibits.numbers", "words", "numerals") == "words"
				},
			})
		},
		"font": func(n *yaml.Node) {
			d.fields(n, "font", map[string]func(*yaml.Node){
				"family": func(n *yaml.Node) {
					l.FontFamily = d.oneOf(n, "font.family", "Liberation Sans", "Liberation Serif")
				},
				"size": func(n *yaml.Node) {
					var f float64
					if n.Decode(&f) != nil || f < 6 || f > 24 {
						d.fail(n, "font.size should be a number of points from 6 to 24")
						return
					}
					l.FontSize = f
				},
			})
		},
		"logo": func(n *yaml.Node) {
			d.fields(n, "logo", map[string]func(*yaml.Node){
				"path": func(n *yaml.Node) { l.LogoPath = d.str(n, "logo.path") },
				"alt":  func(n *yaml.Node) { l.LogoAlt = d.str(n, "logo.alt") },
			})
		},
		"appendices": func(n *yaml.Node) {
			d.fields(n, "appendices", map[string]func(*yaml.Node){
				"word": func(n *yaml.Node) {
					if w := strings.TrimSpace(d.str(n, "appendices.word")); w != "" {
						l.AppendixWord = w
					} else if n.Kind == yaml.ScalarNode {
						d.fail(n, "appendices.word should be the word that names an appendix, such as Appendix or Annex")
					}
				},
				"numbers": func(n *yaml.Node) {
					l.AppendixLetters = d.oneOf(n, "appendices.numbers", "1", "A") == "A"
				},
				"paragraphs": func(n *yaml.Node) {
					l.AppendixParas = d.oneOf(n, "appendices.paragraphs", "numbered", "unnumbered") == "numbered"
				},
			})
		},
		"council": func(n *yaml.Node) {
			l.Council, l.councilPos = d.str(n, "council"), diag.Pos{Path: relPath, Line: n.Line, Col: n.Column}
		},
		"item_label": func(n *yaml.Node) { l.ItemLabel = d.str(n, "item_label") },
		"cover":      func(n *yaml.Node) { d.coverSection(l, n) },
		"keys":       func(n *yaml.Node) { d.keysSection(l, n) },
		"exempt_rule": func(n *yaml.Node) {
			l.ExemptRule = d.str(n, "exempt_rule")
			if !strings.Contains(l.ExemptRule, "{rule}") {
				d.fail(n, "exempt_rule should hold {rule} where the paper's access_to_information_rule goes, e.g. \"paragraph {rule} of Schedule 12A\"")
			}
		},
		"implications": func(n *yaml.Node) {
			l.Implications = d.strList(n, "implications")
			if len(l.Implications) > maxCoverRows {
				d.fail(n, "implications lists %d headings; at most %d", len(l.Implications), maxCoverRows)
			}
		},
		"background_heading": func(n *yaml.Node) {
			if l.BackgroundHeading = d.str(n, "background_heading"); strings.TrimSpace(l.BackgroundHeading) == "" {
				d.fail(n, "background_heading should name the section that lists background papers, e.g. Background papers")
			}
		},
		"implications_heading": func(n *yaml.Node) {
			if l.ImplicationsHeading = d.str(n, "implications_heading"); strings.TrimSpace(l.ImplicationsHeading) == "" {
				d.fail(n, "implications_heading should name the section that holds the implications, e.g. Implications")
			}
		},
		"chart_colours": func(n *yaml.Node) {
			cs := d.strList(n, "chart_colours")
			for i, c := range cs {
				if !hexColour().MatchString(c) {
					d.fail(n.Content[i], "chart colour %q should be written #rrggbb", c)
				}
			}
			if len(cs) > 0 {
				l.ChartColours = cs
			}
		},
	})
	if l.BackgroundHeading == "" {
		l.BackgroundHeading = backgroundHeading(l.Required)
	}
	if l.LogoPath != "" && l.LogoAlt == "" {
		errs.Errorf(relPath, 1, 1, "logo.alt is needed with logo.path: say what the logo shows, for screen readers")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// backgroundHeading is the section a layout without background_heading
// lists background papers in: the one of its required sections whose title
// starts "Background" and names papers or documents (executive-board's
// "Background documents"), else "Background papers".
func backgroundHeading(required []string) string {
	for _, r := range required {
		lower := strings.ToLower(r)
		if strings.HasPrefix(lower, "background ") && (strings.Contains(lower, "papers") || strings.Contains(lower, "documents")) {
			return r
		}
	}
	return "Background papers"
}

// fields walks a mapping, calling the handler for each known key and
// reporting unknown ones.
func (d decoder) fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "%s should be a map of keys and values", what)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		if !ok {
			d.fail(k, "unknown key %q in %s", k.Value, what)
			continue
		}
		h(v)
	}
}

func (d decoder) oneOf(n *yaml.Node, key string, allowed ...string) string {
	s := d.str(n, key)
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	d.fail(n, "%s should be one of %q, not %q", key, allowed, s)
	return allowed[0]
}

func isSlug(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			continue
		}
		return false
	}
	return true
}

// Style is what the layout sets in a paper's document: its name, font,
// front title, chart colours and logo, the logo's bytes read from the
// project (root).
func (l *Layout) Style(root string) (model.Style, error) {
	s := model.Style{
		Layout: l.Name, FontFamily: l.FontFamily, FontSize: l.FontSize,
		FrontTitle: l.FrontTitle, ChartColours: l.ChartColours, LogoAlt: l.LogoAlt,
	}
	if l.LogoPath == "" {
		return s, nil
	}
	full, err := Resolve(root, l.LogoPath)
	if err != nil {
		return s, diag.Errorf(l.Path, 0, 0, "logo: %v", err)
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return s, diag.Errorf(l.Path, 0, 0, "logo: %v", err)
	}
	switch strings.ToLower(filepath.Ext(l.LogoPath)) {
	case ".png":
		s.LogoType = "png"
	case ".jpg", ".jpeg":
		s.LogoType = "jpg"
	default:
		return s, diag.Errorf(l.Path, 0, 0, "logo %q should be a PNG or JPEG file", l.LogoPath)
	}
	s.Logo = b
	return s, nil
}
