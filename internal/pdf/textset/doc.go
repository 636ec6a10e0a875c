// Package textset sets a document's text for the PDF: it turns the model's
// inlines into measured lines. Each character is set in a face that has
// its glyph (Liberation Sans, Liberation Mono for code, DejaVu Sans for
// what those lack), measured with the widths the PDF draws it with, and
// words are broken into lines no wider than their box.
//
// It draws nothing and knows nothing of pages: the page writer
// (internal/pdf) places the lines and draws them. Lengths are in
// millimetres, type sizes in points.
package textset
