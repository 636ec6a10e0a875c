package transform

import (
	"strconv"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
)

// Exhibits labels tables and charts in reading order: "Table Two",
// "Figure 3". Charts share the tables' sequence when the layout gives them
// the same label, and have their own otherwise; a captioned image is
// numbered as a chart is. A GitHub table without a
// "Table:" caption is not an exhibit and takes no number.
func Exhibits(d *model.Document, o Options) {
	counts := map[string]int{}
	label := func(name string) string {
		counts[name]++
		if o.NumberWords {
			return name + " " + format.TitleWords(counts[name])
		}
		return name + " " + strconv.Itoa(counts[name])
	}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			return model.WalkContinue
		}
		switch n := n.(type) {
		case *model.Table:
			if n.RowHeaders || len(n.Caption) > 0 || n.Attr.ID != "" {
				n.Label = label(o.TableLabel)
			}
			return model.WalkSkipChildren
		case *model.Chart:
			// Its table of figures is part of it, not an exhibit.
			n.Label = label(o.ChartLabel)
			return model.WalkSkipChildren
		case *model.Image:
			// A picture is a figure, as a chart is: captioned or
			// labelled, it takes the charts' label and sequence.
			if len(n.Caption) > 0 || n.Attr.ID != "" {
				n.Label = label(o.ChartLabel)
			}
			return model.WalkSkipChildren
		case model.Inline:
			return model.WalkSkipChildren
		}
		return model.WalkContinue
	})
}
