import type { AccountConcurrency } from './accountConcurrency';
import type { Clock } from './clock';
import type { FunctionConfig } from './functionConfig';
import type { KeepAlivePolicy } from './keepAlivePolicy';
import type { PlatformSettings } from './platformSettings';
import type { CompletionListener, EnvironmentListener, Notice, CommandSink } from './platformTypes';
import type { Random } from './random';

/**
 * What the platform's parts (environment pool, admission, invocation
 * lifecycle) share: the clock, ids, fixed options, and the function's current
 * configuration and settings, which only the Platform changes.
 */
export interface PlatformContext {
  readonly clock: Clock;
  readonly random: Random;
  readonly region: string;
  readonly accountId: string;
  /** On-demand init limit; past it Lambda re-runs init inside the invocation (lambda-model.md §2). */
  readonly initTimeoutMs: number;
  /** Does this runtime boot in the tab first (live Python), its Init limit starting at `runtimeReady`? */
  readonly runtimeBootsFirst: (runtime: string) => boolean;
  /** Environments the driver can hold at most (live mode: the tab's cap); Infinity elsewhere. */
  readonly environmentCap: number;
  readonly lean: boolean;
  /** The account's concurrency, shared with the workspace's other functions, and this function's name in it. */
  readonly account: AccountConcurrency;
  readonly functionId: string;
  /** The version this platform runs: `$LATEST` or a published version's number. */
  readonly version: string;
  /** The driver carries out each command before it feeds the next event and keeps none: commands may be reused (see `Environment.scratch`). */
  readonly reuseCommands: boolean;
  readonly keepAlive: KeepAlivePolicy;
  readonly onEnvironment: EnvironmentListener | null;
  readonly onComplete: CompletionListener | null;
  /** A SnapStart version: its snapshot's seed (its cold starts restore instead of init); null otherwise. */
  readonly snapStart: { seed: number } | null;
  config: FunctionConfig;
  /** Bumped by every configuration change: environments of an older version take no new requests. */
  configVersion: number;
  settings: PlatformSettings;
}

export function pushNotice(out: CommandSink, notice: Notice): void {
  out.push({ type: 'notice', notice });
}
