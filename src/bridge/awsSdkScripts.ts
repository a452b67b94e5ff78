import type { FunctionConfig } from '../core/functionConfig';
import { awsSdkScriptPath } from '../protocol/awsSdk';
import { compileHandlerCached } from './compileHandler';

const loading = new Map<string, Promise<string>>();

/** One group's script, served by the app under `aws-sdk/` (build/awsSdkAssets.ts), fetched once per tab. */
function loadGroup(group: string): Promise<string> {
  let script = loading.get(group);
  if (!script) {
    script = fetch(new URL(awsSdkScriptPath(group), document.baseURI)).then((r) => {
      if (!r.ok) throw new Error(`The AWS SDK's ${group} client could not be loaded (HTTP ${r.status})`);
      return r.text();
    });
    loading.set(group, script);
    script.catch(() => loading.delete(group));
  }
  return script;
}

/**
 * The AWS SDK scripts a Node.js function's handler imports, by group;
 * undefined when it imports none. Fetched before the environment starts
 * (as the compiler is), so only their evaluation, in the environment, is
 * part of Init. A script that cannot be fetched is left out: the handler's
 * `require` then fails in Node's words, as a missing package would.
 */
export async function awsSdkScriptsFor(config: Pick<FunctionConfig, 'fileName' | 'code'>): Promise<Record<string, string> | undefined> {
  const compiled = compileHandlerCached(config.fileName, config.code);
  if (!compiled.ok || !compiled.awsSdk?.length) return undefined;
  const entries = await Promise.all(compiled.awsSdk.map((g) => loadGroup(g).then((s): [string, string] => [g, s], () => null)));
  const scripts = Object.fromEntries(entries.filter((e): e is [string, string] => e !== null));
  return Object.keys(scripts).length > 0 ? scripts : undefined;
}
