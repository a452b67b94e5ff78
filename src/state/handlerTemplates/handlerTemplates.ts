/**
 * A corpus of handlers of the kind AWS's documentation and common practice
 * show, each with the event it expects: the editor's template menu (which
 * loads this module only when a template is chosen), and a test suite that
 * runs every one unchanged (src/runtime/handlerCorpus.test.ts). The code is
 * in ./code (real files, so they read as handlers), the events in ./events
 * (AWS-shaped, with signatures and encodings computed for real); the list is
 * templateCatalog.ts.
 */
import { TEMPLATE_CATALOG, type TemplateEntry } from './templateCatalog';

export interface HandlerTemplate extends Omit<TemplateEntry, 'source'> {
  code: string;
  /** The test event, as JSON text. */
  event: string;
}

const code = import.meta.glob<string>('./code/*', { query: '?raw', import: 'default', eager: true });
const events = import.meta.glob<string>('./events/*.json', { query: '?raw', import: 'default', eager: true });

function build({ source, ...entry }: TemplateEntry): HandlerTemplate {
  const text = code[`./code/${source}`];
  const event = events[`./events/${entry.id}.json`];
  if (text === undefined || event === undefined) throw new Error(`Handler template ${entry.id} is missing its code or event`);
  return { ...entry, code: text, event };
}

export const HANDLER_TEMPLATES: readonly HandlerTemplate[] = TEMPLATE_CATALOG.map(build);
