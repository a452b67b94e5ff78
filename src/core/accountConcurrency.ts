/**
 * The account's concurrency, shared by every function of a workspace
 * (lambda-model.md §3): a function with reserved concurrency may use up to
 * its reservation and nobody else may use it; every other function draws on
 * the unreserved pool, the account limit less all the reservations. Each
 * function's platform joins with a way to read how many environments it
 * holds in use now; admission asks here before it starts or reuses one.
 */
export class AccountConcurrency {
  /** Each function's reservation and its platforms' counts (one per version that runs: `$LATEST` and each published one). */
  private readonly members = new Map<string, { reserved: number | null; counters: (() => number)[] }>();
  private reservedTotal = 0;

  constructor(private limit: number) {}

  /**
   * A function's platform joins (another version of a function already in
   * adds its count to the function's: versions share the reservation).
   */
  join(functionId: string, inUse: () => number, reserved: number | null): void {
    const m = this.members.get(functionId);
    if (m) {
      m.counters = [...m.counters.filter((c) => c !== NONE), inUse];
      this.setReserved(functionId, reserved);
      return;
    }
    this.members.set(functionId, { reserved, counters: [inUse] });
    if (reserved !== null) this.reservedTotal += reserved;
  }

  /**
   * A function of the account whose platform has not started yet: its
   * reservation counts all the same (it holds no environment until it does).
   */
  declare(functionId: string, reserved: number | null): void {
    if (this.members.has(functionId)) this.setReserved(functionId, reserved);
    else this.join(functionId, NONE, reserved);
  }

  /** A function leaves the account; with `inUse`, only that one platform of it (a version's) leaves. */
  leave(functionId: string, inUse?: () => number): void {
    const m = this.members.get(functionId);
    if (!m) return;
    if (inUse !== undefined) {
      m.counters = m.counters.filter((c) => c !== inUse);
      if (m.counters.length > 0) return;
    }
    if (m.reserved !== null) this.reservedTotal -= m.reserved;
    this.members.delete(functionId);
  }

  /** The account limit (every function's settings carry it; the last one set wins, as they are one value). */
  setLimit(limit: number): void {
    this.limit = limit;
  }

  setReserved(functionId: string, reserved: number | null): void {
    const m = this.members.get(functionId);
    if (!m || m.reserved === reserved) return;
    if (m.reserved !== null) this.reservedTotal -= m.reserved;
    m.reserved = reserved;
    if (reserved !== null) this.reservedTotal += reserved;
  }

  /** The unreserved pool: what functions without a reservation share. */
  unreservedPool(): number {
    return Math.max(0, this.limit - this.reservedTotal);
  }

  /** Environments the unreserved functions hold in use now, together. */
  unreservedInUse(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.reserved === null) n += inUseOf(m.counters);
    return n;
  }

  /** May this function (holding `ownInUse` now in the asking platform) take one more environment into use? */
  admits(functionId: string, ownInUse: number): boolean {
    const m = this.members.get(functionId);
    if (!m) return ownInUse < this.limit;
    // Every version of the function counts against its reservation.
    const own = m.counters.length === 1 ? ownInUse : inUseOf(m.counters);
    if (m.reserved !== null) return own < m.reserved;
    if (this.members.size === 1) return own < this.unreservedPool();
    return this.unreservedInUse() < this.unreservedPool();
  }
}

/** The count of a function declared before its platform runs. */
const NONE = (): number => 0;

function inUseOf(counters: readonly (() => number)[]): number {
  let n = 0;
  for (const c of counters) n += c();
  return n;
}
