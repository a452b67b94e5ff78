import type { FunctionConfig } from '../core/functionConfig';
import { DEFAULT_SETTINGS, type PlatformSettings } from '../core/platformSettings';
import type { PlatformCommand } from '../core/platformTypes';
import { LiveDriver } from '../bridge/liveDriver';

/**
 * The one live platform of the page, shared by the Invoke button and the
 * load generator: one function, one set of environments. Created on first
 * use; the edited configuration is deployed when it changed.
 */
let driver: LiveDriver | null = null;
let deployed: FunctionConfig | null = null;
let settings: PlatformSettings = DEFAULT_SETTINGS;
const listeners = new Set<(commands: readonly PlatformCommand[]) => void>();

/** The driver, with `config` deployed (as pressing Deploy in the console would). */
export function driverFor(config: FunctionConfig): LiveDriver {
  if (!driver) {
    driver = new LiveDriver(config, { settings });
    driver.subscribe((commands) => {
      for (const listener of listeners) listener(commands);
    });
  } else if (deployed !== config) {
    driver.configure(config);
  }
  deployed = config;
  return driver;
}

/** Apply concurrency settings; provisioned environments start now, so the driver is created if need be. */
export function applySettings(next: PlatformSettings, config: FunctionConfig | null): void {
  settings = next;
  if (driver) driver.setSettings(next);
  else if (config && next.provisionedConcurrency > 0) driverFor(config);
}

/** Watch every command of the platform, across driver re-creation. */
export function onPlatformCommands(listener: (commands: readonly PlatformCommand[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentDriver(): LiveDriver | null {
  return driver;
}
