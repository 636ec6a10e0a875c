package pdf

import (
	"fmt"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Test documents, built by hand as the numbering passes would leave them.

func txt(s string) model.Inline { return model.Text(s) }

func para(num string, in ...model.Inline) *model.Para {
	return &model.Para{Number: num, Inlines: in}
}

func bullets(items ...string) *model.List {
	l := &model.List{}
	for _, it := range items {
		l.Items = append(l.Items, []model.Block{para("", txt(it))})
	}
	return l
}

func cells(ss ...string) []model.Cell {
	out := make([]model.Cell, len(ss))
	for i, s := range ss {
		out[i] = model.Cell{Inlines: []model.Inline{txt(s)}}
	}
	return out
}

func heading(num string, level int, title string, blocks ...model.Block) *model.Section {
	return &model.Section{
		Attr:   model.Attr{ID: "sec-" + strings.ReplaceAll(num, ".", "-")},
		Level:  level,
		Number: num,
		Title:  []model.Inline{txt(title)},
		Blocks: blocks,
	}
}

// prose is filler text of about n words, varied enough to wrap naturally.
func prose(seed, n int) string {
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

func ageTable() *model.Table {
	return &model.Table{
		Exhibit: model.Exhibit{
			Attr:    model.Attr{ID: "tbl-age-groups"},
			Label:   "Table Two",
			Caption: []model.Inline{txt("Looked after children by age group at March 2011 and March 2012")},
		},
		Head: [][]model.Cell{cells("", "0", "1-4", "5-10", "11-15", "16+")},
		Rows: [][]model.Cell{
			cells("March 2011", "90 (6.2%)", "322 (22.3%)", "359 (24.9%)", "431 (29.8%)", "242 (16.8%)"),
			cells("March 2012", "123 (8.3%)", "331 (22.5%)", "387 (26.3%)", "396 (26.9%)", "237 (16.1%)"),
		},
		RowHeaders: true,
		Align:      []model.Align{model.AlignLeft, model.AlignRight, model.AlignRight, model.AlignRight, model.AlignRight, model.AlignRight},
	}
}

func trendChart() *model.Chart {
	return &model.Chart{
		Exhibit: model.Exhibit{
			Attr:    model.Attr{ID: "tbl-lac-trend"},
			Label:   "Table One",
			Caption: []model.Inline{txt("Looked after children, November 2009 to January 2013")},
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
			Head: [][]model.Cell{cells("Date", "Looked after children")},
			Rows: [][]model.Cell{
				cells("Nov 2009", "1,370"), cells("Nov 2010", "1,434"),
				cells("Mar 2012", "1,474"), cells("Jan 2013", "1,384"),
			},
			RowHeaders: true,
			Align:      []model.Align{model.AlignLeft, model.AlignRight},
		},
	}
}

// samplePaper is a small but complete paper: cover, summary,
// recommendations, numbered sections with lists, a cross-heading, a table,
// a chart, a footnote and a cross-reference.
func samplePaper() *model.Document {
	note := &model.Note{Number: 1, ID: "fn-1", Blocks: []model.Block{
		para("", txt("Statistical neighbours are the ten authorities most like Leeds; see "),
			&model.Link{URL: "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait", Inlines: []model.Inline{txt("the LAIT tool")}}, txt(".")),
	}}
	doc := &model.Document{
		Meta: model.Meta{
			Slug: "looked-after-children", Title: "Update on Children's Services' Obsessions – reducing the need for children to be looked after",
			Author: "Director of Children's Services", Committee: "Executive Board",
			Date:     time.Date(2013, 3, 13, 0, 0, 0, 0, time.UTC),
			Keywords: []string{"looked after children", "Executive Board"}, Language: "en-GB",
		},
		Cover: model.Cover{
			ReportOf: "Director of Children's Services", ReportTo: "Executive Board",
			DateText: "13th March 2013",
			Subject:  "Update on Children's Services' Obsessions – reducing the need for children to be looked after",
			Rows: []model.CoverRow{
				{Question: "Are specific electoral wards affected?"},
				{Question: "Are there implications for equality and diversity and cohesion and integration?"},
				{Question: "Is the decision eligible for call-in?", Yes: true},
				{Question: "Does the report contain confidential or exempt information?"},
			},
			AuthorName: "A. Officer", AuthorTel: "0113 000 0000",
		},
		Style: model.Style{Layout: "executive-board", FontFamily: "Liberation Sans", FontSize: 11, FrontTitle: "EXECUTIVE SUMMARY"},
		Provenance: model.Provenance{Generator: "boardpaper test", Sources: []model.Source{
			{Role: "template", Path: "templates/looked-after-children.md", SHA256: strings.Repeat("ab", 32)},
			{Role: "data", Path: "data/looked-after-children/2013-01-25.yaml", SHA256: strings.Repeat("cd", 32)},
		}},
		Footnotes: []*model.Note{note},
	}
	doc.Front = []*model.Section{
		{Kind: model.FrontSummary, Level: 1, Title: []model.Inline{txt("Summary of main issues")}, Blocks: []model.Block{
			para("1.0", txt(prose(1, 60))),
			para("2.0", txt("The number of looked after children fell by 90 between March 2012 and January 2013.")),
			para("3.0", txt(prose(2, 45))),
		}},
		{Kind: model.FrontRecommendations, Level: 1, Title: []model.Inline{txt("Recommendations")}, Blocks: []model.Block{
			para("", txt("Executive Board is asked to endorse the approach outlined in this report.")),
		}},
	}
	doc.Body = []*model.Section{
		heading("1.0", 1, "Purpose of this report",
			para("1.1", txt(prose(3, 40))),
			para("1.2", txt(prose(4, 55))),
		),
		heading("2.0", 1, "Background information",
			para("2.1", txt("Had Leeds matched its statistical neighbours"), &model.NoteRef{Number: 1, Note: note},
				txt(" there would have been 1,550 looked after children; see "),
				&model.Ref{Label: "para-main", Target: "para-main", Text: "paragraph 3.2"}, txt(" and "),
				&model.Ref{Label: "tbl-age-groups", Target: "tbl-age-groups", Text: "Table Two"}, txt(".")),
			para("2.2", txt(prose(5, 70))),
			trendChart(),
			para("2.3", txt("An analysis of ages, "), &model.Strong{Inlines: []model.Inline{txt("Table Two")}},
				txt(", shows "), &model.Emph{Inlines: []model.Inline{txt("fewer teenagers")}}, txt(" entering care.")),
			ageTable(),
		),
		heading("3.0", 1, "Main issues",
			para("3.1", txt("A number of things are essential if children are to be safe from harm:")),
			&model.List{Items: [][]model.Block{
				{para("", txt("They must be provided with good quality placements;"))},
				{para("", txt("Their case should be overseen by a qualified social worker;")),
					bullets("who is well managed;", "and supported.")},
				{para("", txt("They must be visited, seen and spoken to regularly."))},
			}},
			&model.CrossHeading{Level: 3, Inlines: []model.Inline{txt("Common Assessment Framework (CAF)")}},
			&model.Para{Attr: model.Attr{ID: "para-main"}, Number: "3.2", Inlines: []model.Inline{txt(prose(6, 80))}},
			&model.Quote{Blocks: []model.Block{para("", txt("Leeds has turned the curve on looked after children."))}},
			para("3.3", txt(prose(7, 90))),
		),
		heading("4.0", 1, "Corporate considerations",
			para("4.0.1", txt(prose(8, 30))),
		),
	}
	doc.Body[3].Subsections = []*model.Section{
		heading("4.1", 2, "Consultation and engagement",
			para("4.1.1", txt(prose(9, 50))),
			para("4.1.2", txt(prose(10, 35))),
		),
	}
	return doc
}

// longTablePaper holds one table of n rows, to test page breaks in tables.
func longTablePaper(n int) *model.Document {
	doc := samplePaper()
	doc.Front = nil
	doc.Footnotes = nil
	t := &model.Table{
		Exhibit: model.Exhibit{Label: "Table Three", Caption: []model.Inline{txt("Contacts by month")}},
		Head:    [][]model.Cell{cells("Month", "Contacts", "Referrals")},
		Align:   []model.Align{model.AlignLeft, model.AlignRight, model.AlignRight},
	}
	for i := 1; i <= n; i++ {
		t.Rows = append(t.Rows, cells(fmt.Sprintf("Row %03d", i), fmt.Sprintf("%d", 1000+i), fmt.Sprintf("%d", 500+i)))
	}
	doc.Body = []*model.Section{heading("1.0", 1, "Figures", para("1.1", txt("The figures follow.")), t)}
	return doc
}

// benchPaper is about the size of a sample paper: ~4,500 words, 6 tables.
func benchPaper() *model.Document {
	doc := samplePaper()
	var body []*model.Section
	for s := 1; s <= 7; s++ {
		sec := heading(fmt.Sprintf("%d.0", s), 1, fmt.Sprintf("Section %d", s))
		for p := 1; p <= 10; p++ {
			sec.Blocks = append(sec.Blocks, para(fmt.Sprintf("%d.%d", s, p), txt(prose(s*10+p, 62))))
			if p == 5 && s <= 6 {
				sec.Blocks = append(sec.Blocks, ageTable())
			}
		}
		body = append(body, sec)
	}
	doc.Body = body
	doc.Footnotes = nil
	return doc
}
