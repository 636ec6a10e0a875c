package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/boardpaper/boardpaper/internal/format"
	"github.com/boardpaper/boardpaper/internal/model"
)

// MeetingDir names a meeting's output folder: "2013-03-13-executive-board".
// A committee whose name is not all ASCII gets a short hash of its exact
// name after the name's letters ("2013-03-13-22f8d4d8" for 委員会,
// "2013-03-13-pwyllgor-craffu-mon-3cfa6c68" for Pwyllgor Craffu Môn), so
// different names never share a folder; a build also tells apart ASCII
// names that differ only in case or punctuation (see folderNames).
func MeetingDir(m model.Meta) string {
	return m.Date.Format("2006-01-02") + "-" + committeeSlug(m.Committee)
}

// meetingDir is MeetingDir, but for a committee name this build found
// sharing its folder with another of the same date.
func (o Options) meetingDir(m model.Meta) string {
	if o.proj != nil {
		if dir, ok := o.proj.folders[folderKey{m.Date.Format("2006-01-02"), m.Committee}]; ok {
			return dir
		}
	}
	return MeetingDir(m)
}

// committeeSlug is a committee's name in its meetings' folders and in the
// index's anchors. An ASCII name is slug of it alone, so that addresses
// read as the name; a name with other letters has its Latin letters'
// accents taken off and a hash of the exact name added, since what is
// left of it may be nothing ("委員会", "Комитет") or may be another
// name's ("Môn", "Mon").
func committeeSlug(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			ascii = false
			break
		}
	}
	s := slug(name)
	if ascii && s != "" {
		return s
	}
	if !ascii {
		s = slug(foldLatin(name))
	}
	if s == "" {
		return nameHash(name)
	}
	return s + "-" + nameHash(name)
}

// nameHash is a short hash of a committee's exact name: 8 hex digits.
func nameHash(name string) string {
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:4])
}

// distinctSlugs gives the names, among those given, whose committeeSlug
// another of them has too (names that differ only in case or
// punctuation), a slug of their own: the one written most like a title
// keeps the plain slug, so an established committee keeps its addresses
// when a paper misspells its name; each other gets a hash of its exact
// name added. Names that share no slug are not in the result.
func distinctSlugs(names map[string]bool) map[string]string {
	bySlug := map[string][]string{}
	for n := range names {
		s := committeeSlug(n)
		bySlug[s] = append(bySlug[s], n)
	}
	out := map[string]string{}
	for s, ns := range bySlug {
		if len(ns) < 2 {
			continue
		}
		sort.Slice(ns, func(i, j int) bool { return titleLess(ns[i], ns[j]) })
		for _, n := range ns[1:] {
			out[n] = s + "-" + nameHash(n)
		}
	}
	return out
}

// titleLess orders names by how like a title each is written: fewest
// capitals inside words, then fewest words begun in lower case
// ("Executive Board", "Executive board", "EXECUTIVE BOARD"), then bytes.
func titleLess(a, b string) bool {
	ai, aw := caseMarks(a)
	bi, bw := caseMarks(b)
	if ai != bi {
		return ai < bi
	}
	if aw != bw {
		return aw < bw
	}
	return a < b
}

// caseMarks counts a name's capitals inside words and its words begun in
// lower case.
func caseMarks(name string) (inside, lowerStart int) {
	start := true
	for _, r := range name {
		letter := unicode.IsLetter(r)
		switch {
		case letter && start && unicode.IsLower(r):
			lowerStart++
		case letter && !start && unicode.IsUpper(r):
			inside++
		}
		start = !letter && !unicode.IsDigit(r)
	}
	return inside, lowerStart
}

// folderKey is a meeting: its date and its committee's exact name.
type folderKey struct{ date, committee string }

// folderNames names the folders of the meetings whose committee's name
// shares its slug with another committee's on the same date: the names
// are in the papers' front matter, so the whole project is read for them
// (see readProject). It also words a note for each such date, since two
// spellings of one committee are the likelier cause.
func folderNames(papers []*projectPaper) (map[folderKey]string, []string) {
	byDate := map[string]map[string]bool{}
	firstPaper := map[folderKey]string{}
	for _, pp := range papers {
		if pp.paper == nil {
			continue
		}
		date := pp.paper.Date.Format("2006-01-02")
		if byDate[date] == nil {
			byDate[date] = map[string]bool{}
		}
		byDate[date][pp.paper.ReportTo] = true
		if k := (folderKey{date, pp.paper.ReportTo}); firstPaper[k] == "" {
			firstPaper[k] = pp.path
		}
	}
	folders := map[folderKey]string{}
	var notes []string
	dates := make([]string, 0, len(byDate))
	for date := range byDate {
		dates = append(dates, date)
	}
	sort.Strings(dates)
	for _, date := range dates {
		names := byDate[date]
		if len(names) < 2 {
			continue
		}
		apart := distinctSlugs(names)
		if len(apart) == 0 {
			continue
		}
		// Each group of alike names, in the order distinctSlugs kept them.
		groups := map[string][]string{}
		for name := range names {
			s := committeeSlug(name)
			groups[s] = append(groups[s], name)
		}
		slugs := make([]string, 0, len(groups))
		for s, ns := range groups {
			if len(ns) > 1 {
				slugs = append(slugs, s)
			}
		}
		sort.Strings(slugs)
		for _, s := range slugs {
			ns := groups[s]
			sort.Slice(ns, func(i, j int) bool { return titleLess(ns[i], ns[j]) })
			var spelt []string
			for _, n := range ns {
				folders[folderKey{date, n}] = date + "-" + s
				if a, ok := apart[n]; ok {
					folders[folderKey{date, n}] = date + "-" + a
				}
				spelt = append(spelt, fmt.Sprintf("%q (%s)", n, firstPaper[folderKey{date, n}]))
			}
			notes = append(notes, fmt.Sprintf("the committee of the meeting on %s is written %s: each is published as a committee of its own, in a folder of its own; if they are one committee, write its name the same way in every paper", format.LongDate(papersDate(date)), strings.Join(spelt, " and ")))
		}
	}
	return folders, notes
}

func papersDate(date string) time.Time {
	t, _ := time.Parse("2006-01-02", date)
	return t
}

// foldLatin lower-cases s and writes its accented Latin letters without
// their accents: "Môn" → "mon", "Ærø" → "aero".
func foldLatin(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if f, ok := latinFolds[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinFolds maps the lower-case letters of Latin-1, Latin Extended-A and
// Welsh (ẁ ẃ ẅ ỳ) to ASCII.
var latinFolds = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ to, from string }{
		{"a", "àáâãäåāăą"}, {"ae", "æ"}, {"c", "çćĉċč"}, {"d", "ďđð"},
		{"e", "èéêëēĕėęě"}, {"g", "ĝğġģ"}, {"h", "ĥħ"}, {"i", "ìíîïĩīĭįı"},
		{"ij", "ĳ"}, {"j", "ĵ"}, {"k", "ķĸ"}, {"l", "ĺļľŀł"}, {"n", "ñńņňŉŋ"},
		{"o", "òóôõöøōŏő"}, {"oe", "œ"}, {"r", "ŕŗř"}, {"s", "śŝşšſ"}, {"ss", "ß"},
		{"t", "ţťŧ"}, {"th", "þ"}, {"u", "ùúûüũūŭůűų"}, {"w", "ŵẁẃẅ"},
		{"y", "ýÿŷỳ"}, {"z", "źżž"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// slug lower-cases s and joins its words with hyphens: "Scrutiny Board
// (Children and Families)" → "scrutiny-board-children-and-families".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
