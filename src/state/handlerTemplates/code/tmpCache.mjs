// Caching in /tmp across warm invokes: the first invoke on an execution
// environment builds the file, later ones on the same environment reuse it.
// A new environment (a cold start) starts with an empty /tmp.
import { existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';

const CACHE = '/tmp/lookup-table.json';

function buildTable() {
  // Stands in for an expensive download or computation.
  const table = {};
  for (let i = 0; i < 1000; i++) table[`k${i}`] = createHash('sha1').update(String(i)).digest('hex').slice(0, 8);
  return table;
}

export const handler = async (event) => {
  let source = 'cache';
  if (!existsSync(CACHE)) {
    writeFileSync(CACHE, JSON.stringify(buildTable()));
    source = 'built';
  }
  const table = JSON.parse(readFileSync(CACHE, 'utf8'));
  console.log(`Lookup table from ${source} (${statSync(CACHE).size} bytes in /tmp)`);
  return { source, key: event.key, value: table[event.key] ?? null };
};
