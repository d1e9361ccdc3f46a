// Lays out a tree written by render/layout/internal/layouttree with
// d3-flextree and prints the time, for scripts/bench-layout.sh.
// Usage: FLEXTREE_DIR=dir node scripts/layout-flextree.mjs tree.json [runs]
// where dir holds node_modules/d3-flextree (npm install --prefix dir d3-flextree).
// Gaps match render/layout's DefaultOptions: 40 below each card (folded into
// its height, as flextree has no level gap), 20 between siblings, 40 between
// cousins. The timed part is what a d3 user runs: hierarchy() and layout().
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';

const require = createRequire(resolve(process.env.FLEXTREE_DIR || '.') + '/');
const { flextree } = require('d3-flextree');
const [file, runsArg] = process.argv.slice(2);
const { parent, size } = JSON.parse(readFileSync(file, 'utf8'));
const runs = Number(runsArg || 5);

// Build nested {size, children} objects without recursion; roots under one
// virtual root of size 0 (our forest), as d3-flextree wants a single root.
const nodes = size.map(([w, h]) => ({ size: [w, h + 40], children: [] }));
const top = { size: [0, 0], children: [] };
parent.forEach((p, i) => (p < 0 ? top : nodes[p]).children.push(nodes[i]));

const layout = flextree({
  spacing: (a, b) => (a.parent === b.parent && a.parent.data !== top ? 20 : 40),
});
const times = [];
let tree;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  tree = layout.hierarchy(top);
  layout(tree);
  times.push(performance.now() - t0);
}
const first = times[0]; // the cold run: before the JIT has seen the code
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
let minX = Infinity, maxX = -Infinity;
tree.each((n) => { minX = Math.min(minX, n.left); maxX = Math.max(maxX, n.right); });
console.log(`d3-flextree ${parent.length} nodes: median ${median.toFixed(1)} ms of ${runs} runs (best ${times[0].toFixed(1)} ms), width ${Math.round(maxX - minX)}`);
console.log(`ns/op ${Math.round(median * 1e6)}`);
console.log(`first-ns ${Math.round(first * 1e6)}`);
