import { useEffect, useRef } from 'react';
import type { ShareLink } from '../state/workspaceTransfer';

/**
 * The link just made: in a text field (selected, so it can be copied by
 * hand when the clipboard is not allowed), its length, and a warning when
 * chat and mail tools are likely to cut it.
 */
export function ShareLinkDialog({ link, copied, onClose }: { link: ShareLink; copied: boolean | null; onClose(): void }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.select();
  }, [link.url]);
  return (
    <div className="share-dialog" role="dialog" aria-label="Share link">
      <label className="field">
        <span>Share link</span>
        <input ref={field} readOnly value={link.url} spellCheck={false} onFocus={(e) => e.target.select()} />
      </label>
      <p role="status" className="hint">
        {copied === true ? 'Copied to the clipboard. ' : copied === false ? 'Select the link and copy it (the clipboard was not available). ' : ''}
        The workspace is in the part after #, which browsers never send to a server.
      </p>
      <p className={link.level === 'ok' ? 'hint' : link.level === 'notice' ? 'hint warn' : 'link-warning'} data-level={link.level}>
        {link.advice}
      </p>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
