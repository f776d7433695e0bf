import type { ReactNode } from 'react';
import { ScrollArea } from '@mantine/core';

/**
 * A box that scrolls once its content is taller than `mah`. Its viewport takes keyboard focus (so the
 * arrow keys scroll it) and is a region named `label`, which a screen reader announces on focus.
 */
export function ScrollRegion({ label, mah, children }: { label: string; mah: number; children: ReactNode }) {
  return (
    <ScrollArea.Autosize
      mah={mah}
      type="auto"
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}
    >
      {children}
    </ScrollArea.Autosize>
  );
}
