import { useRef, type KeyboardEvent } from 'react';
import { panelId, tabId, useView, VIEWS, type ViewId } from './viewStore';

/**
 * The page's views as an ARIA tab list (WAI-ARIA Authoring Practices, tabs
 * with automatic activation): one Tab stop, the arrow keys, Home and End move
 * between tabs and show the view.
 */
export function ViewTabs({ mounted }: { mounted: ReadonlySet<ViewId> }) {
  const view = useView((s) => s.view);
  const show = useView((s) => s.show);
  const refs = useRef(new Map<ViewId, HTMLButtonElement>());
  const move = (e: KeyboardEvent<HTMLButtonElement>, from: number): void => {
    const last = VIEWS.length - 1;
    const to = { ArrowRight: from + 1, ArrowLeft: from - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = VIEWS[(to + VIEWS.length) % VIEWS.length]!.id;
    show(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label="Views" className="view-tabs">
      {VIEWS.map((v, i) => {
        const selected = v.id === view;
        return (
          <button
            key={v.id}
            ref={(el) => {
              if (el) refs.current.set(v.id, el);
              else refs.current.delete(v.id);
            }}
            type="button"
            role="tab"
            id={tabId(v.id)}
            aria-selected={selected}
            // Only panels that exist are pointed at.
            aria-controls={mounted.has(v.id) ? panelId(v.id) : undefined}
            tabIndex={selected ? 0 : -1}
            className={selected ? 'view-tab selected' : 'view-tab'}
            onClick={() => show(v.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {v.label}
          </button>
        );
      })}
    </div>
  );
}
