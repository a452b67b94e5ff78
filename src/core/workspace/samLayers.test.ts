import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag } from 'yaml';
import { compactWorkspace } from './compactWorkspace';
import { exportFiles } from './exportFiles';
import { workspaceFromFiles } from './importFiles';
import { readWorkspace } from './readWorkspace';
import { fn, ws } from './sampleWorkspaces.test-support';
import { samTemplate } from './samTemplate';
import { checkSamTemplate } from './samTemplateChecker.test-support';
import { layersLinkNote } from './shareLinkFormat';

const CFN_TAGS: ScalarTag[] = [{ tag: '!Ref', resolve: (s: string) => ({ Ref: s }), identify: () => false }];
const GREET = 'arn:aws:lambda:us-east-1:123456789012:layer:greet:2';
const ELSEWHERE = 'arn:aws:lambda:us-east-1:999999999999:layer:shared:7';

const WITH_LAYERS = ws([fn('hello', { layers: [GREET, ELSEWHERE] }), fn('plain')], {
  layers: [
    {
      name: 'greet',
      versions: [
        { version: 1, description: 'first', files: [{ path: 'nodejs/node_modules/greet/index.js', content: 'module.exports = 1;' }], compatibleRuntimes: [] },
        { version: 2, description: '', files: [{ path: 'nodejs/node_modules/greet/index.js', content: 'module.exports = 2;' }, { path: 'python/greet.py', content: 'x = 2' }], compatibleRuntimes: ['nodejs22.x'] },
      ],
    },
  ],
});

describe('layers in saved workspaces, links and exports', () => {
  it('round-trip through the compact form a link carries, and an old workspace opens with none', () => {
    expect(readWorkspace(JSON.parse(JSON.stringify(compactWorkspace(WITH_LAYERS))))).toEqual(WITH_LAYERS);
    const old = readWorkspace({ functions: [{ name: 'f' }], concurrency: {}, loadPlan: {} });
    expect(old.layers).toEqual([]);
    expect(old.functions[0]?.layers).toEqual([]);
    expect(compactWorkspace(old)).not.toHaveProperty('layers');
  });

  it('export each version as AWS::Serverless::LayerVersion with its files in its ContentUri, and the function’s Layers referring to them in order', () => {
    const t = samTemplate(WITH_LAYERS);
    const parsed = parse(t.yaml, { customTags: CFN_TAGS, strict: true, uniqueKeys: true }) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    expect(checkSamTemplate(parsed)).toEqual([]);
    expect(parsed.Resources.GreetLayerV1).toEqual({ Type: 'AWS::Serverless::LayerVersion', Properties: { LayerName: 'greet', Description: 'first', ContentUri: 'layers/greet/1/' } });
    expect(parsed.Resources.GreetLayerV2).toEqual({ Type: 'AWS::Serverless::LayerVersion', Properties: { LayerName: 'greet', ContentUri: 'layers/greet/2/', CompatibleRuntimes: ['nodejs22.x'] } });
    expect(parsed.Resources.HelloFunction?.Properties.Layers).toEqual([{ Ref: 'GreetLayerV2' }, ELSEWHERE]);
    expect(parsed.Resources.PlainFunction?.Properties).not.toHaveProperty('Layers');
    const files = exportFiles(WITH_LAYERS, (f) => f.code);
    expect(files.filter((f) => f.path.startsWith('layers/'))).toEqual([
      { path: 'layers/greet/1/nodejs/node_modules/greet/index.js', text: 'module.exports = 1;' },
      { path: 'layers/greet/2/nodejs/node_modules/greet/index.js', text: 'module.exports = 2;' },
      { path: 'layers/greet/2/python/greet.py', text: 'x = 2' },
    ]);
    expect(files.find((f) => f.path === 'README.md')?.text).toContain('- `layers/greet/2/`: layer `greet` version 2, resource `GreetLayerV2`');
  });

  it('import an export back: exactly from playground.json; without it, the layers from their folders and no layer file taken for a handler', () => {
    const files = exportFiles(WITH_LAYERS, (f) => f.code).map((f) => ({ path: f.path, text: f.text }));
    expect(workspaceFromFiles(files, 'x')).toEqual(WITH_LAYERS);
    const withoutDocument = workspaceFromFiles(files.filter((f) => f.path !== 'playground.json'), 'x');
    expect(withoutDocument.functions.map((f) => f.name)).toEqual(['hello', 'plain']);
    expect(withoutDocument.layers.map((l) => [l.name, l.versions.map((v) => [v.version, v.files.map((f) => f.path)])])).toEqual([
      ['greet', [[1, ['nodejs/node_modules/greet/index.js']], [2, ['nodejs/node_modules/greet/index.js', 'python/greet.py']]]],
    ]);
  });

  it.each<[string, number, number, string | null]>([
    ['a short link', 1_500, 900, null],
    ['a long link that is long without its layers too', 9_000, 8_500, null],
    ['a link the layers make too long', 9_000, 1_500, 'Its layers (3 files) make up 7,500 characters of it: Export carries them in a zip.'],
    ['a link the layers take past the notice', 2_500, 1_900, 'Its layers (3 files) make up 600 characters of it: Export carries them in a zip.'],
  ])('say when the layers make a link too long: %s', (_what, length, without, note) => {
    expect(layersLinkNote(length, without, 3)).toBe(note);
  });
});
