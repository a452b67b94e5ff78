import { AccountConcurrency } from '../core/accountConcurrency';
import type { Clock } from '../core/clock';
import { functionArn } from '../core/environmentVariables';
import type { FunctionConfig } from '../core/functionConfig';
import { NO_VERSIONS, provisionedByVersion, type FunctionVersions } from '../core/functionVersions';
import { mergeLayerFiles, type Layer } from '../core/layers';
import { PlatformClock } from '../core/platformClock';
import { DEFAULT_SETTINGS, functionSettingsOf, settingsFor, type FunctionSettings, type PlatformSettings } from '../core/platformSettings';
import type { PlatformCommand } from '../core/platformTypes';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/sources/sourceTypes';
import type { LoadRunner } from '../bridge/loadRunner';
import { LiveDriver, type LiveDriverOptions } from '../bridge/liveDriver';
import { PlatformScheduler, wallClock } from '../bridge/platformScheduler';
import { SourceHub, type InvokeTarget } from '../bridge/sourceHub';
import { LazyAwsServices } from '../bridge/services/lazyAwsServices';
import { createRandom } from '../core/random';
import { realTimers, type TimerHost } from '../bridge/timerHost';
import type { RunRecorder } from './runRecorder';

export type CommandsListener = (functionId: string, commands: readonly PlatformCommand[]) => void;

export interface SessionOptions {
  /** The timer owner: the page's real timers, or a test's hand-driven host. */
  timers?: TimerHost;
  /** Wall time in epoch ms: the page's clock, or a test's ManualClock. */
  clock?: Clock;
  /** Passed to every function's driver (tests: a seed, an environment cap, cores). */
  driver?: Pick<LiveDriverOptions, 'seed' | 'maxEnvironments' | 'cores'>;
}

/** What the event sources need from the stores: the function a source names, and where its news goes. */
export interface SourceWiring {
  resolve(functionName: string, sourceId: string): InvokeTarget | null;
  onChanged(sourceId: string): void;
  onLog(sourceId: string, atMs: number, text: string): void;
}

const UNWIRED: SourceWiring = { resolve: () => null, onChanged: () => undefined, onLog: () => undefined };

interface Held {
  driver: LiveDriver;
  deployed: FunctionConfig;
}

/** A function of the workspace as the session's settings see it: its own settings (absent: the account's defaults). */
export interface SessionFunction {
  id: string;
  config: FunctionConfig;
  settings?: FunctionSettings;
  /** Its configuration is valid: provisioned concurrency may start its environments. */
  deployable?: boolean;
  /** Its published versions and aliases: provisioned concurrency runs in the version (or the alias's versions) it is configured on. */
  versions?: FunctionVersions;
}

/**
 * Everything live in one workspace session, made in one place (main.tsx,
 * through `startSession`) and passed on, never reached for by import: the
 * timer owner and platform clock, every function's driver, the event
 * sources' hub, the run recorders and the load runner. Stores are connected
 * to it (`onSessionStart`) and read it when they act; tests make one with a
 * hand-driven timer host and clock. `dispose` settles everything pending.
 */
export class Session {
  readonly timers: TimerHost;
  /** Wall time (epoch ms, monotonic): what real delays are measured on. */
  readonly wall: Clock;
  /** The workspace's platform time and its one timer owner, shared by every driver and the source hub. */
  readonly scheduler: PlatformScheduler;
  readonly sources: SourceHub;
  /** The workspace's AWS services, which handlers reach with the AWS SDK. */
  readonly services: LazyAwsServices;
  /** The run's recorders: one per function, and one for the whole workspace. */
  readonly recorders = new Map<string, RunRecorder>();
  /** The load run in progress or last run, if any. */
  loadRunner: LoadRunner | null = null;
  /** The account's concurrency, shared by every function's platform. */
  readonly account = new AccountConcurrency(DEFAULT_SETTINGS.accountConcurrency);
  /** Each function's own settings (reserved and provisioned concurrency, keep-alive, asynchronous invocation). */
  private readonly own = new Map<string, FunctionSettings>();
  /** Each function's published versions and aliases, as last applied: where its provisioned concurrency runs. */
  private readonly versions = new Map<string, FunctionVersions>();
  private readonly drivers = new Map<string, Held>();
  private readonly listeners = new Set<CommandsListener>();
  private settings: PlatformSettings = DEFAULT_SETTINGS;
  private wiring: SourceWiring = UNWIRED;
  private readonly driverOptions: SessionOptions['driver'];
  private disposed = false;
  /** The workspace's layers: what a function's layer ARNs mount at /opt when it is deployed. */
  private layers: readonly Layer[] = [];
  /** Each configuration as deployed, with its layers' files (one object per configuration, so a driver sees no change where there is none). */
  private deployedOf = new WeakMap<FunctionConfig, FunctionConfig>();

  constructor(options: SessionOptions = {}) {
    this.timers = options.timers ?? realTimers;
    this.wall = options.clock ?? wallClock;
    this.scheduler = new PlatformScheduler(new PlatformClock(this.wall, this.settings.waitScale), this.timers);
    this.driverOptions = options.driver;
    this.sources = new SourceHub({
      scheduler: this.scheduler,
      resolve: (name, sourceId) => this.wiring.resolve(name, sourceId),
      onChanged: (sourceId) => this.wiring.onChanged(sourceId),
      onLog: (sourceId, atMs, text) => this.wiring.onLog(sourceId, atMs, text),
      functionArn: (name) => functionArn(DEFAULT_REGION, DEFAULT_ACCOUNT, name),
    });
    this.services = new LazyAwsServices({
      now: () => this.now(),
      random: createRandom(((options.driver?.seed ?? Date.now()) ^ 0x5eed) >>> 0),
      region: DEFAULT_REGION,
      accountId: DEFAULT_ACCOUNT,
      delay: (ms) => new Promise((resolve) => this.timers.setTimeout(resolve, ms)),
    });
  }

  /** Platform time now (epoch ms): the time base of the timeline, records and bill. */
  now(): number {
    return this.scheduler.clock.now();
  }

  /** The stores' side of the event sources (set once, by the sources store). */
  wireSources(wiring: SourceWiring): void {
    this.wiring = wiring;
  }

  /**
   * The function's driver, with `config` deployed (as pressing Deploy in the
   * console would, when it changed); with `version`, the driver of that
   * published version (its frozen `config`, its own environments), whose
   * commands the function's listeners see as the function's.
   */
  driverFor(functionId: string, config: FunctionConfig, version?: number, snapStart?: { seed: number }): LiveDriver {
    if (this.disposed) throw new Error('This session has ended.');
    const key = version === undefined ? functionId : `${functionId}:${version}`;
    const held = this.drivers.get(key);
    if (!held) {
      // Listening from the first command: provisioned environments start as the driver is made.
      const listener = (commands: readonly PlatformCommand[]): void => {
        for (const l of this.listeners) l(functionId, commands);
      };
      const driver = new LiveDriver(this.withLayerFiles(config), {
        ...this.driverOptions,
        settings: this.settingsOfKey(key),
        scheduler: this.scheduler,
        timers: this.timers,
        listener,
        account: { account: this.account, functionId },
        aws: this.services.handle,
        ...(version === undefined ? {} : { version: String(version) }),
        // A SnapStart version's cold starts restore its snapshot (made with this seed) instead of running Init.
        ...(version !== undefined && snapStart ? { snapStart } : {}),
      });
      this.drivers.set(key, { driver, deployed: config });
      return driver;
    }
    if (held.deployed !== config) {
      held.driver.configure(this.withLayerFiles(config));
      held.deployed = config;
    }
    return held.driver;
  }

  /** The workspace's layers (layer versions never change once published: deployed functions keep theirs). */
  setLayers(layers: readonly Layer[]): void {
    this.layers = layers;
    this.deployedOf = new WeakMap();
  }

  /** The configuration with /opt as its layers make it (Lambda extracts them in list order; a later file wins). */
  private withLayerFiles(config: FunctionConfig): FunctionConfig {
    if (!config.layers?.length) return config;
    let deployed = this.deployedOf.get(config);
    if (!deployed) {
      deployed = { ...config, layerFiles: mergeLayerFiles(config.layers, this.layers, { region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT }) };
      this.deployedOf.set(config, deployed);
    }
    return deployed;
  }

  /** The driver of a function that has one, without deploying anything. */
  existingDriver(functionId: string): LiveDriver | null {
    return this.drivers.get(functionId)?.driver ?? null;
  }

  /** Every driver of the function, keyed as held: `$LATEST`'s (`fnId`) and each published version's (`fnId:N`). */
  *driversOf(functionId: string): Generator<[string, LiveDriver]> {
    for (const [key, { driver }] of [...this.drivers]) if (key === functionId || key.startsWith(`${functionId}:`)) yield [key, driver];
  }

  /** A sampled request of the function refused with 429 (`ticket`), asked of every driver of the function. */
  refusedTraceOf(functionId: string, ticket: number): ReturnType<LiveDriver['refusedTraceOf']> {
    for (const [, driver] of this.driversOf(functionId)) {
      const refused = driver.refusedTraceOf(ticket);
      if (refused !== null) return refused;
    }
    return null;
  }

  /** What caused the invocation of `ticket`, asked of every driver of the function (`$LATEST` and each published version; tickets are unique). */
  originOf(functionId: string, ticket: number): string | null {
    for (const [, driver] of this.driversOf(functionId)) {
      const origin = driver.originOf(ticket);
      if (origin !== null) return origin;
    }
    return null;
  }

  /**
   * The account's settings (and the playground's), and each function's own
   * (a function given none takes the function-level fields of `account`).
   * Provisioned environments start now, so drivers are made if need be.
   */
  applySettings(account: PlatformSettings, functions: readonly SessionFunction[]): void {
    this.settings = account;
    this.scheduler.clock.setScale(account.waitScale);
    this.account.setLimit(account.accountConcurrency);
    for (const f of functions) {
      const own = f.settings ?? functionSettingsOf(account);
      this.own.set(f.id, own);
      // A reservation counts whether or not the function has run yet.
      this.account.declare(f.id, own.reservedConcurrency);
    }
    for (const f of functions) this.versions.set(f.id, f.versions ?? NO_VERSIONS);
    for (const [key, { driver }] of this.drivers) driver.setSettings(this.settingsOfKey(key));
    // Provisioned environments start as soon as they are configured: in the version they are configured on (never `$LATEST`).
    for (const f of functions) {
      if (f.deployable === false) continue;
      const versions = this.versions.get(f.id)!;
      for (const [version, count] of this.provisionedOf(f.id)) {
        const published = versions.versions.find((v) => v.version === version);
        if (count > 0 && published && !this.drivers.has(`${f.id}:${version}`)) this.driverFor(f.id, published.config, version, published.snapStart);
      }
    }
  }

  /** How the function's provisioned concurrency is held, by published version: all on its version, or split by its alias's weights. */
  provisionedOf(functionId: string): Map<number, number> {
    const { provisionedConcurrency, provisionedQualifier } = this.settingsOf(functionId);
    return provisionedByVersion(this.versions.get(functionId) ?? NO_VERSIONS, provisionedQualifier ?? '$LATEST', provisionedConcurrency);
  }

  /** The account's settings (and the playground's: the wait scale, routing, lifetimes). */
  currentSettings(): PlatformSettings {
    return this.settings;
  }

  /** One function's whole settings: the account's with its own on top. */
  settingsOf(functionId: string): PlatformSettings {
    return settingsFor(this.settings, this.own.get(functionId) ?? functionSettingsOf(this.settings));
  }

  /**
   * A driver's settings: its function's, with the provisioned environments
   * its version holds (`$LATEST` holds none: Lambda configures provisioned
   * concurrency on a version or an alias only).
   */
  private settingsOfKey(key: string): PlatformSettings {
    const [functionId, version] = key.split(':');
    const settings = this.settingsOf(functionId!);
    const provisionedConcurrency = version === undefined ? 0 : (this.provisionedOf(functionId!).get(Number(version)) ?? 0);
    return { ...settings, provisionedConcurrency };
  }

  /** One published version's driver goes (a SnapStart publish whose snapshot failed: the version is not created). */
  disposeVersionDriver(functionId: string, version: number, reason?: string): void {
    const key = `${functionId}:${version}`;
    this.drivers.get(key)?.driver.dispose(reason);
    this.drivers.delete(key);
  }

  /** A function removed from the workspace: its environments (of every version) go, its pending invokes are rejected. */
  disposeDriver(functionId: string): void {
    for (const [key, driver] of this.driversOf(functionId)) {
      driver.dispose();
      this.drivers.delete(key);
    }
    this.own.delete(functionId);
    this.versions.delete(functionId);
    this.account.leave(functionId);
  }

  /** Watch every command of every function's platform; returns the unsubscribe. */
  onPlatformCommands(listener: CommandsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The session ends: the load run stops, every pending invoke is rejected with `reason`, and no timer is left. */
  dispose(reason = 'The workspace session ended before the invocation finished.'): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loadRunner?.stop();
    this.sources.dispose();
    for (const { driver } of this.drivers.values()) driver.dispose(reason);
    this.drivers.clear();
    this.listeners.clear();
    this.scheduler.dispose();
  }
}
