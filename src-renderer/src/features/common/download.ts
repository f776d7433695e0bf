/**
 * Offers bytes for saving. In Electron a download opens the system's save dialog, so the user
 * chooses where it goes; no file system access is needed in the renderer.
 */
export function saveBase64File(base64: string, fileName: string, mimeType: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A generated PDF (invitation letters, SmartPost letters). */
export function saveBase64Pdf(base64: string, fileName: string): void {
  saveBase64File(base64, fileName, 'application/pdf');
}

/** A name that is safe in a file name on every system. */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|]+/g, '-').trim();
}
