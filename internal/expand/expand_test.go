package expand

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
)

// snapshot mirrors a looked-after-children snapshot: maps, lists, ints,
// floats and dates as strings, as Go code may give it; figures(snapshot())
// is the snapshot as project reads it.
func snapshot() map[string]any {
	return map[string]any{
		"total":   1384,
		"rate":    11.3,
		"as_at":   "2013-01-25",
		"month":   "2012-03",
		"missing": nil,
		"looked_after": map[string]any{
			"x": []any{"2009-11-30", "2010-11-30", "2012-03-31", "2013-01-25"},
			"series": []any{
				map[string]any{"name": "Looked after children", "values": []any{1370, 1434, 1474, 1384}},
				map[string]any{"name": "Statistical neighbours", "values": []any{1370, 1450, 1510, 1550}},
			},
		},
		"years": map[string]any{
			"x":      []any{2010, 2011},
			"series": []any{map[string]any{"name": "Contacts", "values": []any{10, 12}}},
		},
		"age_groups": map[string]any{
			"columns": []any{"0", "1-4", "5-10", "11-15", "16+"},
			"rows": []any{
				map[string]any{"label": "March 2011", "values": []any{90, 322, 359, 431, 242}},
				map[string]any{"label": "March 2012", "values": []any{123, 331, 387, 396, 237}},
			},
		},
	}
}

var paper = map[string]any{"date": "2013-03-13", "report_to": "Executive Board"}

func TestFunctions(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{{ num .Data.total }}`, "1,384"},
		{`{{ num 1414.0 }}`, "1,414"},
		{`{{ num 3.5 }}`, "3.5"},
		{`{{ num -815 }}`, "-815"},
		{`{{ pct 1 12 }}`, "8.3%"},
		{`{{ pct0 122 313 }}`, "39%"},
		{`{{ pct 1 16 }}`, "6.3%"},
		{`{{ add 1 2 }}`, "3"},
		{`{{ sub .Data.total 1474 }}`, "-90"},
		{`{{ mul 2.5 4 }}`, "10"},
		{`{{ div 7 2 }}`, "3.5"},
		{`{{ mul 1000 1000 }}`, "1000000"}, // not 1e+06
		{`{{ abs -4 }}`, "4"},
		{`{{ num (sum (row .Data.age_groups "March 2011")) }}`, "1,444"},
		{`{{ pct (first (row .Data.age_groups "March 2011")) (sum (row .Data.age_groups "March 2011")) }}`, "6.2%"},
		{`{{ first .Data.looked_after.x }}`, "2009-11-30"},
		{`{{ num (last (values .Data.looked_after)) }}`, "1,384"},
		{`{{ num (last (values .Data.looked_after "Statistical neighbours")) }}`, "1,550"},
		{`{{ num (at .Data.looked_after "2012-03-31") }}`, "1,474"},
		{`{{ num (at .Data.looked_after "2012-03-31" "Statistical neighbours") }}`, "1,510"},
		{`{{ at .Data.years 2011 }}`, "12"},
		{`{{ longdate .Data.as_at }}`, "25th January 2013"},
		{`{{ longdate .Paper.date }}`, "13th March 2013"},
		{`{{ monthyear .Data.as_at }}`, "January 2013"},
		{`{{ monthyear .Data.month }}`, "March 2012"},
		{`{{ words 14 }}`, "fourteen"},
		{`{{ words 21.0 }}`, "twenty-one"},
		{`{{ change 1370 1434 }}`, "rose by 64"},
		{`{{ change 1474 .Data.total }}`, "fell by 90"},
		{`{{ change 5 5 }}`, "did not change"},
		{`{{ updown 1474 .Data.total "a rise" "a fall" "no change" }}`, "a fall"},
		{`{{ updown 1 2 "a rise" "a fall" "no change" }}`, "a rise"},
		{`{{ updown 2 2 "a rise" "a fall" "no change" }}`, "no change"},
		{`{{ .Paper.report_to }}`, "Executive Board"},
		{"{{define \"recs\"}}Note the figures.{{end}}A: {{template \"recs\" .}}\nB: {{template \"recs\" .}}", "A: Note the figures.\nB: Note the figures."},
		{`{{ range .Data.looked_after.x }}{{ monthyear . }}; {{ end }}`, "November 2009; November 2010; March 2012; January 2013; "},
		// Negative zero prints as 0, whatever makes it.
		{`{{ mul -1 0 }} {{ num (mul -1 0) }} {{ div 0 -5 }} {{ abs (mul -1 0) }} {{ change 0 (mul -1 0) }}`, "0 0 0 0 did not change"},
		{`{{ num 9007199254740992 }}`, "9,007,199,254,740,992"},
	}
	// The snapshot as project reads it (figures), and as Go code may
	// give it (ints and floats).
	for _, data := range []any{figures(snapshot()), snapshot()} {
		for _, tt := range tests {
			got, err := Body("templates/p.md", 10, tt.body, data, paper)
			if err != nil || got != tt.want {
				t.Errorf("%s\n got %q, %v\nwant %q", tt.body, got, err, tt.want)
			}
		}
	}
}

func TestDateArgument(t *testing.T) {
	// Go callers may pass a time.Time.
	got, err := Body("p.md", 1, `{{ longdate .Data }}`, time.Date(2012, 3, 31, 0, 0, 0, 0, time.UTC), nil)
	if err != nil || got != "31st March 2012" {
		t.Errorf("longdate(time.Time) = %q, %v", got, err)
	}
}

// TestErrors checks each class of author error lands on the template
// file's own line and column (the body starts on file line 10) with a
// message that names the problem.
func TestErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // the whole "path:line:col: message"
	}{
		{"missing key", "Intro.\n\nWe have {{ .Data.totl }} children.",
			`templates/p.md:12:17: no figure "totl" in the data (.Data.totl)`},
		{"misspelt key", "{{ .Data.lookd_after.x }}",
			`templates/p.md:10:9: no figure "lookd_after" in the data (.Data.lookd_after.x) (did you mean "looked_after"?)`},
		{"misspelt nested key", "{{ num (first (values .Data.looked_after.serise)) }}",
			`templates/p.md:10:41: no figure "serise" in the data (.Data.looked_after.serise) (did you mean "series"?)`},
		{"misspelt front-matter key", "{{ .Paper.reprot_to }}",
			`templates/p.md:10:10: no key "reprot_to" in the front matter (.Paper.reprot_to) (did you mean "report_to"?)`},
		{"missing key named twice in the chain", "{{ .Data.years.years }}",
			`templates/p.md:10:15: no figure "years" in the data (.Data.years.years)`},
		{"key far from any", "{{ .Data.placements }}",
			`templates/p.md:10:9: no figure "placements" in the data (.Data.placements)`},
		{"misspelt key inside with", "{{ with .Data.looked_after }}{{ .serise }}{{ end }}",
			`templates/p.md:10:33: there is no .serise here: a paper's template sees .Data (the snapshot) and .Paper (the front matter)`},
		{"missing nested key", "{{ .Data.looked_after.y }}",
			`templates/p.md:10:22: no figure "y" in the data (.Data.looked_after.y)`},
		{"missing front-matter key", "x\n  {{ .Paper.dat }}",
			`templates/p.md:11:12: no key "dat" in the front matter (.Paper.dat)`},
		{"unknown top-level name", "{{ .Date }}",
			`templates/p.md:10:4: there is no .Date here: a paper's template sees .Data (the snapshot) and .Paper (the front matter)`},
		{"field of a number", "{{ .Data.total.x }}",
			`templates/p.md:10:15: cannot look up "x": .Data.total is not a map of figures (.Data.total.x)`},
		{"field of an empty value", "{{ .Data.missing.x }}",
			`templates/p.md:10:17: cannot look up "x": .Data.missing is empty (.Data.missing.x)`},
		{"unknown function", "a\nb {{ pcnt 1 2 }}",
			`templates/p.md:11:6: unknown function "pcnt" (did you mean "pct"?)`},
		{"unknown function far from any", "{{ frobnicate 1 }}",
			`templates/p.md:10:4: unknown function "frobnicate"`},
		{"unclosed action at end", "a\nWe have {{ num .Data.total\n",
			`templates/p.md:11:9: "{{" is never closed: add "}}" to end the expression`},
		{"unclosed action before prose", "a\nWe have {{ num .Data.total\nmore words here.\nAnd {{ num 1 }}.",
			`templates/p.md:11:9: "{{" is never closed: add "}}" to end the expression`},
		{"single brace close", "x {{ .Data.total }\n",
			`templates/p.md:10:3: "{{" is never closed: add "}}" to end the expression`},
		{"unclosed if", "a\n{{ if gt .Data.total 5 }}\nmany\n\nmore\n",
			`templates/p.md:11:1: {{if}} is never closed: add {{end}} after what it covers`},
		{"stray end", "a\n\nok {{ end }}",
			`templates/p.md:12:7: {{end}} without an {{if}}, {{range}}, {{with}} or {{define}} to close`},
		{"wrong argument type", "a\n{{ num .Data.as_at }}",
			`templates/p.md:11:4: num: want a number, got text "2013-01-25"`},
		{"wrong second argument", "{{ pct 1 \"12\" }}",
			`templates/p.md:10:4: pct: second argument: want a number, got text "12"`},
		{"zero denominator pct", "a\nb\n  {{ pct 5 0 }}",
			`templates/p.md:12:6: pct: zero denominator (a share of 0)`},
		{"zero denominator div", "{{ div .Data.total 0 }}",
			`templates/p.md:10:4: div: zero denominator (dividing by 0)`},
		{"wrong number of arguments", "{{ num }}",
			`templates/p.md:10:4: num needs at least 1 argument, got 0 (num)`},
		{"words out of range", "{{ words .Data.total }}",
			`templates/p.md:10:4: words: 1,384 is outside 0 to 100; write it as a numeral (num)`},
		{"longdate of a month", "{{ longdate .Data.month }}",
			`templates/p.md:10:4: longdate: "2012-03" is a month, not a day (use monthyear)`},
		{"no such x", "{{ at .Data.looked_after \"2013-01-26\" }}",
			`templates/p.md:10:4: at: no x "2013-01-26" in the set (its x are "2009-11-30", "2010-11-30", "2012-03-31", "2013-01-25")`},
		{"no such series", "{{ values .Data.looked_after \"Core cities\" }}",
			`templates/p.md:10:4: values: no series named "Core cities" (the set has "Looked after children", "Statistical neighbours")`},
		{"no such row", "{{ row .Data.age_groups \"March 2013\" }}",
			`templates/p.md:10:4: row: no row labelled "March 2013" (the rows are "March 2011", "March 2012")`},
		{"sum of text", "{{ sum .Data.age_groups.columns }}",
			`templates/p.md:10:4: sum: item 1: want a number, got text "0"`},
		{"undefined template", "x\n{{ template \"recs\" . }}",
			`templates/p.md:11:13: no template named "recs" (write {{define "recs"}}…{{end}} somewhere in the paper)`},
		{"a literal too large to print", "{{ num 1e308 }}",
			`templates/p.md:10:4: num: 1e+308 is too large to print exactly (more than 9,007,199,254,740,992 either side of 0)`},
		{"an argument too large to print", "{{ mul 1e308 10 }}",
			`templates/p.md:10:4: mul: first argument: 1e+308 is too large to print exactly (more than 9,007,199,254,740,992 either side of 0)`},
		{"a product too large to print", "a\n  {{ mul .Data.total 10000000000000 }}",
			`templates/p.md:11:6: mul: the result is too large to print exactly (more than 9,007,199,254,740,992 either side of 0)`},
		{"a difference too large to print", "{{ sub -9000000000000000 9000000000000000 }}",
			`templates/p.md:10:4: sub: the result is too large to print exactly (more than 9,007,199,254,740,992 either side of 0)`},
		{"a sum too large to print", "{{ add 9000000000000000 9000000000000000 }}",
			`templates/p.md:10:4: add: the result is too large to print exactly`},
		{"a quotient too large to print", "{{ div .Data.total 0.0000000000001 }}",
			`templates/p.md:10:4: div: the result is too large to print exactly`},
		{"a quotient that overflows", "{{ div 9000000000000000 1e-300 }}",
			`templates/p.md:10:4: div: the result is too large to print exactly`},
		{"a total too large to print", "{{ sum .Data.huge }}",
			`templates/p.md:10:4: sum: the total is too large to print exactly`},
		{"a change too large to print", "{{ change -9000000000000000 9000000000000000 }}",
			`templates/p.md:10:4: change: the change is too large to print exactly`},
		{"a share too large to print", "{{ pct 9000000000000000 0.00001 }}",
			`templates/p.md:10:4: pct: the share is too large to print exactly`},
		{"NaN from a Go caller", "{{ num .Data.nan }}",
			`templates/p.md:10:4: num: want a number, got not a number (NaN)`},
		{"infinity from a Go caller", "{{ add .Data.inf 1 }}",
			`templates/p.md:10:4: add: first argument: +Inf is too large to print exactly`},
		{"columns count characters", "é é {{ .Data.nope }}",
			`templates/p.md:10:13: no figure "nope" in the data (.Data.nope)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := figures(snapshot()).(map[string]any)
			data["huge"] = figures([]any{9e15, 9e15})
			data["nan"], data["inf"] = math.NaN(), math.Inf(1)
			got, err := Body("templates/p.md", 10, tt.body, data, paper)
			if err == nil {
				t.Fatalf("no error; output %q", got)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("\n got %s\nwant %s", err, tt.want)
			}
			var d *diag.Error
			if !errors.As(err, &d) {
				t.Errorf("error is a %T, want *diag.Error", err)
			}
		})
	}
}

func TestRecursionStops(t *testing.T) {
	body := "x\n{{define \"a\"}}{{template \"a\" .}}{{end}}{{template \"a\" .}}"
	_, err := Body("p.md", 5, body, nil, nil)
	want := `p.md:6:15: templates call each other without end ({{template "a"}} is called inside itself, or inside a template it calls, more than 100 deep)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestParseOnceExecuteMany(t *testing.T) {
	tmpl, err := Parse("p.md", 3, "Now {{ num .Data.total }}.")
	if err != nil {
		t.Fatal(err)
	}
	for total, want := range map[int]string{1384: "Now 1,384.", 1474: "Now 1,474."} {
		got, err := tmpl.Execute(map[string]any{"total": total}, nil)
		if err != nil || got != want {
			t.Errorf("Execute(total=%d) = %q, %v; want %q", total, got, err, want)
		}
	}
	if _, err := tmpl.Execute(map[string]any{}, nil); err == nil || err.Error() != `p.md:3:17: no figure "total" in the data (.Data.total)` {
		t.Errorf("missing total: %v", err)
	}
}

// Runaway templates are stopped by counting their work, at the action
// that ran away, whatever the machine's speed.
func TestRunawayTemplatesStopWithAClearError(t *testing.T) {
	doubled := `{{ $a := printf "%0999d" 1 }}` + strings.Repeat(`{{ $a = printf "%s%s" $a $a }}`, 40) + "{{ len $a }}"
	fanOut := `{{ define "t0" }}x{{ end }}`
	for i := 1; i <= 30; i++ {
		fanOut += fmt.Sprintf(`{{ define "t%d" }}{{ template "t%d" }}{{ template "t%d" }}{{ end }}`, i, i-1, i-1)
	}
	fanOut += "\n{{ template \"t30\" }}"
	cases := []struct{ name, body, want string }{
		{"loops for ever", "Intro.\n\n{{ range 1000000000000 }}{{ end }}\n",
			"templates/p.md:12:1: the template does more than 100,000 steps of work"},
		{"loops for ever inside a loop", "Intro.\n\n{{ range 3 }}\n  {{- range 1000000000000 }}{{ end }}{{ end }}\n",
			"templates/p.md:13:3: the template does more than 100,000 steps of work"},
		{"sums for ever", "{{ range 1000000 }}{{ sum $.Data.list }}{{ end }}",
			"templates/p.md:10:23: sum: the template does more than 100,000 steps of work"},
		{"grows for ever", "Intro.\n\n{{ range 1000000000000 }}" + strings.Repeat("x", 4000) + "{{ end }}\n",
			"templates/p.md:12:1: the text grows past 4 MB as it is expanded"},
		{"calls itself", "{{ define \"a\" }}{{ template \"a\" }}{{ end }}{{ template \"a\" }}",
			`templates/p.md:10:17: templates call each other without end ({{template "a"}}`},
		{"calls itself twice", "{{ define \"a\" }}{{ template \"a\" }}{{ template \"a\" }}{{ end }}{{ template \"a\" }}",
			`templates/p.md:10:17: templates call each other without end`},
		{"calls two templates at each of 30 levels", fanOut,
			"the template does more than 100,000 steps of work"},
		{"doubles a variable", doubled,
			"templates/p.md:10:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old := TimeLimit
			TimeLimit = time.Hour // so that only the counted limits can stop it
			defer func() { TimeLimit = old }()
			data := map[string]any{"list": []any{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}
			_, err := Body("templates/p.md", 10, c.body, data, map[string]any{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %s", err, c.want)
			}
		})
	}
	// The text made by printf counts even when it is never written.
	_, err := Body("templates/p.md", 10, doubled, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "the expressions make more than 4 MB of text") {
		t.Errorf("doubled variable: %v", err)
	}
}

// The time limit is the last resort, for work the counts miss.
func TestTimeLimitIsTheLastResort(t *testing.T) {
	oldTime, oldSteps := TimeLimit, MaxSteps
	TimeLimit, MaxSteps = 50*time.Millisecond, math.MaxInt
	defer func() { TimeLimit, MaxSteps = oldTime, oldSteps }()
	_, err := Body("templates/p.md", 10, "Intro.\n\n{{ range 1000000000000 }}{{ end }}\n", nil, nil)
	want := "templates/p.md:12:1: expanding the template took longer than 50ms"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %s", err, want)
	}
}

// Each expansion has the whole of each limit, however many ran before it
// or run beside it; a {{range}} inside a template called with no data
// works (the counting once needed the data to reach its flag).
func TestEachExpansionCountsItsOwnWork(t *testing.T) {
	body := `{{ define "a" }}{{ range 3 }}x{{ end }}{{ end }}{{ template "a" }}{{ range 60000 }}{{ end }}`
	tmpl, err := Parse("p.md", 1, body)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 2 {
				if got, err := tmpl.Execute(nil, nil); err != nil || got != "xxx" {
					t.Errorf("got %q, %v", got, err)
				}
			}
		}()
	}
	wg.Wait()
}

// A {{slice}} through the middle of a character leaves U+FFFD, never bytes
// that are not UTF-8 (found by FuzzPipeline: the PDF writer panicked).
func TestSliceThroughACharacterStaysUTF8(t *testing.T) {
	got, err := Body("templates/p.md", 9, `Caf{{ slice .Data.word 0 1 }}s`, map[string]any{"word": "été"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got != "Caf\uFFFDs" {
		t.Errorf("got %q, want %q", got, "Caf\uFFFDs")
	}
}
