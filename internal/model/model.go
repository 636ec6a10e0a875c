// Package model is the format-neutral document that every writer consumes.
//
// Readers (front matter, template expansion, Markdown) build a Document; the
// passes in internal/transform number it, resolve its labels and
// cross-references and redact exempt material; writers (HTML, PDF) turn it
// into output. Everything a writer shows is decided here, already formatted:
// paragraph numbers, exhibit labels ("Table Two"), cross-reference text
// ("paragraph 3.11"), table cells ("90 (6.2%)"), the cover sheet's rows. A
// writer never numbers, formats a figure or reads Markdown or YAML, so HTML
// and PDF cannot disagree.
//
// The shape follows pandoc: blocks and inlines, each able to carry an Attr
// (id, classes, key-values). Unlike pandoc, sections are nested, because
// numbering, bookmarks and exempt redaction all work section by section.
// Walk visits every node of a document in reading order, for the passes and
// checks that look for something in it.
//
// This package imports nothing outside the standard library.
package model

import (
	"strconv"
	"strings"
	"time"
)

// Attr is pandoc's (id, classes, key-values) triple, with the label the
// author wrote.
type Attr struct {
	// ID is the element's id, for links. A reader sets it to the label
	// the author wrote ({#sec-main}, id: tbl-ages); the transform decides
	// it for good: the label, else one made from the element's number,
	// unique in the document.
	ID string
	// Label is the label the author wrote, as @references name it, once
	// the transform has decided ID; empty when the author wrote none.
	Label   string
	Classes []string
	KV      []KV
}

// KV is one key-value attribute, kept in the order written.
type KV struct{ Key, Value string }

// HasClass reports whether the attribute carries class c.
func (a Attr) HasClass(c string) bool {
	for _, x := range a.Classes {
		if x == c {
			return true
		}
	}
	return false
}

// Document is one paper.
type Document struct {
	Meta  Meta
	Cover Cover
	Style Style

	// Front holds the front part (summary of main issues, recommendations),
	// each as a Section with Kind FrontSummary or FrontRecommendations.
	Front []*Section
	// Body holds the numbered sections in order, then the appendices
	// (sections of Kind Appendix).
	Body []*Section

	// Footnotes in the order they are first referred to; Note.Number counts
	// from 1.
	Footnotes []*Note

	// Exempt is true when the whole paper is not for publication.
	Exempt bool
	// ExemptNotice is the text that replaces exempt material in public
	// output, e.g. "Not for publication (Access to Information Procedure
	// Rule 10.4(3))". Empty when nothing in the paper is exempt.
	ExemptNotice string
	// Redacted is true when exempt material has been removed (a public
	// rendering). Full renderings of exempt papers have Redacted false and
	// are marked NOT FOR PUBLICATION on every page.
	Redacted bool

	// Provenance records what made the document, for the reviewer.
	Provenance Provenance
}

// Meta is what a writer needs to name the document (titles, metadata).
type Meta struct {
	Slug      string    // file name without extension, e.g. "looked-after-children"
	Title     string    // the subject
	Author    string    // report_of
	Committee string    // report_to
	Date      time.Time // meeting date, UTC midnight
	// Keywords for the PDF's metadata.
	Keywords []string
	Language string // "en-GB"
	Item     int    // agenda item number; 0 when not given
	// Appendices lists the paper's appendices in order, for the cover,
	// the index and an agenda pack's contents (the transform fills it
	// from the body). The public version keeps the list: an exempt
	// appendix's heading is published.
	Appendices []AppendixEntry
	DateText   string // the date as papers print it: "13th March 2013"
}

// Cover is the cover sheet, already worded: the council and agenda item
// above it, then its rows in the layout's order.
type Cover struct {
	Council string // "Leeds City Council"; empty when the layout names none
	Item    string // "Agenda item 7"; empty when the paper has none
	// Table sets every row in one table of labels and answers; otherwise
	// fields are lines, questions a table of boxes and blocks paragraphs.
	Table bool
	Rows  []CoverRow
}

// CoverKind is how a cover row is drawn.
type CoverKind int

const (
	// CoverField is a label and one value ("Report of", "Director of
	// Children's Services").
	CoverField CoverKind = iota
	// CoverQuestion is a Yes/No question; Details follow a Yes.
	CoverQuestion
	// CoverBlock is a label and several lines: a person, a list.
	CoverBlock
)

// CoverRow is one row of the cover sheet.
type CoverRow struct {
	Kind  CoverKind
	Label string // "Report of", "Date:", "Is the decision eligible for call-in?"
	// Key is the front-matter key the row's value was written under, for
	// messages about it; empty for a row worded from the paper itself.
	Key string
	// Title marks the paper's subject: the page's one h1.
	Title bool
	// Lines are a field's value (one line) or a block's lines.
	Lines []string
	// Answer is a question's answer as the table style prints it ("Yes",
	// "Part exempt"); Yes is whether its box is Yes.
	Answer string
	Yes    bool
	// Details are lines shown under a question's answer, e.g. "Name(s) of
	// ward(s): Armley, Beeston" or "Access to Information Procedure Rule
	// number: 10.4(3)". The lines style shows them only under a Yes.
	Details []string
}

// Value is a field's value.
func (r CoverRow) Value() string {
	if len(r.Lines) == 0 {
		return ""
	}
	return r.Lines[0]
}

// Style is the house style a layout sets, as writers need it.
type Style struct {
	Layout     string  // layout name, e.g. "executive-board"
	FontFamily string  // "Liberation Sans"
	FontSize   float64 // body size in points
	FrontTitle string  // title shown above the front part, may be empty
	// Logo is the image shown on the cover (PNG or JPEG bytes), nil when
	// the layout has none.
	Logo     []byte
	LogoType string // "png" or "jpg"
	LogoAlt  string
	// ChartColours are hex colours ("#1d70b8") for chart series in order.
	ChartColours []string
}

// Provenance says which files and which boardpaper made a document.
type Provenance struct {
	Generator string // "boardpaper 0.1.0"
	Sources   []Source
}

// Source is one input file and its SHA-256.
type Source struct {
	Role   string // "template", "layout" or "data"
	Path   string // relative to the project root, slash-separated
	SHA256 string // hex
}

// AppendixEntry names one appendix of a paper.
type AppendixEntry struct {
	Name   string // "Appendix 1", as the layout words it
	Number string // "1" or "A": the name's number alone
	Title  string // "Staffing", plain text
	ID     string // the appendix section's id, for links
	Exempt bool
}

// AppendixLine is how lists of papers name an appendix: "Appendix 1:
// Staffing", with "(not for publication)" after an exempt one.
func AppendixLine(a AppendixEntry) string {
	line := a.Name + ": " + a.Title
	if a.Exempt {
		line += " (not for publication)"
	}
	return line
}

// SectionKind says what part of the paper a section is.
type SectionKind int

const (
	// Numbered is an ordinary numbered section or subsection.
	Numbered SectionKind = iota
	// FrontSummary is the summary of main issues in the front part.
	FrontSummary
	// FrontRecommendations are the recommendations in the front part.
	FrontRecommendations
	// Appendix is an appendix, after the numbered sections. Its Number is
	// its name as printed ("Appendix 1", "Appendix B"), and its heading
	// reads "Appendix 1: Staffing".
	Appendix
)

// Section is a heading and what follows it up to the next heading of the
// same or a higher level. Level 1 is a section, level 2 a subsection.
type Section struct {
	Attr   Attr
	Kind   SectionKind
	Level  int
	Number string   // "3", "3.0" or "4.1"; empty for the front part
	Title  []Inline // the heading text, without number
	Blocks []Block
	// Subsections are the level-2 sections inside a level-1 section. They
	// follow Blocks in reading order.
	Subsections []*Section
	// Exempt marks a section whose content is not for publication: in the
	// public version its Blocks and Subsections are replaced by one
	// ExemptNotice, and its heading and number stay.
	Exempt bool
	// WithinExempt marks a section that lies inside exempt material an
	// earlier heading opened (a subsection of an exempt section, or a
	// subsection after an exempt cross-heading of a higher level): the
	// public version leaves it out, heading and all. Exempt is then set
	// too.
	WithinExempt bool
}

// Block is a block-level element: *Para, *CrossHeading, *List, *Quote,
// *Table, *Chart, *Image, *CodeBlock, *Rule, *ExemptPart, *ExemptNotice.
type Block interface{ isBlock() }

// Para is a paragraph. Number is its paragraph number as printed ("3.14",
// "4.1.2", "1.0", "5."), empty when unnumbered.
type Para struct {
	Attr    Attr
	Number  string
	Inlines []Inline
}

// CrossHeading is an unnumbered heading inside a section; paragraph
// numbering carries on through it.
type CrossHeading struct {
	Attr    Attr
	Level   int // the Markdown heading level it was written at
	Inlines []Inline
}

// List is a bulleted or numbered list. Items hold blocks so lists nest.
type List struct {
	Attr    Attr
	Ordered bool
	Start   int // first number of an ordered list
	// Style and Delim are an ordered list's markers as the author wrote
	// them: Style "a", "A", "i", "I" or "1", Delim ".", ")" or "()", so
	// that "(a)" is Style "a" and Delim "()". Both are empty for
	// CommonMark's "1." and "1)", which print as "1.".
	Style, Delim string
	Items        [][]Block
}

// Marker is item i's marker as printed: "(a)", "iv.", "3.".
func (l *List) Marker(i int) string {
	n := l.Start + i
	var num string
	switch l.Style {
	case "a", "A":
		num = letters(n)
		if l.Style == "A" {
			num = strings.ToUpper(num)
		}
	case "i":
		num = Roman(n)
	case "I":
		num = strings.ToUpper(Roman(n))
	}
	if num == "" {
		num = strconv.Itoa(n)
	}
	switch l.Delim {
	case "()":
		return "(" + num + ")"
	case ")":
		return num + ")"
	}
	return num + "."
}

// letters is a for 1, … z for 26, then aa, ab, …; "" for n < 1.
func letters(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('a' + (n-1)%26)}, b...)
	}
	return string(b)
}

// Quote is a block quotation.
type Quote struct {
	Attr   Attr
	Blocks []Block
}

// CodeBlock is preformatted text (rare in papers; kept so nothing is lost).
type CodeBlock struct {
	Attr Attr
	Text string
}

// Rule is a thematic break.
type Rule struct{}

// ExemptPart is exempt material inside a section that is otherwise
// public: what an {.exempt} cross-heading opens, up to the next heading of
// the same or a higher level. The heading is published; the blocks are
// not. Only the full version of a paper holds one: the public version
// has the heading and an ExemptNotice in its place.
type ExemptPart struct {
	Heading *CrossHeading
	Blocks  []Block
}

// ExemptNotice stands where exempt material was removed.
type ExemptNotice struct {
	Text string
}

// Exhibit is what tables and charts share: a label and number the layout
// gives ("Table Two", "Figure 3"), and a caption.
type Exhibit struct {
	Attr    Attr
	Label   string // "Table Two"; empty for an unnumbered table
	Caption []Inline
}

// Image is a picture from the project (a map, an organisation chart, a
// photograph), shown as a block of its own at its natural size or the
// text width, whichever is less. With a caption it is an exhibit,
// labelled and numbered with the charts ("Figure 2"); without one it has
// no label.
type Image struct {
	Exhibit
	// Alt says what the image shows, for those who cannot see it; empty
	// only when Decorative.
	Alt        string
	Decorative bool
	Path       string // as written, relative to the project root
	Type       string // "png", "jpeg" or "svg"
	// Data is the file's bytes; a PNG a PDF cannot hold as written (16
	// bits a channel, interlaced) is the same picture saved plainly.
	Data []byte
	// Width and Height are the picture's size in pixels; an SVG's from
	// its width and height, 0 when it gives none.
	Width, Height int
}

// Align is a table column's alignment.
type Align int

const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table. Cells are already formatted.
type Table struct {
	Exhibit
	// Head is the header row(s). A cell spans one column unless its Span
	// says more (a group heading over its columns), so an upper header
	// row may hold fewer cells than the table has columns.
	Head [][]Cell
	Rows [][]Cell
	// RowKinds says what each row of Rows is, in order; it may be shorter
	// than Rows (the rest are plain rows), and is nil for most tables.
	RowKinds []RowKind
	// RowHeaders is true when each row's first cell labels the row (a
	// data table from a snapshot), so writers mark it as a row header.
	RowHeaders bool
	Align      []Align // per column; may be shorter than the row
	// Landscape asks for the table to be set on pages of their own turned
	// sideways (the PDF); a page of HTML scrolls a wide table instead.
	Landscape bool
	// Warnings are what a reader adding up the figures of a table read
	// from a snapshot would query, found as it was read: a declared total
	// the rows do not reach, shares that do not make 100%. They stop no
	// build and no writer shows them; boardpaper check reports them.
	Warnings []error
}

// RowKind is what a table row is.
type RowKind int

const (
	// RowPlain is a row of figures.
	RowPlain RowKind = iota
	// RowGroup heads the rows after it, up to the next group row or the
	// total: its one cell spans the table.
	RowGroup
	// RowTotal is a total of the rows above it, set apart (bold, a rule).
	RowTotal
)

// Kind is row i's kind.
func (t *Table) Kind(i int) RowKind {
	if i < len(t.RowKinds) {
		return t.RowKinds[i]
	}
	return RowPlain
}

// Status is a red/amber/green rating of a cell. Its word is always the
// cell's text too, so colour never carries the rating alone.
type Status string

const (
	StatusNone  Status = ""
	StatusRed   Status = "red"
	StatusAmber Status = "amber"
	StatusGreen Status = "green"
)

// Cell is one table cell.
type Cell struct {
	Inlines []Inline
	// Span is how many columns the cell spans; 0 or 1 is one.
	Span int
	// Align, when set, overrides the column's alignment for this cell.
	Align Align
	// Status colours the cell as a red/amber/green rating.
	Status Status
	// Spoken, when set, is how a screen reader should read the cell: a
	// figure in brackets is "minus 2,572".
	Spoken string
}

// Columns is how many columns a row of cells covers, spans counted.
func Columns(row []Cell) int {
	n := 0
	for _, c := range row {
		n += max(c.Span, 1)
	}
	return n
}

// ChartType is the kind of chart.
type ChartType string

const (
	ChartLine    ChartType = "line"
	ChartBar     ChartType = "bar"
	ChartBarLine ChartType = "bar-line" // first series bars, the rest lines
)

// Chart is a chart drawn from data. Its figures are also given as Table, the
// accessible alternative that writers show with it.
type Chart struct {
	Exhibit
	Type   ChartType
	Title  string
	YLabel string
	XLabel string
	// X holds the x values. When IsTime is true every point has a Time and
	// the axis is a time axis; otherwise points are categories.
	X      []XPoint
	IsTime bool
	// Monthly is true when the x values were written as YYYY-MM.
	Monthly bool
	Series  []Series
	// Y is the value axis, decided once from the values, so that every
	// writer draws the same one.
	Y Axis
	// Table is the chart's figures as a table (x down the side, a column
	// per series), already formatted.
	Table *Table
	// Summary is a sentence describing the chart for a text alternative:
	// its range, first and last values, highest and lowest.
	Summary string
}

// Axis is a chart's value axis: its ticks, lowest first (the first and
// the last are the axis's ends), and the label shown at each ("2,500").
type Axis struct {
	Ticks  []float64
	Labels []string
}

// XPoint is one x value with its label as shown ("Nov 2009", "Q1").
type XPoint struct {
	Label string
	Time  time.Time
}

// Series is one named run of values, one per x point.
type Series struct {
	Name   string
	Values []float64
}

func (*Para) isBlock()         {}
func (*CrossHeading) isBlock() {}
func (*List) isBlock()         {}
func (*Quote) isBlock()        {}
func (*CodeBlock) isBlock()    {}
func (*Rule) isBlock()         {}
func (*ExemptPart) isBlock()   {}
func (*ExemptNotice) isBlock() {}
func (*Table) isBlock()        {}
func (*Chart) isBlock()        {}
func (*Image) isBlock()        {}

// Inline is an inline element: Text, *Emph, *Strong, Code, *Link, *Ref,
// *NoteRef, LineBreak.
type Inline interface{ isInline() }

// Text is a run of plain text.
type Text string

// Emph is emphasised (italic) text.
type Emph struct{ Inlines []Inline }

// Strong is strong (bold) text.
type Strong struct{ Inlines []Inline }

// Code is inline code.
type Code string

// Link is a hyperlink to an external address (http, https, mailto).
type Link struct {
	URL     string
	Title   string
	Inlines []Inline
}

// Ref is a resolved cross-reference: Text is what is printed ("paragraph
// 3.11", "Table Two"); Target is the id of the element referred to, for a
// link in HTML and PDF.
type Ref struct {
	Label  string // as written, without "@"
	Target string
	Text   string
	// PublicTarget and PublicText, set when the element referred to lies
	// inside exempt material, are how the reference reads in the public
	// version: it points at the heading that opened that material ("the
	// exempt part of section 9"), so nothing of the exempt text, its
	// numbers' context or its ids is published.
	PublicTarget, PublicText string
}

// NoteRef refers to a footnote by number.
type NoteRef struct {
	Number int
	Note   *Note
}

// LineBreak is a hard line break.
type LineBreak struct{}

func (Text) isInline()      {}
func (*Emph) isInline()     {}
func (*Strong) isInline()   {}
func (Code) isInline()      {}
func (*Link) isInline()     {}
func (*Ref) isInline()      {}
func (*NoteRef) isInline()  {}
func (LineBreak) isInline() {}

// Note is a footnote.
type Note struct {
	Number int
	ID     string // "fn-1", for links
	Blocks []Block
}
