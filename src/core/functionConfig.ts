import { utf8Length } from './codec';
import type { LayerFile } from './layers';

/**
 * The runtimes the playground runs: Node.js (callback handlers end with
 * nodejs24.x), Python on Pyodide (CPython compiled to WebAssembly), and the
 * OS-only `provided.al2023`, whose runtime is the function's own `bootstrap`
 * talking to the Runtime API (written in JavaScript here).
 */
export const RUNTIMES = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x', 'python3.13', 'python3.12', 'provided.al2023'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export const ARCHITECTURES = ['x86_64', 'arm64'] as const;

/** Lambda's LoggingConfig: the log format, and the levels that apply with JSON (lambda-model.md §5). */
export const LOG_FORMATS = ['Text', 'JSON'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const APPLICATION_LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type ApplicationLogLevel = (typeof APPLICATION_LOG_LEVELS)[number];
export const SYSTEM_LOG_LEVELS = ['DEBUG', 'INFO', 'WARN'] as const;
export type SystemLogLevel = (typeof SYSTEM_LOG_LEVELS)[number];
export type Architecture = (typeof ARCHITECTURES)[number];
/** Lambda's TracingConfig.Mode: `PassThrough` (the default) follows an upstream sampling decision; `Active` samples requests that bring none. */
export const TRACING_MODES = ['PassThrough', 'Active'] as const;
export type TracingMode = (typeof TRACING_MODES)[number];

/** Lambda's limits (lambda-model.md §2). */
export const LIMITS = {
  memoryMb: { min: 128, max: 10_240 },
  timeoutS: { min: 1, max: 900 },
  ephemeralStorageMb: { min: 512, max: 10_240 },
  environmentBytes: 4 * 1024,
  functionNameLength: 64,
} as const;

/** Variables Lambda sets itself and refuses to let a function override (lambda-model.md §6). */
export const RESERVED_ENVIRONMENT_KEYS: readonly string[] = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];

/** One function's configuration, as the Lambda console shows it. */
export interface FunctionConfig {
  name: string;
  runtime: Runtime;
  /** `<module>.<export>`, default `index.handler`. */
  handler: string;
  /** The file the code lives in: `index.mjs`, `index.js`, `index.cjs` or `index.ts`. */
  fileName: string;
  code: string;
  memoryMb: number;
  timeoutS: number;
  environment: Record<string, string>;
  architecture: Architecture;
  /** Playground setting: may the handler use the network? Off by default; enforced by the sandbox's policy. */
  networkAccess: boolean;
  /** The size of /tmp (Lambda's EphemeralStorage.Size), 512–10,240 MB; 512 when absent. */
  ephemeralStorageMb?: number;
  /** LoggingConfig.LogFormat; `Text` when absent. */
  logFormat?: LogFormat;
  /** LoggingConfig.ApplicationLogLevel, JSON only; `INFO` when absent. */
  applicationLogLevel?: ApplicationLogLevel;
  /** LoggingConfig.SystemLogLevel, JSON only; `INFO` when absent. */
  systemLogLevel?: SystemLogLevel;
  /** TracingConfig.Mode; `PassThrough` when absent. */
  tracing?: TracingMode;
  /** Layer version ARNs, in extraction order (at most 5: src/core/layers.ts); none when absent. */
  layers?: string[];
  /**
   * `/opt` as deployed: the listed layers' files merged (a later layer wins),
   * absolute paths. Filled in when the function is deployed (never saved:
   * the workspace's layers are the source).
   */
  layerFiles?: LayerFile[];
}

export const DEFAULT_CONFIG: Omit<FunctionConfig, 'code'> = {
  name: 'my-function',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  fileName: 'index.mjs',
  memoryMb: 128,
  timeoutS: 3,
  environment: {},
  architecture: 'x86_64',
  networkAccess: false,
};

/** A rejected setting, worded as Lambda's API words a ValidationException. */
export interface ConfigProblem {
  field: keyof FunctionConfig;
  message: string;
}

const FUNCTION_NAME = /^[a-zA-Z0-9_-]+$/;
const HANDLER = /^[^\s]+\.[^\s.]+$/;
const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const FILE_NAME = /^([\w.-]+\.(mjs|cjs|js|ts)|bootstrap)$/;
const PYTHON_FILE_NAME = /^[A-Za-z_][\w]*\.py$/;

const PYTHON_RUNTIMES: readonly string[] = ['python3.13', 'python3.12'];

/** Is this one of the Python runtimes the playground runs? */
export function isPythonRuntime(runtime: string): boolean {
  return PYTHON_RUNTIMES.includes(runtime);
}

function rangeProblem(field: keyof FunctionConfig, apiName: string, value: number, min: number, max: number): ConfigProblem | null {
  if (!Number.isInteger(value)) {
    return { field, message: `1 validation error detected: Value '${value}' at '${apiName}' failed to satisfy constraint: Member must be a whole number` };
  }
  if (value < min) {
    return { field, message: `1 validation error detected: Value '${value}' at '${apiName}' failed to satisfy constraint: Member must have value greater than or equal to ${min}` };
  }
  if (value > max) {
    return { field, message: `1 validation error detected: Value '${value}' at '${apiName}' failed to satisfy constraint: Member must have value less than or equal to ${max}` };
  }
  return null;
}

/** The size Lambda counts against the 4 KB limit: the variables as a JSON object, in UTF-8 bytes. */
export function environmentSizeBytes(environment: Record<string, string>): number {
  return utf8Length(JSON.stringify(environment));
}

/** Every problem with a configuration; empty when Lambda would accept it. */
export function validateConfig(config: FunctionConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (p: ConfigProblem | null): void => {
    if (p) problems.push(p);
  };
  if (config.name.length < 1 || config.name.length > LIMITS.functionNameLength || !FUNCTION_NAME.test(config.name)) {
    add({ field: 'name', message: `1 validation error detected: Value '${config.name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to ${LIMITS.functionNameLength} and satisfy regular expression pattern: [a-zA-Z0-9-_]+` });
  }
  add(rangeProblem('memoryMb', 'memorySize', config.memoryMb, LIMITS.memoryMb.min, LIMITS.memoryMb.max));
  add(rangeProblem('timeoutS', 'timeout', config.timeoutS, LIMITS.timeoutS.min, LIMITS.timeoutS.max));
  if (config.ephemeralStorageMb !== undefined) {
    add(rangeProblem('ephemeralStorageMb', 'ephemeralStorage.size', config.ephemeralStorageMb, LIMITS.ephemeralStorageMb.min, LIMITS.ephemeralStorageMb.max));
  }
  if (!(RUNTIMES as readonly string[]).includes(config.runtime)) {
    add({ field: 'runtime', message: `1 validation error detected: Value '${config.runtime}' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${RUNTIMES.join(', ')}]` });
  }
  if (!(ARCHITECTURES as readonly string[]).includes(config.architecture)) {
    add({ field: 'architecture', message: `1 validation error detected: Value '[${config.architecture}]' at 'architectures' failed to satisfy constraint: Member must satisfy enum value set: [x86_64, arm64]` });
  }
  // A custom runtime reads the handler setting itself (`_HANDLER`): Lambda's only rule is no whitespace.
  const handlerPattern = config.runtime.startsWith('provided') ? /^[^\s]+$/ : HANDLER;
  if (!handlerPattern.test(config.handler) || config.handler.length > 128) {
    add({ field: 'handler', message: `1 validation error detected: Value '${config.handler}' at 'handler' failed to satisfy constraint: Member must have length less than or equal to 128 and satisfy regular expression pattern: [^\\s]+ (expected <file>.<export>, e.g. index.handler)` });
  }
  if (isPythonRuntime(config.runtime)) {
    // A Python handler's file is a module: `lambda_function.py` for handler `lambda_function.lambda_handler`.
    if (!PYTHON_FILE_NAME.test(config.fileName)) add({ field: 'fileName', message: `The file name '${config.fileName}' must be a Python module name ending in .py (e.g. lambda_function.py)` });
  } else if (!FILE_NAME.test(config.fileName)) {
    // (`bootstrap`, a custom runtime's file, is the one name without an extension.)
    add({ field: 'fileName', message: `The file name '${config.fileName}' must end in .mjs, .cjs, .js or .ts` });
  }
  for (const p of loggingProblems(config)) add(p);
  const keys = Object.keys(config.environment);
  const badKey = keys.find((k) => !ENV_KEY.test(k));
  if (badKey !== undefined) {
    add({ field: 'environment', message: `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+] (key '${badKey}')` });
  }
  const reserved = keys.filter((k) => RESERVED_ENVIRONMENT_KEYS.includes(k));
  if (reserved.length > 0) {
    add({ field: 'environment', message: `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}` });
  }
  const size = environmentSizeBytes(config.environment);
  if (size > LIMITS.environmentBytes) {
    add({ field: 'environment', message: `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${size} bytes` });
  }
  return problems;
}

/** The function's LoggingConfig with Lambda's defaults filled in. */
export function loggingOf(config: Pick<FunctionConfig, 'logFormat' | 'applicationLogLevel' | 'systemLogLevel'>): {
  logFormat: LogFormat;
  applicationLogLevel: ApplicationLogLevel;
  systemLogLevel: SystemLogLevel;
} {
  return { logFormat: config.logFormat ?? 'Text', applicationLogLevel: config.applicationLogLevel ?? 'INFO', systemLogLevel: config.systemLogLevel ?? 'INFO' };
}

function enumProblem(field: keyof FunctionConfig, apiName: string, value: string, allowed: readonly string[]): ConfigProblem | null {
  if (allowed.includes(value)) return null;
  return { field, message: `1 validation error detected: Value '${value}' at '${apiName}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]` };
}

/** LoggingConfig as Lambda checks it: known values, and levels only with the JSON format. */
function loggingProblems(config: FunctionConfig): ConfigProblem[] {
  const out: (ConfigProblem | null)[] = [];
  if (config.logFormat !== undefined) out.push(enumProblem('logFormat', 'loggingConfig.logFormat', config.logFormat, LOG_FORMATS));
  if (config.applicationLogLevel !== undefined) {
    out.push(enumProblem('applicationLogLevel', 'loggingConfig.applicationLogLevel', config.applicationLogLevel, APPLICATION_LOG_LEVELS));
  }
  if (config.systemLogLevel !== undefined) out.push(enumProblem('systemLogLevel', 'loggingConfig.systemLogLevel', config.systemLogLevel, SYSTEM_LOG_LEVELS));
  const levels = config.applicationLogLevel !== undefined || config.systemLogLevel !== undefined;
  if (levels && (config.logFormat ?? 'Text') === 'Text') {
    out.push({
      field: config.applicationLogLevel !== undefined ? 'applicationLogLevel' : 'systemLogLevel',
      message: 'InvalidParameterValueException: LogLevel is not supported when LogFormat is set to "Text". Remove LogLevel from your request or change the LogFormat to "JSON" and try again.',
    });
  }
  return out.filter((p): p is ConfigProblem => p !== null);
}
