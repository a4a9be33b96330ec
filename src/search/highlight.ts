import { MARK_END, MARK_START } from './model.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Engine output with marks around matched words → HTML where only `<mark>` is markup. */
export function markedToHtml(marked: string): string {
  const escaped = marked.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
  let open = false;
  let html = '';
  for (const char of escaped) {
    if (char === MARK_START && !open) {
      html += '<mark>';
      open = true;
    } else if (char === MARK_END && open) {
      html += '</mark>';
      open = false;
    } else if (char !== MARK_START && char !== MARK_END) {
      html += char;
    }
  }
  return open ? `${html}</mark>` : html;
}

/** Removes the mark characters from text on its way into the index, so only engines place them. */
export function stripMarks(text: string): string {
  return text.replaceAll(MARK_START, ' ').replaceAll(MARK_END, ' ');
}
