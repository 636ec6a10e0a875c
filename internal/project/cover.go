package project

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
)

// What the front matter puts on a paper's document: its metadata, the
// cover sheet's rows and the notices that stand in for exempt material.
// They are worded here, beside the reader of the keys they come from, so
// that a new front-matter key and what it prints are changed together.

// Meta is the paper's metadata, as its document, its meeting's folder and
// pack, and the index know it.
func (p *Paper) Meta() model.Meta {
	return model.Meta{
		Slug: p.Slug, Title: p.Subject, Author: p.ReportOf, Committee: p.ReportTo,
		Date: p.Date, DateText: format.LongDate(p.Date), Language: "en-GB", Item: p.Item,
		Keywords: []string{p.ReportTo, format.LongDate(p.Date)},
	}
}

// Cover words the cover sheet: the layout's rows, in its order, with the
// paper's values. exempt says the paper holds exempt material (or is
// exempt as a whole).
func (p *Paper) Cover(l *Layout, exempt bool) model.Cover {
	c := model.Cover{Council: l.Council, Table: l.CoverStyle == CoverTable}
	if p.Item > 0 {
		c.Item = strings.TrimSpace(l.ItemLabel + " " + strconv.Itoa(p.Item))
	}
	for _, r := range l.CoverRows() {
		row := model.CoverRow{Label: r.Label, Key: r.Key, Title: r.Key == "subject"}
		f := p.Fields[r.Key]
		switch r.Kind {
		case KindText, KindReference:
			row.Lines = nonEmpty(f.Text)
		case KindDate:
			if !f.Date.IsZero() {
				row.Lines = []string{format.LongDate(f.Date)}
			}
		case KindPerson:
			row.Kind = model.CoverBlock
			row.Lines = personLines(f.Person)
			if f.Person.Name == "" && !c.Table {
				row.Label = "" // "Report author: Tel: …" would name a number
			}
		case KindList:
			row.Kind = model.CoverBlock
			row.Lines = f.List
			if len(row.Lines) == 0 {
				row.Lines = []string{"None"}
			}
		case KindYesNo:
			row = question(row, f.Yes)
			row.Details = append(labelled(r.NoteLabel, f.Note), labelled(r.ReferenceLabel, f.Ref)...)
		case KindWards:
			row = question(row, f.All || len(f.List) > 0)
			names := strings.Join(f.List, ", ")
			if f.All {
				names = r.AllLabel
			}
			if row.Yes {
				if c.Table {
					row.Answer = names
				} else {
					row.Details = labelled(r.NamesLabel, names)
				}
			}
		case KindExempt:
			row = p.exemptRow(row, l, r, exempt)
		}
		if row.Kind != model.CoverQuestion && len(row.Lines) == 0 {
			continue // nothing written: no line
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

// question makes a row a Yes/No question.
func question(row model.CoverRow, yes bool) model.CoverRow {
	row.Kind, row.Yes, row.Answer = model.CoverQuestion, yes, "No"
	if yes {
		row.Answer = "Yes"
	}
	return row
}

// exemptRow answers whether the paper holds exempt material: in the table
// style open, part exempt or exempt; in the lines style Yes or No.
func (p *Paper) exemptRow(row model.CoverRow, l *Layout, r CoverRow, exempt bool) model.CoverRow {
	row = question(row, exempt)
	if !exempt {
		if row.Answer = "No"; l.CoverStyle == CoverTable {
			row.Answer = "Open"
		}
		return row
	}
	if l.CoverStyle == CoverTable {
		row.Answer = "Part exempt"
		if p.Exempt {
			row.Answer = "Exempt"
		}
	}
	rule := p.AccessRule
	if r.RuleLabel == "" {
		// The layout's wording, on a line of its own: it starts a sentence
		// ("Paragraph 3 of Part 1 of Schedule 12A …").
		rule = capitalise(l.rule(p.AccessRule))
	}
	row.Details = append(labelled(r.RuleLabel, rule), labelled(r.AppendixLabel, p.ExemptAppendix)...)
	return row
}

// personLines are a person's name (with their role) and how to reach them.
func personLines(who Person) []string {
	var out []string
	name := who.Name
	if who.Role != "" {
		name = strings.TrimPrefix(name+", "+who.Role, ", ")
	}
	out = append(out, nonEmpty(name)...)
	out = append(out, labelled("Tel", who.Tel)...)
	return append(out, labelled("Email", who.Email)...)
}

// labelled is "label: value", or the value alone without a label; nothing
// when there is no value.
func labelled(label, value string) []string {
	switch {
	case value == "":
		return nil
	case label == "":
		return []string{value}
	}
	return []string{label + ": " + value}
}

// capitalise gives s a capital first letter.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// defaultExemptRule words the rule of a layout that does not say.
const defaultExemptRule = "Access to Information Procedure Rule {rule}"

// rule words the rule under which material is exempt, as the layout says
// (as a layout without exempt_rule does when l is nil).
func (l *Layout) rule(r string) string {
	w := defaultExemptRule
	if l != nil {
		w = l.ExemptRule
	}
	return strings.ReplaceAll(w, "{rule}", r)
}

// RuleHint says what access_to_information_rule should hold, as the
// layout prints it.
func (l *Layout) RuleHint() string {
	if l.ExemptRule == defaultExemptRule {
		return "say which Access to Information Procedure Rule applies (e.g. \"10.4(3)\")"
	}
	return fmt.Sprintf("say which applies, as the %s layout prints it: %q", l.Name, l.rule("…"))
}

// ExemptNotice stands in the public version for what an exempt heading
// opened.
func (p *Paper) ExemptNotice(l *Layout) string {
	return "Not for publication (" + l.rule(p.AccessRule) + ")"
}

// WithheldNotice is how the index and the agenda pack list a paper exempt
// as a whole, its rule worded as its layout l says (nil: the default).
func (p *Paper) WithheldNotice(l *Layout) string {
	return "not for publication (" + l.rule(p.AccessRule) + ")"
}
