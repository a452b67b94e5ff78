import type { PlatformSettings } from '../../core/platformSettings';
import type { SqsEventSourceMapping } from '../../core/sources/sqsEventSourceMapping';
import { usePlayground } from '../playgroundStore';
import { useRun } from '../runStore';
import { sourceById, useSources } from '../sourcesStore';
import { sourceIdFor } from '../triggers/triggerKindLive';
import { useVersions } from '../versionsStore';

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
  /**
   * What a user does in the Versions panel and the Concurrency form, in
   * order: publish the function as it is, point `alias` at that version,
   * configure `count` provisioned environments on the alias, and make the
   * alias what Invoke and load runs call.
   */
  provisionOnAlias(alias: string, count: number): void {
    const { selectedId, config } = usePlayground.getState();
    const versions = useVersions.getState();
    void versions.publish(selectedId, config, 'Published by the lesson');
    const latest = useVersions.getState().byFunction[selectedId]?.versions.at(-1);
    if (!latest) return;
    versions.putAlias(selectedId, config.name, { name: alias, functionVersion: latest.version, additional: null, description: '' }, useVersions.getState().byFunction[selectedId]?.aliases.some((a) => a.name === alias) ? alias : null);
    versions.setQualifier(selectedId, alias);
    lessonActions.setSettings({ provisionedConcurrency: count, provisionedQualifier: alias });
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
