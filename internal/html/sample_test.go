package html

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"time"

	"github.com/boardpaper/boardpaper/internal/exhibit"
	m "github.com/boardpaper/boardpaper/internal/model"
)

// The documents the tests render are built by hand, as the transform passes
// would leave them: numbered, labelled and formatted.

func txt(s string) []m.Inline { return []m.Inline{m.Text(s)} }

func para(id, number, s string, more ...m.Inline) *m.Para {
	return &m.Para{Attr: m.Attr{ID: id}, Number: number, Inlines: append(txt(s), more...)}
}

func cells(ss ...string) []m.Cell {
	out := make([]m.Cell, len(ss))
	for i, s := range ss {
		if s != "" {
			out[i] = m.Cell{Inlines: txt(s)}
		}
	}
	return out
}

func logoPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	for x := 0; x < 8; x++ {
		for y := 0; y < 4; y++ {
			img.Set(x, y, color.RGBA{0x1d, 0x4f, 0x91, 0xff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// executivePaper is a small but complete Executive Board paper: cover,
// front part, numbered sections with a cross-heading and a subsection,
// a table, a chart, references, a footnote and links.
func executivePaper() *m.Document {
	note := &m.Note{Number: 1, ID: "fn-1", Blocks: []m.Block{
		&m.Para{Inlines: txt("Children looked after on the last day of each month.")},
	}}
	note2 := &m.Note{Number: 2, ID: "fn-2", Blocks: []m.Block{
		&m.Para{Inlines: txt("The headings follow the council's template.")},
	}}
	trend := &m.Chart{
		Exhibit: m.Exhibit{Attr: m.Attr{ID: "tbl-lac-trend"}, Label: "Table One",
			Caption: txt("Looked after children, November 2009 to January 2013")},
		Type: m.ChartLine, Title: "Number of looked after children", YLabel: "Children",
		X: []m.XPoint{
			{Label: "30 Nov 2009", Time: time.Date(2009, 11, 30, 0, 0, 0, 0, time.UTC)},
			{Label: "25 Jan 2013", Time: time.Date(2013, 1, 25, 0, 0, 0, 0, time.UTC)},
		},
		IsTime:  true,
		Series:  []m.Series{{Name: "Looked after children", Values: []float64{1370, 1384}}},
		Summary: "Looked after children from 1,370 in November 2009 to 1,384 in January 2013.",
		Table: &m.Table{
			Head:       [][]m.Cell{cells("", "Looked after children")},
			Rows:       [][]m.Cell{cells("30 Nov 2009", "1,370"), cells("25 Jan 2013", "1,384")},
			RowHeaders: true,
			Align:      []m.Align{m.AlignLeft, m.AlignRight},
		},
	}
	trend.Y = exhibit.ValueAxis(trend)
	ages := &m.Table{
		Exhibit: m.Exhibit{Attr: m.Attr{ID: "tbl-age-groups"}, Label: "Table Two",
			Caption: txt("Looked after children by age group at March 2011 and March 2012")},
		Head: [][]m.Cell{cells("", "0", "1-4", "5-10", "11-15", "16+")},
		Rows: [][]m.Cell{
			cells("March 2011", "90 (6.2%)", "322 (22.3%)", "359 (24.9%)", "431 (29.8%)", "242 (16.8%)"),
			cells("March 2012", "123 (8.3%)", "331 (22.5%)", "387 (26.3%)", "396 (26.9%)", "237 (16.1%)"),
		},
		RowHeaders: true,
		Align:      []m.Align{m.AlignLeft, m.AlignRight, m.AlignRight, m.AlignRight, m.AlignRight, m.AlignRight},
	}
	return &m.Document{
		Meta: m.Meta{
			Slug: "looked-after-children", Title: "Reducing the need for children to be looked after",
			Author: "Director of Children's Services", Committee: "Executive Board", DateText: "13th March 2013",
			Date: time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC), Language: "en-GB",
			Keywords: []string{"looked after children", "fostering"},
		},
		Cover: m.Cover{Rows: []m.CoverRow{
			{Label: "Report of", Key: "report_of", Lines: []string{"Director of Children's Services"}},
			{Label: "Report to", Key: "report_to", Lines: []string{"Executive Board"}},
			{Label: "Date:", Key: "date", Lines: []string{"13th March 2013"}},
			{Label: "Subject:", Key: "subject", Title: true, Lines: []string{"Reducing the need for children to be looked after"}},
			{Kind: m.CoverQuestion, Label: "Are specific electoral wards affected?"},
			{Kind: m.CoverQuestion, Label: "Are there implications for equality and diversity and cohesion and integration?"},
			{Kind: m.CoverQuestion, Label: "Is the decision eligible for call-in?", Yes: true},
			{Kind: m.CoverQuestion, Label: "Does the report contain confidential or exempt information?"},
			{Kind: m.CoverBlock, Label: "Report author", Key: "author", Lines: []string{"A. Officer", "Tel: 0113 000 0000"}},
		}},
		Style: m.Style{Layout: "executive-board", FontFamily: "Liberation Sans", FontSize: 11,
			FrontTitle: "Executive Summary", Logo: logoPNG(), LogoType: "png", LogoAlt: "Leeds City Council"},
		Front: []*m.Section{
			{Kind: m.FrontSummary, Attr: m.Attr{ID: "summary"}, Level: 1, Title: txt("Summary of main issues"), Blocks: []m.Block{
				para("para-1-0", "1.0", "This report updates the Board on reducing the need for children to be in care."),
				para("para-2-0", "2.0", "The number of looked after children fell by 90 between March 2012 and January 2013."),
			}},
			{Kind: m.FrontRecommendations, Attr: m.Attr{ID: "recommendations"}, Level: 1, Title: txt("Recommendations"), Blocks: []m.Block{
				para("", "", "Executive Board is asked to note the progress made."),
			}},
		},
		Body: []*m.Section{
			{Level: 1, Number: "1.0", Attr: m.Attr{ID: "sec-1"}, Title: txt("Purpose of this report"), Blocks: []m.Block{
				para("para-1-1", "1.1", "This report sets out the progress made since the last update."),
			}},
			{Level: 1, Number: "2.0", Attr: m.Attr{ID: "sec-background"}, Title: txt("Background information"), Blocks: []m.Block{
				para("para-2-1", "2.1", "The number of looked after children rose from 1,370 to 1,434, as ",
					&m.Ref{Label: "tbl-lac-trend", Target: "tbl-lac-trend", Text: "Table One"}, m.Text(" shows."),
					&m.NoteRef{Number: 1, Note: note}),
				trend,
				&m.Para{Number: "2.2", Attr: m.Attr{ID: "para-ages"}, Inlines: []m.Inline{
					m.Text("Younger children make up more of those entering care ("),
					&m.Ref{Label: "tbl-age-groups", Target: "tbl-age-groups", Text: "Table Two"},
					m.Text("): 90 (6.2%) were under one in March 2011."),
				}},
				ages,
			}},
			{Level: 1, Number: "3.0", Attr: m.Attr{ID: "sec-3"}, Title: txt("Main issues"), Blocks: []m.Block{
				para("para-3-1", "3.1", "Several things keep children safe from harm:"),
				&m.List{Items: [][]m.Block{
					{&m.Para{Inlines: txt("good placements;")}},
					{&m.Para{Inlines: []m.Inline{m.Text("regular visits by a "), &m.Emph{Inlines: txt("qualified")}, m.Text(" social worker.")}}},
				}},
				&m.CrossHeading{Level: 2, Inlines: txt("Common Assessment Framework (CAF)")},
				para("para-3-2", "3.2", "The figures are published on the ",
					&m.Link{URL: "https://www.leeds.gov.uk/", Title: "Leeds City Council", Inlines: txt("council's website")},
					m.Text("; questions to "),
					&m.Link{URL: "mailto:clerk@example.org", Inlines: txt("the clerk")},
					m.Text(". See "),
					&m.Ref{Label: "para-ages", Target: "para-ages", Text: "paragraph 2.2"},
					m.Text(" and "),
					&m.Ref{Label: "sec-background", Target: "sec-background", Text: "section 2.0"},
					m.Text(".")),
			}},
			{Level: 1, Number: "4.0", Attr: m.Attr{ID: "sec-4"}, Title: append(txt("Corporate Considerations"), &m.NoteRef{Number: 2, Note: note2}), Subsections: []*m.Section{
				{Level: 2, Number: "4.1", Attr: m.Attr{ID: "sec-4-1"}, Title: txt("Consultation and Engagement"), Blocks: []m.Block{
					para("para-4-1-1", "4.1.1", "Children in care were consulted on the strategy."),
					&m.CrossHeading{Level: 3, Inlines: txt("Children in Care Council")},
					para("para-4-1-2", "4.1.2", "The Children in Care Council meets every month."),
				}},
			}},
		},
		Footnotes: []*m.Note{note, note2},
		Provenance: m.Provenance{Generator: "boardpaper 0.1.0", Sources: []m.Source{
			{Role: "template", Path: "templates/looked-after-children.md", SHA256: "9f2c4e1a0b3d5f6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"},
			{Role: "data", Path: "data/looked-after-children/2013-01-25.yaml", SHA256: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"},
		}},
	}
}

// exemptPaper is the full (unredacted) rendering of an exempt Scrutiny
// Board paper with an exempt appendix.
func exemptPaper() *m.Document {
	return &m.Document{
		Meta: m.Meta{Slug: "recent-inspections", Title: "Update on recent inspections", Author: "Director of Children's Services",
			Committee: "Scrutiny Board (Children and Families)", Language: "en-GB", DateText: "25th April 2013"},
		Cover: m.Cover{
			Rows: []m.CoverRow{
				{Label: "Report of", Lines: []string{"Director of Children's Services"}},
				{Label: "Report to", Lines: []string{"Scrutiny Board (Children and Families)"}},
				{Label: "Date:", Lines: []string{"25th April 2013"}},
				{Label: "Subject:", Title: true, Lines: []string{"Update on recent inspections"}},
				{Kind: m.CoverQuestion, Label: "Are specific electoral wards affected?", Yes: true, Details: []string{"Wards: Armley, Beeston & Holbeck"}},
				{Kind: m.CoverQuestion, Label: "Are there implications for equality and diversity and cohesion and integration?"},
				{Kind: m.CoverQuestion, Label: "Is the decision eligible for call-in?"},
				{Kind: m.CoverQuestion, Label: "Does the report contain confidential or exempt information?", Yes: true,
					Details: []string{"Access to Information Procedure Rule number: 10.4(3)", "Appendix number: 1"}},
			},
		},
		Style: m.Style{Layout: "scrutiny-board", FontFamily: "Liberation Sans", FontSize: 11},
		Front: []*m.Section{
			{Kind: m.FrontSummary, Attr: m.Attr{ID: "summary"}, Level: 1, Title: txt("Summary of main issues"), Blocks: []m.Block{
				para("para-1", "1.", "Ofsted visited twice in the first three months of 2013."),
				para("para-2", "2.", "The main findings were:"),
				&m.List{Items: [][]m.Block{{&m.Para{Inlines: []m.Inline{&m.Strong{Inlines: txt("LILAC")}, m.Text(": all seven standards met.")}}}}},
			}},
			{Kind: m.FrontRecommendations, Attr: m.Attr{ID: "recommendations"}, Level: 1, Title: txt("Recommendations"), Blocks: []m.Block{
				para("para-3", "3.", "The Board is recommended to note the report."),
			}},
		},
		Body: []*m.Section{
			{Level: 1, Number: "1", Attr: m.Attr{ID: "sec-1"}, Title: txt("Purpose of this report"), Blocks: []m.Block{
				para("para-1-1", "1.1", "This report updates the Board on recent inspections."),
			}},
			{Level: 1, Number: "2", Attr: m.Attr{ID: "sec-2"}, Title: txt("Appendix 1: Case summaries"), Exempt: true, Blocks: []m.Block{
				para("para-2-1", "2.1", "SENTINEL exempt case detail."),
			}},
		},
		Exempt:       true,
		ExemptNotice: "Not for publication (Access to Information Procedure Rule 10.4(3))",
		Provenance: m.Provenance{Generator: "boardpaper 0.1.0", Sources: []m.Source{
			{Role: "template", Path: "templates/recent-inspections.md", SHA256: "11aa"},
		}},
	}
}
