/**
 * Offers an uploaded document's bytes for saving (bounded by MAX_DOCUMENT_BYTES). In Electron a
 * download opens the system's save dialog, so the user chooses where it goes; no file system access
 * is needed in the renderer. Exports and letters are written by the app instead (exports.save).
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
