// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

// runeBits is a set of runes below U+10000.
type runeBits [1 << 16 / 64]uint64

// useRunes records the runes of s in the font's usedRunes, as Text did
// for each character, writing the map only for a rune not seen before.
func (font *fontDefType) useRunes(s string) {
	seen := font.runesSeen
	for _, r := range s {
		if seen != nil && r >= 0 && r < 1<<16 {
			word, bit := &seen[r>>6], uint64(1)<<(r&63)
			if *word&bit != 0 {
				continue
			}
			*word |= bit
		}
		font.usedRunes[int(r)] = int(r)
	}
}

// appendEscapedUTF16 appends what escape(utf8toutf16(s, false)) returns:
// s as UTF-16BE (utf8toutf16's decoding, which reads any lead byte of 224
// or more as a three-byte sequence and any other non-ASCII byte below 224
// but 192 as a character of its own), each byte escaped for a PDF string.
func appendEscapedUTF16(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c1 := s[i]
		i++
		var hi, lo byte
		switch {
		case c1 >= 224:
			c2, c3 := s[i], s[i+1]
			i += 2
			hi, lo = ((c1&0x0F)<<4)+((c2&0x3C)>>2), ((c2&0x03)<<6)+(c3&0x3F)
		case c1 >= 192:
			c2 := s[i]
			i++
			hi, lo = (c1&0x1C)>>2, ((c1&0x03)<<6)+(c2&0x3F)
		default:
			hi, lo = 0, c1
		}
		b = appendEscapedByte(appendEscapedByte(b, hi), lo)
	}
	return b
}

// appendEscaped appends what escape(s) returns.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b = appendEscapedByte(b, s[i])
	}
	return b
}

// appendEscapedByte appends c as escape writes it in a PDF string:
// a backslash before \, ( and ), and \r as "\r".
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}
