package pdf

import (
	"bytes"
	"reflect"
	"runtime"
	"testing"
)

// Paragraphs laid out ahead have the lines the paginator would have set.
func TestLaidAheadAsThePaginatorLaysOut(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("nothing is laid out ahead on one processor")
	}
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	doc := benchPaper()
	w := newWriter(Options{})
	w.base = defaultSize
	w.collectDestinations(doc)
	a := w.layAhead(doc)
	if a == nil || len(a.texts) < 10 {
		t.Fatal("the paper's paragraphs are not laid out ahead")
	}
	for i := range a.texts {
		<-a.texts[i].done
		want := breakLines(words(w.runs(a.texts[i].in, a.ts, nil, nil)), a.box, a.ts.size)
		got, ok := a.take(a.texts[i].in, a.ts, a.box)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("paragraph %d laid out ahead differs", i)
		}
		if _, again := a.take(a.texts[i].in, a.ts, a.box); again {
			t.Fatalf("paragraph %d handed out twice", i)
		}
	}
}

// A paper comes out the same whether its paragraphs were laid out ahead
// or not.
func TestLayingAheadChangesNothing(t *testing.T) {
	doc := benchPaper()
	withAhead, err := render(doc, testDate)
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	alone, err := render(doc, testDate)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(withAhead, alone) {
		t.Error("laying paragraphs out ahead changed the PDF")
	}
}
