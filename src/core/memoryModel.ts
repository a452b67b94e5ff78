import type { Runtime } from './functionConfig';

/**
 * "Max Memory Used" is modelled, not measured: browsers expose no per-worker
 * heap figure that is cheap enough to read per invocation
 * (browser-limits.md §6). The model is a Node.js runtime's resident baseline
 * on Lambda (a hello-world function reports about 65–70 MB) plus a copy of
 * the payloads held as text and as objects.
 */
const BASELINE_MB: Record<Runtime, number> = {
  'nodejs20.x': 66,
  'nodejs22.x': 68,
  'nodejs24.x': 70,
  // A hello-world Python function on Lambda reports about 30–40 MB.
  'python3.13': 38,
  'python3.12': 36,
  // A JavaScript bootstrap is a Node.js-like process without the managed runtime's client; a compiled (Go, Rust) bootstrap on Lambda uses about 20 MB.
  'provided.al2023': 62,
};

export function estimateMaxMemoryUsedMb(runtime: Runtime, memorySizeMb: number, payloadBytes: number): number {
  const payloadMb = (payloadBytes * 3) / (1024 * 1024);
  return Math.min(memorySizeMb, Math.ceil(BASELINE_MB[runtime] + payloadMb));
}
