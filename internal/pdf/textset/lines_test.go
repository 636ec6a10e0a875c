package textset

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
)

func txt(s string) model.Inline { return model.Text(s) }

func TestNoPunctuationAloneAtLineStart(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	in := []model.Inline{
		txt("As "), &model.Strong{Inlines: []model.Inline{txt("Table Two")}}, txt(", shows – in "),
		&model.Emph{Inlines: []model.Inline{txt("every")}}, txt(" age group – that the rise ; slowed ("),
		&model.Ref{Target: "x", Text: "paragraph 3.11"}, txt(")."),
	}
	want := strings.Join(strings.Fields(model.PlainText(in)), " ")
	for width := 30.0; width < 120; width += 0.7 {
		lines := Set(in, Style{Size: 11}, Box{X: 0, Width: width}, nil)
		var got []string
		for i, l := range lines {
			first := []rune(l.Frags[0].Text)[0]
			if unicode.IsPunct(first) && first != '(' {
				t.Errorf("width %.1f: line %d starts with %q", width, i, l.Frags[0].Text)
			}
			if lw := l.Width(); lw > width+0.01 && len(l.Text()) > 1 && strings.Contains(l.Text(), " ") {
				t.Errorf("width %.1f: line %q is %.1f wide", width, l.Text(), lw)
			}
			got = append(got, l.Text())
		}
		if g := strings.Join(got, " "); g != want {
			t.Fatalf("width %.1f: text became %q, want %q", width, g, want)
		}
	}
}

func TestLongWordIsCut(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	url := "https://example.org/a/very/long/address/that/cannot/fit/on/one/line/of/the/cell"
	lines := Set([]model.Inline{txt(url)}, Style{Size: 10}, Box{Width: 30}, nil)
	if len(lines) < 2 {
		t.Fatalf("got %d lines", len(lines))
	}
	var joined string
	for _, l := range lines {
		if l.Width() > 30.01 {
			t.Errorf("line %q is %.1f mm, box 30", l.Text(), l.Width())
		}
		joined += l.Text()
	}
	if joined != url {
		t.Errorf("cut text reads %q", joined)
	}
}

// TestBreakLinesEndsForAnyWidth sets text in boxes down to none and below
// (what nesting too deep once asked for): every character is set, in at
// most one line a word and a character, and a line wider than its box
// holds one character.
func TestBreakLinesEndsForAnyWidth(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"x",
		"text of a deeply quoted paragraph",
		"☒\u00a0Yes and ☐\u00a0No, mixed faces",
		strings.Repeat("1,000,", 60) + "000",
		strings.Repeat("w", 10000),
	}
	for _, width := range []float64{-160, -5, -1e-9, 0, 1e-300, 0.5, 3, 30, 150} {
		for _, s := range texts {
			ws := words([]run{{text: s, size: 11}})
			nw, nr := len(ws), utf8.RuneCountInString(s)
			lines := ws.Break(Box{Width: width}, 11)
			if len(lines) > nw+nr {
				t.Errorf("width %g, %.20q: %d lines for %d words of %d characters", width, s, len(lines), nw, nr)
			}
			var got strings.Builder
			for _, l := range lines {
				lt := l.Text()
				if l.Width() > max(width, 0)+1e-6 && utf8.RuneCountInString(lt) != 1 {
					t.Errorf("width %g, %.20q: line %.20q is %.1f mm wide", width, s, lt, l.Width())
				}
				got.WriteString(strings.ReplaceAll(lt, " ", ""))
			}
			if want := strings.ReplaceAll(s, " ", ""); got.String() != want {
				t.Errorf("width %g: set %.40q, want %.40q", width, got.String(), want)
			}
		}
	}
}

// Breaking words leaves them as they were, so the same words break the
// same way again: a table's first column is set once for each part of a
// table too wide for the page, and a word cut in it lost its head in every
// part after the first.
func TestBreakLeavesItsWordsAlone(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	ws := Split([]model.Inline{txt("Supercalifragilisticexpialidocious placements")}, Style{Size: 11}, nil)
	var first []string
	for range 3 {
		var got []string
		for _, l := range ws.Break(Box{Width: 15}, 11) {
			got = append(got, l.Text())
		}
		if first == nil {
			first = got
			if len(got) < 3 || strings.Join(got, "") != "Supercalifragilisticexpialidociousplacements" {
				t.Fatalf("set as %q", got)
			}
		} else if !slices.Equal(got, first) {
			t.Fatalf("broken again as %q, first %q", got, first)
		}
	}
}
