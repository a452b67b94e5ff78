/**
 * Floors to compare the platform against: the same message round trip and the
 * same worker start, without the platform model, the runtime or (for A) the
 * sandbox frame.
 */

/** A round trip: send `payload`, resolve when the echo comes back. */
export type RoundTrip = (payload: string) => Promise<void>;

const ECHO_WORKER = `onmessage = (e) => { postMessage(e.data); };`;

/** A worker that echoes on whatever MessagePort it is given, and says 'up' on it at once. */
const PORT_ECHO_WORKER = `onmessage = (e) => {
  const port = e.ports[0];
  if (!port) return;
  port.onmessage = (m) => { port.postMessage(m.data); };
  port.postMessage('up');
};`;

/** The smallest worker: it says so as soon as its script runs. */
const HELLO_WORKER = `postMessage(0);`;

const blobUrl = (source: string): string => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));

/** Make a promise-returning round trip over a port-like object that answers each message with one message. */
function roundTripOver(target: { postMessage(message: unknown): void; onmessage: ((e: MessageEvent) => void) | null }): RoundTrip {
  let pending: (() => void) | null = null;
  let id = 0;
  target.onmessage = () => {
    const resolve = pending;
    pending = null;
    resolve?.();
  };
  return (payload) =>
    new Promise<void>((resolve) => {
      pending = resolve;
      target.postMessage({ id: id++, payload });
    });
}

/** Baseline A: a plain Blob-URL worker of this page, raw postMessage. */
export interface EchoWorker {
  roundTrip: RoundTrip;
  close(): void;
}

export async function startEchoWorker(): Promise<EchoWorker> {
  const url = blobUrl(ECHO_WORKER);
  const worker = new Worker(url);
  const roundTrip = roundTripOver(worker);
  await roundTrip('warm');
  return {
    roundTrip,
    close() {
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}

/** Worker creation on this page: `new Worker(blob)` until its first message arrives. Returns ms. */
export function bareWorkerStart(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const worker = new Worker(url);
    worker.onmessage = () => {
      const t = performance.now() - t0;
      worker.terminate();
      resolve(t);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`bare worker failed: ${e.message}`));
    };
  });
}

export const helloWorkerUrl = (): string => blobUrl(HELLO_WORKER);

/**
 * The inline script of the baseline sandbox: like the platform's host, it
 * starts classic Blob-URL workers and hands each a MessagePort from the
 * parent, then stays out of the way.
 */
const SANDBOX_SCRIPT = `
const url = URL.createObjectURL(new Blob([${JSON.stringify(PORT_ECHO_WORKER)}], { type: 'text/javascript' }));
const workers = new Map();
onmessage = (e) => {
  const d = e.data;
  if (d && typeof d.spawn === 'number' && e.ports[0]) {
    const w = new Worker(url);
    w.postMessage(null, [e.ports[0]]);
    workers.set(d.spawn, w);
  } else if (d && typeof d.kill === 'number') {
    const w = workers.get(d.kill);
    if (w) w.terminate();
    workers.delete(d.kill);
  }
};
parent.postMessage({ benchSandboxReady: true }, '*');
`;

/** Baseline B: `<iframe sandbox="allow-scripts" srcdoc>` whose workers talk to this page over transferred MessagePorts. */
export interface SandboxEcho {
  /** Time from this page creating the frame until its script reported in, ms. */
  frameReadyMs: number;
  /** Start a port-echo worker inside the frame; resolves when it said 'up' over its port. */
  spawn(): Promise<{ port: MessagePort; startMs: number; kill(): void }>;
  close(): void;
}

export async function startSandboxEcho(): Promise<SandboxEcho> {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  iframe.srcdoc = `<!doctype html><html><head><meta charset="utf-8"><script>${SANDBOX_SCRIPT}</script></head><body></body></html>`;
  const t0 = performance.now();
  const ready = new Promise<void>((resolve) => {
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== iframe.contentWindow || !(e.data as { benchSandboxReady?: boolean } | null)?.benchSandboxReady) return;
      window.removeEventListener('message', onMessage);
      resolve();
    };
    window.addEventListener('message', onMessage);
  });
  document.body.appendChild(iframe);
  await ready;
  const frameReadyMs = performance.now() - t0;
  let nextId = 1;
  return {
    frameReadyMs,
    spawn() {
      const id = nextId++;
      const { port1, port2 } = new MessageChannel();
      return new Promise((resolve) => {
        const t = performance.now();
        port1.onmessage = () => {
          const startMs = performance.now() - t;
          port1.onmessage = null;
          resolve({
            port: port1,
            startMs,
            kill() {
              port1.close();
              iframe.contentWindow?.postMessage({ kill: id }, '*');
            },
          });
        };
        iframe.contentWindow?.postMessage({ spawn: id }, '*', [port2]);
      });
    },
    close() {
      iframe.remove();
    },
  };
}

export function portRoundTrip(port: MessagePort): RoundTrip {
  return roundTripOver(port);
}
