package transform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Options are the layout's numbering rules.
type Options struct {
	// SummaryNumbers is "1.0" (1.0, 2.0, …), "1." (1., 2., …) or "none".
	SummaryNumbers string
	// RecommendationsContinue numbers front recommendations on from the
	// summary in the same style; otherwise they are unnumbered.
	RecommendationsContinue bool
	// SectionNumbers is "1.0" or "1".
	SectionNumbers string
	TableLabel     string // "Table"
	ChartLabel     string // "Table" (one sequence with tables) or "Figure"
	NumberWords    bool   // "Table Two" rather than "Table 2"
	// ExemptNotice replaces exempt material in public output.
	ExemptNotice string
}

// Number gives every section, subsection and paragraph its number.
//
// Paragraphs directly under a section take the next number in it (3.14);
// under a subsection, the subsection's number and their own (4.1.2).
// Subsections share their section's counter with its own paragraphs, so a
// section that has paragraphs before its first subsection cannot produce
// two things numbered 4.1. Blocks inside lists and quotes belong to the
// paragraph before them and take no number. Cross-headings take no number
// and do not restart the count.
func Number(d *model.Document, o Options) {
	frontCount := 0
	for _, s := range d.Front {
		numbered := o.SummaryNumbers != "none" &&
			(s.Kind == model.FrontSummary || o.RecommendationsContinue)
		if !numbered {
			continue
		}
		eachPara(s.Blocks, func(p *model.Para) {
			frontCount++
			if o.SummaryNumbers == "1." {
				p.Number = strconv.Itoa(frontCount) + "."
			} else {
				p.Number = strconv.Itoa(frontCount) + ".0"
			}
		})
	}
	for i, s := range d.Body {
		n := strconv.Itoa(i + 1)
		s.Number = n
		if o.SectionNumbers == "1.0" {
			s.Number = n + ".0"
		}
		count := numberParas(s.Blocks, n, 0)
		for _, sub := range s.Subsections {
			count++
			sub.Number = fmt.Sprintf("%s.%d", n, count)
			numberParas(sub.Blocks, sub.Number, 0)
		}
	}
}

func numberParas(bs []model.Block, prefix string, count int) int {
	eachPara(bs, func(p *model.Para) {
		count++
		p.Number = fmt.Sprintf("%s.%d", prefix, count)
	})
	return count
}

// eachPara calls fn for each paragraph that takes a number: those directly
// in bs, and those of an exempt part among them (numbering carries on
// through exempt material, so the public and full versions agree).
func eachPara(bs []model.Block, fn func(*model.Para)) {
	for _, b := range bs {
		switch b := b.(type) {
		case *model.Para:
			fn(b)
		case *model.ExemptPart:
			eachPara(b.Blocks, fn)
		}
	}
}

// sectionRefNumber is how a section is named in a cross-reference:
// "section 3" whatever the heading style ("3.0" or "3").
func sectionRefNumber(s *model.Section) string {
	return strings.TrimSuffix(s.Number, ".0")
}
