import { useView } from './viewStore';

/** The handler editor's text area (Monaco's), or null before the editor has loaded. */
function handlerEditor(): HTMLElement | null {
  return document.querySelector<HTMLElement>('textarea[aria-label="Handler code"]');
}

/**
 * The first Tab stop: straight to the code, past the top bar and the tabs.
 * It shows the Run view first if another view is open.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        const editor = handlerEditor();
        useView.getState().show('run');
        if (!editor) return; // before Monaco arrives: the link's own target, the view
        e.preventDefault();
        requestAnimationFrame(() => editor.focus());
      }}
    >
      Skip to the editor
    </a>
  );
}
