// Package bufio: buffered I/O over io.Reader and io.Writer as Go 1.19's
// (Scanner with its split functions, Writer, Reader).
package bufio

import (
	"errors"
	"io"
)

// A SplitFunc finds the next token in data (atEOF: no more data will come)
// and returns how far to advance, the token (nil: none yet) and an error.
type SplitFunc func(data []byte, atEOF bool) (advance int, token []byte, err error)

var (
	ErrTooLong         = errors.New("bufio.Scanner: token too long")
	ErrNegativeAdvance = errors.New("bufio.Scanner: SplitFunc returns negative advance count")
	ErrAdvanceTooFar   = errors.New("bufio.Scanner: SplitFunc returns advance count beyond input")
	ErrBadReadCount    = errors.New("bufio.Scanner: Read returned impossible count")
)

// ErrFinalToken, returned by a split function, ends the scan after its token.
var ErrFinalToken = errors.New("final token")

const (
	// MaxScanTokenSize is the largest token a Scanner accepts unless
	// Buffer says otherwise.
	MaxScanTokenSize         = 64 * 1024
	startBufSize             = 4096
	maxConsecutiveEmptyReads = 100
)

// A Scanner reads input as a sequence of tokens (lines by default).
type Scanner struct {
	r            io.Reader
	split        SplitFunc
	maxTokenSize int
	token        []byte
	buf          []byte
	start        int // first unprocessed byte in buf
	end          int // end of data in buf
	err          error
	empties      int
	scanCalled   bool
	done         bool
}

// NewScanner returns a Scanner reading lines from r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, split: ScanLines, maxTokenSize: MaxScanTokenSize}
}

// Err returns the first error other than io.EOF.
func (s *Scanner) Err() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}

// Bytes returns the last token; the next Scan may overwrite it.
func (s *Scanner) Bytes() []byte { return s.token }

// Text returns the last token as a string.
func (s *Scanner) Text() string { return string(s.token) }

// Buffer sets the initial buffer and the largest token size.
func (s *Scanner) Buffer(buf []byte, max int) {
	if s.scanCalled {
		panic("Buffer called after Scan")
	}
	s.buf = buf[0:cap(buf)]
	s.maxTokenSize = max
}

// Split sets the split function; it must be called before Scan.
func (s *Scanner) Split(split SplitFunc) {
	if s.scanCalled {
		panic("Split called after Scan")
	}
	s.split = split
}

func (s *Scanner) setErr(err error) {
	if s.err == nil || s.err == io.EOF {
		s.err = err
	}
}

// advance consumes n bytes of the buffer, checking the split function's
// count.
func (s *Scanner) advance(n int) bool {
	if n < 0 {
		s.setErr(ErrNegativeAdvance)
		return false
	}
	if n > s.end-s.start {
		s.setErr(ErrAdvanceTooFar)
		return false
	}
	s.start += n
	return true
}
