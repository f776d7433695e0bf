import type { ReactNode } from 'react';
import { Anchor, type AnchorProps } from '@mantine/core';

/**
 * The keyboard-reachable link in a clickable table row: opens the same thing as the row, without
 * the click also reaching the row.
 */
export function RowLink({
  onOpen,
  children,
  ...props
}: AnchorProps & { onOpen: () => void; children: ReactNode }) {
  return (
    <Anchor
      component="button"
      type="button"
      {...props}
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
    >
      {children}
    </Anchor>
  );
}
