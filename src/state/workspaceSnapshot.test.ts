// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../bundle.d.ts" />
import { describe, expect, it } from 'vitest';
import { EVERY_TRIGGER, UNICODE } from '../core/workspace/sampleWorkspaces.test-support';
import type { Workspace } from '../core/workspace/workspaceTypes';
import { useSources } from './sourcesStore';
import { applyWorkspace, captureWorkspace } from './workspaceSnapshot';
import { loadTriggerKinds } from './triggerSpecs';

// The trigger kinds load on demand in the app; here they are loaded before any workspace is applied.
await loadTriggerKinds();

/** Provisioned concurrency would start environments (sandboxed frames) at once: not in Node. */
const withoutProvisioned = (w: Workspace): Workspace => ({ ...w, concurrency: { ...w.concurrency, provisionedConcurrency: 0 } });

describe('the stores hold a workspace and give it back', () => {
  it('every trigger type: sources are rebuilt from their settings and read back the same', () => {
    const workspace = withoutProvisioned(EVERY_TRIGGER);
    expect(applyWorkspace(workspace)).toEqual([]);
    expect(useSources.getState().triggers.map((t) => t.kind)).toEqual(['http', 'http', 'http', 's3', 'sqs', 'sns', 'eventbridge', 'dynamodb', 'kinesis']);
    expect(captureWorkspace(workspace.name, workspace.scenarios)).toEqual(workspace);
  });

  it('opening another workspace replaces functions and triggers', () => {
    applyWorkspace(withoutProvisioned(EVERY_TRIGGER));
    applyWorkspace(UNICODE);
    expect(useSources.getState().triggers).toEqual([]);
    expect(captureWorkspace(UNICODE.name, [])).toEqual(UNICODE);
  });

  it("a function's Active tracing is kept; PassThrough (the default) is left out", () => {
    const first = UNICODE.functions[0]!;
    const traced: Workspace = { ...UNICODE, functions: [{ ...first, tracing: 'Active' }, { ...first, name: 'untraced' }] };
    applyWorkspace(traced);
    const captured = captureWorkspace(traced.name, []);
    expect(captured).toEqual(traced);
    expect(captured.functions[0]?.tracing).toBe('Active');
    expect(captured.functions[1]).not.toHaveProperty('tracing');
  });
});
