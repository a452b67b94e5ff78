import * as Comlink from 'comlink';
import { base64Encode } from '../core/codec';
import type { SandboxApi } from '../protocol/messages';
import { loadPythonBundle } from './pythonBundle';

/** The frame's scripts, fetched once, when the first frame is made (not for the first paint). */
interface FrameScripts {
  hostSource: string;
  runtimeSource: string;
}
let sources: Promise<FrameScripts> | null = null;
const loadSources = (): Promise<FrameScripts> => (sources ??= import('./sandboxSources'));

/** Keep `</script` inside inline scripts from closing the element. */
const inlineSafe = (js: string): string => js.replace(/<\/(script)/gi, '<\\/$1');

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return base64Encode(bytes).replace(/[^a-zA-Z0-9]/g, '');
}

/**
 * The policy every execution environment runs under. Workers made from Blob
 * URLs inherit it: no network (unless the function allows it), no script
 * from anywhere but Blob URLs, and, with the opaque origin of
 * `sandbox="allow-scripts"`, no access to the app's storage, cookies or page.
 * eval and WebAssembly stay allowed: Node.js handlers may use both, and they
 * reach nothing the handler could not reach already.
 */
export function sandboxPolicy(nonce: string, networkAccess: boolean): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' blob: 'unsafe-eval' 'wasm-unsafe-eval'`,
    'worker-src blob:',
    `connect-src ${networkAccess ? 'http: https: ws: wss:' : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function sandboxDocument(nonce: string, networkAccess: boolean, { hostSource, runtimeSource }: FrameScripts): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(nonce, networkAccess)}">
<script nonce="${nonce}">var RUNTIME_SOURCE = ${inlineSafe(JSON.stringify(runtimeSource))};</script>
<script nonce="${nonce}">${inlineSafe(hostSource)}</script>
</head><body></body></html>`;
}

/**
 * One hidden sandbox frame: its own renderer process, so a handler that eats
 * all memory takes down this frame and not the app. Recreated on demand
 * after it dies.
 */
export class SandboxFrame {
  private iframe: HTMLIFrameElement | null = null;
  private api: Comlink.Remote<SandboxApi> | null = null;
  private ready: Promise<Comlink.Remote<SandboxApi>> | null = null;
  /** Once closed, a frame stays closed: the pool makes a new one. */
  closed = false;
  /** Spawns asked of the frame and not yet acknowledged. */
  private spawning = 0;
  /** When the frame last answered anything (performance.now()). */
  private heardAt = 0;
  private readonly failed: string[] = [];

  constructor(readonly networkAccess: boolean) {}

  /** The frame's API, creating the frame if there is none. */
  open(): Promise<Comlink.Remote<SandboxApi>> {
    if (this.closed) return Promise.reject(new Error('sandbox frame closed'));
    if (this.ready) return this.ready;
    this.ready = loadSources().then((scripts) => {
      if (this.closed) throw new Error('sandbox frame closed');
      const iframe = document.createElement('iframe');
      iframe.setAttribute('sandbox', 'allow-scripts');
      iframe.setAttribute('aria-hidden', 'true');
      iframe.tabIndex = -1;
      iframe.title = 'Execution environments (sandbox)';
      iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
      iframe.srcdoc = sandboxDocument(randomNonce(), this.networkAccess, scripts);
      this.iframe = iframe;
      const opened = new Promise<Comlink.Remote<SandboxApi>>((resolve, reject) => {
        const onMessage = (event: MessageEvent): void => {
          if (event.source !== iframe.contentWindow || !(event.data as { sandboxReady?: boolean })?.sandboxReady) return;
          window.removeEventListener('message', onMessage);
          const win = iframe.contentWindow;
          if (!win) return reject(new Error('sandbox frame has no window'));
          this.api = Comlink.wrap<SandboxApi>(Comlink.windowEndpoint(win, window, '*'));
          this.heardAt = performance.now();
          resolve(this.api);
        };
        window.addEventListener('message', onMessage);
      });
      document.body.appendChild(iframe);
      return opened;
    });
    return this.ready;
  }

  /** Pyodide, compiled once in this frame for its Python environments (fetched once per tab). */
  private python: Promise<void> | null = null;

  /** Make the frame ready to start Python environments. */
  preparePython(): Promise<void> {
    this.python ??= Promise.all([this.open(), loadPythonBundle()]).then(([api, bundle]) => api.preparePython(bundle));
    this.python.catch(() => {
      this.python = null;
    });
    return this.python;
  }

  /** Start an execution environment's worker in this frame, talking over `port` (a Python one boots Pyodide: call preparePython first). */
  async spawn(envId: string, port: MessagePort, python = false): Promise<void> {
    const api = await this.open();
    this.spawning += 1;
    try {
      await api.spawn(envId, Comlink.transfer(port, [port]), python);
      this.heardAt = performance.now();
    } finally {
      this.spawning -= 1;
    }
  }

  /** Resolves when the frame's renderer answers; rejects at once for a closed frame. A frame still loading counts as answering. */
  async ping(): Promise<void> {
    if (this.closed) throw new Error('sandbox frame closed');
    if (!this.api) return;
    // Workers that could not start (their script failed before the runtime could report anything) come with the answer.
    const failed = await this.api.ping();
    this.heardAt = performance.now();
    if (failed.length > 0) this.failed.push(...failed);
  }

  /** Environments whose worker failed to start, reported once each. */
  takeFailures(): string[] {
    return this.failed.splice(0);
  }

  /**
   * Busy starting workers, and still making progress: its thread is taken, so
   * pings answer late, but spawns are being acknowledged. A dead renderer
   * acknowledges nothing, so it is never busy for long.
   */
  busy(): boolean {
    return this.spawning > 0 && performance.now() - this.heardAt < 1000;
  }

  /** Remove the frame: its process and every worker in it end at once. */
  close(): void {
    this.closed = true;
    this.iframe?.remove();
    this.iframe = null;
    this.api = null;
    this.ready = null;
  }
}
