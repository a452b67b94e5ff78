import { isPythonRuntime, loggingOf, type FunctionConfig } from './functionConfig';

/** `snap-start`: an environment of a SnapStart version (the snapshot's Init and every restore of it). */
export type InitializationType = 'on-demand' | 'provisioned-concurrency' | 'snap-start';

export interface EnvironmentIdentity {
  region: string;
  logStreamName: string;
  initializationType: InitializationType;
  /** `$LATEST` (default) or a published version's number. */
  version?: string;
}

/** `/aws/lambda/<function>` */
export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** `YYYY/MM/DD/[<version>]<32 hex>` (`[$LATEST]`, `[3]`), dated by the environment's start. */
export function logStreamName(startMs: number, hex32: string, version = '$LATEST'): string {
  const d = new Date(startMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/[${version}]${hex32}`;
}

export function functionArn(region: string, accountId: string, functionName: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
}

/**
 * Lambda's NODE_PATH on a Node.js runtime: the layers' version-specific
 * folder first, then theirs for every version (lambda-model.md §10), then
 * the runtime's own and the function's.
 */
export function nodePath(runtime: string): string {
  const major = /^nodejs(\d+)\./.exec(runtime)?.[1];
  return [...(major ? [`/opt/nodejs/node${major}/node_modules`] : []), '/opt/nodejs/node_modules', '/var/runtime/node_modules', '/var/runtime', '/var/task'].join(':');
}

/**
 * The variables a Node.js handler sees in `process.env`: Lambda's reserved
 * and unreserved ones (lambda-model.md §6) with the function's own on top.
 * No credentials: the playground has none to give, so the AWS_ACCESS_KEY_ID
 * family is left unset rather than faked.
 */
export function environmentVariables(config: FunctionConfig, id: EnvironmentIdentity): Record<string, string> {
  const logging = loggingOf(config);
  const custom = config.runtime.startsWith('provided');
  // With the JSON log format Lambda tells the runtime so, and the application log level it filters at.
  const logVariables: Record<string, string> = logging.logFormat === 'JSON' ? { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: logging.applicationLogLevel } : {};
  return {
    ...config.environment,
    AWS_REGION: id.region,
    AWS_DEFAULT_REGION: id.region,
    // Not set for the OS-only runtimes (the provided family): their runtime is the function's own.
    ...(custom ? {} : { AWS_EXECUTION_ENV: `AWS_Lambda_${config.runtime}` }),
    AWS_LAMBDA_FUNCTION_NAME: config.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: id.version ?? '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: id.initializationType,
    // A snapshot serves many environments, each with its own stream: SnapStart functions get neither variable (AWS, "Monitoring for Lambda SnapStart").
    ...(id.initializationType === 'snap-start' ? {} : { AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(config.name), AWS_LAMBDA_LOG_STREAM_NAME: id.logStreamName }),
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    _HANDLER: config.handler,
    LAMBDA_TASK_ROOT: '/var/task',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    ...(custom ? {} : isPythonRuntime(config.runtime) ? { PYTHONPATH: '/var/runtime' } : { NODE_PATH: nodePath(config.runtime) }),
    ...logVariables,
  };
}
