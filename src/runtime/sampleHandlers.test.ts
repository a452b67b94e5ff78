import { describe, expect, it } from 'vitest';
import type { WorkspaceFunction } from '../core/workspace/workspaceTypes';
import { orderFlowSample } from '../state/samples/orderFlowSample';
import { SAMPLE_BASE } from '../state/samples/sampleBase';
import { uploadPipelineSample } from '../state/samples/uploadPipelineSample';
import { Environment, withCorpusRuntime, type Invocation } from './handlerCorpus.test-support';

/**
 * The sample applications' handlers that call no AWS service, run with their
 * own test events through the runtime's load and invoke path (as the
 * template corpus is). The ones that call services run in e2e/samples.spec.ts.
 */
withCorpusRuntime();

function sampleFn(name: string): WorkspaceFunction {
  const fn = [...orderFlowSample(SAMPLE_BASE).functions, ...uploadPipelineSample(SAMPLE_BASE).functions].find((f) => f.name === name);
  if (!fn) throw new Error(`no sample function ${name}`);
  return fn;
}

async function run(name: string, event?: unknown): Promise<Invocation> {
  const fn = sampleFn(name);
  const env = await Environment.start({ id: name, label: name, group: 'Event sources', fileName: 'index.mjs', code: fn.code, event: fn.event });
  return env.invoke(event ?? JSON.parse(fn.event));
}

/** Each log line's level and message (without its timestamp and request id). */
const lines = (inv: Invocation): string[] => inv.logs.map((l) => l.text.split('\t').slice(2).join(' '));

describe('the sample handlers', () => {
  it('pricing prices its test event to the cent, and refuses an item it has no price for', async () => {
    const priced = await run('pricing');
    expect(priced.outcome.kind).toBe('success');
    expect(priced.result).toEqual({
      lines: [{ sku: 'book', quantity: 2, unit: 12.5, amount: 25 }, { sku: 'pen', quantity: 3, unit: 1.2, amount: 3.6 }],
      total: 28.6,
      currency: 'USD',
    });
    const unknown = await run('pricing', { items: [{ sku: 'mug', quantity: 1 }] });
    expect(unknown.outcome.kind === 'error' ? [unknown.outcome.error.errorType, unknown.outcome.error.errorMessage] : unknown.outcome).toEqual(['Error', 'No price for mug']);
  });

  it('worker reports only the poison message as a batch item failure', async () => {
    const fn = sampleFn('worker');
    const event = JSON.parse(fn.event) as { Records: { messageId: string }[] };
    const inv = await run('worker');
    expect(inv.result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }] });
    expect(lines(inv)).toEqual(['INFO Processed A-1001: 2 × book', 'ERROR Rejected B-2002: quantity "-3" (receive 1)']);
  });

  it('billing, shipping and notifier log the order their test events carry', async () => {
    expect(lines(await run('billing'))).toEqual(['INFO billing: charge ana@example.com 28.6 USD for o-1001']);
    expect(lines(await run('shipping'))).toEqual(['INFO shipping: pack 5 items for o-1001 (Order o-1001)']);
    expect(lines(await run('notifier'))).toEqual(['INFO notifier: OrderPlaced from shop.orders: email ana@example.com about o-1001']);
  });
});
