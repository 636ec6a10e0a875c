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

// financeCSS is added only to pages holding a finance table, so that
// other pages are as they were.
//
//go:embed finance.css
var financeCSS string

// hasFinance reports whether a document holds a table with finance
// structure (spanning cells, group or total rows, ratings or spoken
// figures) or one set on landscape pages.
func hasFinance(d *model.Document) bool {
	found := false
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		switch n := n.(type) {
		case *model.Table:
			if entering && (len(n.RowKinds) > 0 || n.Landscape) {
				found = true
			}
		case *model.Cell:
			if n.Span > 1 || n.Status != model.StatusNone || n.Spoken != "" {
				found = true
			}
			return model.WalkSkipChildren
		case *model.Para, *model.Chart:
			return model.WalkSkipChildren
		}
		if found {
			return model.WalkStop
		}
		return model.WalkContinue
	})
	return found
}

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
