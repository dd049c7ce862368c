package unicode

// UpperLower as a delta marks a range of alternating upper- and lower-case
// pairs.
const UpperLower = MaxRune + 1

// d holds a CaseRange's deltas, indexed by UpperCase, LowerCase, TitleCase.
type d [MaxCase]rune

// CaseRange maps the code points Lo..Hi by Delta.
type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

// SpecialCase is a language's case mappings, sorted by Lo; a code point it
// does not map is mapped as ToUpper, ToLower and ToTitle map it.
type SpecialCase []CaseRange

func (special SpecialCase) ToUpper(r rune) rune {
	return special.to(UpperCase, r, ToUpper)
}

func (special SpecialCase) ToTitle(r rune) rune {
	return special.to(TitleCase, r, ToTitle)
}

func (special SpecialCase) ToLower(r rune) rune {
	return special.to(LowerCase, r, ToLower)
}

// to finds r's range by binary search; a range that maps r to itself still
// counts as a mapping, so the default is not consulted for it.
func (special SpecialCase) to(_case int, r rune, def func(rune) rune) rune {
	lo, hi := 0, len(special)
	for lo < hi {
		m := lo + (hi-lo)/2
		cr := special[m]
		if rune(cr.Lo) <= r && r <= rune(cr.Hi) {
			return applyDelta(rune(cr.Lo), r, cr.Delta[_case], _case)
		}
		if r < rune(cr.Lo) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return def(r)
}

// TurkishCase maps the dotted and dotless I as Turkish does.
var TurkishCase SpecialCase = SpecialCase{
	CaseRange{0x0049, 0x0049, d{0, 0x131 - 0x49, 0}},
	CaseRange{0x0069, 0x0069, d{0x130 - 0x69, 0, 0x130 - 0x69}},
	CaseRange{0x0130, 0x0130, d{0, 0x69 - 0x130, 0}},
	CaseRange{0x0131, 0x0131, d{0x49 - 0x131, 0, 0x49 - 0x131}},
}

// AzeriCase is TurkishCase: Azeri cases the I the same way.
var AzeriCase SpecialCase = TurkishCase
