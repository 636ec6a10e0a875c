package html

import (
	_ "embed"
	"math"
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

//go:embed style.css
var baseCSS string

// financeCSS styles finance tables: spanning headers, group and total
// rows, ratings, spoken figures and landscape tables.
//
//go:embed finance.css
var financeCSS string

// defaultFontSize is the body size in points when the layout gives none.
const defaultFontSize = 11

// styleSheet is the page's inline CSS: the house style's font and size as
// custom properties, then the fixed rules.
func styleSheet(st model.Style) string {
	size := st.FontSize
	if size <= 0 {
		size = defaultFontSize
	}
	// 11pt is printed at 11pt, but on screen it reads best at 16px, the
	// browsers' default: scale every size from there.
	screen := math.Round(size*16/11*100) / 100
	var b strings.Builder
	b.WriteString(":root {\n  --font: ")
	b.WriteString(fontStack(st.FontFamily))
	b.WriteString(";\n  --size-screen: ")
	b.WriteString(strconv.FormatFloat(screen, 'f', -1, 64))
	b.WriteString("px;\n  --size-print: ")
	b.WriteString(strconv.FormatFloat(size, 'f', -1, 64))
	b.WriteString("pt;\n}\n")
	b.WriteString(baseCSS)
	return b.String()
}

// fontStack puts the layout's family before the house stack (Arial and its
// metric twin Liberation Sans). Only letters, digits, spaces and hyphens
// are kept from the family's name, so that nothing it holds can end the
// style sheet.
func fontStack(family string) string {
	const house = `Arial, "Liberation Sans", Helvetica, sans-serif`
	clean := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ', r == '-':
			return r
		}
		return -1
	}, family)
	clean = strings.TrimSpace(clean)
	switch clean {
	case "", "Arial", "Liberation Sans", "Helvetica", "sans-serif":
		return house
	}
	return `"` + clean + `", ` + house
}

// markedListCSS hangs the markers of a list written "(a)", "(b)" where
// the browser's own would be, in place of them.
const markedListCSS = `ol.marked { list-style: none; padding-left: 2.5rem; }
ol.marked > li { position: relative; }
ol.marked > li > .marker { position: absolute; left: -2.5rem; }
`

// appendixCSS starts each appendix on a new printed page.
const appendixCSS = "@media print { .appendix { break-before: page; } }\n"

// featureCSS holds the rules only some papers need, added to the page
// only when the paper uses what they style, so that a page without them
// is the same as before they existed.
func featureCSS(d *model.Document) string {
	var b strings.Builder
	if len(d.Meta.Appendices) > 0 {
		b.WriteString(appendixCSS)
	}
	images, marked, finance := false, false, false
	widest := 0.0 // the widest number in the gutter, in rem
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		switch n := n.(type) {
		case *model.Section:
			if n.Kind != model.Appendix { // "Appendix 1" leads its heading
				widest = max(widest, numberWidth(n.Number)*headingScale(n.Level))
			}
		case *model.Para:
			widest = max(widest, numberWidth(n.Number))
		case *model.Image:
			images = true
		case *model.List:
			marked = marked || n.Style != ""
		case *model.Table:
			finance = finance || len(n.RowKinds) > 0 || n.Landscape
		case *model.Cell:
			finance = finance || n.Span > 1 || n.Status != model.StatusNone || n.Spoken != ""
			return model.WalkSkipChildren
		case model.Inline:
			return model.WalkSkipChildren
		}
		return model.WalkContinue
	})
	if finance {
		b.WriteString(financeCSS)
	}
	if images {
		b.WriteString(imageCSS)
	}
	if marked {
		b.WriteString(markedListCSS)
	}
	b.WriteString(gutterCSS(widest))
	if d.Cover.Table {
		b.WriteString(coverTableCSS)
	}
	return b.String()
}

// coverTableCSS: on a narrow screen a table cover's label stands above its
// answer, and the last row's rule under the table belongs under the
// answer, not between the two.
const coverTableCSS = "@media (max-width: 36rem) { .cover-table tr:last-child > th { border-bottom: 0; } }\n"

// The number gutter of style.css is 3.5rem: a number 3rem wide and a gap
// of 0.5rem before its text, which holds "4.1.2" and "10.14" but not
// "A1.2.1" in every font. A paper with a wider number widens the gutter,
// on screens wide enough to have one, so that no number touches its text.
const (
	baseGutter = 3.5
	gutterGap  = 0.5
)

// numberWidth is how wide a number is, in em of its text, in the widest
// of the fonts a page may fall back to: DejaVu Sans, whose digits are
// 0.64em and its stops 0.32em (Arial's 0.56em and 0.28em).
func numberWidth(num string) float64 {
	w := 0.0
	for _, r := range num {
		if r == '.' || r == ' ' {
			w += 0.32
		} else {
			w += 0.64
		}
	}
	return w
}

// headingScale is how much wider a section heading's number is than a
// paragraph's: its font size in rem (style.css's h2 and h3), and a tenth
// more for bold.
func headingScale(level int) float64 {
	switch level {
	case 1:
		return 1.25 * 1.1
	case 2:
		return 1.1 * 1.1
	}
	return 1
}

// gutterCSS widens the gutter to hold a number widest rem wide, in
// quarter rems; nothing when the usual gutter does.
func gutterCSS(widest float64) string {
	need := math.Ceil((widest+gutterGap)*4) / 4
	if need <= baseGutter {
		return ""
	}
	return "@media (min-width: 36.01rem) { :root { --gutter: " + strconv.FormatFloat(need, 'f', -1, 64) + "rem; } }\n"
}
