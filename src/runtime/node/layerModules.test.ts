import { describe, expect, it } from 'vitest';
import { compileLayerModules } from '../../bridge/compileLayerModules';
import { nodePath } from '../../core/environmentVariables';
import { LayerModules, type LayerModuleFn } from './layerModules';
import { createRegistry, makeNodeRequire } from './nodeRequire';

const FILES: Record<string, string> = {
  '/opt/nodejs/node_modules/greet/package.json': JSON.stringify({ name: 'greet', main: 'lib/greet' }),
  '/opt/nodejs/node_modules/greet/lib/greet.js': "const { punct } = require('./punct.json');\nconst shout = require('shout').default;\nmodule.exports = (n) => shout(`hello ${n}`) + punct;",
  '/opt/nodejs/node_modules/greet/lib/punct.json': '{"punct": "!"}',
  '/opt/nodejs/node_modules/shout/index.mjs': 'export default function shout(s) { return s.toUpperCase(); }',
  '/opt/nodejs/node22/node_modules/versioned/index.js': "module.exports = 'node22 first';",
  '/opt/nodejs/node_modules/versioned/index.js': "module.exports = 'any version';",
  '/opt/nodejs/node_modules/counter.js': 'let n = 0; module.exports = () => ++n;',
  '/opt/nodejs/node_modules/broken/index.js': 'module.exports = ;',
  '/opt/python/greet.py': 'def greet(n): return n',
};

function requireWith(files: Record<string, string>, from = '/var/task/index.js', esm = false): (id: string) => unknown {
  const list = Object.entries(files).map(([path, content]) => ({ path, content }));
  const { modules } = compileLayerModules(list);
  const evaluate = (js: string): LayerModuleFn => new Function('exports', 'require', 'module', '__filename', '__dirname', '__playgroundImportMeta', js) as LayerModuleFn;
  const layers = new LayerModules(new Map(Object.entries(files)), modules, nodePath('nodejs22.x').split(':'), evaluate);
  return makeNodeRequire(createRegistry({ process: { env: {} } }), from, esm, layers);
}

describe('packages from layers', () => {
  const req = requireWith(FILES);

  it('finds a package through NODE_PATH: package.json main, a JSON file, a nested package, an ES module compiled app-side', () => {
    expect((req('greet') as (n: string) => string)('ada')).toBe('HELLO ADA!');
  });

  it('looks in /opt/nodejs/nodeNN/node_modules before /opt/nodejs/node_modules', () => {
    expect(req('versioned')).toBe('node22 first');
  });

  it('finds a file module and a subpath, and runs each module once', () => {
    const count = req('counter') as () => number;
    expect(count()).toBe(1);
    expect((req('counter.js') as () => number)()).toBe(2);
    expect(req('greet/lib/punct.json')).toEqual({ punct: '!' });
    expect(req('/opt/nodejs/node_modules/greet/lib/punct')).toEqual({ punct: '!' });
  });

  it('keeps Lambda’s not-found errors for what no layer holds, and reports a layer’s syntax error', () => {
    expect(() => req('left-pad')).toThrow(expect.objectContaining({ code: 'MODULE_NOT_FOUND', message: "Cannot find module 'left-pad'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs" }));
    expect(() => requireWith(FILES, '/var/task/index.mjs', true)('left-pad')).toThrow("Cannot find package 'left-pad' imported from /var/task/index.mjs");
    expect(() => req('./helper')).toThrow("Cannot find module './helper'");
    expect(() => req('broken')).toThrow(expect.objectContaining({ name: 'SyntaxError', code: 'ERR_LAYER_MODULE_SYNTAX', message: expect.stringContaining('(/opt/nodejs/node_modules/broken/index.js)') }));
  });

  it('lets built-ins win over a layer package of the same name', () => {
    const withPath = requireWith({ ...FILES, '/opt/nodejs/node_modules/module/index.js': "module.exports = 'layer';" });
    expect(withPath('module')).not.toBe('layer');
  });
});
