package html

import (
	"net/url"
	"strconv"
	"strings"
)

// Text and attribute escaping. Only the characters that must be escaped
// are, so that apostrophes and quotation marks in text stay readable in the
// source; NUL, which neither HTML nor XML allows, becomes U+FFFD.
var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\x00", "\uFFFD")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&#34;", "\x00", "\uFFFD")
)

func escapeText(s string) string { return textEscaper.Replace(s) }
func escapeAttr(s string) string { return attrEscaper.Replace(s) }

// safeHref returns the address to link to and true when raw is an address a
// paper may link to: http, https or mailto, or a relative address or
// #fragment. Anything else (javascript:, data:, vbscript:, a scheme the
// browser might be tricked into, or an address it cannot parse) gives false
// and the link is shown as plain text.
func safeHref(raw string) (string, bool) {
	if raw == "" {
		return "", false
	}
	for _, r := range raw {
		// Browsers drop tabs, newlines and leading controls before reading
		// the scheme ("java\tscript:"), so any of them makes the address
		// suspect.
		if r < 0x20 || r == 0x7f || r == ' ' {
			return "", false
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" {
			return "", false
		}
	case "":
		// Relative address or fragment. A colon before the first slash
		// would have been read as a scheme, so there is none here.
	default:
		return "", false
	}
	return raw, true
}

func itoa(n int) string { return strconv.Itoa(n) }
