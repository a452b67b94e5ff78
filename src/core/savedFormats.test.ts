import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAVED_FORMATS, schemaFileText } from './savedFormats';

const root = join(__dirname, '..', '..');

describe('docs/*.schema.json', () => {
  it.each(SAVED_FORMATS.map((f) => [f.file, f]))('%s is what the schema the app reads with generates (npm run schemas writes it)', (_file, format) => {
    expect(readFileSync(join(root, format.file), 'utf8')).toBe(schemaFileText(format));
  });
});
