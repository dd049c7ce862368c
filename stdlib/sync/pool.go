package sync

// Pool is a set of temporary objects for reuse, with Go's API. Go's has one
// list per P and lets the collector empty it; this one is a single locked
// list that keeps what is put in it, which Go's contract allows (Get may
// return any item put, or a new one).
type Pool struct {
	mu    Mutex
	items []any
	// New, when not nil, makes the value Get returns when the pool is empty.
	New func() any
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}
