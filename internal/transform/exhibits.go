package transform

import (
	"strconv"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
)

// Exhibits labels tables and charts in reading order: "Table Two",
// "Figure 3". Charts share the tables' sequence when the layout gives them
// the same label, and have their own otherwise. A GitHub table without a
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
	eachBlock(d, func(b model.Block) {
		switch b := b.(type) {
		case *model.Table:
			if b.RowHeaders || len(b.Caption) > 0 || b.Attr.ID != "" {
				b.Label = label(o.TableLabel)
			}
		case *model.Chart:
			b.Label = label(o.ChartLabel)
		}
	})
}
