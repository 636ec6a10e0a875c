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

// Labels gives every section, numbered paragraph, exempt part's heading,
// exhibit and footnote its id (the author's label, or one made from its
// number, so deep links are stable), and every labelled element its
// label's; then it resolves each @label in the text to what it names.
// Unknown and duplicate labels are errors at the place they were written.
//
// Ids are decided here once, in reading order, each unique in the
// document and none of them an anchor a writer makes for itself (see
// model.TitleID): where a label or a made id is taken, the element takes
// the first free numeric suffix ("sec-3-2"), and references follow it.
//
// A reference to something inside exempt material also gets the wording
// the public version prints instead, which names only the heading that
// opened the material: "the exempt part of section 9". A reference that
// starts a sentence starts with a capital, in both wordings (see
// sentence).
func Labels(d *model.Document, pos diag.Positions) error {
	var errs diag.List
	targets := map[string]*target{} // by the author's label
	byKey := map[any]*target{}      // by element, labelled or not
	inside := exemptionOf(d)
	taken := takenIDs(d)
	// define gives the element key its id (its label, else fallback; none
	// when both are empty) and makes it a target of references.
	define := func(a *model.Attr, key any, fallback string, t target) {
		_, section := key.(*model.Section)
		t.within = inside[key]
		if a.ID == "" {
			if fallback == "" {
				return
			}
			a.ID = taken.take(fallback, section)
			t.id = a.ID
			byKey[key] = &t
			return
		}
		a.Label = a.ID
		a.ID = taken.take(a.Label, section)
		t.id, t.pos = a.ID, pos[key]
		byKey[key] = &t
		if prev, dup := targets[a.Label]; dup {
			errs.Add(diag.At(t.pos, "label %q is defined twice (first at line %d)", a.Label, prev.pos.Line))
			return
		}
		targets[a.Label] = &t
	}
	parts := 0
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			return model.WalkContinue
		}
		switch n := n.(type) {
		case *model.Section:
			switch n.Kind {
			case model.FrontSummary:
				define(&n.Attr, n, "summary", target{text: "the summary"})
			case model.FrontRecommendations:
				define(&n.Attr, n, "recommendations", target{text: "the recommendations"})
			case model.Appendix:
				define(&n.Attr, n, strings.ToLower(strings.ReplaceAll(n.Number, " ", "-")), target{text: n.Number})
			default:
				num := sectionRefNumber(n)
				define(&n.Attr, n, "sec-"+idNumber(num), target{text: "section " + num})
			}
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
			return model.WalkSkipChildren // its table of figures is part of it
		case *model.Image:
			if n.Label != "" {
				define(&n.Attr, n, idPrefix(n.Label)+"-"+idNumberOf(n.Label), target{text: n.Label})
			}
			return model.WalkSkipChildren
		case *model.Note:
			n.ID = taken.take(fmt.Sprintf("fn-%d", n.Number), false)
		default:
			// Nothing refers to a list, quotation or code by its id; it is
			// made unique all the same.
			if a := model.AttrOf(n); a != nil && a.ID != "" {
				a.Label = a.ID
				a.ID = taken.take(a.Label, false)
			}
		}
		return model.WalkContinue
	})
	k := 0
	for _, s := range d.Body {
		if s.Kind == model.Appendix && k < len(d.Meta.Appendices) {
			d.Meta.Appendices[k].ID = s.Attr.ID
			k++
		}
	}
	var sentence sentence
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if !entering {
			return model.WalkContinue
		}
		starts := sentence.follow(n)
		r, ok := n.(*model.Ref)
		if !ok {
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
			if starts {
				r.Text, r.PublicText = upperFirst(r.Text), upperFirst(r.PublicText)
			}
		}
		return model.WalkContinue
	})
	return errs.Err()
}

// ids are the ids given out in a document.
type ids map[string]bool

// takenIDs holds back the anchors writers make for themselves: the main
// content's, and those of the references to each footnote. The headings'
// are held as their sections take their ids.
func takenIDs(d *model.Document) ids {
	taken := ids{model.MainID: true}
	refs := map[int]int{}
	model.Walk(d, func(n model.Node, entering bool) model.WalkStatus {
		if r, ok := n.(*model.NoteRef); ok && entering {
			refs[r.Number]++
			taken[model.NoteRefID(r.Number, refs[r.Number])] = true
		}
		return model.WalkContinue
	})
	return taken
}

// take gives out id, or id with the first numeric suffix that makes it
// free ("para-3-1-2"). A section's heading takes its id with it.
func (u ids) take(id string, section bool) string {
	cand := id
	for n := 2; u[cand] || section && u[model.TitleID(cand)]; n++ {
		cand = fmt.Sprintf("%s-%d", id, n)
	}
	u[cand] = true
	if section {
		u[model.TitleID(cand)] = true
	}
	return cand
}

// idNumber makes a number usable in an id: "3.11" → "3-11".
// An appendix's "A1.3" → "a1-3".
func idNumber(n string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(n, "."), ".", "-"))
}

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
