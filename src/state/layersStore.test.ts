import { describe, expect, it } from 'vitest';
import { writeZip } from '../bridge/zipWriter';
import { declaredUnzippedBytes } from '../bridge/zipReader';
import { functionLayersProblemText, layerFilesFromZip, useLayers } from './layersStore';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('the layers store', () => {
  it('publishes versions 1, 2 of a layer and refuses a bad name in Lambda’s words', () => {
    const { publish } = useLayers.getState();
    expect(publish('greet', 'first', [{ path: 'nodejs/node_modules/greet/index.js', content: 'module.exports = 1;' }])).toBe(true);
    expect(useLayers.getState().message).toEqual({ kind: 'done', text: 'Published arn:aws:lambda:us-east-1:123456789012:layer:greet:1.' });
    expect(publish('greet', '', [{ path: 'nodejs/node_modules/greet/index.js', content: 'module.exports = 2;' }])).toBe(true);
    expect(useLayers.getState().layers[0]?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(publish('bad name', '', [{ path: 'a.js', content: '' }])).toBe(false);
    expect(useLayers.getState().message?.text).toMatch(/^ValidationException: 1 validation error detected: Value 'bad name' at 'layerName'/);
    expect(functionLayersProblemText({ layers: ['arn:aws:lambda:us-east-1:123456789012:layer:greet:3'], code: '' })).toBe(
      'InvalidParameterValueException: Layer version arn:aws:lambda:us-east-1:123456789012:layer:greet:3 does not exist.',
    );
    expect(functionLayersProblemText({ layers: ['arn:aws:lambda:us-east-1:123456789012:layer:greet:2'], code: '' })).toBeNull();
  });

  it('reads a layer’s files from a .zip, folders left out', async () => {
    const zip = await writeZip(
      [
        { path: 'nodejs/node_modules/greet/index.js', data: text('module.exports = () => "hi";') },
        { path: 'python/greet.py', data: text('def greet(): return "hi"') },
      ],
      new Date(Date.UTC(2026, 11, 5)),
    );
    expect(declaredUnzippedBytes(zip)).toBe(28 + 24);
    expect(await layerFilesFromZip(zip)).toEqual({
      files: [
        { path: 'nodejs/node_modules/greet/index.js', content: 'module.exports = () => "hi";' },
        { path: 'python/greet.py', content: 'def greet(): return "hi"' },
      ],
    });
    expect(await layerFilesFromZip(text('not a zip'))).toEqual({ problem: 'InvalidParameterValueException: Could not unzip uploaded file. This is not a zip file (no end-of-central-directory record).' });
  });
});
