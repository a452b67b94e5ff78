import type { FunctionConfig } from '../core/functionConfig';
import { DEFAULT_SETTINGS, type PlatformSettings } from '../core/platformSettings';
import type { PlatformCommand } from '../core/platformTypes';
import { PlatformClock } from '../core/platformClock';
import { LiveDriver } from '../bridge/liveDriver';
import { PlatformScheduler, wallClock } from '../bridge/platformScheduler';

/**
 * The live platforms of the page: one per function of the workspace, shared
 * by the Invoke button, the load generator and the triggers. A function's
 * driver is created on first use; its edited configuration is deployed when
 * it changed (as pressing Deploy in the console would).
 */
interface Held {
  driver: LiveDriver;
  deployed: FunctionConfig;
}

const drivers = new Map<string, Held>();
let settings: PlatformSettings = DEFAULT_SETTINGS;
/**
 * The workspace's platform time and its one timer owner, shared by every
 * function's driver and the source hub: compressed waits pause while anything
 * executes anywhere in the workspace (PlatformClock).
 */
export const workspaceScheduler = new PlatformScheduler(new PlatformClock(wallClock, settings.waitScale));

/** Platform time now (epoch ms): the time base of the timeline, records and bill. */
export function platformNow(): number {
  return workspaceScheduler.clock.now();
}
export type CommandsListener = (functionId: string, commands: readonly PlatformCommand[]) => void;
const listeners = new Set<CommandsListener>();

/** The function's driver, with `config` deployed. */
export function driverFor(functionId: string, config: FunctionConfig): LiveDriver {
  const held = drivers.get(functionId);
  if (!held) {
    const driver = new LiveDriver(config, { settings, scheduler: workspaceScheduler });
    driver.subscribe((commands) => {
      for (const listener of listeners) listener(functionId, commands);
    });
    drivers.set(functionId, { driver, deployed: config });
    return driver;
  }
  if (held.deployed !== config) {
    held.driver.configure(config);
    held.deployed = config;
  }
  return held.driver;
}

/** The driver of a function that has one, without deploying anything. */
export function existingDriver(functionId: string): LiveDriver | null {
  return drivers.get(functionId)?.driver ?? null;
}

/** Apply concurrency settings to every function; provisioned environments start now, so drivers are created if need be. */
export function applySettings(next: PlatformSettings, deployable: readonly { id: string; config: FunctionConfig }[]): void {
  settings = next;
  workspaceScheduler.clock.setScale(next.waitScale);
  for (const { driver } of drivers.values()) driver.setSettings(next);
  if (next.provisionedConcurrency > 0) for (const f of deployable) if (!drivers.has(f.id)) driverFor(f.id, f.config);
}

export function currentSettings(): PlatformSettings {
  return settings;
}

/** A function removed from the workspace: its environments go. */
export function disposeDriver(functionId: string): void {
  drivers.get(functionId)?.driver.dispose();
  drivers.delete(functionId);
}

/** Watch every command of every function's platform. */
export function onPlatformCommands(listener: CommandsListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
