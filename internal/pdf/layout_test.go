package pdf

import (
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/model"
)

func TestNoPunctuationAloneAtLineStart(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	w := newWriter(Options{})
	in := []model.Inline{
		txt("As "), &model.Strong{Inlines: []model.Inline{txt("Table Two")}}, txt(", shows – in "),
		&model.Emph{Inlines: []model.Inline{txt("every")}}, txt(" age group – that the rise ; slowed ("),
		&model.Ref{Target: "x", Text: "paragraph 3.11"}, txt(")."),
	}
	want := strings.Join(strings.Fields(model.PlainText(in)), " ")
	for width := 30.0; width < 120; width += 0.7 {
		lines := w.layoutText(in, textStyle{size: 11}, lineBox{x: 0, width: width})
		var got []string
		for i, l := range lines {
			first := []rune(l.frags[0].text)[0]
			if unicode.IsPunct(first) && first != '(' {
				t.Errorf("width %.1f: line %d starts with %q", width, i, l.frags[0].text)
			}
			if lw := lineWidth(l); lw > width+0.01 && len(lineText(l)) > 1 && strings.Contains(lineText(l), " ") {
				t.Errorf("width %.1f: line %q is %.1f wide", width, lineText(l), lw)
			}
			got = append(got, lineText(l))
		}
		if g := strings.Join(got, " "); g != want {
			t.Fatalf("width %.1f: text became %q, want %q", width, g, want)
		}
	}
}

// lineText is a line's text with one space between fragments that do not
// touch.
func lineText(l line) string {
	var b strings.Builder
	for i, f := range l.frags {
		if i > 0 && f.x > l.frags[i-1].x+l.frags[i-1].w+0.01 {
			b.WriteByte(' ')
		}
		b.WriteString(f.text)
	}
	return b.String()
}

func TestLongWordIsCut(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	w := newWriter(Options{})
	url := "https://example.org/a/very/long/address/that/cannot/fit/on/one/line/of/the/cell"
	lines := w.layoutText([]model.Inline{txt(url)}, textStyle{size: 10}, lineBox{width: 30})
	if len(lines) < 2 {
		t.Fatalf("got %d lines", len(lines))
	}
	var joined string
	for _, l := range lines {
		if lineWidth(l) > 30.01 {
			t.Errorf("line %q is %.1f mm, box 30", lineText(l), lineWidth(l))
		}
		joined += lineText(l)
	}
	if joined != url {
		t.Errorf("cut text reads %q", joined)
	}
}

// TestWidowsAndOrphans places paragraphs near a page foot: a single line
// of a paragraph is never left at the foot or carried to the head.
func TestWidowsAndOrphans(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		room, lines int // lines of room left, lines in the paragraph
		wantPage    int // page the paragraph ends on
		wantAfter   int // lines of it on that page
	}{
		{room: 1, lines: 1, wantPage: 1, wantAfter: 1},
		{room: 0, lines: 1, wantPage: 2, wantAfter: 1},
		{room: 1, lines: 4, wantPage: 2, wantAfter: 4}, // no orphan: all move
		{room: 2, lines: 3, wantPage: 2, wantAfter: 3}, // 2+1 would leave a widow
		{room: 3, lines: 3, wantPage: 1, wantAfter: 3}, // fits
		{room: 4, lines: 5, wantPage: 2, wantAfter: 2}, // 3 here, 2 there
		{room: 4, lines: 4, wantPage: 1, wantAfter: 4}, // fits
		{room: 2, lines: 6, wantPage: 2, wantAfter: 4}, // 2 here, 4 there
		{room: 5, lines: 6, wantPage: 2, wantAfter: 2}, // 4 here, not 5+1
		{room: 0, lines: 2, wantPage: 2, wantAfter: 2}, // nothing fits here
	} {
		w := newWriter(Options{})
		w.base = 11
		w.newPage()
		var ls []line
		for i := 0; i < c.lines; i++ {
			ls = append(ls, plainLine("line", textStyle{size: 11}, w.left))
		}
		h := ls[0].height
		w.y = w.bottom - float64(c.room)*h - h/2 // half a line to spare
		w.flow(ls)
		after := int(math.Round((w.y - w.top) / h))
		if w.pdf.PageNo() == 1 {
			after = c.lines
		}
		if w.pdf.PageNo() != c.wantPage || after != c.wantAfter {
			t.Errorf("room %d, %d lines: ends on page %d with %d lines there; want page %d with %d",
				c.room, c.lines, w.pdf.PageNo(), after, c.wantPage, c.wantAfter)
		}
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
			lines := breakLines(ws, lineBox{width: width}, 11)
			if len(lines) > nw+nr {
				t.Errorf("width %g, %.20q: %d lines for %d words of %d characters", width, s, len(lines), nw, nr)
			}
			var got strings.Builder
			for _, l := range lines {
				lt := lineText(l)
				if lineWidth(l) > max(width, 0)+1e-6 && utf8.RuneCountInString(lt) != 1 {
					t.Errorf("width %g, %.20q: line %.20q is %.1f mm wide", width, s, lt, lineWidth(l))
				}
				got.WriteString(strings.ReplaceAll(lt, " ", ""))
			}
			if want := strings.ReplaceAll(s, " ", ""); got.String() != want {
				t.Errorf("width %g: set %.40q, want %.40q", width, got.String(), want)
			}
		}
	}
}
