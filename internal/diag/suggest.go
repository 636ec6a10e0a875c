package diag

// Nearest returns the candidate closest to s by edit distance when it is
// close enough to be a likely slip of the keyboard ("pcnt" for "pct",
// "sec-mian" for "sec-main"), or "" when none is. Two letters swapped
// count as one slip, as they are one on the keyboard. Of candidates
// equally close, the one nearest s's length wins ("prinft" is "printf",
// not "print"), then the earlier, so pass candidates in a stable order.
func Nearest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		d := distance(s, c)
		if d < bestD || d == bestD && best != "" && lengthGap(s, c) < lengthGap(s, best) {
			best, bestD = c, d
		}
	}
	if bestD > len(s)/2 {
		return ""
	}
	return best
}

func lengthGap(a, b string) int {
	if len(a) > len(b) {
		return len(a) - len(b)
	}
	return len(b) - len(a)
}

// distance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of two neighbouring letters, each
// costing one.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
