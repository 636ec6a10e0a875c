// Package synth writes synthetic boardpaper projects for benchmarks: N
// papers of the samples' size and shape, with varied figures, spread over
// many meetings of several committees. It copies the two sample papers and
// their snapshots and scales every figure in each copy by its own factor,
// so every paper is different but each still builds.
package synth

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Committees the synthetic papers go to.
var committees = []string{
	"Executive Board",
	"Scrutiny Board (Children and Families)",
	"Scrutiny Board (Adults and Health)",
	"Scrutiny Board (Housing and Regeneration)",
	"Scrutiny Board (Resources)",
	"Licensing Committee",
	"Plans Panel (City Centre)",
	"Corporate Governance and Audit Committee",
}

// PapersPerMeeting is how many papers share a meeting, as on a busy agenda.
const PapersPerMeeting = 10

// sample is one paper the generator copies.
type sample struct {
	template string // path in the source project
	data     string
	dataKey  string // the template's data: line
}

var samples = []sample{
	{"templates/looked-after-children.md", "data/looked-after-children/2013-01-25.yaml", "data: data/looked-after-children/2013-01-25.yaml"},
	{"templates/recent-inspections.md", "data/inspections/2013-04-25.yaml", "data: data/inspections/2013-04-25.yaml"},
}

// Write creates a project of n papers in dir, PapersPerMeeting to a
// meeting, copying the samples from the project at src. The same seed gives
// the same project.
func Write(src, dir string, n int, seed int64) error {
	return WriteMeetings(src, dir, n, PapersPerMeeting, seed)
}

// WriteMeetings is Write with perMeeting papers to a meeting.
func WriteMeetings(src, dir string, n, perMeeting int, seed int64) error {
	rng := rand.New(rand.NewSource(seed))
	var bodies, snaps []string
	for _, s := range samples {
		t, err := os.ReadFile(filepath.Join(src, s.template))
		if err != nil {
			return err
		}
		d, err := os.ReadFile(filepath.Join(src, s.data))
		if err != nil {
			return err
		}
		bodies = append(bodies, string(t))
		snaps = append(snaps, string(d))
	}
	for i := 0; i < n; i++ {
		k := i % len(samples)
		meeting := i / perMeeting
		committee := committees[meeting%len(committees)]
		// Meetings every week from 2013, a committee's meetings apart.
		date := fmt.Sprintf("%04d-%02d-%02d", 2013+meeting/48, 1+(meeting/4)%12, 1+7*(meeting%4))
		slug := fmt.Sprintf("paper-%04d", i)
		dataPath := fmt.Sprintf("data/%s/%s.yaml", slug, date)

		body := bodies[k]
		body = replaceKey(body, "report_to", strconv.Quote(committee))
		body = replaceKey(body, "date", date)
		body = replaceKey(body, "item", strconv.Itoa(3+i%perMeeting))
		body = strings.Replace(body, samples[k].dataKey, "data: "+dataPath, 1)
		if err := write(dir, "templates/"+slug+".md", body); err != nil {
			return err
		}
		if err := write(dir, dataPath, scale(snaps[k], 0.8+0.4*rng.Float64())); err != nil {
			return err
		}
	}
	return nil
}

func replaceKey(body, key, value string) string {
	re := regexp.MustCompile(`(?m)^` + key + `: .*$`)
	return re.ReplaceAllString(body, key+": "+value)
}

// numberInList matches a whole number inside a YAML flow list or after a
// key, but not inside a date or a label.
var numberInList = regexp.MustCompile(`([\[,:] ?)(\d{2,5})([,\]\n])`)

// scale multiplies the snapshot's counts by f, keeping them whole, so the
// paper's words ("rose", "fell") and shares follow new figures.
func scale(snap string, f float64) string {
	return numberInList.ReplaceAllStringFunc(snap, func(m string) string {
		parts := numberInList.FindStringSubmatch(m)
		v, _ := strconv.Atoi(parts[2])
		return parts[1] + strconv.Itoa(int(float64(v)*f+0.5)) + parts[3]
	})
}

func write(dir, rel, content string) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}
