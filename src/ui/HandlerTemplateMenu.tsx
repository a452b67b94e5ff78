import { DEFAULT_CONFIG, isPythonRuntime } from '../core/functionConfig';
import { EXAMPLE_CODE } from '../state/exampleFunction';
import { TEMPLATE_CATALOG, TEMPLATE_GROUPS } from '../state/handlerTemplates/templateCatalog';
import { usePlayground } from '../state/playgroundStore';

/**
 * The editor's template menu: a handler from the corpus replaces the code,
 * the file (and the runtime, when the handler needs one) and the test event.
 * The handlers' code is loaded only when one is chosen. Edited code (neither
 * the example's nor a template's, as loaded) is replaced only after the user
 * agrees; the editor's undo still brings it back.
 */
export function HandlerTemplateMenu() {
  const choose = async (id: string): Promise<void> => {
    const { HANDLER_TEMPLATES } = await import('../state/handlerTemplates/handlerTemplates');
    const t = HANDLER_TEMPLATES.find((x) => x.id === id);
    if (!t) return;
    const { config, setConfig, setEventText } = usePlayground.getState();
    const pristine = config.code === EXAMPLE_CODE || HANDLER_TEMPLATES.some((x) => x.code === config.code);
    if (!pristine && !window.confirm(`Replace your code and test event with the “${t.label}” template? (Undo in the editor brings your code back.)`)) return;
    // A template for another runtime family brings its runtime (a Python one keeps a Python runtime already chosen); a Node.js one leaves a custom or Python runtime for the default.
    const python = t.fileName.endsWith('.py');
    const runtime = python ? (isPythonRuntime(config.runtime) ? undefined : t.runtime) : (t.runtime ?? (config.runtime.startsWith('provided') || isPythonRuntime(config.runtime) ? DEFAULT_CONFIG.runtime : undefined));
    const handler = t.fileName === 'bootstrap' ? 'function.handler' : python ? 'lambda_function.lambda_handler' : 'index.handler';
    setConfig({ code: t.code, fileName: t.fileName, handler, ...(runtime ? { runtime } : {}) });
    setEventText(t.event);
  };
  return (
    <label className="inline">
      <span className="sr-only">Handler template</span>
      <select aria-label="Handler template" value="" onChange={(e) => void choose(e.target.value)}>
        <option value="">Templates…</option>
        {TEMPLATE_GROUPS.map((group) => (
          <optgroup key={group} label={group}>
            {TEMPLATE_CATALOG.filter((t) => t.group === group).map((t) => (
              <option key={t.id} value={t.id}>{t.label}</option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
