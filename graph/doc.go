// Package graph is orgchart's model of an organisation: the chart as loaded
// from YAML, JSON or CSV (Org, Person, Ref), the diagnostics found while
// loading, and the reporting graph built on github.com/dominikbraun/graph.
//
// Invariants:
//   - Positions (Pos) are one-based: line 1, column 1 is the first byte of a
//     file. CSV positions are row and column (column = field number).
//   - People keep file order (Person.Index == position in Org.People).
//   - Ids are matched by their key: trimmed and case-folded (Key). An id that
//     looks like an e-mail address is lower-cased as well, which Key also does.
//   - Reporting edges point from the report to the manager (report → manager),
//     the direction of "reports to". Solid and dotted lines are distinct kinds.
//   - dominikbraun/graph is imported only in this package, under an alias, and
//     never appears in an exported signature.
package graph
