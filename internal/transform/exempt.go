package transform

import "github.com/boardpaper/boardpaper/internal/model"

// exemption maps every element that lies inside exempt material (a
// section or a block) to the heading that opened that material: the
// *model.Section or the *model.CrossHeading of an exempt part. The opening
// heading itself is public and is not in the map. The reader decided what
// is exempt; this only finds it again, for references and for redaction,
// which must agree on it.
type exemption map[any]any

// exemptionOf walks d in reading order. An exempt part opened by a
// cross-heading of level 1 runs on into the subsections after it, which
// the reader marked WithinExempt.
func exemptionOf(d *model.Document) exemption {
	m := exemption{}
	var blocks func(bs []model.Block, opener any) any
	// blocks marks bs as inside opener's material (when opener is not
	// nil) and returns the opener of the last exempt part among them.
	blocks = func(bs []model.Block, opener any) any {
		var last any
		for _, b := range bs {
			if opener != nil {
				m[b] = opener
			}
			switch b := b.(type) {
			case *model.List:
				for _, it := range b.Items {
					blocks(it, opener)
				}
			case *model.Quote:
				blocks(b.Blocks, opener)
			case *model.ExemptPart:
				partOpener := opener
				if partOpener == nil {
					partOpener = b.Heading
				} else {
					m[b.Heading] = opener
				}
				blocks(b.Blocks, partOpener)
				last = partOpener
			}
		}
		return last
	}
	var opener any // the opener of the material being read, if any
	for _, s := range d.Sections() {
		switch {
		case s.WithinExempt && opener != nil:
			m[s] = opener
		case s.Exempt:
			opener = s
		default:
			opener = nil
		}
		inside := opener
		if !s.Exempt {
			inside = nil
		}
		if last := blocks(s.Blocks, inside); last != nil && !s.Exempt {
			opener = last
		}
	}
	return m
}

// HasExempt reports whether d holds exempt material: an exempt section or
// an exempt part.
func HasExempt(d *model.Document) bool { return FirstExempt(d) != nil }

// FirstExempt returns the first heading that opens exempt material (a
// *model.Section or *model.CrossHeading), for messages; nil when there is
// none.
func FirstExempt(d *model.Document) any {
	for _, s := range d.Sections() {
		if s.Exempt {
			return s
		}
		var first any
		model.WalkBlocks(s.Blocks, func(b model.Block) {
			if p, ok := b.(*model.ExemptPart); ok && first == nil {
				first = p.Heading
			}
		})
		if first != nil {
			return first
		}
	}
	return nil
}
