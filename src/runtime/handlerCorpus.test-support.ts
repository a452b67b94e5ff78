import { afterAll, beforeAll } from 'vitest';
import { bundleBuiltin } from '../../build/bundleString';
import { compileHandler } from '../bridge/compileHandler';
import type { InitSpec, WireLog, WireOutcome } from '../protocol/messages';
import { BUILTIN_FILES } from '../protocol/nodeBuiltins';
import type { HandlerTemplate } from '../state/handlerTemplates/handlerTemplates';
import { makeContext } from './context';
import { invokeHandler } from './invokeHandler';
import { loadHandler, type HandlerFn } from './loadHandler';
import { LogSink } from './logSink';
import { installProcess } from './processShim';
import { startCustomRuntime } from './customRuntime';
import type { ApiInvocation } from './runtimeApi';

/**
 * One execution environment as the worker makes it, in Vitest: the handler
 * compiled by the app's compiler, the built-ins it imports bundled by the
 * build, then the runtime's own `loadHandler` and `invokeHandler`. What Node
 * cannot give is the worker's global scope: each environment gets a fresh
 * global object of its own, and the scripts `loadHandler` would hand to
 * `importScripts` run with that object as their global scope (`with`), so a
 * handler sees the runtime's `Buffer`, `process` and `console`, not Node's.
 */
type Host = Record<string, unknown>;

const builtins = new Map<string, { source: string; deps: string[] }>();

/** Bundle every built-in once, as the build does. */
export async function bundleBuiltins(): Promise<void> {
  for (const file of new Set(Object.values(BUILTIN_FILES))) {
    builtins.set(file, await bundleBuiltin(new URL(`./node/${file}.ts`, import.meta.url).pathname, false));
  }
}

function builtinScript(files: readonly string[]): string | undefined {
  const seen = new Set<string>();
  const visit = (f: string): void => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const d of builtins.get(f)?.deps ?? []) visit(d);
  };
  files.forEach(visit);
  return seen.size ? [...seen].sort().map((f) => builtins.get(f)!.source).join('\n') : undefined;
}

// importScripts for a worker-less test: the Blob's text, run in the current environment's global scope.
let current: Host | null = null;
const texts = new Map<string, string>();
const RealBlob = globalThis.Blob;
class TextBlob extends RealBlob {
  readonly text_: string;
  constructor(parts: string[], options?: BlobPropertyBag) {
    super(parts, options);
    this.text_ = parts.join('');
  }
}

/** For a test file that runs handlers: the worker's script loading installed and the built-ins bundled before, undone after. */
export function withCorpusRuntime(): void {
  let restore: () => void = () => undefined;
  beforeAll(async () => {
    restore = installImportScripts();
    await bundleBuiltins();
  }, 120_000);
  afterAll(() => restore());
}

/** Install the worker's script loading; returns the undo. */
export function installImportScripts(): () => void {
  const g = globalThis as unknown as Host;
  const createObjectURL = URL.createObjectURL;
  const revokeObjectURL = URL.revokeObjectURL;
  let n = 0;
  g.Blob = TextBlob;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:corpus/${n++}`;
    texts.set(url, (blob as TextBlob).text_);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void texts.delete(url);
  g.importScripts = (url: string) => {
    const text = texts.get(url);
    if (text === undefined || !current) throw new Error(`importScripts: no script at ${url}`);
    new Function('self', `with (self) {\n${text}\n}`)(current);
  };
  return () => {
    g.Blob = RealBlob;
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    delete g.importScripts;
  };
}

export interface Invocation {
  outcome: WireOutcome;
  logs: WireLog[];
  /** The parsed payload of a success. */
  result: unknown;
}

export class Environment {
  private invocations = 0;
  private constructor(
    readonly spec: InitSpec,
    private readonly handler: HandlerFn,
    private readonly logs: LogSink,
    private readonly host: Host,
  ) {}

  static async start(template: HandlerTemplate, runtime = template.runtime ?? 'nodejs22.x'): Promise<Environment> {
    const compiled = compileHandler(template.fileName, template.code);
    if (!compiled.ok) throw new Error(`${template.id} does not compile: ${compiled.error.errorMessage}`);
    const spec: InitSpec = {
      functionName: 'corpus',
      runtime,
      handler: 'index.handler',
      fileName: template.fileName,
      compiled,
      nodeBuiltins: builtinScript(compiled.builtins ?? []),
      ephemeralStorageMb: 512,
      variables: {},
      memoryMb: 128,
      architecture: 'x86_64',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:corpus',
      logGroupName: '/aws/lambda/corpus',
      logStreamName: '2026/11/22/[$LATEST]corpus',
    };
    const host: Host = {};
    const logs = new LogSink('undefined');
    const console = {} as Console;
    logs.patch(console);
    host.console = console;
    installProcess(host, spec);
    current = host;
    const handler = await loadHandler(spec, host);
    return new Environment(spec, handler, logs, host);
  }

  async invoke(event: unknown): Promise<Invocation> {
    current = this.host;
    const requestId = `req-${++this.invocations}`;
    this.logs.requestId = requestId;
    const now = () => performance.now();
    const context = makeContext(this.spec, requestId, now() + 3000, now);
    const outcome = await invokeHandler(this.handler, structuredClone(event), context, this.spec.runtime, this.logs);
    return { outcome, logs: this.logs.take(), result: outcome.kind === 'success' ? JSON.parse(outcome.payload) : undefined };
  }
}

/**
 * A custom runtime's environment (provided.al2023), as the worker makes it:
 * the bootstrap runs as the process, talking to the Runtime API through the
 * `fetch` the environment serves; Init ends at its first `next`, and each
 * invocation is what it posts back. (No network: any other address fails.)
 */
export class CustomEnvironment {
  private invocations = 0;
  private pending: { requestId: string; settle(outcome: WireOutcome): void } | null = null;
  private api: { deliver(inv: ApiInvocation): void } | null = null;
  /** What the bootstrap's process did last: `exited` once its top-level code ended or threw. */
  exited: { status: number; thrown: unknown } | null = null;

  private constructor(
    readonly spec: InitSpec,
    private readonly logs: LogSink,
    private readonly host: Host,
  ) {}

  static async start(template: Pick<HandlerTemplate, 'code' | 'fileName'>): Promise<CustomEnvironment> {
    const compiled = compileHandler(template.fileName, template.code);
    const spec: InitSpec = {
      functionName: 'corpus',
      runtime: 'provided.al2023',
      handler: 'function.handler',
      fileName: template.fileName,
      compiled,
      ephemeralStorageMb: 512,
      variables: { AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001', _HANDLER: 'function.handler' },
      memoryMb: 128,
      architecture: 'x86_64',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:corpus',
      logGroupName: '/aws/lambda/corpus',
      logStreamName: '2026/11/22/[$LATEST]corpus',
    };
    if (compiled.ok) spec.nodeBuiltins = builtinScript(compiled.builtins ?? []);
    const host: Host = { fetch: () => Promise.reject(new TypeError('fetch failed')) };
    const logs = new LogSink('undefined', { json: false, minLevel: 'TRACE', plain: true });
    const console = {} as Console;
    logs.patch(console);
    host.console = console;
    installProcess(host, spec);
    current = host;
    let env: CustomEnvironment | null = null;
    const made = new CustomEnvironment(spec, logs, host);
    await new Promise<void>((resolve, reject) => {
      made.api = startCustomRuntime(spec, host, {
        initDone: () => resolve(),
        initFailed: (error) => reject(Object.assign(new Error(error.errorMessage), { wire: error, logs: logs.take() })),
        respond: (requestId, payload) => made.settle(requestId, { kind: 'success', payload }),
        fail: (requestId, error) => made.settle(requestId, { kind: 'error', error }),
        exited: (status, thrown) => {
          made.exited = { status, thrown };
          if (!env) reject(Object.assign(new Error(`the bootstrap exited with status ${status}`), { status, thrown }));
          const p = made.pending;
          made.pending = null;
          p?.settle({ kind: 'fatal', error: { errorType: 'Runtime.ExitError', errorMessage: `exit status ${status}`, trace: [] }, exitStatus: status });
        },
      });
    });
    env = made;
    return made;
  }

  private settle(requestId: string, outcome: WireOutcome): void {
    if (this.pending?.requestId !== requestId) return;
    const p = this.pending;
    this.pending = null;
    p.settle(outcome);
  }

  async invoke(event: unknown): Promise<Invocation> {
    current = this.host;
    const requestId = `req-${++this.invocations}`;
    const outcome = await new Promise<WireOutcome>((settle) => {
      this.pending = { requestId, settle };
      this.api?.deliver({ requestId, payload: JSON.stringify(event), deadlineMs: Date.now() + 3000, invokedFunctionArn: this.spec.functionArn, traceId: 'Root=1-00000000-000000000000000000000000' });
    });
    return { outcome, logs: this.logs.take(), result: outcome.kind === 'success' ? JSON.parse(outcome.payload) : undefined };
  }
}
