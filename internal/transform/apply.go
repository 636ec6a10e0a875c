// Package transform holds the passes that turn the reader's structure into
// a finished document: numbering, exhibit labels, ids, labels and
// cross-references, and the redaction of exempt material. Each pass is
// model to model and decides something exactly once, so every writer shows
// the same numbers and places the same ids.
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
