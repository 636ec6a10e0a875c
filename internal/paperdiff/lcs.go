package paperdiff

// op is one step of an alignment of two sequences: an element of both
// (equal), of the old alone (del) or of the new alone (ins).
type op struct {
	kind opKind
	a, b int // indexes into the old and the new sequence; -1 when absent
}

type opKind int

const (
	equal opKind = iota
	del
	ins
)

// maxCells bounds the work of one alignment: the table of a longest
// common subsequence has a cell for every pair of elements left once the
// common start and end are set aside. Two paragraphs of 1,000 words, or
// two papers of 2,000 paragraphs, fit; past it the middle is taken as
// replaced whole, which is still a correct (if coarse) answer.
const maxCells = 1 << 22

// align lines up two sequences along a longest common subsequence, so
// that what both hold is kept and the rest is deleted or inserted.
func align(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops := make([]op, 0, len(a)+len(b))
	for i := 0; i < pre; i++ {
		ops = append(ops, op{equal, i, i})
	}
	ops = middle(ops, a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre)
	for i := 0; i < suf; i++ {
		ops = append(ops, op{equal, len(a) - suf + i, len(b) - suf + i})
	}
	return ops
}

// middle aligns what is left between the common start and end; offA and
// offB are where it starts in the whole sequences.
func middle(ops []op, a, b []string, offA, offB int) []op {
	n, m := len(a), len(b)
	if n == 0 || m == 0 || n*m > maxCells {
		for i := range a {
			ops = append(ops, op{del, offA + i, -1})
		}
		for j := range b {
			ops = append(ops, op{ins, -1, offB + j})
		}
		return ops
	}
	// l[i*(m+1)+j] is the length of the longest common subsequence of
	// a[i:] and b[j:].
	w := m + 1
	l := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				l[i*w+j] = l[(i+1)*w+j+1] + 1
			case l[(i+1)*w+j] >= l[i*w+j+1]:
				l[i*w+j] = l[(i+1)*w+j]
			default:
				l[i*w+j] = l[i*w+j+1]
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			ops = append(ops, op{equal, offA + i, offB + j})
			i++
			j++
		case l[(i+1)*w+j] >= l[i*w+j+1]:
			ops = append(ops, op{del, offA + i, -1})
			i++
		default:
			ops = append(ops, op{ins, -1, offB + j})
			j++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, op{del, offA + i, -1})
	}
	for ; j < m; j++ {
		ops = append(ops, op{ins, -1, offB + j})
	}
	return ops
}

// pairs turns an alignment into pairs: what both hold, matched; and in each
// run of deletions and insertions between two matches, the old and the
// new elements paired in order (a changed paragraph), with what is left
// over on either side alone (a paragraph removed or added). Each pair is
// (old index, new index), -1 for none.
func pairs(ops []op) [][2]int {
	var out [][2]int
	var dels, inss []int
	flush := func() {
		k := 0
		for ; k < len(dels) && k < len(inss); k++ {
			out = append(out, [2]int{dels[k], inss[k]})
		}
		for _, d := range dels[k:] {
			out = append(out, [2]int{d, -1})
		}
		if k < len(inss) {
			for _, x := range inss[k:] {
				out = append(out, [2]int{-1, x})
			}
		}
		dels, inss = dels[:0], inss[:0]
	}
	for _, o := range ops {
		switch o.kind {
		case equal:
			flush()
			out = append(out, [2]int{o.a, o.b})
		case del:
			dels = append(dels, o.a)
		case ins:
			inss = append(inss, o.b)
		}
	}
	flush()
	return out
}
