import { jsonEqual, withoutDefaults } from './fieldReader';
import { FUNCTION_DEFAULTS, TRIGGER_DEFAULTS, WORKSPACE_DEFAULTS, type Workspace, type WorkspaceTrigger } from './workspaceTypes';

/**
 * The workspace with every field that equals its default left out: what a
 * share link and a saved record carry. `readWorkspace(compactWorkspace(w))`
 * gives `w` back.
 */
export function compactWorkspace(w: Workspace): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (w.name !== WORKSPACE_DEFAULTS.name) out.name = w.name;
  out.functions = w.functions.map((f) => {
    const c: Record<string, unknown> = withoutDefaults(f, FUNCTION_DEFAULTS);
    // A function's name is always written: links stay readable and triggers refer to it.
    return { name: f.name, ...c };
  });
  if (w.selected !== WORKSPACE_DEFAULTS.selected) out.selected = w.selected;
  if (w.triggers.length > 0) out.triggers = w.triggers.map(compactTrigger);
  const concurrency = withoutDefaults(w.concurrency, WORKSPACE_DEFAULTS.concurrency);
  if (Object.keys(concurrency).length > 0) out.concurrency = concurrency;
  const plan = withoutDefaults(w.loadPlan, WORKSPACE_DEFAULTS.loadPlan);
  if (Object.keys(plan).length > 0) out.loadPlan = plan;
  if (w.scenarios.length > 0) out.scenarios = w.scenarios;
  return out;
}

function compactTrigger(t: WorkspaceTrigger): Record<string, unknown> {
  const D = TRIGGER_DEFAULTS;
  switch (t.type) {
    case 'http':
      return t.format === D.httpFormat ? { type: t.type, function: t.function } : { ...t };
    case 's3':
    case 'sns':
      return { ...t };
    case 'sqs': {
      const settings = withoutDefaults(t.settings, D.sqs);
      return { type: t.type, queue: t.queue, function: t.function, ...(Object.keys(settings).length > 0 ? { settings } : {}) };
    }
    case 'eventbridge':
      return {
        type: t.type,
        ...(t.bus !== D.bus ? { bus: t.bus } : {}),
        ...(t.schedules.length > 0 ? { schedules: t.schedules.map((s) => (s.enabled === D.scheduleEnabled ? { name: s.name, expression: s.expression, function: s.function } : s)) } : {}),
        ...(t.rules.length > 0 ? { rules: t.rules } : {}),
      };
    case 'dynamodb':
    case 'kinesis': {
      const settings = withoutDefaults(t.settings, D.stream);
      const { settings: _settings, ...rest } = t;
      const c: Record<string, unknown> = { ...rest };
      if (c.startingPosition === D.startingPosition) delete c.startingPosition;
      if (t.type === 'dynamodb') {
        if (jsonEqual(t.partitionKey, D.partitionKey)) delete c.partitionKey;
        if (t.streamViewType === D.streamViewType) delete c.streamViewType;
        if (t.shards === D.dynamodbShards) delete c.shards;
      } else if (t.shards === D.kinesisShards) delete c.shards;
      if (Object.keys(settings).length > 0) c.settings = settings;
      return c;
    }
  }
}
