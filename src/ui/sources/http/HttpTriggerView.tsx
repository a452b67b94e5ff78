import type { HttpTrigger } from '../../../core/sources/httpTrigger';
import { sourceById, useSources } from '../../../state/sourcesStore';
import { HttpRequestPanel } from './HttpRequestPanel';

/** The function URL or API's request builder, wired to the store. */
export function HttpTriggerView({ sourceId }: { sourceId: string }) {
  useSources((s) => s.version);
  const act = useSources((s) => s.act);
  const source = sourceById<HttpTrigger>(sourceId);
  if (!source) return null;
  return <HttpRequestPanel view={source.view()} onSend={(r) => act(sourceId, (out) => source.send(r, out))} onFormatChange={(f) => act(sourceId, (out) => source.setFormat(f, out))} />;
}
