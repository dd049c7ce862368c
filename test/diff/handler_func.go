// The HandlerFunc pattern: a named function type with a method, so plain
// functions satisfy an interface; middleware chains built from closures.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Request struct {
	Path string
	User string
}

type Handler interface {
	Serve(r Request) string
}

type HandlerFunc func(Request) string

func (f HandlerFunc) Serve(r Request) string { return f(r) }

type Mux struct {
	routes map[string]Handler
}

func (m *Mux) Handle(path string, h Handler) { m.routes[path] = h }
func (m *Mux) HandleFunc(path string, f func(Request) string) {
	m.Handle(path, HandlerFunc(f))
}

func (m *Mux) Serve(r Request) string {
	if h, ok := m.routes[r.Path]; ok {
		return h.Serve(r)
	}
	best := ""
	for p := range m.routes {
		if strings.HasSuffix(p, "/") && strings.HasPrefix(r.Path, p) && len(p) > len(best) {
			best = p
		}
	}
	if best != "" {
		return m.routes[best].Serve(r)
	}
	return "404 " + r.Path
}

type Middleware func(Handler) Handler

func logging(log *[]string) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(r Request) string {
			out := next.Serve(r)
			*log = append(*log, r.Path+" -> "+out)
			return out
		})
	}
}

func auth(next Handler) Handler {
	return HandlerFunc(func(r Request) string {
		if r.User == "" {
			return "401"
		}
		return next.Serve(r)
	})
}

func chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

type static string

func (s static) Serve(Request) string { return "200 " + string(s) }

func main() {
	mux := &Mux{routes: map[string]Handler{}}
	mux.HandleFunc("/hello", func(r Request) string { return "200 hello " + r.User })
	mux.Handle("/about", static("about page"))
	mux.HandleFunc("/files/", func(r Request) string { return "200 file " + strings.TrimPrefix(r.Path, "/files/") })
	var log []string
	app := chain(mux, logging(&log), auth)
	reqs := []Request{{"/hello", "ann"}, {"/hello", ""}, {"/about", "bob"}, {"/files/a/b.txt", "cy"}, {"/nope", "dee"}}
	for _, r := range reqs {
		fmt.Printf("%-16s %-4s %s\n", r.Path, r.User, app.Serve(r))
	}
	fmt.Println(strings.Join(log, "\n"))
	var paths []string
	for p, h := range mux.routes {
		paths = append(paths, fmt.Sprintf("%s:%T", p, h))
	}
	sort.Strings(paths)
	fmt.Println(paths)
	f := HandlerFunc(func(r Request) string { return r.Path })
	fmt.Println(f(Request{Path: "direct"}), f.Serve(Request{Path: "method"}))
}
