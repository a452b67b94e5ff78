import { resourceNamesIn } from '../core/workspace/resourceNames';
import type { ResourceKind } from '../core/workspace/workspaceResources';
import { useResources } from './resourcesStore';
import { useSources } from './sourcesStore';
import { captureTriggers } from './triggerSpecs';

/** The names of the kind that only triggers define (their sources), kept current as triggers and resources change; joined with commas. */
export function useTriggerSourceNames(kind: ResourceKind): string {
  const resources = useResources((s) => s.resources);
  const triggers = useSources((s) => s.triggers);
  if (triggers.length === 0) return '';
  const names = resourceNamesIn({ resources, triggers: captureTriggers() })[kind];
  return names
    .filter((n) => n.origin === 'trigger')
    .map((n) => n.name)
    .join(', ');
}
