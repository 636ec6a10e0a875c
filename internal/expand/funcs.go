package expand

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/boardpaper/boardpaper/internal/format"
)

// Funcs returns the template function map of FORMAT.md "Expressions".
//
// Every function takes its arguments as any and checks them itself, so a
// wrong type is reported in the author's terms (`num: want a number, got
// text "12a"`) rather than Go's. Errors do not repeat the function's name:
// the template engine adds it, and Body's messages keep it.
func Funcs() template.FuncMap { return funcs(nil) }

// funcs is Funcs with the work of each call counted by m (nil counts
// nothing). Go's own printf, print, println, html, js and urlquery are
// replaced by the same functions with the text they make counted, and
// its eq, ne, lt, le, gt, ge and not by ones that take figures as
// numbers (compare.go).
func funcs(m *meter) template.FuncMap {
	return template.FuncMap{
		"num":       num,
		"round":     round,
		"money":     money,
		"brackets":  brackets,
		"pct":       func(a, b any, places ...any) (string, error) { return pct(a, b, places, 1) },
		"pct0":      func(a, b any) (string, error) { return pct(a, b, nil, 0) },
		"add":       arith(format.Number.Add),
		"sub":       arith(format.Number.Sub),
		"mul":       arith(format.Number.Mul),
		"div":       div,
		"abs":       abs,
		"sum":       func(v any) (format.Number, error) { return sum(m, v) },
		"first":     first,
		"last":      last,
		"values":    func(set any, name ...any) ([]any, error) { return series(m, set, name) },
		"at":        func(set, x any, name ...any) (any, error) { return at(m, set, x, name) },
		"row":       func(table, label any) ([]any, error) { return row(m, table, label) },
		"longdate":  longdate,
		"monthyear": monthyear,
		"words":     words,
		"change":    change,
		"updown":    updown,

		"eq":  eq,
		"ne":  comparison(false, func(c int) bool { return c != 0 }),
		"lt":  comparison(true, func(c int) bool { return c < 0 }),
		"le":  comparison(true, func(c int) bool { return c <= 0 }),
		"gt":  comparison(true, func(c int) bool { return c > 0 }),
		"ge":  comparison(true, func(c int) bool { return c >= 0 }),
		"not": func(v any) bool { return !truth(v) },

		"printf":   func(f string, args ...any) (string, error) { return m.makes(fmt.Sprintf(f, args...)) },
		"print":    func(args ...any) (string, error) { return m.makes(fmt.Sprint(args...)) },
		"println":  func(args ...any) (string, error) { return m.makes(fmt.Sprintln(args...)) },
		"html":     func(args ...any) (string, error) { return m.makes(template.HTMLEscaper(args...)) },
		"js":       func(args ...any) (string, error) { return m.makes(template.JSEscaper(args...)) },
		"urlquery": func(args ...any) (string, error) { return m.makes(template.URLQueryEscaper(args...)) },
	}
}

// describe names a value as an author would see it in their YAML.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing (an empty value)"
	case string:
		return fmt.Sprintf("text %q", v)
	case bool:
		return fmt.Sprintf("true/false (%v)", v)
	case map[string]any:
		return "a map"
	case []any:
		return "a list"
	case time.Time:
		return "a date"
	case format.Number:
		return "the number " + v.String()
	}
	if _, ok := numeric(v); ok {
		return fmt.Sprintf("the number %v", v)
	}
	return fmt.Sprintf("a %T", v)
}

// numeric reads v as a figure if it is a number of any kind: a
// snapshot's figure (format.Number), a number written in the template, a
// count from Go's len.
func numeric(v any) (format.Number, bool) {
	if n, ok := v.(format.Number); ok {
		return n, true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Float64, reflect.Float32:
		return format.FromFloat(rv.Float()), true
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		return format.Number{Value: float64(rv.Int())}, true
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		return format.Number{Value: float64(rv.Uint())}, true
	}
	return format.Number{}, false
}

// number reads a numeric argument. Text is not a number even when it
// looks like one: a quoted "12" in a snapshot is a label, and treating it
// as a figure would hide a data-entry mistake. A number too large to print
// exactly (a literal such as 1e308 in the template) is refused here, so
// that no function starts from one.
func number(v any) (format.Number, error) {
	n, ok := numeric(v)
	if !ok {
		return n, fmt.Errorf("want a number, got %s", describe(v))
	}
	if err := format.Printable(n.Value); errors.Is(err, format.ErrNotANumber) {
		return n, fmt.Errorf("want a number, got %w", err)
	} else if err != nil {
		return n, fmt.Errorf("%s is %w", strconv.FormatFloat(n.Value, 'g', -1, 64), err)
	}
	return n, nil
}

// result checks an arithmetic result before it becomes a figure: NaN and
// the infinities, and figures past format.MaxExact (a product or quotient
// of figures that each print exactly may not), are refused at the
// expression rather than printed as "NaN" or "+Inf".
func result(what string, n format.Number) (format.Number, error) {
	if err := format.Printable(n.Value); err != nil {
		return n, fmt.Errorf("%s is %w", what, err)
	}
	return n, nil
}

// places reads the optional decimal places that end a call's arguments
// (num X 2): def when none is given.
func places(args []any, def int) (int, error) {
	switch len(args) {
	case 0:
		return def, nil
	case 1:
	default:
		return 0, fmt.Errorf("give at most one number of decimal places, got %d more arguments", len(args))
	}
	n, ok := numeric(args[0])
	if !ok {
		return 0, fmt.Errorf("decimal places must be a whole number from 0 to %d, got %s", format.MaxPlaces, describe(args[0]))
	}
	return format.Places(n.Value)
}

// num prints a figure: as written in the snapshot, or by the rules of the
// arithmetic that made it, or with the places asked for.
func num(x any, p ...any) (string, error) {
	n, err := number(x)
	if err != nil {
		return "", err
	}
	return printed(format.Style{}, n, p)
}

// printed is n printed in style s, with the decimal places p asks for
// (none: the style's own).
func printed(s format.Style, n format.Number, p []any) (string, error) {
	if len(p) > 0 {
		pl, err := places(p, 0)
		if err != nil {
			return "", err
		}
		s.Fixed, s.Places = true, pl
	}
	return s.Format(n), nil
}

// round makes a figure rounded to places (none unless asked): a number,
// for arithmetic and comparison, that prints with those places.
func round(x any, p ...any) (format.Number, error) {
	n, err := number(x)
	if err != nil {
		return n, err
	}
	pl, err := places(p, 0)
	if err != nil {
		return n, err
	}
	return result("the result", n.Rounded(pl))
}

// money prints a sum of money in pounds: money X, money X SCALE, money X
// PLACES, money X SCALE PLACES.
func money(x any, opts ...any) (string, error) {
	n, ok := numeric(x)
	if !ok {
		msg := fmt.Sprintf("want an amount of money (a number), got %s", describe(x))
		if s, text := x.(string); text && looksLikeAmount(s) {
			msg += ": write amounts in the snapshot as plain numbers of pounds, without £, commas or a scale: 565800000, not £565.8m"
		}
		return "", errors.New(msg)
	}
	if _, err := number(x); err != nil {
		return "", err
	}
	s := format.Style{Money: true}
	if len(opts) > 0 {
		if text, ok := opts[0].(string); ok {
			sc, err := format.ParseScale(text)
			if err != nil {
				return "", err
			}
			s.Scale, opts = sc, opts[1:]
		} else if len(opts) > 1 {
			return "", fmt.Errorf("write the scale before the places: money X %q %v", opts[1], opts[0])
		}
	}
	return printed(s, n, opts)
}

// looksLikeAmount reports whether text is an amount written as an
// officer would type it, "£565.8m", "565,000", "£1,234.50": a figure the
// snapshot quoted or wrote with its £ and commas.
func looksLikeAmount(s string) bool {
	s = strings.NewReplacer("£", "", ",", "", " ", "").Replace(s)
	for _, scale := range []string{"bn", "m", "k"} {
		s = strings.TrimSuffix(s, scale)
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// brackets writes a negative figure in brackets, as finance tables do:
// a number ("brackets -2572" is "(2,572)", with optional places), or a
// figure already printed ("brackets (money X "m")" is "(£2.6m)").
func brackets(x any, p ...any) (string, error) {
	if text, ok := x.(string); ok {
		if len(p) > 0 {
			return "", errors.New("decimal places are for a number; a printed figure is bracketed as it is printed")
		}
		s, err := format.Brackets(text)
		if err != nil {
			return "", fmt.Errorf("want a figure, got %s", describe(x))
		}
		return s, nil
	}
	n, err := number(x)
	if err != nil {
		return "", err
	}
	return printed(format.Style{Brackets: true}, n, p)
}

func pct(a, b any, p []any, def int) (string, error) {
	pl, err := places(p, def)
	if err != nil {
		return "", err
	}
	x, y, err := two(a, b)
	if err != nil {
		return "", err
	}
	s, err := format.Percent(x.Value, y.Value, pl)
	if errors.Is(err, format.ErrZeroDenominator) {
		return "", fmt.Errorf("zero denominator (a share of 0)")
	}
	if err != nil {
		return "", fmt.Errorf("the share is %w", err)
	}
	return s, nil
}

func two(a, b any) (format.Number, format.Number, error) {
	x, err := number(a)
	if err != nil {
		return x, x, fmt.Errorf("first argument: %w", err)
	}
	y, err := number(b)
	if err != nil {
		return x, y, fmt.Errorf("second argument: %w", err)
	}
	return x, y, nil
}

func arith(op func(a, b format.Number) format.Number) func(a, b any) (format.Number, error) {
	return func(a, b any) (format.Number, error) {
		x, y, err := two(a, b)
		if err != nil {
			return x, err
		}
		return result("the result", op(x, y))
	}
}

func div(a, b any) (format.Number, error) {
	x, y, err := two(a, b)
	if err != nil {
		return x, err
	}
	q, err := x.Div(y)
	if err != nil {
		return q, errors.New("zero denominator (dividing by 0)")
	}
	return result("the result", q)
}

func abs(a any) (format.Number, error) {
	x, err := number(a)
	if err != nil {
		return x, err
	}
	return result("the result", x.Abs())
}

// list reads any slice (a YAML list is []any; Go callers may pass typed
// slices).
func list(v any) ([]any, error) {
	if l, ok := v.([]any); ok {
		return l, nil
	}
	rv := reflect.ValueOf(v)
	if v == nil || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) {
		return nil, fmt.Errorf("want a list, got %s", describe(v))
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, nil
}

func sum(m *meter, v any) (format.Number, error) {
	var total format.Number
	l, err := list(v)
	if err != nil {
		return total, err
	}
	if err := m.step(len(l)); err != nil {
		return total, err
	}
	for i, x := range l {
		f, err := number(x)
		if err != nil {
			return total, fmt.Errorf("item %d: %w", i+1, err)
		}
		total = total.Add(f)
	}
	return result("the total", total)
}

func first(v any) (any, error) { return end(v, false) }

func last(v any) (any, error) { return end(v, true) }

// end is a list's first item, or its last.
func end(v any, last bool) (any, error) {
	l, err := list(v)
	if err != nil {
		return nil, err
	}
	if len(l) == 0 {
		return nil, errors.New("the list is empty")
	}
	if last {
		return l[len(l)-1], nil
	}
	return l[0], nil
}

// mapping reads a map argument, saying what was expected in the author's
// terms (a series set, a table).
func mapping(v any, what string) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want %s, got %s", what, describe(v))
	}
	return m, nil
}

// series finds a series set's values: the first series, or the one named.
func series(m *meter, set any, name []any) ([]any, error) {
	const what = "a series set (a map with x and series)"
	if _, err := mapping(set, what); err != nil {
		return nil, err
	}
	ss, ok := set.(map[string]any)["series"].([]any)
	if !ok {
		return nil, fmt.Errorf("want %s, got a map without a series list", what)
	}
	if err := m.step(len(ss)); err != nil {
		return nil, err
	}
	if len(name) > 1 {
		return nil, fmt.Errorf("give at most one series name, got %d", len(name))
	}
	var names []string
	for _, s := range ss {
		sm, ok := s.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("a series should be a map with name and values, got %s", describe(s))
		}
		n := fmt.Sprint(sm["name"])
		if len(name) == 0 || key(name[0]) == n {
			vals, err := list(sm["values"])
			if err != nil {
				return nil, fmt.Errorf("series %q: values: %w", n, err)
			}
			return vals, nil
		}
		names = append(names, strconv.Quote(n))
	}
	if len(name) == 0 {
		return nil, errors.New("the set has no series")
	}
	return nil, fmt.Errorf("no series named %q (the set has %s)", key(name[0]), strings.Join(names, ", "))
}

// key writes an x value or label the way it was written in the YAML, so
// `at .Data.lac "2013-01-25"` and `at .Data.years 2012` both match.
func key(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case time.Time:
		return v.Format("2006-01-02")
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case format.Number:
		// By value, as a float64 is: 2.50 in the snapshot is the x 2.5.
		return strconv.FormatFloat(v.Value, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func at(m *meter, set, x any, name []any) (any, error) {
	vals, err := series(m, set, name)
	if err != nil {
		return nil, err
	}
	xs, err := list(set.(map[string]any)["x"])
	if err != nil {
		return nil, fmt.Errorf("x: %w", err)
	}
	if err := m.step(len(xs)); err != nil {
		return nil, err
	}
	want := key(x)
	for i, got := range xs {
		if key(got) == want {
			if i >= len(vals) {
				return nil, fmt.Errorf("the series has no value at x %q (it has %d values for %d x)", want, len(vals), len(xs))
			}
			return vals[i], nil
		}
	}
	return nil, fmt.Errorf("no x %q in the set (its x are %s)", want, span(xs))
}

// span lists a few values for a message, eliding the middle of long lists.
func span(xs []any) string {
	ks := make([]string, len(xs))
	for i, x := range xs {
		ks[i] = strconv.Quote(key(x))
	}
	if len(ks) > 6 {
		ks = append(append(ks[:3:3], "…"), ks[len(ks)-2:]...)
	}
	return strings.Join(ks, ", ")
}

func row(m *meter, table, label any) ([]any, error) {
	const what = "a table (a map with columns and rows)"
	t, err := mapping(table, what)
	if err != nil {
		return nil, err
	}
	rows, ok := t["rows"].([]any)
	if !ok {
		return nil, fmt.Errorf("want %s, got a map without a rows list", what)
	}
	if err := m.step(len(rows)); err != nil {
		return nil, err
	}
	want := key(label)
	var labels []any
	for _, r := range rows {
		rm, ok := r.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("a row should be a map with label and values, got %s", describe(r))
		}
		if key(rm["label"]) == want {
			return list(rm["values"])
		}
		labels = append(labels, rm["label"])
	}
	return nil, fmt.Errorf("no row labelled %q (the rows are %s)", want, span(labels))
}

// date reads a date argument: a snapshot's "2013-01-25" or "2013-01", or a
// time.Time from Go callers.
func date(v any) (t time.Time, monthOnly bool, err error) {
	switch v := v.(type) {
	case time.Time:
		return v, false, nil
	case string:
		return format.ParseDate(v)
	}
	return time.Time{}, false, fmt.Errorf("want a date (YYYY-MM-DD), got %s", describe(v))
}

func longdate(v any) (string, error) {
	t, monthOnly, err := date(v)
	if err != nil {
		return "", err
	}
	if monthOnly {
		return "", fmt.Errorf("%q is a month, not a day (use monthyear)", v)
	}
	return format.LongDate(t), nil
}

func monthyear(v any) (string, error) {
	t, _, err := date(v)
	if err != nil {
		return "", err
	}
	return format.MonthYear(t), nil
}

func words(v any) (string, error) {
	n, err := number(v)
	if err != nil {
		return "", err
	}
	if !n.Whole() {
		return "", fmt.Errorf("%s is not a whole number", format.Num(n))
	}
	f := math.Round(n.Value)
	if f < 0 || f > 100 {
		return "", fmt.Errorf("%s is outside 0 to 100; write it as a numeral (num)", format.Num(n))
	}
	return format.Words(int(f))
}

// change says how a figure moved from A to B, judged at the places the
// two print with (or those asked for), so that a rise of 0.04 printed
// with one place "did not change".
func change(a, b any, p ...any) (string, error) {
	x, y, err := two(a, b)
	if err != nil {
		return "", err
	}
	pl, err := places(p, -1)
	if err != nil {
		return "", err
	}
	if _, err := result("the change", y.Sub(x)); err != nil {
		return "", err
	}
	return format.Change(x, y, pl), nil
}

func updown(a, b, up, down, same any, p ...any) (string, error) {
	x, y, err := two(a, b)
	if err != nil {
		return "", err
	}
	ws := []any{up, down, same}
	for i, w := range ws {
		if _, ok := w.(string); !ok {
			return "", fmt.Errorf("argument %d: want the words to write, got %s", i+3, describe(w))
		}
	}
	pl, err := places(p, -1)
	if err != nil {
		return "", err
	}
	// format.Direction is what change uses, so "rose" and the word chosen
	// here never disagree.
	switch format.Direction(x, y, pl) {
	case 1:
		return up.(string), nil
	case -1:
		return down.(string), nil
	}
	return same.(string), nil
}

// FuncNames lists the functions, Go's own included, sorted, for "did you
// mean" messages.
func FuncNames() []string {
	names := []string{"and", "call", "index", "len", "or", "slice"}
	for n := range Funcs() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
