import { DEFAULT_CONFIG, type FunctionConfig } from '../functionConfig';
import { DEFAULT_SETTINGS, type PlatformSettings } from '../platformSettings';
import type { Scenario } from './scenario';

/** The platform settings a scenario stands for (Lambda's times: no compression). */
export function settingsOf(s: Scenario): PlatformSettings {
  const c = s.concurrency;
  return {
    ...DEFAULT_SETTINGS,
    accountConcurrency: c.accountConcurrency,
    reservedConcurrency: c.reservedConcurrency,
    provisionedConcurrency: c.provisionedConcurrency,
    scaleBurst: c.scaleBurst,
    scaleWindowMs: c.scaleWindowS * 1000,
    keepAliveMs: s.keepAlive.policy === 'fixed' ? s.keepAlive.minutes * 60_000 : DEFAULT_SETTINGS.keepAliveMs,
    maximumRetryAttempts: s.async.maximumRetryAttempts,
    maximumEventAgeS: s.async.maximumEventAgeS,
    waitScale: 1,
    onSuccessDestination: false,
    deadLetterQueue: false,
    routing: DEFAULT_SETTINGS.routing,
    lifetimeMinMs: DEFAULT_SETTINGS.lifetimeMinMs,
    lifetimeMaxMs: DEFAULT_SETTINGS.lifetimeMaxMs,
  };
}

/** The function configuration a scenario stands for (no code: the executor stands in for it). */
export function configOf(s: Scenario): FunctionConfig {
  const f = s.function;
  return { ...DEFAULT_CONFIG, name: 'simulated', code: '', memoryMb: f.memoryMb, timeoutS: f.timeoutS, architecture: f.architecture, runtime: f.runtime, ...(f.ephemeralStorageMb !== undefined ? { ephemeralStorageMb: f.ephemeralStorageMb } : {}) };
}
