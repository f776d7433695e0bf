import { create } from 'zustand';
import type { DeletionCandidate } from '../../../../shared/ipc';

/** The deletion candidates ticked for anonymising, by id with their names, kept across pages. */
export const useCandidateSelection = create<{
  selected: Record<number, string>;
  select(candidates: readonly DeletionCandidate[], selected: boolean): void;
  clear(): void;
}>((set) => ({
  selected: {},
  select: (candidates, selected) =>
    set((state) => {
      const next = { ...state.selected };
      for (const candidate of candidates) {
        if (selected) next[candidate.id] = candidate.displayName;
        else delete next[candidate.id];
      }
      return { selected: next };
    }),
  clear: () => set({ selected: {} }),
}));
