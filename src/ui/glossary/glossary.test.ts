import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

describe('the glossary', () => {
  it.each(Object.entries(GLOSSARY))('%s: a title, one or two plain sentences, and an AWS documentation link', (_id, entry) => {
    expect(entry.title.length).toBeGreaterThan(2);
    const sentences = entry.text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '');
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(entry.text.length).toBeLessThan(260);
    expect(entry.href).toMatch(/^https:\/\/(docs\.aws\.amazon\.com\/lambda\/latest\/dg\/[a-z0-9-]+\.html|aws\.amazon\.com\/lambda\/pricing\/)$/);
  });

  it('every term the UI explains is in the glossary, and the UI explains at least 15 of them', () => {
    const used = new Set<string>();
    for (const file of sources(join(process.cwd(), 'src', 'ui'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<Term id="([a-z-]+)"|term="([a-z-]+)"|explain="([a-z-]+)"|: '([a-z-]+)' as GlossaryId|(?:batchSize|maxReceiveCount): '([a-z-]+)'/g)) used.add(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
      for (const m of text.matchAll(/<Term id=\{[^}]*'([a-z-]+)' : '([a-z-]+)'\}/g)) {
        used.add(m[1] ?? '');
        used.add(m[2] ?? '');
      }
    }
    for (const id of used) expect(Object.keys(GLOSSARY), id).toContain(id);
    expect(used.size).toBeGreaterThanOrEqual(15);
  });
});
