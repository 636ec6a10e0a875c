package markdown

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/lazyregexp"
	"github.com/boardpaper/boardpaper/internal/model"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inlines converts a node's inline children. Adjacent text is merged before
// cross-references are looked for, because goldmark splits text at "_" and
// other delimiters, and a label such as @tbl-age_groups would otherwise be
// cut in two.
func (r *reader) inlines(n ast.Node) []model.Inline {
	var out []model.Inline
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, r.inline(c)...)
	}
	return r.refs(mergeText(out), n)
}

func (r *reader) inline(n ast.Node) []model.Inline {
	switch n := n.(type) {
	case *ast.Text:
		r.undefinedNotes(n)
		out := []model.Inline{model.Text(decode(n.Segment.Value(r.src)))}
		switch {
		case n.HardLineBreak():
			out = append(out, model.LineBreak{})
		case n.SoftLineBreak():
			out = append(out, model.Text(" "))
		}
		return out
	case *ast.String:
		return []model.Inline{model.Text(n.Value)}
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(r.src))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		return []model.Inline{model.Code(b.String())}
	case *ast.Emphasis:
		kids := r.inlines(n)
		if n.Level >= 2 {
			return []model.Inline{&model.Strong{Inlines: kids}}
		}
		return []model.Inline{&model.Emph{Inlines: kids}}
	case *ast.Link:
		kids := r.inlines(n)
		// The address as a browser is to be given it: escapes and
		// character references resolved, spaces and other characters
		// percent-encoded, as goldmark writes it. It is checked as
		// resolved, so "javascript&#58;" is not live either.
		u := string(util.URLEscape(n.Destination, true))
		if !SafeURL(u) {
			return kids
		}
		return []model.Inline{&model.Link{URL: u, Title: decode(n.Title), Inlines: kids}}
	case *ast.AutoLink:
		// An autolink is taken as written: no escapes, no references.
		u := string(util.URLEscape(n.URL(r.src), false))
		label := model.Text(n.Label(r.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(u, "mailto:") {
			u = "mailto:" + u
		}
		if !SafeURL(u) {
			return []model.Inline{label}
		}
		return []model.Inline{&model.Link{URL: u, Inlines: []model.Inline{label}}}
	case *ast.Image:
		// An image is a paragraph of its own (see figure). One among
		// words, dropped or kept as its description, would leave a
		// picture the author meant to publish missing without a word.
		r.errs.Add(diag.At(r.position(nodeOffset(n)), "the image ![%s](%s) must stand alone, in a paragraph of its own: put a blank line before and after it", r.rawText(n), n.Destination))
		return nil
	case *ast.RawHTML:
		// Shown as text, never passed through.
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			b.Write(s.Value(r.src))
		}
		return []model.Inline{model.Text(b.String())}
	case *extast.FootnoteLink:
		return []model.Inline{&model.NoteRef{Number: n.Index, Note: r.note(n.Index)}}
	case *extast.FootnoteBacklink:
		return nil
	}
	return r.inlines(n)
}

// SafeURL reports whether a link may be made live: web and mail addresses,
// and links within the page. javascript:, data: and other schemes are
// shown as plain text instead.
func SafeURL(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "#") {
		return true
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return true
	case "":
		// A relative link: refuse anything that could smuggle a scheme.
		return !strings.Contains(s, ":")
	}
	return false
}

// refLabel matches a Quarto-style cross-reference at the start of a
// string: @sec-…, @para-…, @tbl-…, @fig-…, not ending in punctuation.
var refLabel = lazyregexp.New(`^@((?:sec|para|tbl|fig)-[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)`)

// refLabelAnyCase is refLabel with the prefix in any case, for a
// reference written @Sec-x or @TBL-x, which would otherwise be printed as
// written.
var refLabelAnyCase = lazyregexp.New(`^@((?i:sec|para|tbl|fig)-[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)`)

func (r *reader) refs(in []model.Inline, n ast.Node) []model.Inline {
	var out []model.Inline
	for _, x := range in {
		t, ok := x.(model.Text)
		if !ok || !strings.Contains(string(t), "@") {
			out = append(out, x)
			continue
		}
		s, start := string(t), 0
		for i := 0; i < len(s); i++ {
			if s[i] != '@' || (i > 0 && isWordByte(s[i-1])) {
				// An "@" after a letter is an e-mail address, not a reference.
				continue
			}
			m := refLabel().FindStringSubmatch(s[i:])
			if m == nil {
				if m := refLabelAnyCase().FindStringSubmatch(s[i:]); m != nil {
					prefix, rest, _ := strings.Cut(m[1], "-")
					r.errs.Add(diag.At(r.refPos(n, m[1]), "@%s is not a reference (its prefix is written in small letters): did you mean @%s-%s?", m[1], strings.ToLower(prefix), rest))
				}
				continue
			}
			if i > start {
				out = append(out, model.Text(s[start:i]))
			}
			ref := &model.Ref{Label: m[1]}
			r.pos[ref] = r.refPos(n, ref.Label)
			out = append(out, ref)
			i += len(m[0]) - 1
			start = i + 1
		}
		if start < len(s) {
			out = append(out, model.Text(s[start:]))
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c == '@' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// mergeText joins adjacent text runs.
func mergeText(in []model.Inline) []model.Inline {
	var out []model.Inline
	for _, x := range in {
		if t, ok := x.(model.Text); ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(model.Text); ok {
				out[len(out)-1] = prev + t
				continue
			}
		}
		out = append(out, x)
	}
	return out
}

func lastText(in []model.Inline) (model.Text, bool) {
	if len(in) == 0 {
		return "", false
	}
	t, ok := in[len(in)-1].(model.Text)
	return t, ok
}

func setLastText(in []model.Inline, t model.Text) []model.Inline {
	out := append([]model.Inline(nil), in...)
	if t == "" {
		return out[:len(out)-1]
	}
	out[len(out)-1] = t
	return out
}

// trimInlines removes leading and trailing spaces.
func trimInlines(in []model.Inline) []model.Inline {
	out := append([]model.Inline(nil), in...)
	if len(out) > 0 {
		if t, ok := out[0].(model.Text); ok {
			out[0] = model.Text(strings.TrimLeft(string(t), " \t\n"))
		}
	}
	if t, ok := lastText(out); ok {
		out = setLastText(out, model.Text(strings.TrimRight(string(t), " \t\n")))
	}
	return out
}

// refPos finds where "@label" was written inside the block holding n.
func (r *reader) refPos(n ast.Node, label string) diag.Pos {
	for n != nil && n.Type() != ast.TypeBlock {
		n = n.Parent()
	}
	start := 0
	if n != nil {
		if off := nodeOffset(n); off >= 0 {
			start = off
		}
	}
	// Searched as bytes: converting the rest of the source to a string
	// copied it, tens of kilobytes for every reference.
	if i := bytes.Index(r.src[start:], []byte("@"+label)); i >= 0 {
		return r.position(start + i)
	}
	return r.position(start)
}

// noteRef matches a footnote reference at the start of the text: "[^",
// a label, "]", as goldmark's footnote parser reads one.
var noteRef = lazyregexp.New(`^\[\^([^\]\n]+)\]`)

// undefinedNotes reports each footnote reference in t's text. goldmark
// makes a reference to a defined footnote a link and leaves one to an
// undefined footnote as the text "[^x]", which would be published as
// written. The "[" is in t; the rest of the reference may be in the text
// after it, so the source is searched from there.
func (r *reader) undefinedNotes(t *ast.Text) {
	seg := t.Segment
	for i := seg.Start; i < seg.Stop; i++ {
		if r.src[i] != '[' || i+1 >= len(r.src) || r.src[i+1] != '^' || escaped(r.src, seg.Start, i) {
			continue
		}
		if m := noteRef().FindSubmatch(r.src[i:]); m != nil {
			r.errs.Add(diag.At(r.position(i), "footnote [^%s] is not defined: add its text on a line of its own, \"[^%s]: …\", or write \\[^%s] to print the characters", m[1], m[1], m[1]))
		}
	}
}

// escaped reports whether the byte at i is escaped by a backslash: an odd
// number of them before it, from start on.
func escaped(src []byte, start, i int) bool {
	n := 0
	for j := i - 1; j >= start && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// rawText is the text of n's descendants as written, for a message.
func (r *reader) rawText(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(r.src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
