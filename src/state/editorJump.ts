import { create } from 'zustand';

/**
 * A request to put the code editor's cursor somewhere (a clicked trace
 * line). `seq` makes the same place asked twice a new request. Pure UI state:
 * the editor follows it; nothing here talks to workers.
 */
export interface EditorJump {
  line: number;
  column: number;
  seq: number;
}

interface EditorJumpState {
  jump: EditorJump | null;
  goTo(line: number, column: number): void;
}

export const useEditorJump = create<EditorJumpState>((set, get) => ({
  jump: null,
  goTo(line, column) {
    set({ jump: { line, column, seq: (get().jump?.seq ?? 0) + 1 } });
  },
}));
