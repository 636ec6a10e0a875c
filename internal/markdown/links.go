package markdown

import (
	"unicode"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Reference-style links: "[text][ref]", "[ref][]" or "[ref]", with a line
// "[ref]: https://… "Title"" anywhere in the paper. goldmark resolves them
// to links with the definition's address, so the writers see ordinary
// links; what is left to the reader is that a definition prints nothing,
// and that an address written inside exempt material is not published by
// a link in public text.

// linkDef is where a link reference definition was written.
type linkDef struct {
	pos diag.Pos
	// exempt: the definition lies in exempt material, or in a footnote not
	// cited from public text (a footnote may be withheld).
	exempt bool
}

// refLink is a reference-style link in public text (or in a footnote,
// which may be published).
type refLink struct {
	label string // the reference, as goldmark matches it
	text  string // as written
	pos   diag.Pos
}

// linkDef records a definition. The first of a label is the one links
// take, as CommonMark says.
func (r *reader) linkDef(n *ast.LinkReferenceDefinition) {
	label := util.ToLinkReference(n.Label)
	if _, ok := r.linkDefs[label]; ok {
		return
	}
	exempt := r.run != nil && !r.inNote || r.inNote && !r.notePub
	r.linkDefs[label] = linkDef{pos: r.nodePos(n), exempt: exempt}
}

// refLink records a reference-style link that may be published.
func (r *reader) refLink(n *ast.Link) {
	if n.Reference == nil || r.run != nil && !r.inNote {
		return
	}
	r.refLinks = append(r.refLinks, refLink{
		label: util.ToLinkReference(n.Reference.Value),
		text:  string(n.Reference.Value),
		pos:   r.position(nodeOffset(n)),
	})
}

// checkLinks refuses a link in public text whose address was written in
// exempt material: the public version would publish it.
func (r *reader) checkLinks() {
	for _, l := range r.refLinks {
		if d, ok := r.linkDefs[l.label]; ok && d.exempt {
			r.errs.Add(diag.At(l.pos, "the link [%s] takes its address from line %d, which is exempt: move the line \"[%s]: …\" before the exempt part, or write the address in the link", l.text, d.pos.Line, l.text))
		}
	}
}

// visible reports whether s holds something a reader would see: not only
// spaces, no-break spaces and invisible characters.
func visible(s string) bool {
	for _, c := range s {
		if !unicode.IsSpace(c) && !unicode.Is(unicode.Cf, c) && !unicode.IsControl(c) {
			return true
		}
	}
	return false
}
