// Package graph is orgchart's model of an organisation: the chart as loaded
// (Org, Person, Ref; see graph/load for the loaders and graph/diag for
// positions and diagnostics) and the reporting graph built on
// github.com/dominikbraun/graph, the one resolver of references: chain of
// command, tops, subtrees, levels and reports are its queries.
//
// Invariants:
//   - Positions (diag.Pos) are one-based.
//   - People keep file order (Person.Index == position in Org.People).
//   - Ids are matched by their key: trimmed and case-folded (Key). An id that
//     looks like an e-mail address is lower-cased as well, which Key also does.
//   - Reporting edges point from the report to the manager (report → manager),
//     the direction of "reports to". Solid and dotted lines are distinct kinds.
//   - dominikbraun/graph is imported only in this package, under an alias, and
//     never appears in an exported signature.
package graph
