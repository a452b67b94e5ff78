import { create } from 'zustand';

/** Whether the Power tuning region is shown beside the view: UI state only, never saved. */
export const usePowerTuningPanel = create<{ open: boolean; toggle(): void; show(open: boolean): void }>()((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
  show: (open) => set({ open }),
}));

export const POWER_TUNING_PANEL_ID = 'power-tuning-panel';
