import { Box } from '@mantine/core';

/** Request or comment text as the server rendered it from Markdown. */
export function RequestMarkdown({ html }: { html: string }) {
  return (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered with raw HTML off and sanitized on the server
    <Box className="request-markdown" fz="sm" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
