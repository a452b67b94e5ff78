import { describe, expect, it } from 'vitest';
import { nodePath } from './environmentVariables';
import {
  functionLayersProblem,
  layerVersionArn,
  mergeLayerFiles,
  parseLayerVersionArn,
  publishLayerVersion,
  type Layer,
  type LayerProblem,
} from './layers';

const WHERE = { region: 'us-east-1', accountId: '123456789012' };
const arn = (name: string, version: number): string => layerVersionArn(WHERE.region, WHERE.accountId, name, version);

function publish(layers: Layer[], name: string, files: Record<string, string>, description = ''): Layer[] {
  const out = publishLayerVersion(layers, name, { description, files: Object.entries(files).map(([path, content]) => ({ path, content })) });
  if ('errorType' in out) throw new Error(out.message);
  return out.layers;
}

let layers: Layer[] = [];
layers = publish(layers, 'greet', { 'nodejs/node_modules/greet/index.js': 'v1', 'nodejs/node_modules/greet/package.json': '{}' });
layers = publish(layers, 'greet', { 'nodejs/node_modules/greet/index.js': 'v2' });
layers = publish(layers, 'utils', { 'nodejs/node_modules/greet/index.js': 'utils wins', 'python/util.py': 'x = 1' });
for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) layers = publish(layers, n, { [`nodejs/node_modules/${n}/index.js`]: n });

describe('publishing layer versions', () => {
  it('numbers versions 1, 2, … per layer, each immutable', () => {
    expect(layers.find((l) => l.name === 'greet')?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(layers.find((l) => l.name === 'greet')?.versions[0]?.files.map((f) => f.content)).toEqual(['v1', '{}']);
    expect(layers.find((l) => l.name === 'utils')?.versions.map((v) => v.version)).toEqual([1]);
  });

  it.each<[string, string, Record<string, string>, LayerProblem['errorType'], string]>([
    ['a bad name', 'my layer', { 'a.js': '' }, 'ValidationException', "1 validation error detected: Value 'my layer' at 'layerName' failed to satisfy constraint"],
    ['an empty name', '', { 'a.js': '' }, 'ValidationException', "Value '' at 'layerName'"],
    ['a name over 140 characters', 'x'.repeat(141), { 'a.js': '' }, 'ValidationException', 'Member must have length less than or equal to 140'],
    ['no files', 'empty', {}, 'InvalidParameterValueException', 'Uploaded file must be a non-empty zip'],
    ['a path out of the layer', 'escape', { '../etc/passwd': '' }, 'InvalidParameterValueException', "the entry '../etc/passwd' is not a path inside the layer"],
    ['an archive of 250 MB unzipped', 'huge', { 'big.bin': 'x'.repeat(262_144_000) }, 'InvalidParameterValueException', 'Unzipped size must be smaller than 262144000 bytes'],
  ])('refuses %s in Lambda’s words', (_what, name, files, errorType, message) => {
    const out = publishLayerVersion(layers, name, { description: '', files: Object.entries(files).map(([path, content]) => ({ path, content })) });
    expect(out).toMatchObject({ errorType });
    expect((out as LayerProblem).message).toContain(message);
  });

  it('normalises paths and keeps the last of two files with one path', () => {
    const out = publishLayerVersion([], 'n', { description: 'd', files: [{ path: './nodejs//x.js', content: '1' }, { path: 'nodejs/x.js', content: '2' }] });
    expect(out).toMatchObject({ version: { version: 1, description: 'd', files: [{ path: 'nodejs/x.js', content: '2' }] } });
  });
});

describe('a function’s layers', () => {
  it.each<[string, string[], number, string | null]>([
    ['none', [], 0, null],
    ['five', ['a', 'b', 'c', 'd', 'e'].map((n) => arn(n, 1)), 0, null],
    ['six', ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => arn(n, 1)), 0, 'InvalidParameterValueException: Cannot reference more than 5 layers.'],
    ['a version that does not exist', [arn('greet', 3)], 0, `InvalidParameterValueException: Layer version ${arn('greet', 3)} does not exist.`],
    ['a layer that does not exist', [arn('nope', 1)], 0, `InvalidParameterValueException: Layer version ${arn('nope', 1)} does not exist.`],
    ['another region’s layer', ['arn:aws:lambda:eu-west-1:123456789012:layer:greet:1'], 0, 'InvalidParameterValueException: Layer version arn:aws:lambda:eu-west-1:123456789012:layer:greet:1 does not exist.'],
    [
      'two versions of one layer',
      [arn('greet', 1), arn('greet', 2)],
      0,
      `InvalidParameterValueException: Two different versions of the same layer are not allowed to be referenced in the same function. ${arn('greet', 1)} and ${arn('greet', 2)} are versions of the same layer.`,
    ],
    ['not a layer version ARN', ['greet'], 0, "ValidationException: 1 validation error detected: Value '[greet]' at 'layers' failed to satisfy constraint"],
    ['code and layers at the limit', [arn('a', 1)], 262_144_000 - 1, null],
    [
      'code and layers over 250 MB',
      [arn('a', 1), arn('b', 1)],
      262_144_000 - 1,
      'InvalidParameterValueException: Function code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size is 262144001 bytes.',
    ],
  ])('%s', (_what, arns, codeBytes, expected) => {
    const problem = functionLayersProblem(arns, layers, codeBytes, WHERE);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem && `${problem.errorType}: ${problem.message}`).toContain(expected);
  });

  it.each<[string, string[], Record<string, string>]>([
    ['one layer under /opt', [arn('greet', 1)], { '/opt/nodejs/node_modules/greet/index.js': 'v1', '/opt/nodejs/node_modules/greet/package.json': '{}' }],
    ['a later layer wins', [arn('greet', 2), arn('utils', 1)], { '/opt/nodejs/node_modules/greet/index.js': 'utils wins', '/opt/python/util.py': 'x = 1' }],
    ['in list order', [arn('utils', 1), arn('greet', 2)], { '/opt/nodejs/node_modules/greet/index.js': 'v2', '/opt/python/util.py': 'x = 1' }],
    ['a missing version adds nothing', [arn('greet', 9)], {}],
  ])('merges %s', (_what, arns, expected) => {
    expect(Object.fromEntries(mergeLayerFiles(arns, layers, WHERE).map((f) => [f.path, f.content]))).toEqual(expected);
  });

  it('reads layer version ARNs', () => {
    expect(parseLayerVersionArn(arn('greet', 12))).toEqual({ ...WHERE, name: 'greet', version: 12 });
    expect(parseLayerVersionArn('arn:aws:lambda:us-east-1:123456789012:function:greet')).toBeNull();
  });

  it.each([
    ['nodejs22.x', '/opt/nodejs/node22/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task'],
    ['nodejs20.x', '/opt/nodejs/node20/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task'],
  ])('NODE_PATH on %s is Lambda’s', (runtime, expected) => {
    expect(nodePath(runtime)).toBe(expected);
  });
});
