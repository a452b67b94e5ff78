/**
 * Monaco's Tab-focus state ("Toggle Tab Key Moves Focus", Ctrl+M): one flag for
 * every editor on the page. The public API has no event for it (the editor's
 * tabFocusMode option only reports its own setting), so the panel listens here.
 */
declare module 'monaco-editor/editor/browser/config/tabFocus.js' {
  export const TabFocus: {
    getTabFocusMode(): boolean;
    onDidChangeTabFocus(listener: (tabFocusMode: boolean) => void): { dispose(): void };
  };
}
