// Package gmext is goldmark's GitHub tables and footnotes, the parsing
// half only, copied from github.com/yuin/goldmark v1.8.7's extension
// package (MIT License, see LICENSE).
//
// Why a copy: importing goldmark/extension compiles its Linkify patterns
// when the program starts, whether or not Linkify is used, and that took
// 1.5 ms of every boardpaper run, longer than reading a paper's template.
// boardpaper needs only tables and footnotes, and renders HTML itself, so
// the HTML renderers are left out too.
//
// Keep it in step with the goldmark version in go.mod: after upgrading
// goldmark, copy the same parts of extension/table.go and
// extension/footnote.go again. The markdown package's tests (golden HTML of
// both sample papers, tables with escaped pipes, footnotes) check the copy
// parses as the extension does.
package gmext

import (
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// ParserOptions add tables and footnotes to a goldmark parser, with the
// priorities goldmark's extension.Table and extension.Footnote give them.
func ParserOptions() []parser.Option {
	return []parser.Option{
		parser.WithParagraphTransformers(
			util.Prioritized(NewTableParagraphTransformer(), 200),
		),
		parser.WithASTTransformers(
			util.Prioritized(defaultTableASTTransformer, 0),
		),
		parser.WithBlockParsers(
			util.Prioritized(NewFootnoteBlockParser(), 999),
		),
		parser.WithInlineParsers(
			util.Prioritized(NewFootnoteParser(), 101),
		),
		parser.WithASTTransformers(
			util.Prioritized(NewFootnoteASTTransformer(), 999),
		),
	}
}
