// Package pdftest holds what the tests of the PDF packages share:
// documents built by hand as the numbering passes would leave them, and
// readers of a PDF's text through poppler's tools. Only tests import it.
package pdftest

import (
	"fmt"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/exhibit"
	"github.com/boardpaper/boardpaper/internal/model"
)

// Txt is plain text.
func Txt(s string) model.Inline { return model.Text(s) }

// Para is a paragraph numbered num ("" for none).
func Para(num string, in ...model.Inline) *model.Para {
	return &model.Para{Number: num, Inlines: in}
}

// Bullets is a bulleted list of one-paragraph items.
func Bullets(items ...string) *model.List {
	l := &model.List{}
	for _, it := range items {
		l.Items = append(l.Items, []model.Block{Para("", Txt(it))})
	}
	return l
}

// Cells is a table row of plain cells.
func Cells(ss ...string) []model.Cell {
	out := make([]model.Cell, len(ss))
	for i, s := range ss {
		out[i] = model.Cell{Inlines: []model.Inline{Txt(s)}}
	}
	return out
}

// Heading is a section numbered num at level, with blocks.
func Heading(num string, level int, title string, blocks ...model.Block) *model.Section {
	return &model.Section{
		Attr:   model.Attr{ID: "sec-" + strings.ReplaceAll(num, ".", "-")},
		Level:  level,
		Number: num,
		Title:  []model.Inline{Txt(title)},
		Blocks: blocks,
	}
}

// Prose is filler text of about n words, varied enough to wrap naturally.
func Prose(seed, n int) string {
	ws := strings.Fields(`the number of looked after children in the city has been falling since March 2012,
		and the service has focused on early help, family group conferencing and placement stability;
		partners across health, schools and the police have worked with children's social care to
		support families before problems escalate. Foster carers recruited by the council (rather than
		independent agencies) now provide more placements, which improves outcomes and reduces cost.`)
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ws[(seed*7+i)%len(ws)])
	}
	b.WriteByte('.')
	return b.String()
}

// AgeTable is a table of figures with row headers and a caption.
func AgeTable() *model.Table {
	return &model.Table{
		Exhibit: model.Exhibit{
			Attr:    model.Attr{ID: "tbl-age-groups"},
			Label:   "Table Two",
			Caption: []model.Inline{Txt("Looked after children by age group at March 2011 and March 2012")},
		},
		Head: [][]model.Cell{Cells("", "0", "1-4", "5-10", "11-15", "16+")},
		Rows: [][]model.Cell{
			Cells("March 2011", "90 (6.2%)", "322 (22.3%)", "359 (24.9%)", "431 (29.8%)", "242 (16.8%)"),
			Cells("March 2012", "123 (8.3%)", "331 (22.5%)", "387 (26.3%)", "396 (26.9%)", "237 (16.1%)"),
		},
		RowHeaders: true,
		Align:      []model.Align{model.AlignLeft, model.AlignRight, model.AlignRight, model.AlignRight, model.AlignRight, model.AlignRight},
	}
}

// TrendChart is a line chart over time, with its value axis and its
// figures as a table.
func TrendChart() *model.Chart {
	c := &model.Chart{
		Exhibit: model.Exhibit{
			Attr:    model.Attr{ID: "tbl-lac-trend"},
			Label:   "Table One",
			Caption: []model.Inline{Txt("Looked after children, November 2009 to January 2013")},
		},
		Type:  model.ChartLine,
		Title: "Number of looked after children",
		X: []model.XPoint{
			{Label: "Nov 2009", Time: time.Date(2009, 11, 30, 0, 0, 0, 0, time.UTC)},
			{Label: "Nov 2010", Time: time.Date(2010, 11, 30, 0, 0, 0, 0, time.UTC)},
			{Label: "Mar 2012", Time: time.Date(2012, 3, 31, 0, 0, 0, 0, time.UTC)},
			{Label: "Jan 2013", Time: time.Date(2013, 1, 25, 0, 0, 0, 0, time.UTC)},
		},
		IsTime: true,
		Series: []model.Series{{Name: "Looked after children", Values: []float64{1370, 1434, 1474, 1384}}},
		Table: &model.Table{
			Head: [][]model.Cell{Cells("Date", "Looked after children")},
			Rows: [][]model.Cell{
				Cells("Nov 2009", "1,370"), Cells("Nov 2010", "1,434"),
				Cells("Mar 2012", "1,474"), Cells("Jan 2013", "1,384"),
			},
			RowHeaders: true,
			Align:      []model.Align{model.AlignLeft, model.AlignRight},
		},
	}
	c.Y = exhibit.ValueAxis(c)
	return c
}

// SamplePaper is a small but complete paper: cover, summary,
// recommendations, numbered sections with lists, a cross-Heading, a table,
// a chart, a footnote and a cross-reference.
func SamplePaper() *model.Document {
	note := &model.Note{Number: 1, ID: "fn-1", Blocks: []model.Block{
		Para("", Txt("Statistical neighbours are the ten authorities most like Leeds; see "),
			&model.Link{URL: "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait", Inlines: []model.Inline{Txt("the LAIT tool")}}, Txt(".")),
	}}
	doc := &model.Document{
		Meta: model.Meta{
			Slug: "looked-after-children", Title: "Update on Children's Services' Obsessions – reducing the need for children to be looked after",
			Author: "Director of Children's Services", Committee: "Executive Board", DateText: "13th March 2013",
			Date:     time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC),
			Keywords: []string{"looked after children", "Executive Board"}, Language: "en-GB",
		},
		Cover: model.Cover{Rows: []model.CoverRow{
			{Label: "Report of", Key: "report_of", Lines: []string{"Director of Children's Services"}},
			{Label: "Report to", Key: "report_to", Lines: []string{"Executive Board"}},
			{Label: "Date:", Key: "date", Lines: []string{"13th March 2013"}},
			{Label: "Subject:", Key: "subject", Title: true, Lines: []string{"Update on Children's Services' Obsessions – reducing the need for children to be looked after"}},
			{Kind: model.CoverQuestion, Label: "Are specific electoral wards affected?"},
			{Kind: model.CoverQuestion, Label: "Are there implications for equality and diversity and cohesion and integration?"},
			{Kind: model.CoverQuestion, Label: "Is the decision eligible for call-in?", Yes: true},
			{Kind: model.CoverQuestion, Label: "Does the report contain confidential or exempt information?"},
			{Kind: model.CoverBlock, Label: "Report author", Key: "author", Lines: []string{"A. Officer", "Tel: 0113 000 0000"}},
		}},
		Style: model.Style{Layout: "executive-board", FontFamily: "Liberation Sans", FontSize: 11, FrontTitle: "EXECUTIVE SUMMARY"},
		Provenance: model.Provenance{Generator: "boardpaper test", Sources: []model.Source{
			{Role: "template", Path: "templates/looked-after-children.md", SHA256: strings.Repeat("ab", 32)},
			{Role: "data", Path: "data/looked-after-children/2013-01-25.yaml", SHA256: strings.Repeat("cd", 32)},
		}},
		Footnotes: []*model.Note{note},
	}
	doc.Front = []*model.Section{
		{Kind: model.FrontSummary, Level: 1, Title: []model.Inline{Txt("Summary of main issues")}, Blocks: []model.Block{
			Para("1.0", Txt(Prose(1, 60))),
			Para("2.0", Txt("The number of looked after children fell by 90 between March 2012 and January 2013.")),
			Para("3.0", Txt(Prose(2, 45))),
		}},
		{Kind: model.FrontRecommendations, Level: 1, Title: []model.Inline{Txt("Recommendations")}, Blocks: []model.Block{
			Para("", Txt("Executive Board is asked to endorse the approach outlined in this report.")),
		}},
	}
	doc.Body = []*model.Section{
		Heading("1.0", 1, "Purpose of this report",
			Para("1.1", Txt(Prose(3, 40))),
			Para("1.2", Txt(Prose(4, 55))),
		),
		Heading("2.0", 1, "Background information",
			Para("2.1", Txt("Had Leeds matched its statistical neighbours"), &model.NoteRef{Number: 1, Note: note},
				Txt(" there would have been 1,550 looked after children; see "),
				&model.Ref{Label: "Para-main", Target: "Para-main", Text: "paragraph 3.2"}, Txt(" and "),
				&model.Ref{Label: "tbl-age-groups", Target: "tbl-age-groups", Text: "Table Two"}, Txt(".")),
			Para("2.2", Txt(Prose(5, 70))),
			TrendChart(),
			Para("2.3", Txt("An analysis of ages, "), &model.Strong{Inlines: []model.Inline{Txt("Table Two")}},
				Txt(", shows "), &model.Emph{Inlines: []model.Inline{Txt("fewer teenagers")}}, Txt(" entering care.")),
			AgeTable(),
		),
		Heading("3.0", 1, "Main issues",
			Para("3.1", Txt("A number of things are essential if children are to be safe from harm:")),
			&model.List{Items: [][]model.Block{
				{Para("", Txt("They must be provided with good quality placements;"))},
				{Para("", Txt("Their case should be overseen by a qualified social worker;")),
					Bullets("who is well managed;", "and supported.")},
				{Para("", Txt("They must be visited, seen and spoken to regularly."))},
			}},
			&model.CrossHeading{Level: 3, Inlines: []model.Inline{Txt("Common Assessment Framework (CAF)")}},
			&model.Para{Attr: model.Attr{ID: "Para-main"}, Number: "3.2", Inlines: []model.Inline{Txt(Prose(6, 80))}},
			&model.Quote{Blocks: []model.Block{Para("", Txt("Leeds has turned the curve on looked after children."))}},
			Para("3.3", Txt(Prose(7, 90))),
		),
		Heading("4.0", 1, "Corporate considerations",
			Para("4.0.1", Txt(Prose(8, 30))),
		),
	}
	doc.Body[3].Subsections = []*model.Section{
		Heading("4.1", 2, "Consultation and engagement",
			Para("4.1.1", Txt(Prose(9, 50))),
			Para("4.1.2", Txt(Prose(10, 35))),
		),
	}
	return doc
}

// LongTablePaper holds one table of n rows, to test page breaks in tables.
func LongTablePaper(n int) *model.Document {
	doc := SamplePaper()
	doc.Front = nil
	doc.Footnotes = nil
	t := &model.Table{
		Exhibit: model.Exhibit{Label: "Table Three", Caption: []model.Inline{Txt("Contacts by month")}},
		Head:    [][]model.Cell{Cells("Month", "Contacts", "Referrals")},
		Align:   []model.Align{model.AlignLeft, model.AlignRight, model.AlignRight},
	}
	for i := 1; i <= n; i++ {
		t.Rows = append(t.Rows, Cells(fmt.Sprintf("Row %03d", i), fmt.Sprintf("%d", 1000+i), fmt.Sprintf("%d", 500+i)))
	}
	doc.Body = []*model.Section{Heading("1.0", 1, "Figures", Para("1.1", Txt("The figures follow.")), t)}
	return doc
}

// BenchPaper is about the size of a sample paper: ~4,500 words, 6 tables.
func BenchPaper() *model.Document {
	doc := SamplePaper()
	var body []*model.Section
	for s := 1; s <= 7; s++ {
		sec := Heading(fmt.Sprintf("%d.0", s), 1, fmt.Sprintf("Section %d", s))
		for p := 1; p <= 10; p++ {
			sec.Blocks = append(sec.Blocks, Para(fmt.Sprintf("%d.%d", s, p), Txt(Prose(s*10+p, 62))))
			if p == 5 && s <= 6 {
				sec.Blocks = append(sec.Blocks, AgeTable())
			}
		}
		body = append(body, sec)
	}
	doc.Body = body
	doc.Footnotes = nil
	return doc
}

// SetCoverLine sets the value of the cover's field of front-matter key,
// adding the field when the cover has none.
func SetCoverLine(d *model.Document, key, value string) {
	for i, r := range d.Cover.Rows {
		if r.Key == key {
			d.Cover.Rows[i].Lines = []string{value}
			return
		}
	}
	d.Cover.Rows = append(d.Cover.Rows, model.CoverRow{Label: key, Key: key, Title: key == "subject", Lines: []string{value}})
}
