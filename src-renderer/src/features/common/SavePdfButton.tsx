import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { saveBase64Pdf } from './download';

/** The button that offers a generated PDF (a batch of letters) for saving under `fileName`. */
export function SavePdfButton({
  pdf,
  fileName,
  children,
  onSaved,
}: {
  pdf: string;
  fileName: string;
  children: ReactNode;
  /** Called once the PDF was offered for saving. */
  onSaved?: () => void;
}) {
  return (
    <Button
      variant="light"
      onClick={() => {
        saveBase64Pdf(pdf, fileName);
        onSaved?.();
      }}
    >
      {children}
    </Button>
  );
}
