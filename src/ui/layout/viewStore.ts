import { create } from 'zustand';

/**
 * The page's views, in tab order. Run is the teaching view (editor, Invoke,
 * Response, load and Timeline at once); the others hold what a class looks at
 * less often. A new view (Power tuning, say) is one more entry here and one
 * more case in App's view switch.
 */
export const VIEWS = [
  { id: 'run', label: 'Run' },
  { id: 'configuration', label: 'Configuration' },
  { id: 'triggers', label: 'Triggers' },
  { id: 'resources', label: 'Resources' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'billing', label: 'Billing' },
  { id: 'traces', label: 'Traces' },
  { id: 'simulation', label: 'Simulation' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

interface ViewState {
  view: ViewId;
  /** Views shown at least once: light ones stay mounted (hidden) afterwards, so what was typed in them survives a tab switch. */
  visited: ReadonlySet<ViewId>;
  show(view: ViewId): void;
}

/** Which view is shown: UI state only, never saved or shared. */
export const useView = create<ViewState>()((set) => ({
  view: 'run',
  visited: new Set<ViewId>(['run']),
  show: (view) => set((s) => (s.view === view ? s : { view, visited: s.visited.has(view) ? s.visited : new Set([...s.visited, view]) })),
}));

export const tabId = (view: ViewId): string => `view-tab-${view}`;
export const panelId = (view: ViewId): string => `view-panel-${view}`;

/** Show a view from a control that the switch hides (a link in another view): focus follows to the view's tab, not to the page's start. */
export function goToView(view: ViewId): void {
  useView.getState().show(view);
  requestAnimationFrame(() => document.getElementById(tabId(view))?.focus());
}
