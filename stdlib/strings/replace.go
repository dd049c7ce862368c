package strings

// A Replacer replaces a list of strings with replacements. At each position
// the first pair (in argument order) whose old string matches wins, as with
// Go's replacers; an empty old string matches once between any two bytes.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a Replacer from old, new string pairs.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// Replace returns s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	var b []byte
	last := 0
	prevEmpty, matched := false, false
	for i := 0; i <= len(s); {
		val, keylen, ok := r.lookup(s[i:], prevEmpty)
		prevEmpty = ok && keylen == 0
		if !ok {
			i++
			continue
		}
		matched = true
		b = append(b, s[last:i]...)
		b = append(b, val...)
		i += keylen
		last = i
	}
	if !matched {
		return s
	}
	return string(append(b, s[last:]...))
}

// lookup finds the first pair whose old string prefixes s, skipping empty
// ones right after an empty match so the scan advances.
func (r *Replacer) lookup(s string, ignoreEmpty bool) (string, int, bool) {
	for i := 0; i < len(r.oldnew); i += 2 {
		old := r.oldnew[i]
		if old == "" && ignoreEmpty {
			continue
		}
		if HasPrefix(s, old) {
			return r.oldnew[i+1], len(old), true
		}
	}
	return "", 0, false
}
