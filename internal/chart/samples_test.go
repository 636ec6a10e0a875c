package chart

import (
	"time"

	"github.com/boardpaper/boardpaper/internal/exhibit"
	"github.com/boardpaper/boardpaper/internal/model"
)

// Sample charts shaped like the seed paper's (figures illustrative), each
// with the value axis the model decides for it.

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// months returns n monthly points from the month of start.
func months(start string, n int) []model.XPoint {
	t := day(start + "-01")
	out := make([]model.XPoint, n)
	for i := range out {
		m := t.AddDate(0, i, 0)
		out[i] = model.XPoint{Label: m.Format("Jan 2006"), Time: m}
	}
	return out
}

func lookedAfter() *model.Chart {
	c := &model.Chart{
		Type:   model.ChartLine,
		Title:  "Number of looked after children",
		YLabel: "Children",
		IsTime: true,
		Series: []model.Series{{Name: "Looked after children", Values: []float64{1370, 1434, 1474, 1384}}},
	}
	c.Attr.ID = "tbl-lac-trend"
	c.Label = "Table One"
	for _, d := range []string{"2009-11-30", "2010-11-30", "2012-03-31", "2013-01-25"} {
		t := day(d)
		c.X = append(c.X, model.XPoint{Label: t.Format("Jan 2006"), Time: t})
	}
	c.Y = exhibit.ValueAxis(c)
	return c
}

func fosterInterest() *model.Chart {
	vals := []float64{41, 38, 47, 52, 44, 39, 30, 46, 49, 51, 43, 48, 66, 72, 75, 69, 70, 74}
	c := &model.Chart{
		Type:    model.ChartBar,
		Title:   "Foster carer expressions of interest by month",
		YLabel:  "Expressions of interest",
		IsTime:  true,
		Monthly: true,
		X:       months("2011-04", len(vals)),
		Series:  []model.Series{{Name: "Expressions of interest", Values: vals}},
	}
	c.Attr.ID = "tbl-foster"
	c.Label = "Table Four"
	c.Y = exhibit.ValueAxis(c)
	return c
}

func contactsReferrals() *model.Chart {
	c := &model.Chart{
		Type:    model.ChartBarLine,
		Title:   "Contacts and referrals by month, 2012",
		YLabel:  "Number",
		IsTime:  true,
		Monthly: true,
		X:       months("2012-01", 12),
		Series: []model.Series{
			{Name: "Contacts", Values: []float64{1012, 1104, 1250, 1090, 1187, 1302, 1230, 1001, 1145, 1280, 1266, 1050}},
			{Name: "Referrals", Values: []float64{512, 560, 640, 588, 602, 700, 655, 498, 590, 671, 660, 540}},
			{Name: "Re-referrals", Values: []float64{120, 131, 150, 128, 140, 161, 149, 110, 137, 158, 152, 126}},
		},
	}
	c.Attr.ID = "tbl-contacts"
	c.Label = "Table Six"
	c.Y = exhibit.ValueAxis(c)
	return c
}
