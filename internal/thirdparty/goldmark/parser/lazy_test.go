package parser

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The raw-HTML patterns, compiled on first use, still find HTML blocks of
// each kind and inline tags.
func TestHTMLPatternsCompiledOnFirstUse(t *testing.T) {
	src := []byte("<script>\nx\n</script>\n\n<!-- note -->\n\n<?php ?>\n\n<!DOCTYPE html>\n\n<![CDATA[ x ]]>\n\n<div>\nblock\n</div>\n\n<custom-tag attr=\"1\">\n\nText with <b>bold</b> and <br/> tags.\n")
	p := NewParser(WithBlockParsers(DefaultBlockParsers()...), WithInlineParsers(DefaultInlineParsers()...), WithParagraphTransformers(DefaultParagraphTransformers()...))
	doc := p.Parse(text.NewReader(src))
	blocks, inline := 0, 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.Kind() {
			case ast.KindHTMLBlock:
				blocks++
			case ast.KindRawHTML:
				inline++
			}
		}
		return ast.WalkContinue, nil
	})
	if blocks != 7 || inline != 3 {
		t.Errorf("%d HTML blocks and %d inline tags, want 7 and 3", blocks, inline)
	}
}
