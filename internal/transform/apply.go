package transform

import (
	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
)

// Apply runs the passes that finish a document, in the order they depend on
// each other: numbers first, then exhibit labels, then labels and
// references (which print those numbers).
func Apply(d *model.Document, o Options, pos diag.Positions) error {
	Number(d, o)
	Exhibits(d, o)
	return Labels(d, pos)
}
