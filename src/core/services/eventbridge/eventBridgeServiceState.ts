import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../sources/sourceTypes';
import { parseEventPattern, type EventPattern } from '../../sources/eventPattern';

/**
 * The workspace's event buses and pattern rules as the EventBridge API sees
 * them: plain, immutable data. The default bus always exists.
 */

export interface EventBridgeRuleConfig {
  /** The bus the rule is on; `default` when absent. */
  busName?: string;
  name: string;
  /** The event pattern, as JSON text (parsed by eventPattern.ts). */
  pattern: string;
  /** The Lambda functions it targets. */
  functionNames: readonly string[];
}

export interface EventBridgeServiceRule {
  readonly name: string;
  readonly arn: string;
  readonly pattern: EventPattern;
  readonly functionNames: readonly string[];
}

export interface EventBridgeServiceBus {
  readonly name: string;
  readonly arn: string;
  readonly rules: readonly EventBridgeServiceRule[];
}

export interface EventBridgeServiceState {
  readonly region: string;
  readonly accountId: string;
  readonly buses: Readonly<Record<string, EventBridgeServiceBus>>;
}

/** Buses named (and those the rules are on) with their rules. A rule whose pattern does not parse is a programming error: the workspace validates rules when they are made. */
export function createEventBridgeServiceState(
  config: { busNames?: readonly string[]; rules?: readonly EventBridgeRuleConfig[] },
  options: { region?: string; accountId?: string } = {},
): EventBridgeServiceState {
  const region = options.region ?? DEFAULT_REGION;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT;
  const names = new Set(['default', ...(config.busNames ?? []), ...(config.rules ?? []).map((r) => r.busName ?? 'default')]);
  const buses: Record<string, EventBridgeServiceBus> = {};
  for (const name of names) {
    const rules = (config.rules ?? [])
      .filter((r) => (r.busName ?? 'default') === name)
      .map((r): EventBridgeServiceRule => {
        const parsed = parseEventPattern(r.pattern);
        if (!parsed.ok) throw new Error(`Rule ${r.name}: ${parsed.message}`);
        const path = name === 'default' ? r.name : `${name}/${r.name}`;
        return { name: r.name, arn: `arn:aws:events:${region}:${accountId}:rule/${path}`, pattern: parsed.pattern, functionNames: [...r.functionNames] };
      });
    buses[name] = { name, arn: `arn:aws:events:${region}:${accountId}:event-bus/${name}`, rules };
  }
  return { region, accountId, buses };
}

/** The bus an EventBusName names (a name or an event-bus ARN), or undefined. */
export function busNamed(state: EventBridgeServiceState, nameOrArn: string | undefined): EventBridgeServiceBus | undefined {
  if (nameOrArn === undefined || nameOrArn === '') return state.buses['default'];
  const arn = /^arn:aws:events:([^:]+):(\d{12}):event-bus\/(.+)$/.exec(nameOrArn);
  if (arn) return arn[1] === state.region && arn[2] === state.accountId ? state.buses[arn[3]!] : undefined;
  return state.buses[nameOrArn];
}
