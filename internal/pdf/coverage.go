package pdf

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/boardpaper/boardpaper/internal/pdf/textset"
)

// UncoveredText is text of a document that no font the PDF embeds can
// draw: the PDF would print "?" for each of its characters (in a chart,
// an empty box), where the HTML shows them.
type UncoveredText struct {
	// Where is the element the text is in, as a path from the outermost
	// (a *model.Section, for its title or its blocks, or a *model.Note) to
	// the innermost (a *model.Para, *model.CrossHeading, *model.Table,
	// *model.Chart, *model.CodeBlock, ...): the pointers the Markdown
	// reader records positions for. A build names the innermost it has a
	// position for. Nil for the cover sheet's text, which Field names.
	Where []any
	// Field is where the cover sheet's text comes from: a front-matter
	// key ("subject", "report_of", "report_to", "author", "wards",
	// "access_to_information_rule", "exempt_appendix", or a layout's own),
	// or "front.title", "council" or "cover.label:" and a label: the
	// layout's title of the front part, its council's name or a label of
	// its cover. Empty for body text.
	Field string
	// Runes are the characters no font has, each once, in the order they
	// first appear.
	Runes []rune
	// Chart is true for a chart's own text (its title, axis labels, x
	// values and series names), which is set in Liberation Sans alone.
	Chart bool
}

// Message says what is wrong, in words an author can act on, for a build
// to print at the element's position.
func (u UncoveredText) Message() string {
	fonts, what := "the PDF's fonts (Liberation Sans, DejaVu Sans) have", "print ? for"
	if u.Chart {
		fonts, what = "the PDF's chart font (Liberation Sans) has", "show an empty box for"
	}
	n := len(u.Runes)
	var names []string
	for i, r := range u.Runes {
		if i == 5 && n > 6 {
			names = append(names, fmt.Sprintf("%d more", n-i))
			break
		}
		names = append(names, runeName(r))
	}
	list := names[0]
	if len(names) > 1 {
		list = strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	them := "them"
	if n == 1 {
		them = "it"
	}
	where := "PDF"
	if u.Chart {
		where = "chart"
	}
	return fmt.Sprintf("%s no %s, so the %s would %s %s: write the text without %s (the fonts cover Latin, Greek and Cyrillic letters, not Chinese, Japanese or Korean, nor emoji)", fonts, list, where, what, them, them)
}

// runeName shows a character as an author can find it: "委 (U+59D4)", or
// only its code when it has no visible form of its own.
func runeName(r rune) string {
	switch {
	case unicode.Is(unicode.Variation_Selector, r):
		return fmt.Sprintf("U+%04X (an invisible emoji selector)", r)
	case !unicode.IsGraphic(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.IsSpace(r):
		return fmt.Sprintf("U+%04X (an invisible character)", r)
	}
	return fmt.Sprintf("%c (U+%04X)", r, r)
}

// Uncovered lists the text of doc that the PDF's fonts cannot draw, by
// element, for a build to report before it writes the PDF. It reads the
// fonts' character maps, parsed once per process, and costs a look-up a
// character that is not ASCII.
func Uncovered(doc *model.Document) []UncoveredText {
	if textset.Load() != nil {
		return nil // the PDF's own error says the fonts cannot be read
	}
	c := &coverage{}
	for _, row := range doc.Cover.Rows {
		key := row.Key
		if key == "" {
			key = "access_to_information_rule" // the exempt row, worded from it
		}
		st := textset.FontStyle(0)
		if row.Kind == model.CoverField && !doc.Cover.Table {
			st = textset.Bold
		}
		c.field(key, st, row.Lines...)
		c.field(key, 0, row.Details...)
	}
	c.field("front.title", textset.Bold, doc.Style.FrontTitle)
	c.field("council", textset.Bold, doc.Cover.Council)
	for _, row := range doc.Cover.Rows {
		st := textset.FontStyle(0)
		if doc.Cover.Table || row.Kind == model.CoverField {
			st = textset.Bold
		}
		c.field("cover.label:"+row.Label, st, row.Label)
	}
	for _, s := range doc.Sections() {
		c.path = append(c.path[:0], s)
		c.inlines(s.Title, textset.Bold)
		c.flush(false)
		c.blocks(s.Blocks, 0)
	}
	for _, n := range doc.Footnotes {
		c.path = append(c.path[:0], n)
		c.blocks(n.Blocks, 0)
	}
	return c.out
}

// coverage gathers uncovered characters of one element at a time.
type coverage struct {
	out  []UncoveredText
	path []any // the element being read, outermost first
	cur  []rune
	seen map[rune]bool
}

// text adds s's characters, set in style st, that no face has: the
// text setter's own choice decides (textset.FaceFor: the style's primary
// face, else DejaVu). Characters it does not draw (controls, soft hyphens)
// are not asked about.
func (c *coverage) text(s string, st textset.FontStyle) {
	for _, r := range s {
		if r < 0x7f || r == 0xAD {
			continue // ASCII is in every face; controls are not drawn
		}
		if _, g := textset.FaceFor(r, st); g != r {
			c.add(r)
		}
	}
}

// chartText adds the characters of text a chart draws that Liberation
// Sans lacks: a chart sets its text in that face alone.
func (c *coverage) chartText(s string) {
	for _, r := range s {
		if r >= 0x7f && !textset.Primary(0).Has(r) {
			c.add(r)
		}
	}
}

func (c *coverage) add(r rune) {
	if c.seen == nil {
		c.seen = map[rune]bool{}
	}
	if !c.seen[r] {
		c.seen[r] = true
		c.cur = append(c.cur, r)
	}
}

// flush records the characters gathered so far as the element's at
// c.path.
func (c *coverage) flush(chart bool) {
	if len(c.cur) > 0 {
		c.out = append(c.out, UncoveredText{Where: append([]any(nil), c.path...), Runes: c.cur, Chart: chart})
	}
	c.cur, c.seen = nil, nil
}

func (c *coverage) field(name string, st textset.FontStyle, values ...string) {
	for _, v := range values {
		c.text(v, st)
	}
	if len(c.cur) > 0 {
		c.out = append(c.out, UncoveredText{Field: name, Runes: c.cur})
	}
	c.cur, c.seen = nil, nil
}

// inlines adds the text of in, set in style st, in the styles the text
// setter gives its parts.
func (c *coverage) inlines(in []model.Inline, st textset.FontStyle) {
	textset.Styled(in, st, c.text)
}

// blocks adds each block's text as its own element, inside c.path.
func (c *coverage) blocks(bs []model.Block, st textset.FontStyle) {
	for _, b := range bs {
		if h, ok := b.(*model.ExemptPart); ok {
			c.blocks([]model.Block{h.Heading}, st)
		}
		c.path = append(c.path, b)
		c.block(b, st)
		c.path = c.path[:len(c.path)-1]
	}
}

func (c *coverage) block(b model.Block, st textset.FontStyle) {
	switch b := b.(type) {
	case *model.Para:
		c.inlines(b.Inlines, st)
	case *model.CrossHeading:
		c.inlines(b.Inlines, textset.Bold|textset.Italic)
	case *model.List:
		for _, it := range b.Items {
			c.blocks(it, st)
		}
	case *model.Quote:
		c.blocks(b.Blocks, st|textset.Italic)
	case *model.ExemptPart:
		c.blocks(b.Blocks, st)
	case *model.CodeBlock:
		c.text(b.Text, textset.Mono)
	case *model.Table:
		c.exhibit(b.Exhibit)
		for _, r := range b.Head {
			for _, cell := range r {
				c.inlines(cell.Inlines, textset.Bold)
			}
		}
		for _, r := range b.Rows {
			for i, cell := range r {
				if i == 0 && b.RowHeaders {
					c.inlines(cell.Inlines, textset.Bold)
				} else {
					c.inlines(cell.Inlines, 0)
				}
			}
		}
	case *model.Chart:
		c.exhibit(b.Exhibit)
		c.flush(false)
		for _, s := range []string{b.Title, b.YLabel, b.XLabel} {
			c.chartText(s)
		}
		for _, x := range b.X {
			c.chartText(x.Label)
		}
		for _, s := range b.Series {
			c.chartText(s.Name)
		}
		c.flush(true)
	case *model.Image:
		c.exhibit(b.Exhibit) // the alt text is not printed
	}
	// An exempt notice is the rule's words and the front matter's rule,
	// which the cover's row reports.
	c.flush(false)
}

// exhibit adds a table's or chart's label and caption.
func (c *coverage) exhibit(e model.Exhibit) {
	c.text(e.Label, textset.Bold)
	c.inlines(e.Caption, 0)
}
