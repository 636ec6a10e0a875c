package transform

import "github.com/boardpaper/boardpaper/internal/model"

// exemption maps every element that lies inside exempt material (a
// section or a block) to the heading that opened that material: the
// *model.Section or the *model.CrossHeading of an exempt part. The opening
// heading itself is public and is not in the map. The reader decided what
// is exempt; this only finds it again, for references and for redaction,
// which must agree on it.
type exemption map[any]any

// exemptionOf walks d's sections in reading order. An exempt part opened
// by a cross-heading of level 1 runs on into the subsections after it,
// which the reader marked WithinExempt.
func exemptionOf(d *model.Document) exemption {
	m := exemption{}
	// carried opens the material a section marked WithinExempt lies in.
	var carried any
	// opened holds, for each section and exempt part being walked, the
	// opener of the material its blocks lie in (nil: they are public).
	var opened []any
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			switch n.(type) {
			case *model.Section, *model.ExemptPart:
				opened = opened[:len(opened)-1]
			}
			return model.WalkContinue
		}
		var opener any
		if len(opened) > 0 {
			opener = opened[len(opened)-1]
		}
		switch n := n.(type) {
		case *model.Document:
			return model.WalkContinue
		case *model.Section:
			switch {
			case n.WithinExempt && carried != nil:
				m[n] = carried
			case n.Exempt:
				carried = n
			default:
				carried = nil
			}
			if n.Exempt {
				opened = append(opened, carried)
			} else {
				opened = append(opened, nil)
			}
			return model.WalkContinue
		case *model.Note:
			return model.WalkSkipChildren // footnotes are cited, not read in place
		case model.Block:
			// The heading of an exempt part that opens material is not
			// inside it.
			if opener != nil && opener != any(n) {
				m[n] = opener
			}
			switch n := n.(type) {
			case *model.ExemptPart:
				if opener == nil {
					opener, carried = n.Heading, n.Heading
				}
				opened = append(opened, opener)
			case *model.List, *model.Quote:
			default:
				return model.WalkSkipChildren // no blocks inside
			}
			return model.WalkContinue
		}
		return model.WalkSkipChildren // inlines hold no blocks
	})
	return m
}

// HasExempt reports whether d holds exempt material: an exempt section or
// an exempt part.
func HasExempt(d *model.Document) bool { return FirstExempt(d) != nil }

// FirstExempt returns the first heading that opens exempt material (a
// *model.Section or *model.CrossHeading), for messages; nil when there is
// none.
func FirstExempt(d *model.Document) any {
	var first any
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		switch n := n.(type) {
		case *model.Section:
			if n.Exempt {
				first = n
				return model.WalkStop
			}
		case *model.ExemptPart:
			first = n.Heading
			return model.WalkStop
		case *model.Note:
			return model.WalkSkipChildren
		}
		return model.WalkContinue
	})
	return first
}
