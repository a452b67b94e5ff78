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
  useEffect(() => {
    let current = true;
    void sampleLinks(playgroundBaseUrl()).then((made) => {
      if (current) setLinks(made);
    });
    return () => {
      current = false;
    };
  }, []);
  if (!links) return <p className="hint">Loading the samples…</p>;
  return (
    <>
      <p className="hint">Each opens as a new workspace; yours stay saved.</p>
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
