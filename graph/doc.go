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
//   - The reporting lines live in one place, a dominikbraun/graph graph on a
//     compact read-only store; Graph's queries read it, and Graph.Dgraph
//     hands it out (vertices are entry indices, edges report → manager,
//     *Line as edge data) so callers can run the library's algorithms on a
//     chart. That method is the only exported signature that names
//     dominikbraun/graph; it is imported only in this package (and its
//     tests), under the alias dgraph.
package graph
