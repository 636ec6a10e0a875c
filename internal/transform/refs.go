package transform

import (
	"fmt"
	"sort"
	"strings"

	"github.com/boardpaper/boardpaper/internal/diag"
	"github.com/boardpaper/boardpaper/internal/model"
)

// target is something a cross-reference can point at.
type target struct {
	id   string
	text string // "section 3", "paragraph 3.11", "Table Two"
	err  string // why it cannot be referred to, if it cannot
	pos  diag.Pos
	// within is the heading that opened the exempt material the target
	// lies in (a key of byKey), nil when the target is public.
	within any
}

// Labels gives every section, numbered paragraph and exhibit an id (the
// author's label, or one made from its number, so deep links are stable),
// then resolves each @label in the text to what it names. Unknown and
// duplicate labels are errors at the place they were written.
//
// A reference to something inside exempt material also gets the wording
// the public version prints instead, which names only the heading that
// opened the material: "the exempt part of section 9".
func Labels(d *model.Document, pos diag.Positions) error {
	var errs diag.List
	targets := map[string]*target{} // by the author's label
	byKey := map[any]*target{}      // by element, labelled or not
	used := map[string]bool{}
	inside := exemptionOf(d)
	define := func(a *model.Attr, key any, fallback string, t target) {
		t.within = inside[key]
		if a.ID == "" {
			if fallback == "" {
				return
			}
			id := fallback
			for n := 2; used[id]; n++ {
				id = fmt.Sprintf("%s-%d", fallback, n)
			}
			a.ID = id
			used[id] = true
			t.id = id
			byKey[key] = &t
			return
		}
		t.id, t.pos = a.ID, pos[key]
		byKey[key] = &t
		if prev, dup := targets[a.ID]; dup {
			errs.Add(diag.At(t.pos, "label %q is defined twice (first at line %d)", a.ID, prev.pos.Line))
			return
		}
		used[a.ID] = true
		targets[a.ID] = &t
	}
	for _, s := range d.Sections() {
		switch s.Kind {
		case model.FrontSummary:
			define(&s.Attr, s, "summary", target{text: "the summary"})
		case model.FrontRecommendations:
			define(&s.Attr, s, "recommendations", target{text: "the recommendations"})
		default:
			num := sectionRefNumber(s)
			define(&s.Attr, s, "sec-"+idNumber(num), target{text: "section " + num})
		}
	}
	parts := 0
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			return model.WalkContinue
		}
		switch n := n.(type) {
		case *model.Para:
			if n.Number != "" {
				num := strings.TrimSuffix(n.Number, ".")
				define(&n.Attr, n, "para-"+idNumber(num), target{text: "paragraph " + num})
			} else if n.Attr.ID != "" {
				define(&n.Attr, n, "", target{err: "it labels a paragraph that has no number"})
			}
		case *model.ExemptPart:
			// The heading of an exempt part is where public references
			// into the part point, so it always has an id.
			parts++
			define(&n.Heading.Attr, n.Heading, fmt.Sprintf("exempt-%d", parts), target{text: "“" + model.PlainText(n.Heading.Inlines) + "”"})
		case *model.CrossHeading:
			if _, done := byKey[n]; !done && n.Attr.ID != "" {
				define(&n.Attr, n, "", target{text: "“" + model.PlainText(n.Inlines) + "”"})
			}
		case *model.Table:
			if n.Label != "" {
				define(&n.Attr, n, idPrefix(n.Label)+"-"+idNumberOf(n.Label), target{text: n.Label})
			}
			return model.WalkSkipChildren
		case *model.Chart:
			define(&n.Attr, n, idPrefix(n.Label)+"-"+idNumberOf(n.Label), target{text: n.Label})
			return model.WalkSkipChildren
		}
		return model.WalkContinue
	})
	for _, n := range d.Footnotes {
		n.ID = fmt.Sprintf("fn-%d", n.Number)
	}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		r, ok := n.(*model.Ref)
		if !ok || !entering {
			return model.WalkContinue
		}
		t, found := targets[r.Label]
		switch {
		case !found:
			errs.Add(diag.At(pos[r], "unknown label @%s%s", r.Label, suggest(r.Label, targets)))
		case t.err != "":
			errs.Add(diag.At(pos[r], "@%s cannot be referred to: %s", r.Label, t.err))
		default:
			r.Target, r.Text = t.id, t.text
			if opener := byKey[t.within]; t.within != nil && opener != nil {
				r.PublicTarget, r.PublicText = opener.id, "the exempt part of "+opener.text
			}
		}
		return model.WalkContinue
	})
	return errs.Err()
}

// idNumber makes a number usable in an id: "3.11" → "3-11".
func idNumber(n string) string { return strings.ReplaceAll(strings.TrimSuffix(n, "."), ".", "-") }

func idPrefix(label string) string {
	if strings.HasPrefix(label, "Figure") {
		return "fig"
	}
	return "tbl"
}

func idNumberOf(label string) string {
	if i := strings.LastIndexByte(label, ' '); i >= 0 {
		return strings.ToLower(label[i+1:])
	}
	return strings.ToLower(label)
}

// suggest names the closest known label, to catch typing slips.
func suggest(label string, targets map[string]*target) string {
	names := make([]string, 0, len(targets))
	for name := range targets {
		names = append(names, name)
	}
	sort.Strings(names)
	if best := diag.Nearest(label, names); best != "" {
		return fmt.Sprintf(" (did you mean @%s?)", best)
	}
	return ""
}
