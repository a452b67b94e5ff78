// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../bundle.d.ts" />
import { afterEach, describe, expect, it } from 'vitest';
import { TRIGGER_KINDS, triggerFunctions } from '../../core/triggers/triggerKinds';
import { compactWorkspace } from '../../core/workspace/compactWorkspace';
import { readWorkspace } from '../../core/workspace/readWorkspace';
import { samTemplate } from '../../core/workspace/samTemplate';
import { FUNCTION_DEFAULTS, WORKSPACE_DEFAULTS, type Workspace } from '../../core/workspace/workspaceTypes';
import type { YamlMap } from '../../core/workspace/yamlEmitter';
import { addTrigger } from '../../state/triggerFactories';
import { TRIGGER_CHOICES, TRIGGER_KINDS_LIVE } from '../../state/triggers/triggerKindsLive';
import { captureTriggers, removeAllTriggers, restoreTriggers } from '../../state/triggerSpecs';
import { TRIGGER_VIEWS } from './triggerViews';
import { loadTriggerKinds } from '../../state/triggerSpecs';

// The trigger kinds load on demand in the app; here they are loaded before any workspace is applied.
await loadTriggerKinds();

const kinds = Object.keys(TRIGGER_KINDS).sort();
const workspaceOf = (triggers: Workspace['triggers']): Workspace => ({ ...WORKSPACE_DEFAULTS, functions: [{ ...FUNCTION_DEFAULTS, name: 'fn' }], triggers });

/** What the SAM template gives the function: its events' types, and whether it has a function URL. */
function samOf(workspace: Workspace): { events: string[]; url: boolean } {
  const template = samTemplate(workspace);
  const id = template.layout[0]?.logicalId as string;
  const props = ((template.document.Resources as YamlMap)[id] as YamlMap).Properties as YamlMap;
  const events = Object.values((props.Events as YamlMap | undefined) ?? {}).map((e) => String((e as YamlMap).Type));
  return { events, url: props.FunctionUrlConfig !== undefined };
}

afterEach(() => removeAllTriggers());

describe('the trigger-kind registry', () => {
  it('every kind has its core part, its live part and its view, and no layer has a kind the others lack', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(TRIGGER_KINDS_LIVE).sort()).toEqual(kinds);
    expect(Object.keys(TRIGGER_VIEWS).sort()).toEqual(kinds);
    for (const type of kinds) {
      const core = TRIGGER_KINDS[type as keyof typeof TRIGGER_KINDS];
      const live = TRIGGER_KINDS_LIVE[type as keyof typeof TRIGGER_KINDS_LIVE];
      const view = TRIGGER_VIEWS[type as keyof typeof TRIGGER_VIEWS];
      expect(core.type).toBe(type);
      expect(typeof core.sam).toBe('function');
      expect(Object.keys(core.shape).length).toBeGreaterThan(0);
      expect(live.type).toBe(type);
      expect(live.choices.length).toBeGreaterThan(0);
      expect(view.label).not.toBe('');
      expect(typeof view.View).toBe('function');
    }
    const choices = TRIGGER_CHOICES.map((c) => c.choice);
    expect(new Set(choices).size).toBe(choices.length);
  });

  it.each(TRIGGER_CHOICES.map((c) => [c.label, c.choice]))('%s: added, saved, read back, rebuilt and exported to SAM', (_label, choice) => {
    expect(addTrigger(choice, 'fn', { name: '', detail: '' })).toBeNull();
    const saved = captureTriggers();
    expect(saved).toHaveLength(1);
    const trigger = saved[0]!;
    expect(triggerFunctions(trigger)).toContain('fn');

    // save → read: the compact JSON of a link reads back as the same workspace.
    const workspace = workspaceOf(saved);
    const read = readWorkspace(JSON.parse(JSON.stringify(compactWorkspace(workspace))));
    expect(read).toEqual(workspace);

    // read → live: the source rebuilt from the saved form saves the same form.
    removeAllTriggers();
    expect(captureTriggers()).toEqual([]);
    expect(restoreTriggers(read.triggers)).toEqual([]);
    expect(captureTriggers()).toEqual(saved);

    // read → SAM: the function gets an event source or a function URL it did not have without the trigger.
    const bare = samOf(workspaceOf([]));
    const withTrigger = samOf(read);
    expect(bare).toEqual({ events: [], url: false });
    expect(withTrigger.events.length > 0 || withTrigger.url).toBe(true);
  });

  it('a saved trigger of a kind that is not registered is refused with its path', () => {
    expect(() => readWorkspace({ functions: [{ name: 'fn' }], triggers: [{ type: 'carrier-pigeon', function: 'fn' }] })).toThrow(
      'triggers[0].type: expected one of http, s3, sqs, sns, eventbridge, dynamodb, kinesis, got "carrier-pigeon"',
    );
  });
});
