import { splitQualifiedName } from '../functionVersions';
import type { SamBuilder, TriggerSource } from '../triggers/triggerKind';
import { triggerSam } from '../triggers/triggerKinds';
import { uniqueId, type FunctionLayout } from './exportLayout';
import type { YamlMap } from './yamlEmitter';
import type { WorkspaceTrigger } from './workspaceTypes';

/**
 * Each trigger as SAM event sources on its functions, plus the resources
 * they need: each kind's `sam` mapping (src/core/triggers/<kind>/; AWS SAM
 * specification, "EventSource" types Api, HttpApi, S3, SQS, SNS, Schedule,
 * EventBridgeRule, DynamoDB, Kinesis; function URLs are the function's
 * FunctionUrlConfig) adds to this collection. Names of buckets, queues, topics,
 * tables and streams are left to CloudFormation, so the stack deploys in any
 * account; the playground's names are kept in comments.
 */
export interface TemplateParts {
  resources: YamlMap;
  /** Events per function logical ID. */
  events: Map<string, YamlMap>;
  /** Functions that get a function URL. */
  functionUrls: Set<string>;
  restApi: boolean;
  httpApi: boolean;
  /** What could not be exported, for the README. */
  notes: string[];
  /** The logical ID of each trigger source declared, by `sourceKey` (the first declaration of a name). */
  sources: Map<string, string>;
}

/** The key of a resource in `TemplateParts.sources`: its kind and name. */
export const sourceKey = (s: TriggerSource): string => `${s.kind}:${s.name}`;

export function templateParts(triggers: readonly WorkspaceTrigger[], layout: readonly FunctionLayout[], taken: Set<string>): TemplateParts {
  const parts: TemplateParts = { resources: {}, events: new Map(), functionUrls: new Set(), restApi: false, httpApi: false, notes: [], sources: new Map() };
  const byName = new Map(layout.map((l) => [l.fn.name, l.logicalId]));
  const eventIds = new Map<string, Set<string>>();
  let comments = 0;

  const addEvent = (qualifiedName: string, base: string, event: YamlMap): void => {
    // A trigger on a version or an alias (`name:live`): SAM attaches a function's events to the alias it publishes.
    const { name: functionName, qualifier } = splitQualifiedName(qualifiedName);
    if (qualifier) parts.notes.push(`A ${String(event.Type)} trigger called ${qualifiedName}; SAM attaches it to ${functionName}'s published alias (AutoPublishAlias).`);
    const fnId = byName.get(functionName);
    if (!fnId) {
      parts.notes.push(`A ${String(event.Type)} trigger names the function ${functionName}, which is not in the workspace: left out.`);
      return;
    }
    const ids = eventIds.get(fnId) ?? new Set<string>();
    eventIds.set(fnId, ids);
    const events = parts.events.get(fnId) ?? {};
    events[uniqueId(base, ids)] = event;
    parts.events.set(fnId, events);
  };
  const resource = (base: string, playgroundName: string, value: YamlMap, source?: TriggerSource): string => {
    const id = uniqueId(base, taken);
    parts.resources[`# ${++comments}`] = `${playgroundName} in the playground`;
    parts.resources[id] = value;
    if (source && !parts.sources.has(sourceKey(source))) parts.sources.set(sourceKey(source), id);
    return id;
  };

  const out: SamBuilder = {
    event: addEvent,
    resource,
    functionUrl(qualifiedName) {
      const { name, qualifier } = splitQualifiedName(qualifiedName);
      if (qualifier) parts.notes.push(`A Function URL called ${qualifiedName}; SAM gives the URL to ${name}'s published alias (AutoPublishAlias).`);
      const fnId = byName.get(name);
      if (fnId) parts.functionUrls.add(fnId);
    },
    api(kind) {
      if (kind === 'rest') parts.restApi = true;
      else parts.httpApi = true;
    },
    note: (text) => parts.notes.push(text),
  };
  for (const t of triggers) triggerSam(t, out);
  return parts;
}
