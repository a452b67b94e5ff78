import { SNAP_START_APPLY_ON, type SnapStartApplyOn } from './snapStart';

/**
 * Function- and account-level settings beyond the function's own
 * configuration: concurrency, scaling, keep-alive, asynchronous invocation
 * and the compression of platform waits (lambda-model.md §2–§4).
 */
export interface PlatformSettings {
  /** Account concurrency limit per Region (default 1,000). */
  accountConcurrency: number;
  /** Reserved concurrency: a cap and a guarantee. `null` = use the unreserved pool; 0 throttles everything. */
  reservedConcurrency: number | null;
  /** Provisioned concurrency: environments initialised ahead of traffic (0 = off). */
  provisionedConcurrency: number;
  /**
   * The version or alias provisioned concurrency is configured on
   * (PutProvisionedConcurrencyConfig's Qualifier). Lambda refuses `$LATEST`;
   * the live session starts the environments in the version's own
   * environment pool (an alias's, split by its weights).
   */
  provisionedQualifier: string;
  /**
   * SnapStart.ApplyOn (`None` when absent): with `PublishedVersions`, publishing
   * a version snapshots its initialised environment and the version's cold
   * starts restore it (snapStart.ts). Refused by Lambda for runtimes other
   * than python3.12+, with provisioned concurrency, or with /tmp above 512 MB.
   */
  snapStart?: SnapStartApplyOn;
  /** Scaling rate: at most `scaleBurst` new environments per `scaleWindowMs`, refilled continuously. */
  scaleBurst: number;
  scaleWindowMs: number;
  /** An idle on-demand environment is reclaimed this long after its last invocation (observed: about 10 min). */
  keepAliveMs: number;
  /** Asynchronous invocation: retries after a function error (0–2, default 2). */
  maximumRetryAttempts: number;
  /** Asynchronous invocation: an event older than this is discarded to the on-failure destination (60–21,600 s). */
  maximumEventAgeS: number;
  /**
   * Platform waits (retry delays, throttle backoff, keep-alive, event age,
   * visibility timeouts, schedules, polling) run this many times faster than
   * Lambda's while nothing executes: 1 = real time. The model does not read
   * it; the live session's PlatformClock applies it, and runs at real speed
   * whenever any handler or init is executing.
   */
  waitScale: number;
  /**
   * Which idle environment takes a request (README, "Keep-alive and routing"):
   * the most recently used (the default: it packs traffic onto few
   * environments and lets the rest expire), the least recently used, or any.
   */
  routing: IdleRouting;
  /**
   * Environments are replaced every few hours even under steady traffic: each
   * lives a lifetime spread evenly between these two (platform time), after
   * which it is recycled when its request ends. 0 and 0: never.
   */
  lifetimeMinMs: number;
  lifetimeMaxMs: number;
  /** Asynchronous invocation: a successful event's record goes to an on-success destination (DestinationConfig.OnSuccess). */
  onSuccessDestination: boolean;
  /** Asynchronous invocation: a discarded event's payload also goes to the function's dead-letter queue (DeadLetterConfig). */
  deadLetterQueue: boolean;
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  accountConcurrency: 1000,
  reservedConcurrency: null,
  provisionedConcurrency: 0,
  provisionedQualifier: '$LATEST',
  snapStart: 'None',
  scaleBurst: 1000,
  scaleWindowMs: 10_000,
  keepAliveMs: 10 * 60_000,
  maximumRetryAttempts: 2,
  maximumEventAgeS: 21_600,
  waitScale: 1,
  onSuccessDestination: false,
  deadLetterQueue: false,
  routing: 'most-recent',
  lifetimeMinMs: 2 * 3_600_000,
  lifetimeMaxMs: 6 * 3_600_000,
};

export type IdleRouting = 'most-recent' | 'least-recent' | 'random';
export const IDLE_ROUTINGS: readonly IdleRouting[] = ['most-recent', 'least-recent', 'random'];

export const SETTING_LIMITS = {
  accountConcurrency: { min: 1, max: 100_000 },
  reservedConcurrency: { min: 0, max: 100_000 },
  provisionedConcurrency: { min: 0, max: 1_000 },
  scaleBurst: { min: 1, max: 10_000 },
  keepAliveMs: { min: 1_000, max: 6 * 3_600_000 },
  maximumRetryAttempts: { min: 0, max: 2 },
  maximumEventAgeS: { min: 60, max: 21_600 },
  waitScale: { min: 1, max: 3_600 },
  lifetimeMs: { min: 0, max: 48 * 3_600_000 },
} as const;

/** A qualifier as Lambda's API takes it: `$LATEST`, a version number or an alias name (1–128 characters). */
const QUALIFIER_PATTERN = /^(\$LATEST|[a-zA-Z0-9-_]{1,128})$/;

export interface SettingProblem {
  field: keyof PlatformSettings;
  message: string;
}

function whole(field: keyof PlatformSettings, api: string, value: number, min: number, max: number): SettingProblem | null {
  if (!Number.isInteger(value)) return { field, message: `1 validation error detected: Value '${value}' at '${api}' failed to satisfy constraint: Member must be a whole number` };
  if (value < min) return { field, message: `1 validation error detected: Value '${value}' at '${api}' failed to satisfy constraint: Member must have value greater than or equal to ${min}` };
  if (value > max) return { field, message: `1 validation error detected: Value '${value}' at '${api}' failed to satisfy constraint: Member must have value less than or equal to ${max}` };
  return null;
}

/** Every problem with the settings, in the words of Lambda's API where it has them. */
export function validateSettings(s: PlatformSettings): SettingProblem[] {
  const L = SETTING_LIMITS;
  const problems = [
    whole('accountConcurrency', 'accountConcurrency', s.accountConcurrency, L.accountConcurrency.min, L.accountConcurrency.max),
    s.reservedConcurrency === null
      ? null
      : whole('reservedConcurrency', 'reservedConcurrentExecutions', s.reservedConcurrency, L.reservedConcurrency.min, L.reservedConcurrency.max),
    whole('provisionedConcurrency', 'provisionedConcurrentExecutions', s.provisionedConcurrency, L.provisionedConcurrency.min, L.provisionedConcurrency.max),
    whole('scaleBurst', 'scaleBurst', s.scaleBurst, L.scaleBurst.min, L.scaleBurst.max),
    whole('keepAliveMs', 'keepAliveMs', s.keepAliveMs, L.keepAliveMs.min, L.keepAliveMs.max),
    whole('maximumRetryAttempts', 'maximumRetryAttempts', s.maximumRetryAttempts, L.maximumRetryAttempts.min, L.maximumRetryAttempts.max),
    whole('maximumEventAgeS', 'maximumEventAgeInSeconds', s.maximumEventAgeS, L.maximumEventAgeS.min, L.maximumEventAgeS.max),
    whole('waitScale', 'waitScale', s.waitScale, L.waitScale.min, L.waitScale.max),
    whole('lifetimeMinMs', 'lifetimeMinMs', s.lifetimeMinMs, L.lifetimeMs.min, L.lifetimeMs.max),
    whole('lifetimeMaxMs', 'lifetimeMaxMs', s.lifetimeMaxMs, L.lifetimeMs.min, L.lifetimeMs.max),
  ].filter((p): p is SettingProblem => p !== null);
  if (s.lifetimeMaxMs < s.lifetimeMinMs) problems.push({ field: 'lifetimeMaxMs', message: 'The longest lifetime must not be shorter than the shortest.' });
  // Absent (settings made before qualifiers): `$LATEST`, the default.
  if (s.provisionedQualifier !== undefined && (typeof s.provisionedQualifier !== 'string' || !QUALIFIER_PATTERN.test(s.provisionedQualifier))) {
    problems.push({
      field: 'provisionedQualifier',
      message: `1 validation error detected: Value '${String(s.provisionedQualifier).slice(0, 140)}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${QUALIFIER_PATTERN.source.slice(1, -1)}`,
    });
  }
  if (s.snapStart !== undefined && !(SNAP_START_APPLY_ON as readonly string[]).includes(s.snapStart)) {
    problems.push({
      field: 'snapStart',
      message: `1 validation error detected: Value '${String(s.snapStart).slice(0, 140)}' at 'snapStart.applyOn' failed to satisfy constraint: Member must satisfy enum value set: [${SNAP_START_APPLY_ON.join(', ')}]`,
    });
  }
  if (!IDLE_ROUTINGS.includes(s.routing)) problems.push({ field: 'routing', message: `Routing must be one of ${IDLE_ROUTINGS.join(', ')}.` });
  const cap = s.reservedConcurrency ?? s.accountConcurrency;
  if (s.reservedConcurrency !== null && s.reservedConcurrency > s.accountConcurrency - 100 && s.reservedConcurrency > 0) {
    problems.push({
      field: 'reservedConcurrency',
      message: `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].`,
    });
  }
  if (s.provisionedConcurrency > cap) {
    problems.push({
      field: 'provisionedConcurrency',
      message: `Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function (${cap}).`,
    });
  }
  return problems;
}

/**
 * The settings that belong to one function on Lambda (PutFunctionConcurrency,
 * PutProvisionedConcurrencyConfig, PutFunctionEventInvokeConfig, its
 * dead-letter queue; and the playground's keep-alive, which it models per
 * function). The rest are the account's or the playground's, shared.
 */
export const FUNCTION_SETTING_KEYS = [
  'reservedConcurrency',
  'provisionedConcurrency',
  'provisionedQualifier',
  'snapStart',
  'keepAliveMs',
  'maximumRetryAttempts',
  'maximumEventAgeS',
  'onSuccessDestination',
  'deadLetterQueue',
] as const satisfies readonly (keyof PlatformSettings)[];

export type FunctionSettingKey = (typeof FUNCTION_SETTING_KEYS)[number];
export type FunctionSettings = Pick<PlatformSettings, FunctionSettingKey>;

/** The function-level part of `settings`. */
export function functionSettingsOf(settings: PlatformSettings): FunctionSettings {
  const out = {} as Record<FunctionSettingKey, unknown>;
  for (const key of FUNCTION_SETTING_KEYS) out[key] = settings[key];
  return out as FunctionSettings;
}

export const DEFAULT_FUNCTION_SETTINGS: FunctionSettings = functionSettingsOf(DEFAULT_SETTINGS);

/** One function's whole settings: the account's (and the playground's) with its own on top. */
export function settingsFor(account: PlatformSettings, own: FunctionSettings): PlatformSettings {
  return { ...account, ...own };
}

/** Lambda keeps at least this much of the account's concurrency unreserved. */
export const MIN_UNRESERVED = 100;

/**
 * The account-wide rule on reservations (PutFunctionConcurrency): all the
 * functions' reserved concurrency together must leave at least 100 of the
 * account limit unreserved. The problem is the function's whose reservation
 * crosses the line, in Lambda's words; null when none does.
 */
export function reservationProblem(accountConcurrency: number, reservations: readonly { name: string; reserved: number | null }[]): { name: string; message: string } | null {
  let total = 0;
  for (const r of reservations) {
    if (r.reserved === null) continue;
    total += r.reserved;
    if (r.reserved > 0 && total > accountConcurrency - MIN_UNRESERVED) {
      return { name: r.name, message: `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${MIN_UNRESERVED}].` };
    }
  }
  return null;
}
