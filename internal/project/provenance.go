package project

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/boardpaper/boardpaper/internal/model"
)

// Provenance records what a paper's outputs were made from: the program
// (generator, "boardpaper 0.3.2"), and the template, layout and snapshots,
// each with the SHA-256 of its bytes, so that a published file can be
// traced to the exact inputs that made it.
func Provenance(generator string, p *Paper, l *Layout, data *DataSet) model.Provenance {
	pr := model.Provenance{Generator: generator}
	pr.Sources = append(pr.Sources, model.Source{Role: "template", Path: p.Path, SHA256: p.SHA256})
	pr.Sources = append(pr.Sources, model.Source{Role: "layout", Path: l.Path, SHA256: sha256Hex(l.Src)})
	for _, s := range data.Snapshots {
		pr.Sources = append(pr.Sources, model.Source{Role: "data", Path: s.Path, SHA256: s.SHA256})
	}
	return pr
}

// sha256Hex is the SHA-256 of b, in hex, as provenance names files.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
