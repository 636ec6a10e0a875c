package main

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// Every command's help, however asked for, is its own: its usage, every
// flag it takes with a sentence, an example; on stdout, exit status 0.
func TestEveryCommandHasItsOwnHelp(t *testing.T) {
	newProject(t, map[string]string{})
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			code, help, stderr := runCLI(t, c.name, "--help")
			if code != 0 || stderr != "" {
				t.Fatalf("%s --help: exit %d, stderr %q", c.name, code, stderr)
			}
			for _, asked := range [][]string{{c.name, "-h"}, {"help", c.name}, {c.name, "x.md", "--fromat", "-help"}} {
				if code, out, stderr := runCLI(t, asked...); code != 0 || out != help || stderr != "" {
					t.Errorf("%q: exit %d, stderr %q, and not the help of --help:\n%s", asked, code, stderr, out)
				}
			}
			if !strings.HasPrefix(help, "Usage: boardpaper "+c.name) {
				t.Errorf("the help does not start with the usage:\n%s", help)
			}
			if !strings.Contains(help, "\nExample:\n  boardpaper "+c.name+" ") && c.name != "version" {
				t.Errorf("the help has no example:\n%s", help)
			}
			if len(c.flags) == 0 && c.name != "version" {
				t.Errorf("no flags read from the help:\n%s", help)
			}
			for _, f := range c.flags {
				if _, err := parse(c, []string{"--" + f.name, "x"}); err != nil {
					t.Errorf("--%s, shown in the help, is not a flag of %s: %v", f.name, c.name, err)
				}
			}
			for name, def := range c.defaults {
				if c.flag(name) == nil || !strings.Contains(help, "Default: "+def+".") {
					t.Errorf("the help does not give --%s's default, %s", name, def)
				}
			}
			for _, other := range commands {
				if other != c && strings.Contains(help, "Usage: boardpaper "+other.name) {
					t.Errorf("the help of %s shows the usage of %s", c.name, other.name)
				}
			}
			for _, line := range strings.Split(help, "\n") {
				if utf8.RuneCountInString(line) > 79 && !strings.HasPrefix(line, "  boardpaper ") {
					t.Errorf("line wider than 79: %q", line)
				}
			}
		})
	}
}

// boardpaper --help lists every command on a line of its own, and says
// how to get a command's help.
func TestTopHelpListsTheCommands(t *testing.T) {
	newProject(t, map[string]string{})
	for _, asked := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, stderr := runCLI(t, asked...)
		if code != 0 || stderr != "" {
			t.Fatalf("%q: exit %d, stderr %q", asked, code, stderr)
		}
		for _, c := range commands {
			if !strings.Contains(out, "\n  "+c.name+strings.Repeat(" ", 9-len(c.name))+c.summary+"\n") {
				t.Errorf("%q does not list %s with its line:\n%s", asked, c.name, out)
			}
		}
		if !strings.Contains(out, "boardpaper COMMAND --help") || !strings.Contains(out, "boardpaper help COMMAND") {
			t.Errorf("%q does not say how to get a command's help:\n%s", asked, out)
		}
	}
}

// example is the command line a command's help gives as its example.
func example(c *command) string {
	_, ex, _ := strings.Cut(c.help, "\nExample:\n  boardpaper ")
	ex, _, _ = strings.Cut(ex, "\n")
	return ex
}

// Each help's example is a command boardpaper reads: the flags it shows
// exist and take the values shown.
func TestHelpExamplesAreReadable(t *testing.T) {
	for _, c := range commands {
		args := shellWords(example(c))
		if args[0] != c.name {
			t.Errorf("the example of %s runs %s", c.name, args[0])
			continue
		}
		iv, err := parse(c, args[1:])
		if err == nil && c.validate != nil {
			err = c.validate(iv)
		}
		if err != nil && !(c.name == "diff" && strings.Contains(err.Error(), "not a file")) {
			t.Errorf("the example %q is refused: %v", example(c), err)
		}
	}
}

// The examples of new, check and build, run one after another in an
// empty folder, make a paper that checks clean and builds.
func TestHelpExamplesWork(t *testing.T) {
	dir := newProject(t, map[string]string{})
	for _, c := range []*command{newCommand, checkCommand, buildCommand} {
		code, stdout, stderr := runCLI(t, shellWords(example(c))...)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", example(c), code, stdout, stderr)
		}
		if c == checkCommand && stderr != "" {
			t.Errorf("the new paper does not check clean:\n%s%s", stdout, stderr)
		}
	}
	if _, err := os.Stat(dir + "/output/2013-03-13-executive-board/school-places.pdf"); err != nil {
		t.Error(err)
	}
}

// shellWords splits a command line as a shell would, for the examples:
// at spaces, but not inside double quotes.
func shellWords(line string) []string {
	var words []string
	var word strings.Builder
	quoted, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case r == ' ' && !quoted:
			if started {
				words = append(words, word.String())
				word.Reset()
				started = false
			}
		default:
			word.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, word.String())
	}
	return words
}

// A mistyped command is answered with one line on stderr saying what is
// wrong and where the help is, exit status 2, and nothing done.
func TestMistakesGetOneLine(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--fromat", "pdf"}, "boardpaper build: unknown flag --fromat (did you mean --format?); see boardpaper build --help"},
		{[]string{"build", "-fromat=pdf"}, "boardpaper build: unknown flag -fromat (did you mean --format?); see boardpaper build --help"},
		{[]string{"build", "--exempt", "x"}, "boardpaper build: unknown flag --exempt (did you mean --exempt-out?); see boardpaper build --help"},
		{[]string{"build", "--colour"}, "boardpaper build: unknown flag --colour; see boardpaper build --help"},
		{[]string{"check", "--out", "site"}, "boardpaper check: unknown flag --out (it is a flag of boardpaper build); see boardpaper check --help"},
		{[]string{"build", "--format"}, "boardpaper build: --format needs a value (--format LIST); see boardpaper build --help"},
		{[]string{"build", "--out", "--force"}, "boardpaper build: --out needs a value (--out DIR); see boardpaper build --help"},
		{[]string{"build", "--force=maybe"}, "boardpaper build: --force takes no value (write --force on its own); see boardpaper build --help"},
		{[]string{"build", "--format", "docx"}, `boardpaper build: --format takes html, pdf or html,pdf, not "docx"; see boardpaper build --help`},
		{[]string{"check", "--publish-date", "1/3/2013"}, `boardpaper check: --publish-date takes a date written YYYY-MM-DD, not "1/3/2013"; see boardpaper check --help`},
		{[]string{"diff", "a.yaml", "b.yaml", "c.yaml"}, "boardpaper diff: diff takes OLD.yaml NEW.yaml, a git revision REV, or REV PATH; see boardpaper diff --help"},
		{[]string{"serve", "templates/p.md"}, "boardpaper serve: serve takes no paths: it previews the whole project; see boardpaper serve --help"},
		{[]string{"version", "2"}, "boardpaper version: version takes no arguments; see boardpaper version --help"},
		{[]string{"bulid"}, `boardpaper: unknown command "bulid" (did you mean build?); see boardpaper --help`},
		{[]string{"--build"}, `boardpaper: unknown command "--build" (did you mean build?); see boardpaper --help`},
		{[]string{"help", "chek"}, `boardpaper: unknown command "chek" (did you mean check?); see boardpaper --help`},
		{[]string{"publish"}, `boardpaper: unknown command "publish"; see boardpaper --help`},
	}
	dir := newProject(t, map[string]string{"templates/p.md": front + "# A\n\nText.\n", "data/s.yaml": snapshot})
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, c.args...)
		if code != 2 || stdout != "" || stderr != c.want+"\n" {
			t.Errorf("%q: exit %d, stdout %q, stderr\n  %q\nwant\n  %q", c.args, code, stdout, stderr, c.want+"\n")
		}
	}
	if _, err := os.Stat(dir + "/output"); err == nil {
		t.Error("a mistyped command built the papers")
	}
}

// Flags are read as before: either spelling, before or after the paths,
// with "=" or a space; "--" ends them; a switch may say true or false.
func TestFlagsAreReadAsTyped(t *testing.T) {
	for _, c := range []struct {
		args  []string
		paths []string
		vals  map[string]string
	}{
		{[]string{"a.md", "-out", "site", "--format=pdf", "b.md"}, []string{"a.md", "b.md"}, map[string]string{"out": "site", "format": "pdf"}},
		{[]string{"--force=false", "--", "--data", "-"}, []string{"--data", "-"}, map[string]string{"force": "false"}},
		{[]string{"--data", "-old.yaml", "--out", "-5%"}, nil, map[string]string{"data": "-old.yaml", "out": "-5%"}},
		{[]string{"--force", "--out=", "--data", "--exempt-out=x"}, nil, nil},
		{[]string{"--data", "-x"}, nil, nil},
	} {
		iv, err := parse(buildCommand, c.args)
		if c.vals == nil {
			// A flag where the value should be is a value forgotten.
			if err == nil || !strings.Contains(err.Error(), "--data needs a value") {
				t.Errorf("%q: %v", c.args, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", c.args, err)
		}
		if strings.Join(iv.args, "|") != strings.Join(c.paths, "|") {
			t.Errorf("%q: paths %q, want %q", c.args, iv.args, c.paths)
		}
		for k, v := range c.vals {
			if iv.values[k] != v {
				t.Errorf("%q: --%s is %q, want %q", c.args, k, iv.values[k], v)
			}
		}
		if iv.on("force") {
			t.Errorf("%q: --force=false is on", c.args)
		}
	}
}
