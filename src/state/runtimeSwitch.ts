import { isPythonRuntime, type FunctionConfig } from '../core/functionConfig';
import { EXAMPLE_CODE } from './exampleFunction';
import pythonExample from './handlerTemplates/code/pythonHello.py?raw';

/** The code a new Python function starts with (the "Python: hello" template). */
export const PYTHON_EXAMPLE_CODE: string = pythonExample;

/**
 * What else changes when the runtime moves between Node.js and Python: the
 * file and handler take the language's defaults (`lambda_function.py` and
 * `lambda_function.lambda_handler`, or `index.mjs` and `index.handler`), and
 * the starting example is swapped for the other language's. Code the user
 * wrote stays as it is, as on Lambda, where changing the runtime never
 * changes the code (the Init error then says why it does not run).
 */
export function runtimeSwitch(config: FunctionConfig, patch: Partial<FunctionConfig>): Partial<FunctionConfig> {
  const next = patch.runtime;
  if (next === undefined || patch.fileName !== undefined || isPythonRuntime(next) === isPythonRuntime(config.runtime) || config.runtime.startsWith('provided') || next.startsWith('provided')) return patch;
  const code = patch.code ?? config.code;
  if (isPythonRuntime(next)) {
    return { ...patch, fileName: 'lambda_function.py', handler: 'lambda_function.lambda_handler', code: code === EXAMPLE_CODE ? PYTHON_EXAMPLE_CODE : code };
  }
  return { ...patch, fileName: 'index.mjs', handler: 'index.handler', code: code === PYTHON_EXAMPLE_CODE ? EXAMPLE_CODE : code };
}
