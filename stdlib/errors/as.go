package errors

// As finds the first error in err's chain that can be assigned to the
// variable target points to, stores it there and reports true; an error's
// own As method may also claim the match. target must be a non-nil pointer
// to an interface type or to a type implementing error. Interface targets
// other than *error and *interface{} are not supported yet: they panic.
func As(err error, target interface{}) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch targetKind(&target) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	case 3:
		if _, ok := target.(*error); !ok {
			panic("errors.As: a target of a non-empty interface type other than error is not supported in mini-Go yet")
		}
	}
	for err != nil {
		if p, ok := target.(*error); ok {
			*p = err
			return true
		}
		var e interface{} = err
		if assignTo(&e, &target) {
			return true
		}
		if x, ok := err.(interface{ As(interface{}) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}

// targetKind checks As's target without reflection (the runtime reads its
// type descriptor): 0 valid, 1 not a non-nil pointer, 2 pointing to a type
// that is neither an interface nor an error, 3 pointing to a non-empty
// interface type.
func targetKind(target *interface{}) int

// assignTo stores *e into the variable *target points to if that variable
// has exactly *e's dynamic type or is an interface{}, and reports whether it
// did.
func assignTo(e *interface{}, target *interface{}) bool
