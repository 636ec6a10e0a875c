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
	// AppendixWord names an appendix ("Appendix"); AppendixLetters numbers
	// appendices A, B, … rather than 1, 2, …; AppendixParas numbers an
	// appendix's paragraphs (A1.1, or B.1 when lettered).
	AppendixWord    string
	AppendixLetters bool
	AppendixParas   bool
	// ContinuousParas numbers the paragraphs of the sections and their
	// subsections 1, 2, … 12 through the paper, rather than 3.1, 3.2 in
	// each section; subsections are then numbered 4.1, 4.2 on their own.
	ContinuousParas bool
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
	sections, appendices, paras := 0, 0, 0
	d.Meta.Appendices = nil
	for _, s := range d.Body {
		if s.Kind == model.Appendix {
			appendices++
			numberAppendix(d, s, appendices, o)
			continue
		}
		sections++
		n := strconv.Itoa(sections)
		s.Number = n
		if o.SectionNumbers == "1.0" {
			s.Number = n + ".0"
		}
		if o.ContinuousParas {
			paras = numberOn(s, n, paras)
			continue
		}
		count := numberParas(s.Blocks, n, 0)
		for _, sub := range s.Subsections {
			count++
			sub.Number = fmt.Sprintf("%s.%d", n, count)
			numberParas(sub.Blocks, sub.Number, 0)
		}
	}
}

// numberOn numbers a section's paragraphs and its subsections'
// paragraphs on from count, the paragraphs before s's, and its
// subsections n.1, n.2; it returns the count after s.
func numberOn(s *model.Section, n string, count int) int {
	number := func(p *model.Para) {
		count++
		p.Number = strconv.Itoa(count)
	}
	eachPara(s.Blocks, number)
	for i, sub := range s.Subsections {
		sub.Number = fmt.Sprintf("%s.%d", n, i+1)
		eachPara(sub.Blocks, number)
	}
	return count
}

// numberAppendix names the nth appendix ("Appendix 1") and, when the
// layout says so, numbers its paragraphs and subsections as a section's
// are, after a prefix of its own: A1.1 (or B.1 when appendices are
// lettered), which no section's number can be.
func numberAppendix(d *model.Document, s *model.Section, n int, o Options) {
	num := strconv.Itoa(n)
	prefix := "A" + num
	if o.AppendixLetters {
		num = appendixLetters(n)
		prefix = num + "."
	}
	s.Number = firstOf(o.AppendixWord, "Appendix") + " " + num
	d.Meta.Appendices = append(d.Meta.Appendices, model.AppendixEntry{
		Name: s.Number, Number: num, Title: model.PlainText(s.Title), Exempt: s.Exempt,
	})
	if !o.AppendixParas {
		return
	}
	count := 0
	sep := "."
	if o.AppendixLetters {
		sep = "" // "B." already ends in the separator
	}
	eachPara(s.Blocks, func(p *model.Para) {
		count++
		p.Number = fmt.Sprintf("%s%s%d", prefix, sep, count)
	})
	for _, sub := range s.Subsections {
		count++
		sub.Number = fmt.Sprintf("%s%s%d", prefix, sep, count)
		numberParas(sub.Blocks, sub.Number, 0)
	}
}

// appendixLetters is A for 1, … Z for 26, then AA, AB, … as spreadsheet
// columns are lettered.
func appendixLetters(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

func firstOf(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func numberParas(bs []model.Block, prefix string, count int) int {
	eachPara(bs, func(p *model.Para) {
		count++
		p.Number = fmt.Sprintf("%s.%d", prefix, count)
	})
	return count
}

// eachPara calls fn for each paragraph that takes a number: those directly
// in bs but a lead-in marked {.unnumbered}, and those of an exempt part
// among them (numbering carries on
// through exempt material, so the public and full versions agree).
func eachPara(bs []model.Block, fn func(*model.Para)) {
	for _, b := range bs {
		switch b := b.(type) {
		case *model.Para:
			if !b.Attr.HasClass("unnumbered") {
				fn(b)
			}
		case *model.ExemptPart:
			eachPara(b.Blocks, fn)
		}
	}
}

// sectionRefNumber is how a section is named in a cross-reference:
// "section 3" whatever the heading style ("3.0" or "3").
func sectionRefNumber(s *model.Section) string {
	if s.Kind == model.Appendix {
		return s.Number
	}
	return strings.TrimSuffix(s.Number, ".0")
}
