import { Box, useComputedColorScheme } from '@mantine/core';
import { type MouseEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate } from 'react-router';
import { CopyButton } from '../components/CopyButton.js';
import { renderMermaid } from './mermaid-loader.js';

interface CodeBlock {
  slot: HTMLElement;
  code: string;
  lang: string;
}

/** Props of {@link DocContent}. */
export interface DocContentProps {
  /** HTML the server rendered and sanitized. */
  html: string;
  hasMermaid?: boolean;
}

/**
 * A rendered docs page: links inside the portal navigate without a reload, code blocks get a copy
 * button, Mermaid diagrams are drawn (the library loads only when the page has one).
 */
export function DocContent({ html, hasMermaid = false }: DocContentProps) {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const dark = useComputedColorScheme('light') === 'dark';
  const [blocks, setBlocks] = useState<CodeBlock[]>([]);

  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.innerHTML = html;
    const found: CodeBlock[] = [];
    for (const block of root.querySelectorAll<HTMLElement>('.code-block')) {
      const slot = document.createElement('div');
      slot.className = 'code-block-copy';
      block.prepend(slot);
      found.push({
        slot,
        code: block.querySelector('code')?.textContent ?? '',
        lang: block.dataset.lang ?? 'text',
      });
    }
    setBlocks(found);
  }, [html]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new HTML means new diagrams to draw
  useEffect(() => {
    if (hasMermaid && ref.current) void renderMermaid(ref.current, dark);
  }, [hasMermaid, dark, html]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href || event.metaKey || event.ctrlKey || event.shiftKey || link.target === '_blank')
      return;
    if (href.startsWith('/') && !href.startsWith('/api/')) {
      event.preventDefault();
      navigate(href);
    }
  };

  return (
    <>
      {/* The HTML is sanitized on the server; clicks on its links navigate inside the portal. */}
      <Box ref={ref} className="docs-content" onClick={onClick} data-testid="doc-content" />
      {blocks.map((block) =>
        createPortal(<CopyButton value={block.code} label={`${block.lang} code`} />, block.slot),
      )}
    </>
  );
}
