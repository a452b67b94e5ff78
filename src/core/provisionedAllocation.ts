import type { Architecture } from './functionConfig';

/**
 * What provisioned concurrency is allocated, as the bill last heard it:
 * `change` says whether a new allocation must be announced (count, memory
 * or architecture differ; turning nothing into nothing is no news).
 */
export class ProvisionedAllocation {
  private count = -1;
  private memoryMb = 0;
  private architecture: Architecture = 'x86_64';

  change(count: number, memoryMb: number, architecture: Architecture): boolean {
    if (count === this.count && memoryMb === this.memoryMb && architecture === this.architecture) return false;
    if (count === 0 && this.count <= 0) {
      this.count = 0;
      return false;
    }
    this.count = count;
    this.memoryMb = memoryMb;
    this.architecture = architecture;
    return true;
  }
}
