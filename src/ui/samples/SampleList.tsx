import { useEffect, useState } from 'react';
import { sampleLinks, type SampleLink } from '../../state/samples/sampleLinks';
import { playgroundBaseUrl } from '../../state/workspaceTransfer';

/**
 * Each sample application: its name is its share link, so opening one takes
 * the path every link takes (a new workspace, the notice that its code came
 * from a link, and the prompt for anything it asks to run on its own). The
 * samples themselves are fetched (sampleLinks) when the list first shows.
 */
export function SampleList({ onOpen }: { onOpen: () => void }) {
  const [links, setLinks] = useState<SampleLink[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    sampleLinks(playgroundBaseUrl()).then(
      (made) => {
        if (current) setLinks(made);
      },
      // Their chunk could not be fetched (offline, or a new version of the site replaced it): say so rather than wait forever.
      (err: unknown) => {
        if (current) setProblem(`The samples could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
    return () => {
      current = false;
    };
  }, []);
  if (problem) return <p role="alert">{problem}</p>;
  if (!links) return <p className="hint">Loading the samples…</p>;
  return (
    <>
      <p className="hint">Each opens as a new workspace, as a shared link does.</p>
      <ul className="sample-list" aria-label="Sample applications">
        {links.map((s) => (
          <li key={s.id}>
            <a className="sample-title" href={s.url} onClick={onOpen}>
              {s.title}
            </a>
            <p>{s.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
