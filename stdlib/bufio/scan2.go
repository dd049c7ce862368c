package bufio

import "io"

// Scan advances to the next token; it returns false at the end of the
// input or on an error (see Err).
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	s.scanCalled = true
	for {
		// With data (or an error that lets the split function flush a
		// final token) try for a token first.
		if s.end > s.start || s.err != nil {
			if found, ok := s.tryToken(); found {
				return ok
			}
		}
		if s.err != nil {
			s.start = 0
			s.end = 0
			return false
		}
		if !s.makeRoom() {
			return false
		}
		s.fill()
	}
}

// tryToken runs the split function once; found reports whether Scan must
// return now, with ok as its result.
func (s *Scanner) tryToken() (found bool, ok bool) {
	advance, token, err := s.split(s.buf[s.start:s.end], s.err != nil)
	if err != nil {
		if err == ErrFinalToken {
			s.token = token
			s.done = true
			return true, true
		}
		s.setErr(err)
		return true, false
	}
	if !s.advance(advance) {
		return true, false
	}
	s.token = token
	if token == nil {
		return false, false
	}
	if s.err == nil || advance > 0 {
		s.empties = 0
	} else {
		s.empties++
		if s.empties > maxConsecutiveEmptyReads {
			panic("bufio.Scan: too many empty tokens without progressing")
		}
	}
	return true, true
}

// makeRoom shifts the pending data to the front of the buffer or grows the
// buffer (up to maxTokenSize); false when the token is too long.
func (s *Scanner) makeRoom() bool {
	if s.start > 0 && (s.end == len(s.buf) || s.start > len(s.buf)/2) {
		copy(s.buf, s.buf[s.start:s.end])
		s.end -= s.start
		s.start = 0
	}
	if s.end < len(s.buf) {
		return true
	}
	const maxInt = int(^uint(0) >> 1)
	if len(s.buf) >= s.maxTokenSize || len(s.buf) > maxInt/2 {
		s.setErr(ErrTooLong)
		return false
	}
	newSize := len(s.buf) * 2
	if newSize == 0 {
		newSize = startBufSize
	}
	if newSize > s.maxTokenSize {
		newSize = s.maxTokenSize
	}
	newBuf := make([]byte, newSize)
	copy(newBuf, s.buf[s.start:s.end])
	s.buf = newBuf
	s.end -= s.start
	s.start = 0
	return true
}

// fill reads once into the buffer, retrying a reader that returns nothing
// a bounded number of times.
func (s *Scanner) fill() {
	for loop := 0; ; {
		n, err := s.r.Read(s.buf[s.end:len(s.buf)])
		if n < 0 || len(s.buf)-s.end < n {
			s.setErr(ErrBadReadCount)
			return
		}
		s.end += n
		if err != nil {
			s.setErr(err)
			return
		}
		if n > 0 {
			s.empties = 0
			return
		}
		loop++
		if loop > maxConsecutiveEmptyReads {
			s.setErr(io.ErrNoProgress)
			return
		}
	}
}
