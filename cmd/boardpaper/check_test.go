package main

import (
	"os"
	"slices"
	"strings"
	"testing"
)

const checkFront = `---
layout: scrutiny-board
report_of: Director of Children's Services
report_to: Scrutiny Board (Children and Families)
date: 2013-04-25
subject: Update on recent inspections
data: data/2013-04-01.yaml
---
`

// A paper that passes every check: the layout's sections, used labels,
// sound tables, figures dated before the meeting.
const checkBody = `# Summary of main issues {.summary}

As @tbl-ages shows, things improved.

# Recommendations {.recommendations}

Note it.

# Purpose of this report

Purpose.

# Background information

Background.

# Main issues

Main.

` + "```table" + `
id: tbl-ages
data: ages
cells: count-share
total: 1414
` + "```" + `

# Corporate Considerations

Considerations.

# Conclusions

Conclusions.

# Recommendations

Note it.

# Background documents

None.
`

const checkSnapshot = `ages:
  columns: ["0", "1-4", "5-10", "11-15", "16+"]
  rows:
    - {label: March 2011, values: [90, 322, 359, 431, 212]}
trend:
  x: [2013-01, 2013-03]
  series:
    - {name: Children, values: [1, 2]}
`

func checkCLI(t *testing.T, front, body, snapshot string, args ...string) (int, string) {
	t.Helper()
	newProject(t, map[string]string{"templates/p.md": front + body, "data/2013-04-01.yaml": snapshot})
	if !slices.Contains(args, "--publish-date") {
		args = append(args, "--publish-date", "2013-04-15")
	}
	code, _, stderr := runCLI(t, append([]string{"check"}, args...)...)
	return code, stderr
}

func TestCheckCleanPaper(t *testing.T) {
	code, stderr := checkCLI(t, checkFront, checkBody, checkSnapshot, "--strict")
	if code != 0 || stderr != "" {
		t.Fatalf("a sound paper: exit %d\n%s", code, stderr)
	}
}

// variant is the sound paper with changes.
type variant struct {
	front, body, snapshot string
	args                  []string
}

func sound() variant { return variant{checkFront, checkBody, checkSnapshot, nil} }

func (v variant) inFront(old, new string) variant { v.front = mustReplace(v.front, old, new); return v }
func (v variant) inBody(old, new string) variant  { v.body = mustReplace(v.body, old, new); return v }
func (v variant) inData(old, new string) variant {
	v.snapshot = mustReplace(v.snapshot, old, new)
	return v
}
func (v variant) publish(date string) variant {
	v.args = []string{"--publish-date", date}
	return v
}

func mustReplace(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic("the test's paper lacks " + old)
	}
	return strings.Replace(s, old, new, 1)
}

// Each warning: a paper that makes it, at the line it must name, and a
// near miss that must pass with no warning at all.
func TestCheckWarnings(t *testing.T) {
	exempt := sound().inFront("data:", "access_to_information_rule: \"10.4(3)\"\ndata:")
	exempt.body += "\n# Appendix {.exempt}\n\nPrivate.\n"
	cases := []struct {
		name     string
		warns    variant
		want     string
		nearMiss variant
	}{
		{"missing section",
			sound().inBody("# Conclusions\n\nConclusions.\n", ""),
			`templates/p.md:9:1: warning: the scrutiny-board layout asks for a section "Conclusions", and the paper has none`,
			sound().inBody("# Conclusions\n", "# *CONCLUSIONS*\n")},
		{"empty section",
			sound().inBody("Conclusions.\n", ""),
			`templates/p.md:40:1: warning: section "Conclusions" is empty`,
			sound().inBody("Conclusions.\n", "## Overall\n\nConclusions.\n")},
		{"heading label never referred to",
			sound().inBody("# Conclusions", "# Conclusions {#sec-end}"),
			`templates/p.md:40:17: warning: label "sec-end" is never referred to`,
			sound().inBody("# Conclusions", "# Conclusions {#sec-end}").inBody("Considerations.", "Considerations, as @sec-end says.")},
		{"label among other attributes",
			sound().inBody("Main.", "Main.\n\n## Detail {.unnumbered #sec-detail}\n\nMore."),
			`templates/p.md:29:25: warning: label "sec-detail" is never referred to`,
			// Labels in code are text, not labels.
			sound().inBody("Main.", "Main, written `{#sec-x}`.\n\n~~~\n{#para-y}\n~~~\n\n```yaml\nid: tbl-z\n```")},
		{"exhibit label never referred to",
			sound().inBody("As @tbl-ages shows, things", "Things"),
			`templates/p.md:30:5: warning: label "tbl-ages" is never referred to`,
			// A reference in a footnote counts.
			sound().inBody("As @tbl-ages shows, things", "Things[^1]").inBody("Note it.\n\n# Purpose", "Note it.\n\n[^1]: See @tbl-ages.\n\n# Purpose")},
		{"total not reached",
			sound().inBody("total: 1414", "total: 1444"),
			`templates/p.md:33:8: warning: the table's rows add up to 1,414, not the total of 1,444 it declares`,
			sound().inData("[90, 322, 359, 431, 212]", "[90, 322, 359, 431, 211]").inBody("total: 1414", "total: 1413")},
		{"shares not 100%",
			sound().inBody("total: 1414\n", "").inData("[90, 322, 359, 431, 212]", "[1, 1, 1, 6, 7]"),
			`data/2013-04-01.yaml:4:7: warning: the shares in row "March 2011" add up to 100.2% once rounded, not 100%`,
			// 33.3% three times is 99.9%: within 0.1 of 100%.
			sound().inBody("total: 1414\n", "").inData(`["0", "1-4", "5-10", "11-15", "16+"]`, `[a, b, c]`).inData("[90, 322, 359, 431, 212]", "[1, 1, 1]")},
		{"figures after the meeting",
			sound().inData("2013-03]", "2013-05]"),
			`data/2013-04-01.yaml:6:16: warning: the snapshot has figures dated 2013-05, after the meeting on 25th April 2013`,
			// The meeting's own month is month-to-date.
			sound().inData("2013-03]", "2013-04]")},
		{"published late",
			// Good Friday and Easter Monday 2013 do not count: four days.
			sound().inFront("2013-04-25", "2013-04-02").publish("2013-03-22"),
			`templates/p.md:5:7: warning: published on 22nd March 2013, the paper is public 4 clear working days before the meeting on 2nd April 2013; the rules ask for five`,
			sound().inFront("2013-04-25", "2013-04-02").publish("2013-03-21")},
		{"a paper not for publication is not judged on publication",
			sound().inFront("2013-04-25", "2013-04-19"),
			`templates/p.md:5:7: warning: published on 15th April 2013, the paper is public 3 clear working days before the meeting on 19th April 2013`,
			sound().inFront("2013-04-25", "2013-04-19").inFront("data:", "exempt: true\naccess_to_information_rule: \"10.4(3)\"\ndata:")},
		{"short notice",
			exempt.inFront("data:", "notice_date: 2013-03-28\ndata:"),
			`templates/p.md:8:14: warning: notice of the private meeting was given 27 clear days before it; the rules ask for 28`,
			exempt.inFront("data:", "notice_date: 2013-03-27\ndata:")},
		{"notice after the meeting",
			exempt.inFront("data:", "notice_date: 2013-04-26\ndata:"),
			`templates/p.md:8:14: warning: notice_date 2013-04-26 is not before the meeting on 25th April 2013`,
			// Without notice_date there is nothing to check.
			exempt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := c.warns
			code, stderr := checkCLI(t, w.front, w.body, w.snapshot, w.args...)
			if code != 0 {
				t.Errorf("warnings alone must exit 0, got %d", code)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr lacks\n  %s\ngot\n%s", c.want, stderr)
			}
			if n := strings.Count(stderr, "\n"); n != 1 {
				t.Errorf("%d lines of warnings, want 1:\n%s", n, stderr)
			}
			if code, _ := checkCLI(t, w.front, w.body, w.snapshot, append(w.args, "--strict")...); code != 1 {
				t.Errorf("--strict: exit %d, want 1", code)
			}
			m := c.nearMiss
			if code, stderr := checkCLI(t, m.front, m.body, m.snapshot, append(m.args, "--strict")...); code != 0 || stderr != "" {
				t.Errorf("the near miss: exit %d\n%s", code, stderr)
			}
		})
	}
}

// check reports the errors of every paper and the warnings of those that
// built, together, in file order, and writes nothing.
func TestCheckErrorsAndWarningsTogether(t *testing.T) {
	newProject(t, map[string]string{
		"templates/a.md":       checkFront + strings.Replace(checkBody, "@tbl-ages", "@tbl-agse", 1),
		"templates/b.md":       checkFront + strings.Replace(checkBody, "total: 1414", "total: 1", 1),
		"data/2013-04-01.yaml": checkSnapshot,
	})
	code, stdout, stderr := runCLI(t, "check", "--publish-date", "2013-04-15")
	want := "templates/a.md:11:4: unknown label @tbl-agse (did you mean @tbl-ages?)\n" +
		"templates/b.md:33:8: warning: the table's rows add up to 1,414, not the total of 1 it declares\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if stdout != "checked 2 paper(s): 1 error(s), 1 warning(s)\n" {
		t.Errorf("stdout %q", stdout)
	}
	if _, err := os.Stat("output"); err == nil {
		t.Error("check wrote output")
	}
}

func TestCheckUsage(t *testing.T) {
	newProject(t, map[string]string{})
	if code, _, _ := runCLI(t, "check", "--publish-date", "15/04/2013"); code != 2 {
		t.Errorf("bad --publish-date: exit %d, want 2", code)
	}
	if code, stdout, _ := runCLI(t, "check", "--help"); code != 0 || !strings.Contains(stdout, "boardpaper check") {
		t.Errorf("check --help: exit %d", code)
	}
}
