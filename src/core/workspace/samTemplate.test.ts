import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCfnYaml } from './cfnYaml.test-support';
import { exportFiles } from './exportFiles';
import { workspaceFromFiles } from './importFiles';
import { EVERY_TRIGGER, fn, MINIMAL, SAMPLE_WORKSPACES, UNICODE, ws } from './sampleWorkspaces.test-support';
import { samTemplate } from './samTemplate';
import { WORKSPACE_DEFAULTS } from './workspaceTypes';
import { DEFAULT_SQS_MAPPING_SETTINGS } from '../sources/sqsMappingSettings';
import { checkSamTemplate } from './samTemplateChecker.test-support';
import { quote, toYaml } from './yamlEmitter';


const parseTemplate = parseCfnYaml;

describe('YAML emitter', () => {
  it('quotes every string a YAML reader could take for something else, and reads back the same', () => {
    const tricky = ['yes', 'No', 'on', 'true', 'null', '~', '2010-09-09', '123', '0x1F', '1e3', '.inf', '', ' lead', 'trail ', 'a: b', 'a:', '#x', 'x #y', '- x', '[x]', '{x}', '*alias', '&anchor', '!tag', '%x', '@x', '`x`', 'multi\nline', 'tab\there', 'quote"s', "it's", 'back\\slash', 'ünïcödé 🚀', '\u2028sep', '\u0085nel', 'cron(0 12 * * ? *)', 's3:ObjectCreated:*', '/{proxy+}'];
    const doc = { strings: tricky, map: Object.fromEntries(tricky.filter(Boolean).map((s, i) => [s, i])), n: -1, f: 0.5, t: true, z: null, empty: {}, none: [] };
    expect(parse(toYaml(doc), { strict: true, version: '1.2' })).toEqual(doc);
    expect(parse(toYaml(doc), { strict: true, version: '1.1' })).toEqual(doc);
  });

  it('writes plain scalars where they are safe', () => {
    expect(toYaml({ Type: 'AWS::Serverless::Function', Events: ['s3:ObjectCreated:*'] })).toBe('Type: AWS::Serverless::Function\nEvents:\n  - s3:ObjectCreated:*\n');
    expect(quote('a"b\n')).toBe('"a\\"b\\n"');
  });
});

describe('SAM template', () => {
  for (const [name, workspace] of Object.entries(SAMPLE_WORKSPACES)) {
    it(`for ${name} parses as YAML and passes the spec checks`, () => {
      const t = samTemplate(workspace);
      const parsed = parseTemplate(t.yaml);
      expect(checkSamTemplate(parsed)).toEqual([]);
    });
  }

  it('maps each trigger to its SAM event type, with the resources it needs', () => {
    const t = parseTemplate(samTemplate(EVERY_TRIGGER).yaml) as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
    const types = Object.values(t.Resources).map((r) => r.Type).sort();
    expect(types).toEqual(['AWS::DynamoDB::Table', 'AWS::Events::EventBus', 'AWS::Kinesis::Stream', 'AWS::S3::Bucket', 'AWS::SNS::Topic', 'AWS::SQS::Queue', 'AWS::SQS::Queue', 'AWS::Serverless::Function', 'AWS::Serverless::Function', 'AWS::Serverless::Function']);
    const events = Object.values(t.Resources).flatMap((r) => Object.values((r.Properties?.Events ?? {}) as Record<string, { Type: string }>).map((e) => e.Type));
    expect(new Set(events)).toEqual(new Set(['HttpApi', 'Api', 'S3', 'SQS', 'SNS', 'Schedule', 'EventBridgeRule', 'DynamoDB', 'Kinesis']));
    const api = t.Resources.ApiFunction!.Properties;
    expect(api).toMatchObject({
      MemorySize: 512, Timeout: 10, Architectures: ['arm64'], Runtime: 'nodejs20.x', Environment: { Variables: { STAGE: 'dev', TABLE: 'orders' } },
      ReservedConcurrentExecutions: 50, AutoPublishAlias: 'live', ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
      EventInvokeConfig: { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600 }, FunctionUrlConfig: { AuthType: 'NONE' },
    });
    expect(t.Resources.OrdersQueue!.Properties).toMatchObject({ VisibilityTimeout: 30, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['OrdersDeadLetterQueue', 'Arn'] }, maxReceiveCount: 3 } });
    expect(t.Resources.OrdersTableTable!.Properties).toMatchObject({ StreamSpecification: { StreamViewType: 'NEW_IMAGE' }, KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] });
  });

  it('leaves out what is at its default, and needs no events for a function without triggers', () => {
    const t = parseTemplate(samTemplate(MINIMAL).yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(Object.keys(t.Resources.MyFunctionFunction!.Properties).sort()).toEqual(['Architectures', 'CodeUri', 'Description', 'Handler', 'MemorySize', 'Runtime', 'Timeout']);
  });

  it("a function's weighted alias becomes AutoPublishAlias with a CodeDeploy canary; other aliases are named in the notes", () => {
    const version = { version: 1, description: '', publishedAtMs: 0, config: { ...fn('canary') } };
    const workspace = ws([
      fn('canary', {
        versions: [version, { ...version, version: 2 }],
        aliases: [
          { name: 'beta', functionVersion: '1', description: '' },
          { name: 'prod', functionVersion: '2', additionalVersion: 1, additionalWeight: 0.1, description: '' },
        ],
      }),
    ]);
    const sam = samTemplate(workspace);
    const t = parseTemplate(sam.yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(t.Resources.CanaryFunction!.Properties).toMatchObject({ AutoPublishAlias: 'prod', DeploymentPreference: { Type: 'Canary10Percent5Minutes' } });
    expect(checkSamTemplate(parseTemplate(sam.yaml))).toEqual([]);
    expect(sam.notes.join('\n')).toContain('the others (beta) are not exported');
  });

  it.each([
    { case: 'on an alias: that alias is the one SAM publishes', qualifier: 'beta', alias: 'beta', note: null },
    { case: 'on a version: SAM puts it on the alias it publishes, and the notes say so', qualifier: '1', alias: 'beta', note: 'provisioned concurrency was on version 1; SAM configures it on the published alias beta' },
  ])('provisioned concurrency $case', ({ qualifier, alias, note }) => {
    const version = { version: 1, description: '', publishedAtMs: 0, config: { ...fn('api') } };
    const concurrency = { ...WORKSPACE_DEFAULTS.concurrency, provisionedConcurrency: 3, provisionedQualifier: qualifier };
    const workspace = ws([fn('api', { versions: [version], aliases: [{ name: 'alpha', functionVersion: '1', description: '' }, { name: 'beta', functionVersion: '1', description: '' }].reverse(), concurrency })]);
    const sam = samTemplate(workspace);
    const t = parseTemplate(sam.yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(t.Resources.ApiFunction!.Properties).toMatchObject({ AutoPublishAlias: alias, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 } });
    const notes = sam.notes.join('\n');
    if (note) expect(notes).toContain(note);
    else expect(notes).not.toContain('provisioned concurrency was on');
  });

  it('a custom runtime exports as provided.al2023 with its bootstrap, and the notes say what Lambda needs to run a JavaScript one', () => {
    const workspace = ws([fn('custom', { runtime: 'provided.al2023', fileName: 'bootstrap', handler: 'function.handler' })]);
    const sam = samTemplate(workspace);
    const t = parseTemplate(sam.yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(t.Resources.CustomFunction!.Properties).toMatchObject({ Runtime: 'provided.al2023', Handler: 'function.handler' });
    expect(checkSamTemplate(parseTemplate(sam.yaml))).toEqual([]);
    expect(sam.notes.join('\n')).toContain('custom: its bootstrap is JavaScript');
    expect(exportFiles(workspace, (f) => f.code).map((f) => f.path)).toContain('src/custom/bootstrap');
  });

  it('a Python function exports with its runtime, handler and lambda_function.py; SnapStart goes on the versions SAM publishes', () => {
    const concurrency = { ...WORKSPACE_DEFAULTS.concurrency, snapStart: 'PublishedVersions' as const };
    const workspace = ws([fn('orders', { runtime: 'python3.12', fileName: 'lambda_function.py', handler: 'lambda_function.lambda_handler', concurrency }), fn('plain', { runtime: 'python3.13', fileName: 'lambda_function.py', handler: 'lambda_function.lambda_handler' })]);
    const sam = samTemplate(workspace);
    const t = parseTemplate(sam.yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(checkSamTemplate(t)).toEqual([]);
    expect(t.Resources.OrdersFunction!.Properties).toMatchObject({ Runtime: 'python3.12', Handler: 'lambda_function.lambda_handler', SnapStart: { ApplyOn: 'PublishedVersions' }, AutoPublishAlias: 'live' });
    expect(t.Resources.PlainFunction!.Properties.SnapStart).toBeUndefined();
    expect(t.Resources.PlainFunction!.Properties.AutoPublishAlias).toBeUndefined();
    expect(exportFiles(workspace, (f) => f.code).map((f) => f.path)).toEqual(expect.arrayContaining(['src/orders/lambda_function.py', 'src/plain/lambda_function.py']));
  });

  it.each([
    { format: 'function-url' as const, note: "A Function URL called api:live; SAM gives the URL to api's published alias" },
    { format: 'http-v2' as const, note: "trigger called api:live; SAM attaches it to api's published alias" },
  ])('a $format trigger on an alias (name:live) stays on the function, and the notes say SAM puts it on the published alias', ({ format, note }) => {
    const version = { version: 1, description: '', publishedAtMs: 0, config: { ...fn('api') } };
    const workspace = ws([fn('api', { versions: [version], aliases: [{ name: 'live', functionVersion: '1', description: '' }] })], {
      triggers: [{ type: 'http', function: 'api:live', format }],
    });
    const sam = samTemplate(workspace);
    const t = parseTemplate(sam.yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(checkSamTemplate(t)).toEqual([]);
    expect(t.Resources.ApiFunction!.Properties).toMatchObject({ AutoPublishAlias: 'live' });
    if (format === 'function-url') expect(t.Resources.ApiFunction!.Properties.FunctionUrlConfig).toEqual({ AuthType: 'NONE' });
    else expect(Object.keys((t.Resources.ApiFunction!.Properties.Events ?? {}) as object)).toHaveLength(1);
    expect(sam.notes.join('\n')).toContain(note);
    expect(sam.notes.join('\n')).not.toContain('which is not in the workspace');
  });

  it('the checker catches what sam validate would refuse', () => {
    const bad = {
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        'Bad-Id': { Type: 'AWS::S3::Bucket' },
        Fn: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            CodeUri: 'src/', Handler: 'index.handler', Runtime: 'nodejs8.10', MemorySize: 64, Timeout: 60, Architectures: ['x86_64'],
            ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }, Bogus: 1,
            Events: { E: { Type: 'S3', Properties: { Bucket: 'literal-name', Events: 's3:ObjectCreated:*' } }, Q: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Q1', 'Arn'] } } }, K: { Type: 'Kinesis', Properties: { Stream: { 'Fn::GetAtt': ['Nope', 'Arn'] } } } },
          },
        },
        Q1: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30 } },
      },
    };
    const problems = checkSamTemplate(bad).join('\n');
    for (const expected of ['Bad-Id', 'Runtime', 'MemorySize', 'needs AutoPublishAlias', 'Bogus', 'Bucket must be a Ref', 'VisibilityTimeout 30 is below', 'StartingPosition: required', 'GetAtt of unknown Nope']) {
      expect(problems).toContain(expected);
    }
  });
});

describe('export files and import', () => {
  const compile = (f: { code: string }): string => f.code.replace(/: \{ Records: unknown\[\] \}/, '').replace(/: Promise<number>/, '');

  it('lays out handlers as Lambda expects, with events, README and the workspace document', () => {
    const paths = exportFiles(EVERY_TRIGGER, compile).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining([
      'template.yaml', 'README.md', 'playground.json',
      'src/api/index.mjs', 'src/worker/index.mjs', 'src/streams/index.js', 'src/api/package.json',
      'events/api.json', 'events/worker.json', 'events/streams.json',
    ]));
    const readme = exportFiles(EVERY_TRIGGER, compile).find((f) => f.path === 'README.md')?.text ?? '';
    expect(readme).toContain('sam deploy --guided');
  });

  it('ephemeral storage above 512 MB is exported as EphemeralStorage.Size, passes the checks and comes back on import', () => {
    const workspace = ws([fn('scratch', { ephemeralStorageMb: 4096 }), fn('plain', { ephemeralStorageMb: 512 })]);
    const t = parseTemplate(samTemplate(workspace).yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(checkSamTemplate(t)).toEqual([]);
    expect(t.Resources.ScratchFunction!.Properties.EphemeralStorage).toEqual({ Size: 4096 });
    expect(t.Resources.PlainFunction!.Properties).not.toHaveProperty('EphemeralStorage');
    expect(workspaceFromFiles(exportFiles(workspace, compile), 'imported')).toEqual(workspace);
  });

  it('Active tracing is exported as Tracing: Active, passes the checks and comes back on import; PassThrough is left out', () => {
    const workspace = ws([fn('traced', { tracing: 'Active' }), fn('plain')]);
    const t = parseTemplate(samTemplate(workspace).yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(checkSamTemplate(t)).toEqual([]);
    expect(t.Resources.TracedFunction!.Properties.Tracing).toBe('Active');
    expect(t.Resources.PlainFunction!.Properties).not.toHaveProperty('Tracing');
    expect(workspaceFromFiles(exportFiles(workspace, compile), 'imported')).toEqual(workspace);
  });

  it('a .js handler with module syntax gets "type": "module"', () => {
    const files = exportFiles(ws([fn('esm', { fileName: 'index.js' })]), compile);
    expect(JSON.parse(files.find((f) => f.path === 'src/esm/package.json')!.text)).toMatchObject({ type: 'module' });
  });

  for (const [name, workspace] of Object.entries(SAMPLE_WORKSPACES)) {
    it(`import of the export of ${name} restores the workspace exactly`, () => {
      expect(workspaceFromFiles(exportFiles(workspace, compile), 'imported')).toEqual(workspace);
    });
  }

  it('a zip without playground.json: one function per handler folder, events attached', () => {
    const imported = workspaceFromFiles(
      [
        { path: 'app/src/orders/index.mjs', text: 'export const handler = async () => 1;' },
        { path: 'app/src/users/app.js', text: 'exports.handler = async () => 2;' },
        { path: 'app/node_modules/x/index.js', text: '' },
        { path: 'app/events/orders.json', text: '{"id":1}' },
        { path: 'app/events/orders--second.json', text: '{"id":2}' },
      ],
      'Imported',
    );
    expect(imported.functions.map((f) => [f.name, f.fileName, f.handler])).toEqual([['orders', 'index.mjs', 'index.handler'], ['users', 'app.js', 'app.handler']]);
    expect(imported.functions[0]).toMatchObject({ event: '{"id":1}', savedEvents: [{ name: 'second', json: '{"id":2}' }] });
    expect(() => workspaceFromFiles([{ path: 'readme.txt', text: '' }], 'x')).toThrow(/No handler file/);
  });

  it('keeps unicode names in folders and events safe', () => {
    const paths = exportFiles(UNICODE, compile).map((f) => f.path);
    expect(paths).toContain('src/gr-e/index.mjs');
    expect(paths.some((p) => p.startsWith('events/gr-e--'))).toBe(true);
  });
});

describe("each function's own settings in the template", () => {
  it('reserved and provisioned concurrency and retries are per function; a function without its own takes the workspace’s', () => {
    const workspace = ws(
      [
        fn('orders', { concurrency: { reservedConcurrency: 5, provisionedConcurrency: 2, provisionedQualifier: 'live', keepAliveMs: 600_000, maximumRetryAttempts: 0, maximumEventAgeS: 21_600, onSuccessDestination: false, deadLetterQueue: false } }),
        fn('reports'),
      ],
      { concurrency: { ...WORKSPACE_DEFAULTS.concurrency, reservedConcurrency: 20 } },
    );
    const { document } = samTemplate(workspace);
    const resources = document.Resources as Record<string, { Properties: Record<string, unknown> }>;
    const props = Object.values(resources).filter((r) => 'Handler' in r.Properties).map((r) => r.Properties);
    expect(props.map((p) => [p.ReservedConcurrentExecutions, p.ProvisionedConcurrencyConfig, (p.EventInvokeConfig as { MaximumRetryAttempts?: number } | undefined)?.MaximumRetryAttempts])).toEqual([
      [5, { ProvisionedConcurrentExecutions: 2 }, 0],
      [20, undefined, undefined],
    ]);
  });
});

describe('a FIFO queue in the template', () => {
  it('is a FifoQueue named as in the playground, with content-based deduplication when on, and a FIFO dead-letter queue', () => {
    const workspace = ws([fn('worker')], {
      triggers: [{ type: 'sqs', queue: 'orders.fifo', function: 'worker', contentBasedDeduplication: true, settings: { ...DEFAULT_SQS_MAPPING_SETTINGS, maxReceiveCount: 3 } }],
    });
    const resources = samTemplate(workspace).document.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const queues = Object.values(resources).filter((r) => r.Type === 'AWS::SQS::Queue').map((r) => r.Properties);
    expect(queues).toContainEqual(expect.objectContaining({ FifoQueue: true, QueueName: 'orders.fifo', ContentBasedDeduplication: true }));
    expect(queues).toContainEqual(expect.objectContaining({ FifoQueue: true, QueueName: 'orders-dlq.fifo' }));
  });
});
