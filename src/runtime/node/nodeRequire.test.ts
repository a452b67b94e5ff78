import { describe, expect, it } from 'vitest';
import { createRegistry, makeNodeRequire } from './nodeRequire';

describe('require in the environment', () => {
  const registry = createRegistry({ process: { env: {} } });
  const cjs = makeNodeRequire(registry, '/var/task/index.js', false);
  const esm = makeNodeRequire(registry, '/var/task/index.mjs', true);

  it('gives Node/Lambda not-found errors for packages (no node_modules here)', () => {
    expect(() => cjs('left-pad')).toThrow(expect.objectContaining({ code: 'MODULE_NOT_FOUND', message: "Cannot find module 'left-pad'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs" }));
    expect(() => esm('left-pad')).toThrow(expect.objectContaining({ code: 'ERR_MODULE_NOT_FOUND', message: "Cannot find package 'left-pad' imported from /var/task/index.mjs" }));
    expect(() => cjs('node:left-pad')).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_BUILTIN_MODULE', message: 'No such built-in module: node:left-pad' }));
    expect(() => cjs(42 as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
  });

  it.each([
    ['child_process', 'a browser tab cannot start processes'],
    ['node:worker_threads', 'cannot start threads'],
    ['net', 'cannot open TCP sockets'],
    ['dgram', 'UDP'],
    ['cluster', 'cannot fork'],
  ])('refuses %s, saying why', (id, why) => {
    expect(() => cjs(id)).toThrow(expect.objectContaining({ code: 'ERR_PLAYGROUND_UNAVAILABLE', message: expect.stringContaining(`Cannot load Node.js built-in module '${id}' in the browser playground: `) }));
    expect(() => esm(id)).toThrow(why);
  });

  it('says so when a built-in was not sent (a require the compile step could not see)', () => {
    expect(() => cjs('zlib')).toThrow("Node.js built-in module 'zlib' was not loaded into this environment");
  });

  it('has process inline', () => {
    expect(cjs('node:process')).toEqual({ env: {} });
  });
});
