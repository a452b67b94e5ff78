import { HttpTrigger } from '../../../core/sources/httpTrigger';
import type { HttpFormat } from '../../../core/sources/httpTypes';
import { sourceById, sourceContext, useSources } from '../../sourcesStore';
import { registerOrTarget, sourceIdFor, triggerKindLive, type TriggerChoiceSpec } from '../triggerKindLive';

const CHOICE_OF: Record<HttpFormat, string> = { 'function-url': 'function-url', 'http-v2': 'http-api', 'rest-v1': 'rest-api' };

function addHttp(format: HttpFormat, functionName: string): string | null {
  const id = sourceIdFor(CHOICE_OF[format], functionName);
  if (useSources.getState().triggers.some((t) => t.sourceId === id)) return `${functionName} already has this trigger.`;
  registerOrTarget('http', id, functionName, () => new HttpTrigger(sourceContext, { id, functionName, format }));
  return null;
}

const choice = (format: HttpFormat, label: string, hint: string): TriggerChoiceSpec => ({ choice: CHOICE_OF[format], label, hint, add: (functionName) => addHttp(format, functionName) });

export const httpTriggerLive = triggerKindLive({
  type: 'http',
  choices: [
    choice('function-url', 'Function URL', 'Synchronous. The request builder shows the HTTP response the client would get.'),
    choice('http-v2', 'API Gateway HTTP API (payload 2.0)', 'Synchronous, payload format 2.0, $default route.'),
    choice('rest-v1', 'API Gateway REST API (payload 1.0)', 'Synchronous, proxy integration on ANY /{proxy+}.'),
  ],
  capture(entry) {
    const source = sourceById<HttpTrigger>(entry.sourceId);
    return source ? { type: 'http', function: entry.functionNames[0] ?? '', format: source.view().format } : null;
  },
  restore: (t) => addHttp(t.format, t.function),
});
