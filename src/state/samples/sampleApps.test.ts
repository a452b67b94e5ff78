// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../bundle.d.ts" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../core/workspace/cfnYaml.test-support';
import { compileHandler } from '../../bridge/compileHandler';
import { LINK_LENGTH_THRESHOLDS } from '../../core/workspace/shareLinkFormat';
import { resourceNamesIn } from '../../core/workspace/resourceNames';
import { checkSamTemplate } from '../../core/workspace/samTemplateChecker.test-support';
import { samTemplate } from '../../core/workspace/samTemplate';
import { decodeFragment, encodeWorkspaceFragment, shareUrl } from '../shareLink';
import { usePlayground } from '../playgroundStore';
import { useSources } from '../sourcesStore';
import { loadTriggerKinds } from '../triggerSpecs';
import { applyWorkspace, captureWorkspace } from '../workspaceSnapshot';
import { SAMPLE_BASE } from './sampleBase';
import { sampleApps } from './sampleCatalog';
import { sampleLinks } from './sampleLinks';

await loadTriggerKinds();

const BASE = 'https://playground.example/';
const SAMPLE_APPS = sampleApps(SAMPLE_BASE);

describe.each(SAMPLE_APPS.map((app) => [app.title, app] as const))('the sample application %s', (_title, app) => {
  it('is a share link that decodes, validates and gives back the same workspace', async () => {
    const fragment = await encodeWorkspaceFragment(app.workspace);
    const decoded = await decodeFragment(`#${fragment}`);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.workspace).toEqual(app.workspace);
    // Short enough for chat and mail tools (the Copy link dialog warns past this length).
    expect(shareUrl(BASE, fragment).length).toBeLessThan(LINK_LENGTH_THRESHOLDS.warning);
  });

  it('opens in the stores with every trigger restored and no configuration problem, and is captured back unchanged', async () => {
    expect(await applyWorkspace(app.workspace)).toEqual([]);
    expect(usePlayground.getState().problems).toEqual([]);
    expect(useSources.getState().triggers).toHaveLength(app.workspace.triggers.length);
    expect(captureWorkspace(app.workspace.name, [])).toEqual(app.workspace);
  });

  it('has handlers that compile as ES modules and parse as the runtime evaluates them', () => {
    for (const fn of app.workspace.functions) {
      const compiled = compileHandler(fn.fileName, fn.code);
      if (!compiled.ok) throw new Error(`${fn.name}: ${compiled.error.errorMessage}`);
      expect(compiled.syntaxAt, fn.name).toBeUndefined();
      // The CommonJS body the worker evaluates: parsed here, not run.
      expect(() => new Function('exports', 'require', 'module', '__filename', '__dirname', compiled.js), fn.name).not.toThrow();
    }
  });

  it('has test events that are JSON, and names in its environment that are its own functions and resources', () => {
    const names = resourceNamesIn(app.workspace);
    const has = (kind: keyof typeof names, name: string) => names[kind].some((r) => r.name === name);
    const functions = new Set(app.workspace.functions.map((f) => f.name));
    for (const fn of app.workspace.functions) {
      for (const json of [fn.event, ...fn.savedEvents.map((e) => e.json)]) expect(() => JSON.parse(json) as unknown, fn.name).not.toThrow();
      for (const [key, value] of Object.entries(fn.environment)) {
        const found =
          key === 'TABLE_NAME' ? has('tables', value)
          : key === 'BUCKET_NAME' ? has('buckets', value)
          : key === 'QUEUE_URL' ? has('queues', value.split('/').at(-1) ?? '')
          : key === 'TOPIC_ARN' ? has('topics', value.split(':').at(-1) ?? '')
          : key === 'EVENT_BUS_NAME' ? has('eventBuses', value)
          : key === 'PRICING_FUNCTION' ? functions.has(value)
          : false;
        expect(found, `${fn.name}: ${key}=${value}`).toBe(true);
      }
    }
  });
});

describe('the sample applications', () => {
  it('each has a title, one paragraph and a link to this page', async () => {
    const links = await sampleLinks(BASE);
    expect(links.map((l) => l.id)).toEqual(['http-dynamodb', 's3-sqs-pipeline', 'order-flow']);
    for (const link of links) {
      expect(link.url.startsWith(`${BASE}#ws`)).toBe(true);
      expect(link.summary).not.toContain('\n');
      expect(link.summary.length).toBeGreaterThan(100);
    }
  });
});

describe('the samples’ chunk', () => {
  it('imports nothing of the app at run time (types only), so the first load’s chunks stay as they were', () => {
    // sampleCatalog.ts and what it imports at run time: files of this folder, none of them sampleBase.ts or sampleLinks.ts.
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      for (const m of source.matchAll(/^import\s+(type\s)?[\s\S]*?from\s+'([^']+)';$/gm)) {
        const [, typeOnly, from = ''] = m;
        if (typeOnly) continue;
        expect(from, `${file} imports ${from}`).toMatch(/^\.\/[A-Za-z]+$/);
        expect(['./sampleBase', './sampleLinks'], `${file} imports ${from}`).not.toContain(from);
        visit(`${from.slice(2)}.ts`);
      }
    };
    visit('sampleCatalog.ts');
    expect([...seen].sort()).toEqual(['httpCrudSample.ts', 'orderFlowSample.ts', 'sampleCatalog.ts', 'sampleEvents.ts', 'sampleFunction.ts', 'uploadPipelineSample.ts']);
  });
});


describe('the sample applications exported as SAM projects', () => {
  const policiesOf = (template: { Resources: Record<string, { Type: string; Properties: { Policies?: Record<string, unknown>[] } }> }, logicalId: string): string[] =>
    (template.Resources[logicalId]?.Properties.Policies ?? []).map((p) => Object.keys(p)[0] ?? '');

  it.each(SAMPLE_APPS.map((app) => [app.title, app] as const))('%s: the template passes the spec checks and every SDK call gets its policy', (_title, app) => {
    const sam = samTemplate(app.workspace);
    // The notes on what the template cannot say (network access, compressed waits) may be there; none on a client that names nothing.
    expect(sam.notes.filter((n) => n.includes('names none'))).toEqual([]);
    const template = parseCfnYaml(sam.yaml) as Parameters<typeof policiesOf>[0];
    expect(checkSamTemplate(template)).toEqual([]);
    const expected: Record<string, Record<string, string[]>> = {
      'http-dynamodb': { ItemsApiFunction: ['DynamoDBCrudPolicy'], ItemsChangesFunction: [] },
      's3-sqs-pipeline': { UploadFunction: ['S3CrudPolicy'], ProcessorFunction: ['S3CrudPolicy', 'SQSSendMessagePolicy'], WorkerFunction: [], RecursiveLoopFunction: ['SQSSendMessagePolicy'] },
      'order-flow': { PlaceOrderFunction: ['SNSPublishMessagePolicy', 'EventBridgePutEventsPolicy', 'EventBridgePutEventsPolicy', 'LambdaInvokePolicy'], PricingFunction: [], NotifierFunction: [] },
    };
    for (const [logicalId, policies] of Object.entries(expected[app.id] ?? {})) expect(policiesOf(template, logicalId).sort(), logicalId).toEqual([...policies].sort());
  });
});
