import type { LineMap } from './stackTrace';
/**
 * The wire protocol between the app and one execution environment (a worker
 * inside the sandbox), over a MessagePort. Everything arriving from the
 * environment is untrusted: the bridge validates it before use.
 */

/** A console line, already in Lambda's Node.js text format. */
export interface WireLog {
  atMs: number;
  text: string;
}

export interface WireError {
  errorType: string;
  errorMessage: string;
  trace: string[];
  /** Python's error body names the request (`""` for an Init error); its presence makes the payload Python's shape. */
  requestId?: string;
}

/** A layer's JavaScript file compiled by the app as the handler is (a CommonJS body), or why it does not parse. */
export type LayerModuleCode = { js: string; esm: boolean } | { syntaxError: string };

export interface InitSpec {
  functionName: string;
  runtime: string;
  handler: string;
  fileName: string;
  /** The handler compiled to a CommonJS body by the app, or the compile error. */
  compiled:
    | {
        ok: true;
        js: string;
        esm: boolean;
        builtins?: string[];
        /** The AWS SDK groups (src/protocol/awsSdk.ts) the code imports; absent when none. */
        awsSdk?: string[];
        /** The transpiler's source map, per line (lines are kept): stack traces map back to the editor's columns. */
        lineMap?: LineMap;
        /** CommonJS code the app's parser rejected: where, for the SyntaxError the engine will throw without one. */
        syntaxAt?: { line: number; column: number; message: string };
      }
    | { ok: false; error: WireError };
  /** A Python function's module source (`lambda_function.py`); the runtime boots Pyodide and imports it. */
  pythonSource?: string;
  /** The AWS SDK scripts (build/awsSdkAssets.ts) of the groups the handler imports, by group; absent when it imports none. */
  awsSdk?: Record<string, string>;
  /** The scripts of the Node.js built-ins the handler imports (src/runtime/node), concatenated; absent when it imports none. */
  nodeBuiltins?: string;
  /**
   * The function's layers as extracted into /opt: absolute paths
   * (`/opt/nodejs/node_modules/greet/index.js`), already merged in the
   * function's layer order (a later layer's file wins). Absent: no layers.
   */
  layerFiles?: { path: string; content: string }[];
  /** Of `layerFiles`, the JavaScript ones (.js, .mjs, .cjs) compiled, by path: what `require` runs. */
  layerModules?: Record<string, LayerModuleCode>;
  /** The function's ephemeral storage (/tmp) in MB, 512–10,240. */
  ephemeralStorageMb?: number;
  variables: Record<string, string>;
  memoryMb: number;
  architecture: string;
  functionArn: string;
  /** `$LATEST` or a published version's number (absent: `$LATEST`). */
  functionVersion?: string;
  logGroupName: string;
  logStreamName: string;
  /**
   * SnapStart (absent: a plain Init). `snapshot`: publishing a version. Seed the runtime's randomness with `seed`,
   * run Init (import the handler), run the before-snapshot hooks, answer `initDone` as usual.
   * `restore`: a cold start restoring that snapshot. Re-run the same Init with the same `seed` (so module state,
   * "random" values included, equals the snapshot's: this replay is how the playground models the memory restore),
   * discard that replay's log output, send `{ t: 'restoreLoaded' }`, then run the after-restore hooks (their output
   * is logged) and answer `initDone` with their logs, or `initFailed`. The app times `restoreLoaded` → `initDone`
   * (runtime load and hooks, the billed part); the replay before it is not counted.
   */
  snapStart?: { phase: 'snapshot' | 'restore'; seed: number };
}

/** An AWS SDK request a handler made (the SDK's HttpRequest, its body read whole), for the workspace's services. */
export interface WireAwsRequest {
  method: string;
  hostname: string;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** The service's answer (header names in lower case, as fetch gives them), or why there was none (a host no service answers). */
export type WireAwsResponse = { status: number; headers: Record<string, string>; body: Uint8Array } | { error: { code: string; message: string } };

export type ToEnvironment =
  | { t: 'init'; spec: InitSpec }
  /** The answer to the environment's AWS SDK request `id`. */
  | { t: 'awsResult'; id: number; response: WireAwsResponse }
  /** `invokedFunctionArn`: the qualified ARN when the caller named a version or alias (absent: the function's ARN). */
  /** `traceId`: the invocation's X-Ray trace header, as the platform decided it (Platform.traceServing); absent, the runtime makes an unsampled one from the request id. */
  | { t: 'invoke'; requestId: string; payload: string; remainingMs: number; invokedFunctionArn?: string; traceId?: string };

export type WireOutcome =
  | { kind: 'success'; payload: string }
  | { kind: 'error'; error: WireError }
  | { kind: 'fatal'; error: WireError; exitStatus: number }
  /** Node's event loop emptied with the handler's promise still pending: the runtime exits without a reply (Runtime.NodeJsExit). */
  | { kind: 'noReply' };

/**
 * No message carries a duration: the app times Init and every invocation
 * itself, between its own send and receive, where handler code cannot reach.
 * The one self-reported figure, `cpuMs`, is bounded by the app's measurement.
 */
export type FromEnvironment =
  /** A runtime that boots in the tab first (Python on Pyodide) is ready, before any function code has run: Init starts now. */
  | { t: 'runtimeReady' }
  | { t: 'initDone'; logs: WireLog[] }
  /** A SnapStart restore: the snapshot's state is back (Init replayed with its seed); after-restore hooks run next. */
  | { t: 'restoreLoaded' }
  | { t: 'initFailed'; error: WireError; logs: WireLog[] }
  /** `cpuMs`: of the invocation, the time the handler kept the thread busy (the rest it was waiting). */
  | { t: 'invokeDone'; requestId: string; cpuMs: number; outcome: WireOutcome; logs: WireLog[] }
  /** The runtime process ended outside an invocation (process.exit, a crash between invocations). */
  | { t: 'exited'; exitStatus: number; logs: WireLog[] }
  /** An AWS SDK request from handler code (during Init or an invocation): the app answers with `awsResult`. */
  | { t: 'aws'; id: number; request: WireAwsRequest };

/** Pyodide's files as the app fetched them from its own origin (build/pyodideAssets.ts), for a sandbox frame. */
export interface PythonBundle {
  pyodideJs: string;
  asmJs: string;
  wasm: ArrayBuffer;
  stdlib: ArrayBuffer;
  lock: string;
}

/** What a Python environment's worker boots Pyodide from: the frame compiles the WebAssembly once and shares the module. */
export interface PythonBoot {
  pyodideJs: string;
  asmJs: string;
  module: WebAssembly.Module;
  stdlib: ArrayBuffer;
  lock: string;
}

/** What the sandbox frame exposes to the app (over Comlink, on the frame's window). */
export interface SandboxApi {
  /** Start an execution environment: a worker from the runtime script, talking to the app over `port` (with Pyodide to boot, for Python). */
  spawn(envId: string, port: MessagePort, python?: boolean): void;
  /** Compile Pyodide's WebAssembly once for this frame's Python environments (resolves when they can be spawned). */
  preparePython(bundle: PythonBundle): Promise<void>;
  /** Terminate an environment's worker. */
  kill(envId: string): void;
  /**
   * Answers while the frame's renderer is alive, with the environments whose
   * worker failed since the last ping, before the runtime could report
   * anything (its script did not load or start).
   */
  ping(): string[];
  /** Workers alive in the frame (the bench checks that destroyed environments leak none). */
  workerCount(): number;
}
