import { describe, expect, it } from 'vitest';
import { environmentSizeBytes, LIMITS, validateConfig, type FunctionConfig } from './functionConfig';
import { makeConfig } from './scenario.test-support';

const problems = (overrides: Partial<FunctionConfig>): { field: string; message: string }[] => validateConfig(makeConfig(overrides));

/** Variables whose JSON, `{"AB":"…"}`, is exactly `bytes` UTF-8 bytes long, padded with `char`. */
function environmentOfSize(bytes: number, char = 'x'): Record<string, string> {
  const overhead = '{"AB":""}'.length;
  const charBytes = new TextEncoder().encode(char).length;
  if ((bytes - overhead) % charBytes !== 0) throw new Error('size not reachable with this character');
  return { AB: char.repeat((bytes - overhead) / charBytes) };
}

describe('validateConfig', () => {
  it('accepts the defaults', () => {
    expect(problems({})).toEqual([]);
  });

  describe('memory: 128–10,240 MB in whole MB', () => {
    it.each([128, 129, 1769, 10_240])('accepts %i', (memoryMb) => {
      expect(problems({ memoryMb })).toEqual([]);
    });

    it.each([
      [127, "1 validation error detected: Value '127' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"],
      [0, "1 validation error detected: Value '0' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"],
      [10_241, "1 validation error detected: Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240"],
      [128.5, "1 validation error detected: Value '128.5' at 'memorySize' failed to satisfy constraint: Member must be a whole number"],
      [Number.NaN, "1 validation error detected: Value 'NaN' at 'memorySize' failed to satisfy constraint: Member must be a whole number"],
    ])('rejects %d', (memoryMb, message) => {
      expect(problems({ memoryMb })).toEqual([{ field: 'memoryMb', message }]);
    });
  });

  describe('ephemeral storage (/tmp): 512–10,240 MB in whole MB, 512 when unset', () => {
    it.each([undefined, 512, 513, 10_240])('accepts %s', (ephemeralStorageMb) => {
      expect(problems({ ephemeralStorageMb })).toEqual([]);
    });

    it.each([
      [511, "1 validation error detected: Value '511' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater than or equal to 512"],
      [10_241, "1 validation error detected: Value '10241' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value less than or equal to 10240"],
      [600.5, "1 validation error detected: Value '600.5' at 'ephemeralStorage.size' failed to satisfy constraint: Member must be a whole number"],
    ])('rejects %d', (ephemeralStorageMb, message) => {
      expect(problems({ ephemeralStorageMb })).toEqual([{ field: 'ephemeralStorageMb', message }]);
    });
  });

  describe('timeout: 1–900 s in whole seconds', () => {
    it.each([1, 3, 900])('accepts %i', (timeoutS) => {
      expect(problems({ timeoutS })).toEqual([]);
    });

    it.each([
      [0, 'Member must have value greater than or equal to 1'],
      [-1, 'Member must have value greater than or equal to 1'],
      [901, 'Member must have value less than or equal to 900'],
      [2.5, 'Member must be a whole number'],
    ])('rejects %d', (timeoutS, constraint) => {
      expect(problems({ timeoutS })).toEqual([
        { field: 'timeoutS', message: `1 validation error detected: Value '${timeoutS}' at 'timeout' failed to satisfy constraint: ${constraint}` },
      ]);
    });
  });

  describe('environment variables', () => {
    it('are measured as JSON in UTF-8 bytes', () => {
      expect(environmentSizeBytes({})).toBe(2);
      expect(environmentSizeBytes({ AB: 'x' })).toBe(10);
      expect(environmentSizeBytes({ AB: 'é' })).toBe(11);
      expect(environmentSizeBytes({ AB: '😀' })).toBe(13);
      expect(environmentSizeBytes({ AB: '"' })).toBe(11);
    });

    it('may take exactly 4 KB', () => {
      expect(LIMITS.environmentBytes).toBe(4096);
      expect(environmentSizeBytes(environmentOfSize(4096))).toBe(4096);
      expect(problems({ environment: environmentOfSize(4096) })).toEqual([]);
      const accented = { AB: `x${'é'.repeat(2043)}` };
      expect(environmentSizeBytes(accented)).toBe(4096);
      expect(problems({ environment: accented })).toEqual([]);
    });

    it.each([
      ['ASCII', 'x', 4097],
      ['2-byte characters', 'é', 4097],
      ['4-byte characters', '😀', 4101],
    ])('are refused over 4 KB (%s)', (_label, char, bytes) => {
      expect(problems({ environment: environmentOfSize(bytes, char) })).toEqual([
        {
          field: 'environment',
          message: `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${bytes} bytes`,
        },
      ]);
    });

    it.each(['AWS_REGION', 'AWS_LAMBDA_FUNCTION_NAME', 'AWS_ACCESS_KEY_ID', 'LAMBDA_TASK_ROOT'])('refuses the reserved key %s', (key) => {
      expect(problems({ environment: { [key]: 'x' } })).toEqual([
        {
          field: 'environment',
          message: `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${key}`,
        },
      ]);
    });

    it('names every reserved key used', () => {
      const [problem] = problems({ environment: { AWS_REGION: 'x', STAGE: 'dev', AWS_DEFAULT_REGION: 'y' } });
      expect(problem?.message).toMatch(/Reserved keys used in this request: AWS_REGION, AWS_DEFAULT_REGION$/);
    });

    it.each(['A1', 'my_var', 'Stage', 'NODE_OPTIONS', 'AWS_SOMETHING_ELSE'])('accepts the key %s', (key) => {
      expect(problems({ environment: { [key]: 'x' } })).toEqual([]);
    });

    it.each(['A', '1ABC', '_PRIVATE', 'MY-VAR', 'MY VAR', 'MY.VAR', 'ÉTÉ', ''])('refuses the key %j', (key) => {
      expect(problems({ environment: { [key]: 'x' } })).toEqual([
        {
          field: 'environment',
          message: `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+] (key '${key}')`,
        },
      ]);
    });
  });

  it("a custom runtime reads its handler setting itself: Lambda's only rule is no whitespace", () => {
    expect(problems({ runtime: 'provided.al2023', fileName: 'bootstrap', handler: 'handler' })).toEqual([]);
    expect(problems({ runtime: 'provided.al2023', fileName: 'bootstrap', handler: 'my handler' }).map((p) => p.field)).toEqual(['handler']);
  });

  describe('handler: <file>.<export>', () => {
    it.each(['index.handler', 'src/index.handler', 'app.main', 'a.b.c', `${'a'.repeat(120)}.handler`])('accepts %s', (handler) => {
      expect(problems({ handler })).toEqual([]);
    });

    it.each(['handler', 'index.', '.handler', 'index handler', 'index.handler ', 'index.a b', '', `${'a'.repeat(121)}.handler`])(
      'refuses %j',
      (handler) => {
        const found = problems({ handler });
        expect(found).toHaveLength(1);
        expect(found[0]?.field).toBe('handler');
        expect(found[0]?.message).toBe(
          `1 validation error detected: Value '${handler}' at 'handler' failed to satisfy constraint: Member must have length less than or equal to 128 and satisfy regular expression pattern: [^\\s]+ (expected <file>.<export>, e.g. index.handler)`,
        );
      },
    );
  });

  describe('file name', () => {
    it.each(['index.mjs', 'index.js', 'index.cjs', 'index.ts', 'my-app_v2.mjs', 'app.test.js', 'bootstrap'])('accepts %s', (fileName) => {
      expect(problems({ fileName })).toEqual([]);
    });

    it.each(['index.py', 'index', 'index.mjs.bak', 'src/index.mjs', 'my app.js', '.mjs', 'index.MJS'])('refuses %j', (fileName) => {
      expect(problems({ fileName })).toEqual([{ field: 'fileName', message: `The file name '${fileName}' must end in .mjs, .cjs, .js or .ts` }]);
    });
  });

  describe('function name: [a-zA-Z0-9-_]+, at most 64 characters', () => {
    it.each(['f', 'my-function', 'My_Function_2', 'a'.repeat(64)])('accepts %s', (name) => {
      expect(problems({ name })).toEqual([]);
    });

    it.each(['', 'a'.repeat(65), 'my function', 'my.function', 'fn$', 'café'])('refuses %j', (name) => {
      expect(problems({ name })).toEqual([
        {
          field: 'name',
          message: `1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64 and satisfy regular expression pattern: [a-zA-Z0-9-_]+`,
        },
      ]);
    });
  });

  it('refuses an unknown runtime and architecture', () => {
    const found = validateConfig({ ...makeConfig(), runtime: 'python3.9', architecture: 'riscv' } as unknown as FunctionConfig);
    expect(found.map((p) => p.field)).toEqual(['runtime', 'architecture']);
    expect(found[0]?.message).toContain('Member must satisfy enum value set: [nodejs20.x, nodejs22.x, nodejs24.x, python3.13, python3.12, provided.al2023]');
    expect(found[1]?.message).toContain("Value '[riscv]' at 'architectures'");
  });

  it('reports every problem at once, in field order', () => {
    const found = problems({ name: 'bad name', memoryMb: 127, timeoutS: 901, handler: 'nope', fileName: 'x.py', environment: { AWS_REGION: 'x' } });
    expect(found.map((p) => p.field)).toEqual(['name', 'memoryMb', 'timeoutS', 'handler', 'fileName', 'environment']);
  });
});
