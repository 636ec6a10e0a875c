// Package templates embeds the layouts boardpaper ships with, so that a paper
// in a fresh folder (one without templates/layouts/) still builds. A
// project's own templates/layouts/<name>.yaml takes precedence.
package templates

import "embed"

// Layouts holds layouts/*.yaml.
//
//go:embed layouts/*.yaml
var Layouts embed.FS
