package model

import "strconv"

// A writer makes a few anchors of its own, named from the model's: the
// page's main content, a section's heading, each reference to a footnote.
// The transform gives no element one of these names, so every id a writer
// places is unique without the writer deciding anything.

// MainID is the id of the page's main content, where an HTML page's skip
// link leads.
const MainID = "main"

// TitleID is the id of the heading of the section whose id is id:
// "sec-3-title".
func TitleID(id string) string { return id + "-title" }

// NoteRefID is the id of the k-th reference (counting from 1) to the
// footnote numbered number: "fnref-2", then "fnref-2-2", "fnref-2-3".
func NoteRefID(number, k int) string {
	id := "fnref-" + strconv.Itoa(number)
	if k > 1 {
		id += "-" + strconv.Itoa(k)
	}
	return id
}
