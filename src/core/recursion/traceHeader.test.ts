import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { formatTraceHeader, newTraceHeader, newTraceId, parseTraceHeader } from './traceHeader';

const SEEN = 'Root=1-46105bdf-04c13a9504458ebc539f5fba;Parent=240a548a42a88af4;Sampled=0;Lineage=12326a9d:0';

describe('traceHeader', () => {
  it('reads a header Lambda set (DataDog datadog-lambda-java #89) and writes it back unchanged', () => {
    const h = parseTraceHeader(SEEN);
    expect(h).toEqual({ root: '1-46105bdf-04c13a9504458ebc539f5fba', parent: '240a548a42a88af4', sampled: '0', lineage: '12326a9d:0', extra: [] });
    expect(h && formatTraceHeader(h)).toBe(SEEN);
  });

  it('keeps unknown fields, in order, and reads fields in any order', () => {
    const h = parseTraceHeader('Self=1-67891234-12456789abcdef012345678;Sampled=1;Root=1-5759e988-bd862e3fe1be46a994272793;Foo=bar');
    expect(h).toMatchObject({ root: '1-5759e988-bd862e3fe1be46a994272793', parent: null, sampled: '1', lineage: null });
    expect(h?.extra).toEqual([
      ['Self', '1-67891234-12456789abcdef012345678'],
      ['Foo', 'bar'],
    ]);
  });

  it('refuses a header without a valid Root', () => {
    expect(parseTraceHeader('Parent=53995c3f42cd8ad8;Sampled=1')).toBeNull();
    expect(parseTraceHeader('Root=1-5759e988-bd862e3f;Sampled=1')).toBeNull();
    expect(parseTraceHeader('Root=2-5759e988-bd862e3fe1be46a994272793')).toBeNull();
    expect(parseTraceHeader('garbage')).toBeNull();
  });

  it('makes trace ids as X-Ray does: 1-<epoch seconds, 8 hex>-<24 hex>, from the injected time and seeded randomness', () => {
    const nowMs = Date.UTC(2026, 11, 6, 0, 0, 0, 999);
    const id = newTraceId(createRandom(3), nowMs);
    expect(id).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(parseInt(id.slice(2, 10), 16)).toBe(Math.floor(nowMs / 1000));
    expect(newTraceId(createRandom(3), nowMs)).toBe(id);
    expect(newTraceId(createRandom(4), nowMs)).not.toBe(id);
  });

  it('a new header is parseable, with no sampling decision (the function reached makes it) and without lineage', () => {
    const h = newTraceHeader(createRandom(1), 1_700_000_000_000);
    expect(h.parent).toMatch(/^[0-9a-f]{16}$/);
    expect(parseTraceHeader(formatTraceHeader(h))).toEqual(h);
    expect(formatTraceHeader(h)).toMatch(/^Root=1-6553f100-[0-9a-f]{24};Parent=[0-9a-f]{16}$/);
  });
});
