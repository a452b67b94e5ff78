import { EXAMPLE_CODE } from '../state/exampleFunction';
import { HANDLER_TEMPLATES, TEMPLATE_GROUPS } from '../state/handlerTemplates/handlerTemplates';
import { usePlayground } from '../state/playgroundStore';

/** Code the user has not changed: the example's or a template's, as loaded. */
const isPristine = (code: string): boolean => code === EXAMPLE_CODE || HANDLER_TEMPLATES.some((t) => t.code === code);

/**
 * The editor's template menu: a handler from the corpus replaces the code,
 * the file (and the runtime, when the handler needs one) and the test event.
 * Edited code is replaced only after the user agrees; the editor's undo
 * still brings it back.
 */
export function HandlerTemplateMenu() {
  const code = usePlayground((s) => s.config.code);
  const setConfig = usePlayground((s) => s.setConfig);
  const setEventText = usePlayground((s) => s.setEventText);
  const choose = (id: string): void => {
    const t = HANDLER_TEMPLATES.find((x) => x.id === id);
    if (!t) return;
    if (!isPristine(code) && !window.confirm(`Replace your code and test event with the “${t.label}” template? (Undo in the editor brings your code back.)`)) return;
    setConfig({ code: t.code, fileName: t.fileName, handler: 'index.handler', ...(t.runtime ? { runtime: t.runtime } : {}) });
    setEventText(t.event);
  };
  return (
    <label className="inline">
      <span className="sr-only">Handler template</span>
      <select aria-label="Handler template" value="" onChange={(e) => choose(e.target.value)}>
        <option value="">Templates…</option>
        {TEMPLATE_GROUPS.map((group) => (
          <optgroup key={group} label={group}>
            {HANDLER_TEMPLATES.filter((t) => t.group === group).map((t) => (
              <option key={t.id} value={t.id}>{t.label}</option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
