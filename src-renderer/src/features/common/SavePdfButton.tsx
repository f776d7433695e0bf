import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { saveBase64Pdf } from './download';

/** The button that offers a generated PDF (a batch of letters) for saving under `fileName`. */
export function SavePdfButton({
  pdf,
  fileName,
  children,
}: {
  pdf: string;
  fileName: string;
  children: ReactNode;
}) {
  return (
    <Button variant="light" onClick={() => saveBase64Pdf(pdf, fileName)}>
      {children}
    </Button>
  );
}
