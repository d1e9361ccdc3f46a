// Package draw is the org engine's drawing stage: from the built reporting
// graph, the findings and option.Options to a scene.Document, using the
// tidy-tree positions of render/layout. It is a pure function: no I/O, no
// clock, no map order in its output.
//
// Invariants:
//   - Chart units are points before a page scales the chart; a page's scale
//     times NameSize is the size of its names in page points.
//   - Every entry drawn is on exactly one page: as a card (a Group of kind
//     "card" with ID "c<index>", index into Org.People). A unit cut off an
//     overview is a Group of kind "stub" with ID "s<head index>" that links
//     to the unit's page; its people are on that page, not the overview.
//   - Solid connectors are Paths from the manager's card to the report's
//     (From and To name the Groups); dotted lines and second solid managers
//     are Paths from the report to the manager, arrowhead at the manager.
//   - The names of a card are Text items inside a Group of kind "name", so
//     a backend or a test can find them.
//   - With a page preset, a chart is fitted: per-manager arrangements and
//     (on paper) the orientation are chosen for the largest scale, and a
//     chart whose names would fall under option.MinNamePoints is split into
//     an overview and one page per unit, recursively, unless NoSplit.
package draw
