package chart

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/boardpaper/boardpaper/internal/model"
)

// CSVName is the file a chart's figures are published in beside its
// paper's page: "<slug>-<chart id>.csv", as GOV.UK and ONS guidance asks
// published charts to offer.
func CSVName(slug string, c *model.Chart) string {
	return slug + "-" + c.Attr.ID + ".csv"
}

// CSV returns the chart's figures as CSV (RFC 4180, CRLF line ends): a
// header of the x label and the series names, then a row per x value with
// the x value as written (dates as ISO 8601: 2012-03 or 2012-03-31) and
// the raw numbers, unrounded and without separators, for reuse in a
// spreadsheet.
func CSV(c *model.Chart) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	xHead := c.XLabel
	if xHead == "" {
		xHead = "Category"
		if c.IsTime {
			xHead = "Date"
		}
	}
	head := []string{inertText(xHead)}
	for _, s := range c.Series {
		head = append(head, inertText(s.Name))
	}
	w.Write(head)
	for i, p := range c.X {
		row := []string{inertText(csvX(c, p))}
		for _, s := range c.Series {
			v := ""
			if i < len(s.Values) {
				v = strconv.FormatFloat(s.Values[i], 'f', -1, 64)
			}
			row = append(row, v)
		}
		w.Write(row)
	}
	w.Flush() // writes to a bytes.Buffer cannot fail
	return b.Bytes()
}

// inertText keeps a label from running as a formula when the file is
// opened in a spreadsheet (OWASP's "CSV injection"): text that starts with
// = + - @ or a control character gets a leading apostrophe, which
// spreadsheets show as text and do not print. Numbers are written apart
// and never pass through here, so -815 stays a number.
func inertText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func csvX(c *model.Chart, p model.XPoint) string {
	switch {
	case c.IsTime && c.Monthly:
		return p.Time.Format("2006-01")
	case c.IsTime:
		return p.Time.Format("2006-01-02")
	}
	return p.Label
}
