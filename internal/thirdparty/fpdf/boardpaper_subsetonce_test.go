// Copyright ©2026 The boardpaper Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"sync"
	"testing"
)

// Documents written at the same time that need the same subsets share
// them, made once, and come out as each does alone.
func TestSubsetsSharedByDocumentsWrittenTogether(t *testing.T) {
	build := func() []byte {
		f := newTestDoc(true)
		f.SetFont("Sans", "", 11)
		f.AddPage()
		f.Text(20, 20, "Subsets made once for documents written together: ½ – €")
		return output(t, f)
	}
	clearSubsets := func() {
		fontCache.Lock()
		clear(fontCache.subsets)
		fontCache.Unlock()
	}
	clearSubsets()
	alone := build()
	clearSubsets()
	outs := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i] = build()
		}()
	}
	wg.Wait()
	for i, out := range outs {
		if !bytes.Equal(out, alone) {
			t.Fatalf("document %d written alongside others differs from one written alone", i)
		}
	}
	fontCache.Lock()
	n := len(fontCache.subsets)
	fontCache.Unlock()
	if n != 1 {
		t.Errorf("%d subsets cached for one face and one set of characters", n)
	}
}
