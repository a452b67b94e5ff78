import { DEFAULT_SETTINGS } from '../platformSettings';
import { exportLayout, type FunctionLayout } from './exportLayout';
import { templateParts } from './samEvents';
import { functionLayers, layerLayout, layerResources, type LayerLayout } from './samLayers';
import { samEnvironment } from './samEnvironment';
import { functionPolicies } from './samPolicies';
import { samResources } from './samResources';
import { getAtt, sub, toYaml, type YamlMap } from './yamlEmitter';
import { functionSettingsIn, type Workspace, type WorkspaceFunction } from './workspaceTypes';

/** The alias SAM publishes on every deploy when provisioned concurrency is set (ProvisionedConcurrencyConfig needs AutoPublishAlias). */
export const PUBLISHED_ALIAS = 'live';

export interface SamTemplate {
  document: YamlMap;
  yaml: string;
  layout: FunctionLayout[];
  /** Each layer version: an AWS::Serverless::LayerVersion whose ContentUri holds its files. */
  layers: LayerLayout[];
  /** What the playground models that the template cannot say. */
  notes: string[];
}

/**
 * An AWS SAM template for the workspace: one AWS::Serverless::Function per
 * function (memory, timeout, architecture, runtime, environment, reserved
 * and provisioned concurrency, asynchronous invocation settings, function
 * URL) with its triggers as SAM events, and the resources those need; the
 * workspace's own resources, and each function's policy templates for the
 * SDK calls its code makes (samPolicies.ts says the rule).
 */
export function samTemplate(workspace: Workspace): SamTemplate {
  const taken = new Set(['ServerlessRestApi', 'ServerlessHttpApi']);
  const layout = exportLayout(workspace, taken);
  const parts = templateParts(workspace.triggers, layout, taken);
  const layers = layerLayout(workspace, taken);
  const standalone = samResources(workspace, parts.sources, taken);
  const c = workspace.concurrency;
  const notes = [...parts.notes, ...standalone.notes];
  if (layout.some((l) => l.fn.networkAccess === false)) notes.push('Network access is a playground setting: on Lambda a function outside a VPC always reaches the internet.');
  if (c.accountConcurrency !== DEFAULT_SETTINGS.accountConcurrency) notes.push(`The account concurrency limit (${c.accountConcurrency}) is your account's quota, not part of a template.`);
  if (c.waitScale !== 1) notes.push('Platform waits were compressed in the playground; AWS runs them in real time.');
  if (layers.length > 0) notes.push("Each layer version is its own AWS::Serverless::LayerVersion; AWS numbers the versions it publishes in your account (they may differ from the playground's), and the functions refer to them by Ref.");
  const resources: YamlMap = layerResources(layers);
  const outputs: YamlMap = {};
  for (const l of layout) {
    const f = l.fn;
    // Reserved and provisioned concurrency and the asynchronous settings are each function's own.
    const own = functionSettingsIn(workspace, f);
    const asyncConfig = own.maximumRetryAttempts !== DEFAULT_SETTINGS.maximumRetryAttempts || own.maximumEventAgeS !== DEFAULT_SETTINGS.maximumEventAgeS || own.onSuccessDestination;
    // The playground's on-success destination and dead-letter queue become SQS queues of their own.
    const onSuccessQueue = own.onSuccessDestination ? `${l.logicalId}OnSuccessQueue` : null;
    const deadLetterQueue = own.deadLetterQueue ? `${l.logicalId}DeadLetterQueue` : null;
    if (onSuccessQueue) resources[onSuccessQueue] = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1_209_600 } };
    if (deadLetterQueue) resources[deadLetterQueue] = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1_209_600 } };
    // The playground's aliases: SAM publishes a version on every deploy and points one alias at it (a weighted one shifts traffic as a canary).
    const weighted = f.aliases.find((a) => a.additionalVersion !== undefined && (a.additionalWeight ?? 0) > 0);
    const provisioned = own.provisionedConcurrency > 0;
    const provisionedAlias = provisioned ? f.aliases.find((a) => a.name === own.provisionedQualifier)?.name : undefined;
    const snapStart = own.snapStart === 'PublishedVersions';
    const alias = weighted?.name ?? provisionedAlias ?? f.aliases[0]?.name ?? (provisioned || snapStart ? PUBLISHED_ALIAS : undefined);
    // SAM configures provisioned concurrency on the alias it publishes, and nowhere else.
    if (provisioned && own.provisionedQualifier !== alias) notes.push(`${f.name}: provisioned concurrency was on ${/^\d+$/.test(own.provisionedQualifier) ? 'version ' : ''}${own.provisionedQualifier}; SAM configures it on the published alias ${alias}.`);
    if (f.aliases.length > 1) notes.push(`${f.name}: SAM's AutoPublishAlias makes one alias (${alias}); the others (${f.aliases.filter((a) => a.name !== alias).map((a) => a.name).join(', ')}) are not exported.`);
    if (weighted && weighted.additionalWeight !== 0.1) notes.push(`${f.name}: the alias ${weighted.name} sent ${Math.round((weighted.additionalWeight ?? 0) * 100)} % to another version; the export uses CodeDeploy's Canary10Percent5Minutes, the predefined canary nearest to it.`);
    if (f.runtime.startsWith('provided')) {
      notes.push(`${f.name}: its bootstrap is JavaScript, which ran in the playground's engine; on Lambda, ${f.runtime} has no Node.js: deploy it with a Node.js binary (in a layer, on /opt/bin) and the bootstrap made executable, or rewrite it as a compiled binary.`);
    }
    const notifying = bucketsNotifying(workspace, f.name);
    for (const [key, value] of Object.entries(f.environment)) {
      if (notifying.has(value)) notes.push(`${f.name}: ${key} names the bucket ${value}, whose notifications invoke ${f.name}; a !Ref to it would be a circular dependency, so it stays text, and CloudFormation names the bucket: set the variable after deploying.`);
    }
    const policies = functionPolicies(f, standalone.ids, layout);
    notes.push(...policies.notes);
    const url = parts.functionUrls.has(l.logicalId);
    const events = parts.events.get(l.logicalId);
    resources[l.logicalId] = {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Description: `${f.name} (exported from the Serverless Playground)`.slice(0, 256),
        CodeUri: l.folder,
        Handler: f.handler,
        Runtime: f.runtime,
        Architectures: [f.architecture],
        MemorySize: f.memoryMb,
        EphemeralStorage: f.ephemeralStorageMb !== undefined && f.ephemeralStorageMb !== 512 ? { Size: f.ephemeralStorageMb } : undefined,
        Timeout: f.timeoutS,
        Environment: Object.keys(f.environment).length > 0 ? { Variables: samEnvironment(l, standalone.ids, layout, notifying) } : undefined,
        LoggingConfig: loggingConfigOf(f),
        Tracing: f.tracing === 'Active' ? 'Active' : undefined,
        Layers: functionLayers(f, layers),
        ReservedConcurrentExecutions: own.reservedConcurrency ?? undefined,
        AutoPublishAlias: alias,
        DeploymentPreference: weighted ? { Type: 'Canary10Percent5Minutes' } : undefined,
        ProvisionedConcurrencyConfig: provisioned ? { ProvisionedConcurrentExecutions: own.provisionedConcurrency } : undefined,
        // SnapStart applies to the versions SAM publishes (AutoPublishAlias), as it did to the playground's published versions.
        SnapStart: snapStart ? { ApplyOn: 'PublishedVersions' } : undefined,
        EventInvokeConfig: asyncConfig
          ? {
              MaximumRetryAttempts: own.maximumRetryAttempts,
              MaximumEventAgeInSeconds: own.maximumEventAgeS,
              DestinationConfig: onSuccessQueue ? { OnSuccess: { Type: 'SQS', Destination: getAtt(onSuccessQueue, 'Arn') } } : undefined,
            }
          : undefined,
        DeadLetterQueue: deadLetterQueue ? { Type: 'SQS', TargetArn: getAtt(deadLetterQueue, 'Arn') } : undefined,
        FunctionUrlConfig: url ? { AuthType: 'NONE' } : undefined,
        Policies: policies.policies,
        Events: events,
      },
    };
    outputs[`${l.logicalId}Arn`] = { Description: `ARN of ${f.name}`, Value: getAtt(l.logicalId, 'Arn') };
    if (url) outputs[`${l.logicalId}UrlEndpoint`] = { Description: `Function URL of ${f.name}`, Value: getAtt(`${l.logicalId}Url`, 'FunctionUrl') };
  }
  if (parts.restApi) outputs.RestApiUrl = { Description: 'REST API (stage Prod)', Value: sub('https://${ServerlessRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/Prod/') };
  if (parts.httpApi) outputs.HttpApiUrl = { Description: 'HTTP API ($default stage)', Value: sub('https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/') };
  const document: YamlMap = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `${workspace.name}: exported from the Serverless Playground`.slice(0, 1024),
    Resources: { ...resources, ...parts.resources, ...standalone.resources },
    Outputs: outputs,
  };
  const header = [
    '# AWS SAM template exported from the Serverless Playground.',
    '# Deploy: sam deploy --guided   (see README.md)',
    ...notes.map((n) => `# Note: ${n}`),
  ].join('\n');
  return { document, yaml: `${header}\n${toYaml(document)}`, layout, layers, notes };
}

/** The buckets whose event notifications invoke `functionName` (a version or alias of it too). */
function bucketsNotifying(workspace: Workspace, functionName: string): Set<string> {
  const buckets = new Set<string>();
  for (const t of workspace.triggers) if (t.type === 's3' && t.notifications.some((n) => n.function.split(':')[0] === functionName)) buckets.add(t.bucket);
  return buckets;
}

/** AWS::Serverless::Function LoggingConfig: only when the format is JSON (Text is Lambda's default and takes no levels). */
function loggingConfigOf(f: WorkspaceFunction): YamlMap | undefined {
  if (f.logFormat !== 'JSON') return undefined;
  return { LogFormat: 'JSON', ApplicationLogLevel: f.applicationLogLevel ?? 'INFO', SystemLogLevel: f.systemLogLevel ?? 'INFO' };
}
