package main

import (
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
	code, _, stderr := runCLI(t, append([]string{"check", "--publish-date", "2013-04-15"}, args...)...)
	return code, stderr
}

func TestCheckCleanPaper(t *testing.T) {
	code, stderr := checkCLI(t, checkFront, checkBody, checkSnapshot)
	if code != 0 || stderr != "" {
		t.Fatalf("a sound paper: exit %d\n%s", code, stderr)
	}
}

// Each warning: what makes it, and the line it must name.
func TestCheckWarnings(t *testing.T) {
	cases := []struct {
		name                  string
		front, body, snapshot string
		want                  string
	}{
		{"missing section", checkFront, strings.Replace(checkBody, "# Conclusions\n\nConclusions.\n", "", 1), checkSnapshot,
			`templates/p.md:9:1: warning: the scrutiny-board layout asks for a section "Conclusions", and the paper has none`},
		{"empty section", checkFront, strings.Replace(checkBody, "Conclusions.\n", "", 1), checkSnapshot,
			`templates/p.md:40:1: warning: section "Conclusions" is empty`},
		{"label never referred to", checkFront, strings.Replace(checkBody, "# Conclusions", "# Conclusions {#sec-end}", 1), checkSnapshot,
			`templates/p.md:40:17: warning: label "sec-end" is never referred to`},
		{"total not reached", checkFront, strings.Replace(checkBody, "total: 1414", "total: 1444", 1), checkSnapshot,
			`templates/p.md:33:8: warning: the table's rows add up to 1,414, not the total of 1,444 it declares`},
		{"shares not 100%", checkFront, strings.Replace(checkBody, "total: 1414\n", "", 1), strings.Replace(checkSnapshot, "[90, 322, 359, 431, 212]", "[1, 1, 1, 6, 7]", 1),
			`data/2013-04-01.yaml:4:7: warning: the shares in row "March 2011" add up to 100.2% once rounded, not 100%`},
		{"figures after the meeting", checkFront, checkBody, strings.Replace(checkSnapshot, "2013-03]", "2013-05]", 1),
			`data/2013-04-01.yaml:6:16: warning: the snapshot has figures dated 2013-05, after the meeting on 25th April 2013`},
		{"published late", strings.Replace(checkFront, "2013-04-25", "2013-04-19", 1), checkBody, checkSnapshot,
			`templates/p.md:5:7: warning: published on 15th April 2013, the paper is public 3 clear working days before the meeting on 19th April 2013; the rules ask for five`},
		{"exempt without notice", strings.Replace(checkFront, "data:", "access_to_information_rule: \"10.4(3)\"\ndata:", 1), checkBody + "\n# Appendix {.exempt}\n\nPrivate.\n", checkSnapshot,
			`templates/p.md:5:7: warning: the paper has exempt material, so the meeting will be partly private: give notice_date`},
		{"short notice", strings.Replace(checkFront, "data:", "access_to_information_rule: \"10.4(3)\"\nnotice_date: 2013-04-01\ndata:", 1), checkBody + "\n# Appendix {.exempt}\n\nPrivate.\n", checkSnapshot,
			`templates/p.md:8:14: warning: notice of the private meeting was given 23 clear days before it; the rules ask for 28`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stderr := checkCLI(t, c.front, c.body, c.snapshot)
			if code != 0 {
				t.Errorf("warnings alone must exit 0, got %d", code)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr lacks\n  %s\ngot\n%s", c.want, stderr)
			}
			if code, _ := checkCLI(t, c.front, c.body, c.snapshot, "--strict"); code != 1 {
				t.Errorf("--strict: exit %d, want 1", code)
			}
		})
	}
}

func TestCheckNoticeGivenInTime(t *testing.T) {
	front := strings.Replace(checkFront, "data:", "access_to_information_rule: \"10.4(3)\"\nnotice_date: 2013-03-20\ndata:", 1)
	code, stderr := checkCLI(t, front, checkBody+"\n# Appendix {.exempt}\n\nPrivate.\n", checkSnapshot)
	if code != 0 || stderr != "" {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}
