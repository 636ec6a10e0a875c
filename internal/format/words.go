package format

import (
	"fmt"
	"strconv"
	"strings"
)

var units = [...]string{"zero", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
	"fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}

var tens = [...]string{2: "twenty", 3: "thirty", 4: "forty", 5: "fifty",
	6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}

// Words writes a number from 0 to 100 in words, as papers do for small
// figures: "fourteen", "twenty-one", "one hundred". Outside that range it
// is an error: larger figures read better as numerals.
func Words(n int) (string, error) {
	switch {
	case n < 0 || n > 100:
		return "", fmt.Errorf("%d is outside 0 to 100; write larger figures as numerals (num)", n)
	case n == 100:
		return "one hundred", nil
	case n < 20:
		return units[n], nil
	case n%10 == 0:
		return tens[n/10], nil
	}
	return tens[n/10] + "-" + units[n%10], nil
}

// TitleWords writes a number in title-case words for exhibit labels:
// "Two", "Twenty-One", "One Hundred". Above 100 (or below 0) it falls back
// to numerals, so "Table 101" still reads sensibly.
func TitleWords(n int) string {
	w, err := Words(n)
	if err != nil {
		return strconv.Itoa(n)
	}
	b := []byte(w)
	for i := range b {
		if i == 0 || b[i-1] == '-' || b[i-1] == ' ' {
			b[i] = strings.ToUpper(string(b[i]))[0]
		}
	}
	return string(b)
}
