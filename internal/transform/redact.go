package transform

import "github.com/boardpaper/boardpaper/internal/model"

// Redact returns a copy of d fit for publication: every exempt section keeps
// its heading and number and loses its content to the notice, and
// footnotes referred to only from removed content go too. d itself is left
// whole for the exempt rendering; the two share unchanged blocks.
//
// A paper that is exempt as a whole is never published, so it is not
// redacted here: the build does not write it to the public output at all.
func Redact(d *model.Document, notice string) *model.Document {
	out := *d
	out.Redacted = true
	out.Front = redactSections(d.Front, notice)
	out.Body = redactSections(d.Body, notice)

	// Footnotes referred to only from removed content must go too: their
	// text may be as sensitive as the section's. Numbers are kept as they
	// are in the full paper, so both renderings cite the same notes.
	referred := map[*model.Note]bool{}
	eachInlineList(&out, func(in []model.Inline) {
		for _, x := range in {
			if n, ok := x.(*model.NoteRef); ok {
				referred[n.Note] = true
			}
		}
	})
	out.Footnotes = nil
	for _, n := range d.Footnotes {
		if referred[n] {
			out.Footnotes = append(out.Footnotes, n)
		}
	}
	return &out
}

func redactSections(ss []*model.Section, notice string) []*model.Section {
	out := make([]*model.Section, len(ss))
	for i, s := range ss {
		cp := *s
		if s.Exempt {
			cp.Blocks = []model.Block{&model.ExemptNotice{Text: notice}}
			cp.Subsections = nil
		} else {
			cp.Blocks = append([]model.Block(nil), s.Blocks...)
			cp.Subsections = redactSections(s.Subsections, notice)
		}
		out[i] = &cp
	}
	return out
}
