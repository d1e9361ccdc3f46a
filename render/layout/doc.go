// Package layout positions the cards of an org chart: a pure, linear-time
// function from a forest with card sizes and per-manager choices to card
// positions and connector geometry. It draws nothing and imports only the
// standard library; it is the layout stage of the pipeline
// model → layout → scene → backends.
//
// The core is the non-layered tidy-tree algorithm of van der Ploeg (2014,
// "Drawing non-layered tidy trees in linear time"), which extends Buchheim,
// Jünger and Leipert (2002) and Walker to boxes of different sizes, as
// d3-flextree implements it in JavaScript. It is hand-written here because no
// maintained Go implementation exists, and because the org conventions below
// (stacks, assistants, equal row heights, bus connectors) need control over
// the contour nodes. Both passes are loops over an array in breadth-first
// order: nothing recurses, so a chain of a million managers lays out like any
// other tree.
//
// Invariants:
//   - Units are points (float64). Y grows downwards. Every position is the
//     top-left corner of a card; the chart's bounding box starts at (0, 0).
//   - Nodes are addressed 0..n-1 by their index in Tree; children are ordered
//     by index, roots of a forest are laid out left to right by index.
//   - Output edges go parent → child: a connector starts on the parent's card
//     edge and ends on the child's card edge, and is an orthogonal polyline.
//   - Cards never overlap, and no solid connector crosses a card (property
//     tested); the layout is deterministic.
//   - Non-layered: a tall card pushes only its own subtree down.
//
// Conventions, as Visio and d3-org-chart draw them:
//   - Row: reports side by side under a horizontal bus, tops aligned and card
//     heights equalised to the tallest of the row (Result.Boxes reports the
//     adjusted heights); the manager's spine is centred over the bus, that
//     is, over the midpoint of the first and last report's centres.
//   - Column: leaf reports stacked in one column hanging from a spine that
//     drops from the manager's card SpineOffset from its left edge; each card
//     is joined to the spine by a horizontal connector of length SpineOffset.
//   - Columns2: leaf reports alternating left and right of a spine dropping
//     from the manager's bottom centre, a horizontal connector to each card.
//   - Stacking applies only when every report is a leaf (has no reports or
//     assistants of its own); a manager with a mix gets a Row, whatever its
//     Arrangement says, so the rule stays simple and predictable.
//   - Auto stacks as Columns2 when all of at least AutoStackMin reports are
//     leaves, and uses a Row otherwise.
//   - Assistants hang beside their manager: stacked to the right of the
//     manager's spine, between the manager and its reports, each joined to
//     the spine by a horizontal connector. They are never in the row. Only
//     leaves can be assistants: an assistant with reports of their own is
//     placed like any other report.
//   - Roots of a forest sit side by side with their tops at y = 0.
package layout
