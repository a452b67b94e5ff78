import { useEffect, useId, useRef, useState } from 'react';
import { GLOSSARY, type GlossaryId } from './glossary';
import './glossary.css';

/**
 * A small "?" button beside a Lambda term that opens its explanation: one or
 * two sentences and a link to AWS's documentation. Escape or a click
 * elsewhere closes it and focus returns to the button. It sits beside a
 * label, never inside it, so the field's accessible name stays the label's.
 */
export function Term({ id }: { id: GlossaryId }) {
  const entry = GLOSSARY[id];
  const [open, setOpen] = useState(false);
  const popId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [open]);
  return (
    <span className="term" ref={box}>
      <button
        ref={button}
        type="button"
        className="term-button"
        aria-label={`What is ${entry.title}?`}
        aria-expanded={open}
        aria-controls={open ? popId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open && (
        <span id={popId} role="dialog" aria-label={entry.title} className="term-popover">
          <strong>{entry.title}</strong> <span>{entry.text}</span>{' '}
          <a href={entry.href} target="_blank" rel="noopener noreferrer">
            AWS documentation: {entry.title}
          </a>
        </span>
      )}
    </span>
  );
}
