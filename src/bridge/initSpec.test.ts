import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/functionConfig';
import type { EnvironmentSpec } from '../core/platformTypes';
import { initSpec } from './initSpec';

const spec = (patch: Partial<EnvironmentSpec['config']>): EnvironmentSpec => ({
  envId: 'env-1',
  config: { ...DEFAULT_CONFIG, code: "export const handler = async () => 'hi';", ...patch },
  initializationType: 'on-demand',
  logStreamName: '2026/12/05/[$LATEST]0123456789abcdef0123456789abcdef',
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
  functionVersion: '$LATEST',
  logGroupName: '/aws/lambda/my-function',
  variables: {},
});

describe('the init spec of a function with layers', () => {
  it('carries no layer fields without layers', () => {
    const out = initSpec(spec({}));
    expect(out).not.toHaveProperty('layerFiles');
    expect(out).not.toHaveProperty('layerModules');
  });

  it('carries /opt as merged, the layers’ JavaScript compiled, and the built-ins the layers use', () => {
    const layerFiles = [
      { path: '/opt/nodejs/node_modules/greet/index.mjs', content: "import { join } from 'node:path';\nexport default (n) => join('/hello', n);" },
      { path: '/opt/nodejs/node_modules/greet/bad.mjs', content: 'export default ;' },
      { path: '/opt/python/greet.py', content: 'x = 1' },
    ];
    const out = initSpec(spec({ layerFiles }));
    expect(out.layerFiles).toEqual(layerFiles);
    expect(Object.keys(out.layerModules ?? {})).toEqual(['/opt/nodejs/node_modules/greet/index.mjs', '/opt/nodejs/node_modules/greet/bad.mjs']);
    expect(out.layerModules?.['/opt/nodejs/node_modules/greet/index.mjs']).toMatchObject({ esm: true, js: expect.stringContaining("require('node:path')") });
    expect(out.layerModules?.['/opt/nodejs/node_modules/greet/bad.mjs']).toEqual({ syntaxError: "Unexpected token ';' (/opt/nodejs/node_modules/greet/bad.mjs)" });
    // The handler imports nothing; the layer's `node:path` is sent all the same.
    expect(out.nodeBuiltins).toBeDefined();
    expect(initSpec(spec({})).nodeBuiltins).toBeUndefined();
  });
});
