package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const houseLayout = "front:\n  title: House style\n"

// A layout reached through a symbolic link out of the project is refused,
// as a template or snapshot is; a link that stays inside the project, and
// a layout the project does not have (the one built in), are not.
func TestLayoutThroughALinkOutOfTheProject(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	layouts := filepath.Join(root, "templates", "layouts")
	if err := os.MkdirAll(layouts, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(outside, "house.yaml"), []byte(houseLayout), 0o644)
	os.MkdirAll(filepath.Join(root, "shared"), 0o755)
	os.WriteFile(filepath.Join(root, "shared", "inside.yaml"), []byte(houseLayout), 0o644)
	links := map[string]string{
		"house.yaml":    filepath.Join(outside, "house.yaml"),
		"relative.yaml": "../../../" + filepath.Base(outside) + "/house.yaml",
		"inside.yaml":   "../../shared/inside.yaml",
		"dangling.yaml": filepath.Join(outside, "gone.yaml"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(layouts, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	// relative.yaml must really reach the file outside for the case to
	// mean anything.
	if b, err := os.ReadFile(filepath.Join(layouts, "relative.yaml")); err != nil || string(b) != houseLayout {
		t.Fatalf("relative link does not reach the layout outside: %v", err)
	}

	for _, name := range []string{"house", "relative"} {
		_, err := LoadLayout(root, name)
		want := `layout: path "templates/layouts/` + name + `.yaml" leads outside the project folder (through a symbolic link)`
		if err == nil || err.Error() != want {
			t.Errorf("layout %s: error %v, want %s", name, err, want)
		}
	}
	if l, err := LoadLayout(root, "inside"); err != nil || l.FrontTitle != "House style" {
		t.Errorf("a link inside the project: %v", err)
	}
	if _, err := LoadLayout(root, "dangling"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("a dangling link: %v, want an error, not the built-in layout", err)
	}
	if l, err := LoadLayout(root, "executive-board"); err != nil || !strings.HasPrefix(l.Path, "(built in)") {
		t.Errorf("a layout the project does not have: %v", err)
	}

	// The whole layouts folder as a link out of the project.
	root2 := t.TempDir()
	os.MkdirAll(filepath.Join(root2, "templates"), 0o755)
	os.Symlink(outside, filepath.Join(root2, "templates", "layouts"))
	if _, err := LoadLayout(root2, "house"); err == nil || !strings.Contains(err.Error(), "leads outside the project folder") {
		t.Errorf("a layouts folder linked out of the project: %v", err)
	}
}
