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
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		switch n := n.(type) {
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
	return b.String()
}
