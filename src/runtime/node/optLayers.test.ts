import { describe, expect, it } from 'vitest';
import { syncApi } from './fsSync';
import { Vfs } from './vfs';

describe('/opt holds the function’s layers, read-only', () => {
  const fs = syncApi(
    new Vfs(1024 * 1024, {
      '/opt/nodejs/node_modules/greet/index.js': 'module.exports = 1;',
      '/opt/nodejs/node_modules/greet/package.json': '{}',
      '/opt/python/greet.py': 'x = 1',
      '/var/task/index.mjs': 'export const handler = 1;',
    }),
  );

  it('reads the files and lists their folders', () => {
    expect(fs.readFileSync('/opt/nodejs/node_modules/greet/index.js', 'utf8')).toBe('module.exports = 1;');
    expect(fs.readdirSync('/opt')).toEqual(['nodejs', 'python']);
    expect(fs.readdirSync('/opt/nodejs/node_modules/greet')).toEqual(['index.js', 'package.json']);
    expect(fs.statSync('/opt/nodejs/node_modules')?.isDirectory()).toBe(true);
  });

  it('refuses writes as Lambda’s read-only file system does', () => {
    expect(() => fs.writeFileSync('/opt/nodejs/node_modules/greet/index.js', 'x')).toThrow("EROFS: read-only file system, open '/opt/nodejs/node_modules/greet/index.js'");
    expect(() => fs.mkdirSync('/opt/nodejs/other')).toThrow("EROFS: read-only file system, mkdir '/opt/nodejs/other'");
    expect(() => fs.readFileSync('/opt/nodejs/missing.js')).toThrow("ENOENT: no such file or directory, open '/opt/nodejs/missing.js'");
  });
});
