// A module of its own so that its path sorts before go-graphviz's: Go
// initialises packages in import-path order among those whose imports are
// ready (the spec's rule since Go 1.21), and this package must run before
// github.com/goccy/go-graphviz/internal/wasm's init. See gvcache.go.
module early.orgchart.invalid/gvcache

go 1.26.0
