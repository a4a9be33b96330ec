/** Usernames mentioned as `@username` in Markdown text, in order, without repeats; code is ignored. */
export function mentionedUsernames(text: string): string[] {
  const withoutCode = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const found = new Set<string>();
  for (const match of withoutCode.matchAll(/(?:^|[^\w@.\\/])@([a-z][a-z0-9._-]{1,38}[a-z0-9])(?![\w@])/g)) {
    found.add(match[1] as string);
  }
  return [...found];
}
