/**
 * Draws the Mermaid diagrams inside `root`. Mermaid is large, so it is loaded only the first time a
 * page that has a diagram is shown; pages without one never download it.
 */
export async function renderMermaid(root: HTMLElement, dark: boolean): Promise<void> {
  const nodes = [...root.querySelectorAll<HTMLElement>('pre.mermaid')];
  if (nodes.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  // Strict: labels are text, links and HTML inside diagrams are not honoured.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral' });
  for (const node of nodes) {
    // Keep the source: re-rendering (a theme change) needs it, and Mermaid replaces the text.
    node.dataset.source ??= node.textContent ?? '';
    node.removeAttribute('data-processed');
    node.textContent = node.dataset.source;
  }
  await mermaid.run({ nodes, suppressErrors: true });
}
