/** Saves text as a file in the browser, without sending it anywhere. */
export function downloadText(filename: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The click has been handed to the browser; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
