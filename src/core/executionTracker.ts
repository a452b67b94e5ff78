import type { PlatformClock } from './platformClock';
import type { EnvironmentState } from './platformTypes';

/**
 * Which environments execute (initialising or busy), from the model's own
 * environment notices, told to the workspace's PlatformClock: the one place
 * that decides what holds platform time at real speed. A driver feeds it
 * every environment notice; `releaseAll` when the driver goes away.
 */
export class ExecutionTracker {
  private readonly executing = new Set<string>();

  constructor(private readonly clock: PlatformClock) {}

  note(envId: string, state: EnvironmentState): void {
    const executing = state === 'initializing' || state === 'busy';
    if (executing === this.executing.has(envId)) return;
    if (executing) {
      this.executing.add(envId);
      this.clock.begin();
    } else {
      this.executing.delete(envId);
      this.clock.end();
    }
  }

  releaseAll(): void {
    for (let i = 0; i < this.executing.size; i++) this.clock.end();
    this.executing.clear();
  }
}
