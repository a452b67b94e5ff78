import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type FunctionConfig } from '../core/functionConfig';
import { EXAMPLE_CODE } from './exampleFunction';
import { PYTHON_EXAMPLE_CODE, runtimeSwitch } from './runtimeSwitch';

const node: FunctionConfig = { ...DEFAULT_CONFIG, code: EXAMPLE_CODE };

describe('changing the runtime between Node.js and Python', () => {
  it('takes the language’s file, handler and example', () => {
    expect(runtimeSwitch(node, { runtime: 'python3.13' })).toEqual({ runtime: 'python3.13', fileName: 'lambda_function.py', handler: 'lambda_function.lambda_handler', code: PYTHON_EXAMPLE_CODE });
    const py = { ...node, ...runtimeSwitch(node, { runtime: 'python3.12' }) };
    expect(runtimeSwitch(py, { runtime: 'nodejs22.x' })).toEqual({ runtime: 'nodejs22.x', fileName: 'index.mjs', handler: 'index.handler', code: EXAMPLE_CODE });
  });

  it('keeps code the user wrote, and changes nothing within a language or for a custom runtime', () => {
    const mine = { ...node, code: 'export const handler = async () => 1;' };
    expect(runtimeSwitch(mine, { runtime: 'python3.13' }).code).toBe(mine.code);
    expect(runtimeSwitch(node, { runtime: 'nodejs24.x' })).toEqual({ runtime: 'nodejs24.x' });
    expect(runtimeSwitch({ ...node, runtime: 'python3.13' }, { runtime: 'python3.12' })).toEqual({ runtime: 'python3.12' });
    expect(runtimeSwitch(node, { runtime: 'provided.al2023' })).toEqual({ runtime: 'provided.al2023' });
    expect(runtimeSwitch(node, { runtime: 'python3.13', fileName: 'app.py' })).toEqual({ runtime: 'python3.13', fileName: 'app.py' });
  });
});
