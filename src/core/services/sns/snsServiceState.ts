import type { Random } from '../../random';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../sources/sourceTypes';
import { parseFilterPolicy, type SnsFilterPolicy } from '../../sources/snsTopic';

/** The workspace's SNS topics and their Lambda subscriptions, as the SNS API sees them: plain, immutable data. */

export interface SnsTopicConfig {
  name: string;
  subscriptions: readonly { functionName: string; filterPolicy?: SnsFilterPolicy | string; subscriptionArn?: string }[];
}

export interface SnsServiceSubscription {
  readonly subscriptionArn: string;
  readonly functionName: string;
  readonly filterPolicy: SnsFilterPolicy | null;
}

export interface SnsServiceTopic {
  readonly name: string;
  readonly arn: string;
  readonly subscriptions: readonly SnsServiceSubscription[];
  /** SigningCertUrl of its notifications. */
  readonly certUrl: string;
}

export interface SnsServiceState {
  readonly region: string;
  readonly accountId: string;
  readonly topics: Readonly<Record<string, SnsServiceTopic>>;
}

/** Topics with their subscriptions; a subscription without an ARN gets one (topic ARN and a UUID, as SNS makes them). A bad filter policy is a programming error: the workspace validates it when subscribing. */
export function createSnsServiceState(topics: readonly SnsTopicConfig[], random: Random, options: { region?: string; accountId?: string } = {}): SnsServiceState {
  const region = options.region ?? DEFAULT_REGION;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT;
  const byName: Record<string, SnsServiceTopic> = {};
  for (const t of topics) {
    const arn = `arn:aws:sns:${region}:${accountId}:${t.name}`;
    const subscriptions = t.subscriptions.map((s): SnsServiceSubscription => {
      const parsed = s.filterPolicy === undefined ? null : parseFilterPolicy(s.filterPolicy);
      if (parsed && !parsed.ok) throw new Error(`Subscription of ${s.functionName} to ${t.name}: ${parsed.message}`);
      return { subscriptionArn: s.subscriptionArn ?? `${arn}:${random.uuid()}`, functionName: s.functionName, filterPolicy: parsed?.policy ?? null };
    });
    byName[t.name] = { name: t.name, arn, subscriptions, certUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-${random.hex(32)}.pem` };
  }
  return { region, accountId, topics: byName };
}

/** The topic an ARN names; undefined when it names none here. Null when it is not a topic ARN at all. */
export function topicByArn(state: SnsServiceState, arn: string): SnsServiceTopic | undefined | null {
  const m = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/.exec(arn);
  if (!m) return null;
  return m[1] === state.region && m[2] === state.accountId ? state.topics[m[3]!] : undefined;
}
