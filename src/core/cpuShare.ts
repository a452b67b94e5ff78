/**
 * Memory sets CPU (lambda-model.md §2): Lambda gives a function CPU in
 * proportion to its memory, 1,769 MB = 1 vCPU, up to 6 vCPUs.
 *
 * The playground's handler runs on one browser thread, which we count as one
 * vCPU. A handler at 128 MB gets 128/1,769 of a vCPU on Lambda, so each
 * millisecond of CPU it used here would take 1,769/128 ≈ 13.8 ms there. Time
 * spent waiting (timers, network) is not scaled. Above 1,769 MB the factor
 * stays 1: a single JavaScript thread cannot use a second vCPU.
 */
export const MB_PER_VCPU = 1769;

/** How much longer a CPU-bound millisecond takes at this memory size than on one full vCPU. */
export function cpuFactor(memoryMb: number): number {
  return Math.max(1, MB_PER_VCPU / memoryMb);
}

/** The vCPU share Lambda would give this memory size (for display: 0.07 at 128 MB, 6 at 10,240 MB). */
export function vcpuShare(memoryMb: number): number {
  return Math.min(6, memoryMb / MB_PER_VCPU);
}

/** Modelled duration: waiting time as measured, CPU time stretched by the CPU factor. */
export function modelledDurationMs(measuredMs: number, cpuMs: number, memoryMb: number): number {
  const cpu = Math.min(Math.max(0, cpuMs), measuredMs);
  return measuredMs - cpu + cpu * cpuFactor(memoryMb);
}
