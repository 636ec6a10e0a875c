package project

import (
	"strings"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
)

// What the front matter puts on a paper's document: its metadata, the
// cover sheet's rows and the notices that stand in for exempt material.
// They are worded here, beside the reader of the keys they come from, so
// that a new front-matter key and what it prints are changed together.

// Meta is the paper's metadata, as its document, its meeting's folder and
// pack, and the index know it.
func (p *Paper) Meta() model.Meta {
	return model.Meta{
		Slug: p.Slug, Title: p.Subject, Author: p.ReportOf, Committee: p.ReportTo,
		Date: p.Date, Language: "en-GB", Item: p.Item,
		Keywords: []string{p.ReportTo, format.LongDate(p.Date)},
	}
}

// Cover words the cover sheet's rows. exempt says the paper holds exempt
// material (or is exempt as a whole).
func (p *Paper) Cover(exempt bool) model.Cover {
	c := model.Cover{
		ReportOf: p.ReportOf, ReportTo: p.ReportTo,
		DateText: format.LongDate(p.Date), Subject: p.Subject,
		AuthorName: p.AuthorName, AuthorTel: p.AuthorTel,
	}
	wards := model.CoverRow{Question: "Are specific electoral wards affected?", Yes: len(p.Wards) > 0}
	if wards.Yes {
		wards.Details = []string{"Name(s) of ward(s): " + strings.Join(p.Wards, ", ")}
	}
	exemptRow := model.CoverRow{Question: "Does the report contain confidential or exempt information?", Yes: exempt}
	if exempt {
		exemptRow.Details = append(exemptRow.Details, "Access to Information Procedure Rule number: "+p.AccessRule)
		if p.ExemptAppendix != "" {
			exemptRow.Details = append(exemptRow.Details, "Appendix number: "+p.ExemptAppendix)
		}
	}
	c.Rows = []model.CoverRow{
		wards,
		{Question: "Are there implications for equality and diversity and cohesion and integration?", Yes: p.EqualityImplications},
		{Question: "Is the decision eligible for call-in?", Yes: p.CallIn},
		exemptRow,
	}
	return c
}

// ExemptNotice stands in the public version for what an exempt heading
// opened.
func (p *Paper) ExemptNotice() string {
	return "Not for publication (Access to Information Procedure Rule " + p.AccessRule + ")"
}

// WithheldNotice is how the index and the agenda pack list a paper exempt
// as a whole.
func (p *Paper) WithheldNotice() string {
	return "not for publication (Access to Information Procedure Rule " + p.AccessRule + ")"
}
