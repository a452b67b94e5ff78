import { TRIGGER_CHOICES } from './triggers/triggerKindsLive';
import type { TriggerOptions } from './triggers/triggerKindLive';

/** What "Add trigger" offers: each kind's choices (src/state/triggers/<kind>/). */
export type TriggerChoice = string;

/** Add a trigger of the chosen kind to the function; returns a problem to show, or null. */
export function addTrigger(choice: TriggerChoice, functionName: string, options: TriggerOptions): string | null {
  const spec = TRIGGER_CHOICES.find((c) => c.choice === choice);
  if (!spec) return `No trigger type ${choice}.`;
  try {
    return spec.add(functionName, options);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
