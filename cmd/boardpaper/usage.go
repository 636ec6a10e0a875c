package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/boardpaper/boardpaper/internal/diag"
)

// A command is one of boardpaper's subcommands: its help, and what it
// does. Its flags are read from its help, so a flag cannot be accepted
// without being documented, and the help is written as it is shown.
type command struct {
	name    string
	summary string // one line, for boardpaper --help
	// help is the command's own help, as shown: usage, what it does, its
	// flags (an entry each, in a section "Flags:", starting "  --name" or
	// "  --name VALUE"), an example and its exit statuses.
	help string
	// defaults are the values of flags not given, where the command reads
	// one; the help says each.
	defaults map[string]string
	// project is set for the commands that work on a project: they find
	// its root from any folder inside it (see root.go).
	project bool
	// validate, when set, reads what parse cannot (a flag's value, the
	// number of arguments) before the command enters its project, so a
	// mistyped command is answered with its one line and nothing else.
	validate func(iv *invocation) error
	run      func(iv *invocation, stdout, stderr io.Writer) int

	flags []flagDef // read from help
}

// flagDef is one flag: --name VALUE, or --name alone when value is "".
type flagDef struct {
	name  string
	value string // what the value is, as the help shows it (FILE, DIR); "" for a switch
}

// commands in the order boardpaper --help lists them: the order an author
// meets them, from starting a paper to publishing it.
var commands []*command

func init() {
	commands = []*command{newCommand, checkCommand, serveCommand, buildCommand, diffCommand, versionCommand}
	for _, c := range commands {
		c.flags = readFlags(c.help)
	}
}

// readFlags reads the flags a help's "Flags:" section lists, all but
// -h, --help (which every command takes).
func readFlags(help string) []flagDef {
	_, section, _ := strings.Cut(help, "\nFlags:\n")
	section, _, _ = strings.Cut(section, "\n\n")
	var flags []flagDef
	for _, line := range strings.Split(section, "\n") {
		// An entry's first line starts "  --"; the lines after it, with
		// the rest of its sentence, start with spaces.
		if !strings.HasPrefix(line, "  --") {
			continue
		}
		head, _, _ := strings.Cut(line[2:], "  ")
		name, value, _ := strings.Cut(strings.TrimPrefix(head, "--"), " ")
		flags = append(flags, flagDef{name: name, value: value})
	}
	return flags
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (c *command) flag(name string) *flagDef {
	for i := range c.flags {
		if c.flags[i].name == name {
			return &c.flags[i]
		}
	}
	return nil
}

// invocation is a command as typed: its arguments, the flags given, and
// where it was typed from within the project.
type invocation struct {
	cmd    *command
	args   []string          // the arguments that are not flags, in order
	values map[string]string // the flags given; a switch's value is "true" or "false"
	// prefix is the folder the command was typed in, relative to the
	// project root: "." at the root.
	prefix string
}

// value is a flag's value as given, or its default.
func (iv *invocation) value(name string) string {
	if v, ok := iv.values[name]; ok {
		return v
	}
	return iv.cmd.defaults[name]
}

// on reports whether a switch was given (and not as --name=false).
func (iv *invocation) on(name string) bool { return iv.values[name] == "true" }

// pathValue is a flag's path, relative to the project root when the user
// typed it, or its default (already relative to the root) when not.
func (iv *invocation) pathValue(name string) string {
	v, given := iv.values[name]
	if !given {
		return iv.cmd.defaults[name]
	}
	return iv.path(v)
}

// paths are the arguments, each relative to the project root.
func (iv *invocation) paths() []string {
	out := make([]string, len(iv.args))
	for i, a := range iv.args {
		out[i] = iv.path(a)
	}
	return out
}

// formats reads a --format of html and pdf.
func (iv *invocation) formats() (html, pdf bool, err error) {
	return parseFormats(iv.value("format"))
}

// date reads a flag's date, written YYYY-MM-DD; ok is false when the
// flag was not given.
func (iv *invocation) date(name, what string) (d time.Time, ok bool, err error) {
	v, ok := iv.values[name]
	if !ok {
		return time.Time{}, false, nil
	}
	d, err = time.Parse("2006-01-02", v)
	if err != nil {
		return d, true, fmt.Errorf("--%s takes %s written YYYY-MM-DD, not %q", name, what, v)
	}
	return d, true, nil
}

var errHelp = errors.New("help asked for")

// parse reads a command's arguments. Flags may come before, between or
// after the other arguments, written --name or -name, with the value
// after a space or an "="; "--" ends the flags. -h, --help or -help
// anywhere asks for the help, however mistyped the rest.
func parse(c *command, args []string) (*invocation, error) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if name, _, _ := splitFlag(a); name == "h" || name == "help" {
			return nil, errHelp
		}
	}
	iv := &invocation{cmd: c, values: map[string]string{}, prefix: "."}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			iv.args = append(iv.args, args[i+1:]...)
			break
		}
		name, val, hasVal := splitFlag(a)
		if name == "" {
			iv.args = append(iv.args, a)
			continue
		}
		typed, _, _ := strings.Cut(a, "=")
		f := c.flag(name)
		switch {
		case f == nil:
			return nil, unknownFlag(c, typed, name)
		case f.value == "":
			if !hasVal {
				val = "true"
			} else if b, err := strconv.ParseBool(val); err == nil {
				val = strconv.FormatBool(b)
			} else {
				return nil, fmt.Errorf("--%s takes no value (write --%s on its own)", name, name)
			}
		case !hasVal:
			// A flag after a flag is a value forgotten, not a folder
			// called "--force"; "-5% spend" or "-old.yaml" is a value.
			if i+1 == len(args) || flagShaped(args[i+1]) {
				return nil, fmt.Errorf("--%s needs a value (--%s %s)", name, name, f.value)
			}
			i++
			val = args[i]
		}
		iv.values[name] = val
	}
	return iv, nil
}

// flagShaped reports whether an argument is written as a flag is: a dash
// or two, then lower-case letters and hyphens.
func flagShaped(a string) bool {
	name, _, _ := splitFlag(a)
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	return strings.Trim(name, "abcdefghijklmnopqrstuvwxyz-") == ""
}

// splitFlag reads a flag: "--out=site" is ("out", "site", true). An
// argument that is not a flag ("paper.md", "-") has the name "".
func splitFlag(a string) (name, val string, hasVal bool) {
	if len(a) < 2 || a[0] != '-' {
		return "", "", false
	}
	a = a[1:]
	if a[0] == '-' {
		a = a[1:]
	}
	name, val, hasVal = strings.Cut(a, "=")
	if name == "" {
		// "---" or "-=x": not a flag boardpaper has, but typed as one.
		name = "-"
	}
	return name, val, hasVal
}

// maxSuggested bounds the length of a mistyped name that is compared with
// the known ones (the comparison's work grows with its length); anything
// longer is no slip of the keyboard.
const maxSuggested = 64

// unknownFlag says a flag is not one of c's, with the flag meant when one
// is near enough: a slip of a letter or two, or the start of a flag's
// name; or else the command that has that flag.
func unknownFlag(c *command, typed, name string) error {
	msg := "unknown flag " + typed
	var names []string
	for _, f := range c.flags {
		names = append(names, f.name)
	}
	if meant := nearest(name, names); meant != "" {
		return fmt.Errorf("%s (did you mean --%s?)", msg, meant)
	}
	for _, other := range commands {
		if other != c && other.flag(name) != nil {
			return fmt.Errorf("%s (it is a flag of boardpaper %s)", msg, other.name)
		}
	}
	return fmt.Errorf("%s", msg)
}

// nearest is the candidate a mistyped name most likely meant, or "".
func nearest(name string, candidates []string) string {
	if len(name) > maxSuggested {
		return ""
	}
	if meant := diag.Nearest(name, candidates); meant != "" {
		return meant
	}
	if len(name) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(c, name) {
				return c
			}
		}
	}
	return ""
}

// unknownCommand says a command is not one of boardpaper's.
func unknownCommand(stderr io.Writer, name string) int {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	names = append(names, "help")
	msg := fmt.Sprintf("boardpaper: unknown command %q", name)
	if meant := nearest(strings.TrimLeft(name, "-"), names); meant != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", meant)
	}
	fmt.Fprintf(stderr, "%s; see boardpaper --help\n", msg)
	return 2
}

// complain answers a command line that cannot be read with one line on
// stderr and exit status 2, or the help asked for on stdout with 0.
func complain(c *command, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, errHelp) {
		fmt.Fprint(stdout, c.help)
		return 0
	}
	fmt.Fprintf(stderr, "boardpaper %s: %v; see boardpaper %s --help\n", c.name, err, c.name)
	return 2
}

// mainHelp is boardpaper --help: the commands, a line each, and how to
// get a command's own help.
func mainHelp() string {
	var b strings.Builder
	b.WriteString(`boardpaper turns Markdown templates and YAML data snapshots into council
committee papers, as accessible HTML and print-quality PDF.

Usage: boardpaper COMMAND [ARGUMENTS] [FLAGS]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString(`
boardpaper COMMAND --help (or boardpaper help COMMAND) shows a command's
flags and an example.

A command works on the project it is typed in: the nearest folder, this one
or one above it, whose templates/ folder holds a paper (a .md file) or a
layouts/ folder. File names you type are read from the folder you are in;
those in messages are relative to the project folder.

Exit status: 0 done; 1 problems in the papers or data, each printed as
path:line:col: message, and nothing was written; 2 the command was
mistyped; 3 (build TEMPLATE...) the papers named were published, but a
meeting's agenda pack was left as it was because another paper of that
meeting does not build (stderr says which), or (diff --exit-code)
something changed.
`)
	return b.String()
}

var versionCommand = &command{
	name:    "version",
	summary: "print boardpaper's version",
	help: `Usage: boardpaper version

Prints the version of boardpaper, as every page's and PDF's provenance names
it.

Flags:
  -h, --help  Show this help.

Example:
  boardpaper version
`,
	validate: func(iv *invocation) error {
		if len(iv.args) > 0 {
			return fmt.Errorf("version takes no arguments")
		}
		return nil
	},
	run: func(iv *invocation, stdout, stderr io.Writer) int {
		printVersion(stdout)
		return 0
	},
}
