package html

import (
	"strings"
	"testing"

	m "github.com/boardpaper/boardpaper/internal/model"
)

// financeTable is a table as exhibit reads a finance block: a group over
// two columns, a units line, a row group, a bracketed figure, a rating and
// a total.
func financeTable() *m.Table {
	c := func(s string) m.Cell { return m.Cell{Inlines: txt(s)} }
	neg := c("(400)")
	neg.Spoken = "minus 400"
	amber := c("Amber")
	amber.Status = m.StatusAmber
	return &m.Table{
		Exhibit: m.Exhibit{Attr: m.Attr{ID: "tbl-budget"}, Label: "Table One", Caption: txt("Budget")},
		Head: [][]m.Cell{
			{{}, {}, {Inlines: txt("Year end forecast"), Span: 2, Align: m.AlignCenter}, {}},
			{c("Directorate"), c("Budget"), c("Forecast"), c("Variance"), c("RAG")},
			{{}, c("£'000"), c("£'000"), c("£'000"), {}},
		},
		Rows: [][]m.Cell{
			{{Inlines: txt("Children and Families"), Span: 5, Align: m.AlignLeft}},
			{c("Schools"), c("148,300"), c("147,901"), neg, amber},
			{c("Total"), c("148,300"), c("147,901"), neg, c("")},
		},
		RowKinds:   []m.RowKind{m.RowGroup, m.RowPlain, m.RowTotal},
		RowHeaders: true,
		Align:      []m.Align{m.AlignLeft, m.AlignRight, m.AlignRight, m.AlignRight, m.AlignCenter},
	}
}

func TestFinanceTableHTML(t *testing.T) {
	doc := &m.Document{Meta: m.Meta{Title: "Budget"}, Body: []*m.Section{{Level: 1, Number: "1", Title: txt("Budget"), Blocks: []m.Block{financeTable()}}}}
	page := render(t, doc, Options{})
	for _, want := range []string{
		`<th colspan="2" scope="colgroup" class="center">Year end forecast</th>`,
		`<tr class="group"><th colspan="5" scope="rowgroup" class="left">Children and Families</th></tr>`,
		`<td class="num"><span aria-hidden="true">(400)</span><span class="visually-hidden">minus 400</span></td>`,
		`<td class="center rag rag-amber">Amber</td>`,
		"</tbody>\n<tfoot>\n<tr class=\"total\"><th scope=\"row\" class=\"left\">Total</th>",
		`role="region" aria-label="Table One: Budget" tabindex="0"`,
		`.rag-amber {`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// A page without a finance table does not carry its style.
	if plain := render(t, executivePaper(), Options{}); strings.Contains(plain, ".rag-amber") {
		t.Error("a page without finance tables has their style")
	}
}
