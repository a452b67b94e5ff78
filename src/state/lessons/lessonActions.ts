import type { PlatformSettings } from '../../core/platformSettings';
import type { SqsEventSourceMapping } from '../../core/sources/sqsEventSourceMapping';
import { usePlayground } from '../playgroundStore';
import { useRun } from '../runStore';
import { sourceById, useSources } from '../sourcesStore';
import { sourceIdFor } from '../triggers/triggerKindLive';

/**
 * What a lesson step's button does for the user: the same store actions the
 * page's own controls call, so that a lesson can be followed in an embed
 * (which has no Configuration or Triggers view) and on a projector.
 */
export const lessonActions = {
  setMemory(memoryMb: number): void {
    usePlayground.getState().setConfig({ memoryMb });
  },
  setSettings(patch: Partial<PlatformSettings>): void {
    const run = useRun.getState();
    run.setSettings({ ...run.settings, ...patch });
  },
  startLoad(): void {
    useRun.getState().startLoad();
  },
  sendToQueue(queue: string, body: string): void {
    const id = sourceIdFor('sqs', queue);
    const mapping = sourceById<SqsEventSourceMapping>(id);
    if (mapping) useSources.getState().act(id, (out) => mapping.send(body, undefined, out));
  },
};
