package expand

import (
	"fmt"
	"strings"
	"testing"

	"github.com/boardpaper/boardpaper/internal/format"
)

// figures is v as a snapshot gives it to a template: each number a
// format.Number with the places written (the text of a float here is Go's
// shortest, so write trailing zeros with written()).
func figures(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = figures(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = figures(x)
		}
		return out
	case int:
		return format.Number{Value: float64(v)}
	case float64:
		return format.Written(v, fmt.Sprint(v))
	}
	return v
}

func written(text string) format.Number {
	var v float64
	fmt.Sscan(text, &v)
	return format.Written(v, text)
}

// financeSnapshot is a snapshot as project reads it, with figures written
// as a finance officer writes them.
func financeSnapshot() map[string]any {
	s := figures(snapshot()).(map[string]any)
	for k, text := range map[string]string{
		"rise": "1.99", "fee": "2.50", "net": "565.777", "count": "17421", "zero": "0", "pence": "0.00",
		"one": "1", "budget": "565777000", "variance": "-2572000", "small": "-0.04", "half": "17.00", "later": "17.04",
	} {
		s[k] = written(text)
	}
	s["list"] = figures([]any{3, 4, 5})
	s["rates"] = map[string]any{"x": []any{written("2.50"), written("3.00")},
		"series": []any{map[string]any{"name": "A", "values": figures([]any{1, 2})}}}
	s["label"] = "£565m"
	s["thousands"] = "565,000"
	s["quoted"] = "12"
	return s
}

// TestFiguresPrintAsWritten runs expressions on a snapshot as project
// reads it: figures keep the places they were written with, arithmetic
// follows the rules of docs/format.md, and Go's own constructs (if, with,
// and, or, not, index, slice, range, printf) treat figures as numbers.
func TestFiguresPrintAsWritten(t *testing.T) {
	tests := []struct{ body, want string }{
		// Precision that never misstates.
		{`{{ num .Data.rise }}% {{ num .Data.net }} {{ num .Data.count }} {{ num .Data.fee }}`, "1.99% 565.777 17,421 2.50"},
		{`{{ .Data.rise }} {{ .Data.fee }} {{ .Data.count }}`, "1.99 2.50 17421"},
		{`{{ num .Data.rise 1 }} {{ num 2.345 2 }} {{ num 7 2 }} {{ num .Data.net 0 }}`, "2.0 2.35 7.00 566"},
		{`{{ round .Data.rise 0 }} {{ round 2.5 }} {{ round -2.5 }} {{ add (round 1.26 1) 0.01 }}`, "2 3 -3 1.31"},
		{`{{ add .Data.rise 0.01 }} {{ sub .Data.fee 0.5 }} {{ add .Data.count 0.5 }}`, "2.00 2.00 17421.5"},
		{`{{ mul 1.5 1.5 }} {{ mul 0.0835 100 }} {{ mul .Data.fee 3 }} {{ mul .Data.net 1000 }}`, "2.25 8.35 7.5 565777"},
		{`{{ div 7 2 }} {{ div 10 2 }} {{ div 1 3 }} {{ num (div 1414 12) }} {{ num (div 1414 12) 2 }}`, "3.5 5 0.3 117.8 117.83"},
		{`{{ add 0.1 0.2 }} {{ sum (values .Data.looked_after) }} {{ abs .Data.small }}`, "0.3 5662 0.04"},
		{`{{ pct 1 3 }} {{ pct 1 3 2 }} {{ pct0 1 3 }}`, "33.3% 33.33% 33%"},
		// change and updown judge at the places printed.
		{`{{ change .Data.half .Data.later }}; {{ change .Data.half .Data.later 1 }}`, "rose by 0.04; did not change"},
		{`{{ updown .Data.half .Data.later "rose" "fell" "held" 1 }} {{ updown 2.04 2.06 "up" "down" "same" 1 }}`, "held up"},
		{`{{ change (div 1 3) (div 1.04 3) }} {{ change 1474 .Data.total }}`, "did not change fell by 90"},
		// Money.
		{`{{ money .Data.budget "m" }} {{ money 7.18 }} {{ money 2039817225.85 }} {{ money 14913450 "k" }}`, "£565.8m £7.18 £2,039,817,225.85 £14,913k"},
		{`{{ money .Data.budget "m" 2 }} {{ money 2.5 }} {{ money .Data.fee }} {{ money 1234.5678 2 }} {{ money .Data.count }}`, "£565.78m £2.50 £2.50 £1,234.57 £17,421"},
		{`{{ money .Data.variance "m" }} {{ money 2039817225.85 "bn" }} {{ money (div .Data.count 12) }} {{ money 565800 "£'000" }}`, "-£2.6m £2.0bn £1,451.75 £566k"},
		{`{{ money (mul 584800 1000) "m" }}`, "£584.8m"},
		// Negatives in brackets; a negative that rounds to nothing keeps its sign.
		{`{{ brackets -2572 }} {{ brackets -0.2 }} {{ brackets 15 }} {{ brackets (money .Data.variance "m") }}`, "(2,572) (0.2) 15 (£2.6m)"},
		{`{{ brackets .Data.small 1 }} {{ brackets (num -0.4 0) }} {{ num .Data.small 1 }} {{ brackets (pct -1 80) }}`, "(0.0) (0) -0.0 (1.3%)"},
		{`{{ round .Data.small 1 }} {{ brackets (round .Data.small 1) }}`, "0.0 0.0"},
		{`{{ money -400 "k" }} {{ num 2.50 }} {{ num 2.5 2 }} {{ add (div 1 3) 2.55 }} {{ mul (div 1 3) 100 }}`, "-£0k 2.5 2.50 2.88 33.3"},
		// Comparisons work on any numbers.
		{`{{ lt (sub 1 2) 0 }} {{ eq (add 1 1) 2 }} {{ gt .Data.rise 1.5 }} {{ eq .Data.total 1384 }} {{ eq .Data.fee 2.5 }}`, "true true true true true"},
		{`{{ eq (add 0.1 0.2) 0.3 }} {{ eq (len .Data.list) 3 }} {{ eq (div 0.3 0.1) 3 }} {{ gt (div 1004 1000) 1 }}`, "true true true true"},
		{`{{ ne 1 2 }} {{ le 2 2 }} {{ ge 3 2 }} {{ lt 2 2 }} {{ eq 1 2 3 1 }} {{ eq 1 2 3 }}`, "true true true false true false"},
		{`{{ eq "a" "a" }} {{ lt "a" "b" }} {{ eq true true }} {{ ne true false }} {{ eq .Data.missing nil }} {{ eq .Data.label nil }}`, "true true true true true false"},
		{`{{ if eq .Data.total 1384 }}same{{ end }} {{ if lt .Data.small 0 }}below{{ end }}`, "same below"},
		// Go's truth: a zero figure is false, as Go's 0 is.
		{`{{ if .Data.zero }}yes{{ else }}no{{ end }} {{ if .Data.pence }}yes{{ else }}no{{ end }} {{ if .Data.total }}yes{{ end }}`, "no no yes"},
		{`{{ with .Data.zero }}x{{ else }}none{{ end }} {{ with .Data.total }}{{ num . }}{{ end }} {{ with $v := .Data.fee }}{{ $v }}{{ end }}`, "none 1,384 2.50"},
		{`{{ and .Data.total .Data.zero }} {{ or .Data.zero "none" }} {{ not .Data.zero }} {{ .Data.zero | not }} {{ .Data.zero | and 1 }}`, "0 none true true 0"},
		{`{{ if and .Data.total (not .Data.zero) }}ok{{ end }} {{ if or .Data.zero .Data.pence }}bad{{ else }}ok{{ end }}`, "ok ok"},
		{`{{ and .Data.zero (index .Data.list 99) }}`, "0"}, // and still stops at the first false
		{`{{ if .Data.zero }}{{ else if .Data.one }}one{{ end }}`, "one"},
		// index, slice and range count with a whole figure as Go's int.
		{`{{ index .Data.list .Data.one }} {{ slice .Data.list .Data.one }} {{ .Data.one | index .Data.list }}`, "4 [4 5] 4"},
		{`{{ range .Data.list }}{{ . }},{{ end }} {{ range $i, $x := .Data.list }}{{ $i }}{{ end }} {{ range .Data.one }}r{{ end }}`, "3,4,5, 012 r"},
		{`{{ at .Data.years 2011 }} {{ values .Data.looked_after }} {{ at .Data.rates 2.5 }}`, "12 [1370 1434 1474 1384] 1"},
		{`{{ printf "%.1f %d %v %s" .Data.fee .Data.total .Data.rise .Data.fee }}`, "2.5 1384 1.99 2.50"},
		{`{{ words .Data.one }} {{ words (div 10 2) }}`, "one five"},
	}
	for _, tt := range tests {
		got, err := Body("templates/p.md", 10, tt.body, financeSnapshot(), paper)
		if err != nil || got != tt.want {
			t.Errorf("%s\n got %q, %v\nwant %q", tt.body, got, err, tt.want)
		}
	}
}

// TestFigureMistakes: each mistake with the new functions is an error at
// its expression, worded for the author.
func TestFigureMistakes(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"{{ num .Data.total 2.5 }}", "templates/p.md:10:4: num: decimal places must be a whole number from 0 to 10, got 2.5"},
		{"{{ num .Data.total 11 }}", "templates/p.md:10:4: num: decimal places must be a whole number from 0 to 10, got 11"},
		{"{{ num .Data.total -1 }}", "templates/p.md:10:4: num: decimal places must be a whole number from 0 to 10, got -1"},
		{`{{ num .Data.total "2" }}`, `templates/p.md:10:4: num: decimal places must be a whole number from 0 to 10, got text "2"`},
		{"{{ num .Data.total 1 2 }}", "templates/p.md:10:4: num: give at most one number of decimal places, got 2 more arguments"},
		{"{{ round 1.5 0.5 }}", "templates/p.md:10:4: round: decimal places must be a whole number from 0 to 10, got 0.5"},
		{"{{ pct 1 3 12 }}", "templates/p.md:10:4: pct: decimal places must be a whole number from 0 to 10, got 12"},
		{"{{ change 1 2 1.5 }}", "templates/p.md:10:4: change: decimal places must be a whole number from 0 to 10, got 1.5"},
		{`{{ money .Data.budget "M" }}`, `templates/p.md:10:4: money: unknown scale "M": write "k" for thousands (£14,913k), "m" for millions (£565.8m) or "bn" for billions (£2.0bn)`},
		{`{{ money .Data.budget "thousands" }}`, `templates/p.md:10:4: money: unknown scale "thousands"`},
		{`{{ money .Data.label }}`, `templates/p.md:10:4: money: want an amount of money (a number), got text "£565m": write amounts in the snapshot as plain numbers of pounds, without £, commas or a scale: 565800000, not £565.8m`},
		{`{{ money .Data.as_at }}`, `templates/p.md:10:4: money: want an amount of money (a number), got text "2013-01-25"`},
		{`{{ money .Data.thousands }}`, `templates/p.md:10:4: money: want an amount of money (a number), got text "565,000": write amounts`},
		{`{{ money .Data.missing }}`, `templates/p.md:10:4: money: want an amount of money (a number), got nothing (an empty value)`},
		{`{{ money .Data.budget 2 "m" }}`, `templates/p.md:10:4: money: write the scale before the places: money X "m" 2`},
		{`{{ money .Data.budget "m" 2.5 }}`, `templates/p.md:10:4: money: decimal places must be a whole number from 0 to 10, got 2.5`},
		{`{{ brackets "abc" }}`, `templates/p.md:10:4: brackets: want a figure, got text "abc"`},
		{`{{ brackets "-1" 2 }}`, `templates/p.md:10:4: brackets: decimal places are for a number`},
		{`{{ lt .Data.total .Data.quoted }}`, `templates/p.md:10:4: lt: cannot compare the number 1384 with text "12": text is not a number even when it looks like one (was a figure written in quotes in the snapshot?)`},
		{`{{ if eq .Data.quoted 12 }}{{ end }}`, `templates/p.md:10:7: eq: cannot compare text "12" with the number 12`},
		{`{{ lt true false }}`, `templates/p.md:10:4: lt: true/false values have no order: compare numbers or text`},
		{`{{ eq .Data.list 1 }}`, `templates/p.md:10:4: eq: cannot compare a list with the number 1`},
		{`{{ eq 1 }}`, `templates/p.md:10:4: eq: needs something to compare with`},
		{`{{ words .Data.rise }}`, `templates/p.md:10:4: words: 1.99 is not a whole number`},
		{"{{ index .Data.list .Data.rise }}", "templates/p.md:10:4: index: cannot index slice/array with type float64"},
	} {
		_, err := Body("templates/p.md", 10, c.body, financeSnapshot(), paper)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s\n got %v\nwant %s", c.body, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "__boardpaper") {
			t.Errorf("%s: the message shows an inserted call: %v", c.body, err)
		}
	}
}

// Only text that looks like an amount is told how to write amounts.
func TestMoneyOfTextThatIsNoAmount(t *testing.T) {
	_, err := Body("templates/p.md", 10, "{{ money .Data.as_at }}", financeSnapshot(), paper)
	if want := `templates/p.md:10:4: money: want an amount of money (a number), got text "2013-01-25"`; err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// The calls Parse inserts never show in a message that quotes an action.
func TestInsertedCallsAreNotQuoted(t *testing.T) {
	for in, want := range map[string]string{
		"{{range .Data.x | __boardpaperIndex}}{{__boardpaperStep}}{{.}}{{end}}": "{{range .Data.x}}{{.}}{{end}}",
		`and (__boardpaperTruth .Data.a) (__boardpaperTruth (eq .Data.b ")"))`:  `and .Data.a (eq .Data.b ")")`,
		`index $x (__boardpaperIndex 1) | __boardpaperTruth`:                    `index $x 1`,
		`{{__boardpaperEnter "a"}}{{template "a"}}{{__boardpaperLeave}}`:        `{{template "a"}}`,
	} {
		if got := unwrapInserted(in); got != want {
			t.Errorf("unwrapInserted(%s) = %s, want %s", in, got, want)
		}
	}
	_, err := Body("templates/p.md", 10, "{{ range .Data.label }}x{{ end }}", financeSnapshot(), paper)
	if err == nil || strings.Contains(err.Error(), "__boardpaper") {
		t.Errorf("range over text: %v", err)
	}
}
