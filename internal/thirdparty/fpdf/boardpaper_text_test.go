// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"math/rand"
	"strings"
	"testing"
)

// fpdfText restates fpdf v0.9.0's Text for a UTF-8 font: what it wrote to
// the page for the text at (x, y).
func fpdfText(f *Fpdf, x, y float64, txtStr string) string {
	txt2 := f.escape(utf8toutf16(txtStr, false))
	s := sprintf("BT %.2f %.2f Td (%s) Tj ET", x*f.k, (f.h-y)*f.k, txt2)
	if f.underline && txtStr != "" {
		s += " " + f.dounderline(x, y, txtStr)
	}
	if f.strikeout && txtStr != "" {
		s += " " + f.dostrikeout(x, y, txtStr)
	}
	if f.colorFlag {
		s = sprintf("q %s %s Q", f.color.text.str, s)
	}
	return s + "\n"
}

// randomText mixes ASCII, the characters a PDF string escapes, and
// characters of two and three bytes in UTF-8, some of whose UTF-16 bytes
// need escaping too (U+2028 is 0x20 0x28).
func randomText(r *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "0", "(", ")", "\\", "\r", "\n", "é", "£", "–", "“", "€", "✓", "☒", "\u2028", "\u5c5c", "Ω", "\u0129"}
	var b strings.Builder
	for n := r.Intn(12); n >= 0; n-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

func TestEscapedUTF16AsFpdfMadeIt(t *testing.T) {
	f := New("P", "mm", "A4", "")
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		s := randomText(r)
		if got, want := string(appendEscapedUTF16(nil, s)), f.escape(utf8toutf16(s, false)); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
		if got, want := string(appendEscaped(nil, s)), f.escape(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	}
}

// Text writes what fpdf wrote, plain, coloured, underlined and struck
// out, and records every rune it draws.
func TestTextAsFpdfWroteIt(t *testing.T) {
	f := newTestDoc(false)
	f.SetFont("Sans", "", 11)
	f.AddPage()
	r := rand.New(rand.NewSource(2))
	want := map[int]bool{}
	for i := 0; i < 400; i++ {
		switch i % 4 {
		case 1:
			f.SetTextColor(200, 0, 0)
		case 2:
			f.SetFont("Sans", "U", 11)
		case 3:
			f.SetFont("Sans", "S", 11)
		default:
			f.SetTextColor(0, 0, 0)
			f.SetFont("Sans", "", 11)
		}
		s := randomText(r)
		x, y := r.Float64()*200, r.Float64()*280
		expected := fpdfText(f, x, y, s)
		page := f.pages[f.page]
		before := page.Len()
		f.Text(x, y, s)
		if got := page.String()[before:]; got != expected {
			t.Fatalf("Text(%q) wrote %q, want %q", s, got, expected)
		}
		for _, c := range s {
			want[int(c)] = true
		}
	}
	used := f.fonts["sans"].usedRunes
	for c := range want {
		if used[c] != c {
			t.Errorf("rune %U drawn but not recorded for the subset", c)
		}
	}
}
