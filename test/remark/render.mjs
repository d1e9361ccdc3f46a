// Renders doc.md (or the file given second) with remark and the stock
// remark-kroki plugin against an orgchart server, and prints the Markdown
// with the diagrams inlined as SVG.
//
//   node render.mjs http://127.0.0.1:8000 [doc.md]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { remark } from 'remark';
import { remarkKroki } from 'remark-kroki';

const [server, file = fileURLToPath(new URL('./doc.md', import.meta.url))] = process.argv.slice(2);
if (!server) {
  console.error('usage: node render.mjs SERVER_URL [FILE.md]');
  process.exit(2);
}

const out = await remark()
  .use(remarkKroki, { server, alias: ['orgchart'], output: 'inline-svg' })
  .process(readFileSync(file, 'utf8'));
process.stdout.write(String(out));
