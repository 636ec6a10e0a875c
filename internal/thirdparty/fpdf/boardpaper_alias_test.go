package fpdf

import (
	"bytes"
	"testing"
)

// replaceInBuffer must give what bytes.ReplaceAll gives, whether the
// replacement is shorter (rewritten in place), longer or absent.
func TestReplaceInBuffer(t *testing.T) {
	cases := []struct{ in, old, repl string }{
		{"Page 1 of {nb}", "{nb}", "10"},
		{"{nb}{nb} x {nb}", "{nb}", "7"},
		{"{nb} and {nb}", "{nb}", "1000000"},
		{"no alias here", "{nb}", "3"},
		{"", "{nb}", "3"},
		{"{nb}", "{nb}", ""},
		{"\x00{\x00n\x00b\x00}", "\x00{\x00n\x00b\x00}", "\x001\x002"},
	}
	for _, c := range cases {
		var b bytes.Buffer
		b.WriteString(c.in)
		replaceInBuffer(&b, []byte(c.old), []byte(c.repl))
		want := bytes.ReplaceAll([]byte(c.in), []byte(c.old), []byte(c.repl))
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("replaceInBuffer(%q, %q, %q) = %q, want %q", c.in, c.old, c.repl, b.Bytes(), want)
		}
	}
}
