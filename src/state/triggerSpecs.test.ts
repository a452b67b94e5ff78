// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../bundle.d.ts" />
import { describe, expect, it } from 'vitest';
import { DEFAULT_SQS_MAPPING_SETTINGS } from '../core/sources/sqsMappingSettings';
import type { WorkspaceTrigger } from '../core/workspace/workspaceTypes';
import { useSources } from './sourcesStore';
import { captureTriggers, restoreTriggers } from './triggerSpecs';

const QUEUE: WorkspaceTrigger = { type: 'sqs', queue: 'orders', function: 'my-function', settings: { ...DEFAULT_SQS_MAPPING_SETTINGS } };

describe('triggers restored while their code loads', () => {
  it('are saved as they were until they exist, then from their sources', async () => {
    // No trigger kind has been loaded in this test file: the rebuild waits for the code.
    const restored = restoreTriggers([QUEUE]);
    expect(restored).toBeInstanceOf(Promise);
    // A save meanwhile keeps them.
    expect(captureTriggers()).toEqual([QUEUE]);
    expect(await restored).toEqual([]);
    expect(useSources.getState().triggers.map((t) => t.sourceId)).toEqual(['sqs-orders']);
    expect(captureTriggers()).toEqual([QUEUE]);
  });
});
