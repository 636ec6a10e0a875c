package chart

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/boardpaper/boardpaper/internal/model"
)

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
	head := []string{xHead}
	for _, s := range c.Series {
		head = append(head, s.Name)
	}
	w.Write(head)
	for i, p := range c.X {
		row := []string{csvX(c, p)}
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

func csvX(c *model.Chart, p model.XPoint) string {
	switch {
	case c.IsTime && c.Monthly:
		return p.Time.Format("2006-01")
	case c.IsTime:
		return p.Time.Format("2006-01-02")
	}
	return p.Label
}

// summarise describes the chart in a sentence when the model gives no
// summary: for each series its first and last values and its highest and
// lowest.
func summarise(c *model.Chart) string {
	if len(c.X) == 0 {
		return ""
	}
	var parts []string
	first, last := c.X[0].Label, c.X[len(c.X)-1].Label
	for _, s := range c.Series {
		if len(s.Values) == 0 {
			continue
		}
		hi, lo := 0, 0
		for i, v := range s.Values {
			if v > s.Values[hi] {
				hi = i
			}
			if v < s.Values[lo] {
				lo = i
			}
		}
		n := len(s.Values) - 1
		parts = append(parts, fmt.Sprintf("%s: %s in %s and %s in %s; highest %s (%s), lowest %s (%s)",
			s.Name, plain(s.Values[0]), first, plain(s.Values[n]), last,
			plain(s.Values[hi]), c.X[hi].Label, plain(s.Values[lo]), c.X[lo].Label))
	}
	return fmt.Sprintf("%s chart from %s to %s. %s.", chartKind(c.Type), first, last, strings.Join(parts, ". "))
}

func plain(v float64) string {
	if v == float64(int64(v)) {
		return formatValue(v, 0)
	}
	return formatValue(v, 1)
}

func chartKind(t model.ChartType) string {
	switch t {
	case model.ChartBar:
		return "Bar"
	case model.ChartBarLine:
		return "Bar and line"
	}
	return "Line"
}
