import { useEffect, useState } from 'react';

/**
 * For a dialog that is mounted open and unmounted on close: gives the focus back to the element that
 * had it when the dialog opened (usually the button that opened it), so that a keyboard user goes on
 * from there. Mantine returns the focus only when `opened` changes, which such a dialog never does.
 */
export function useReturnFocus(): void {
  // Read while rendering, before the dialog takes the focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      // After the dialog's elements are gone; only if the focus fell back to the page itself and the
      // opener is still there (a dialog may navigate elsewhere, or focus something on purpose).
      setTimeout(() => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
      });
    };
  }, [opener]);
}
