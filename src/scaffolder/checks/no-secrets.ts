import { defineCheck, type Finding, lineAt } from './check.js';

/** Patterns of credentials that must never be committed, with what they are. */
export const SECRET_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { what: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g },
  { what: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { what: 'an Azure storage account key', pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g },
  {
    what: 'a password or token written in clear',
    pattern:
      /\b(?:password|passwd|secret|api[_-]?key|access[_-]?key|auth[_-]?token|client[_-]?secret)["']?\s*[:=]\s*["']([^"'\s$<{]{8,})["']/gi,
  },
];

const PLACEHOLDER = /^(?:changeme|change-me|example|placeholder|your[_-]|xxx+|\*+)/i;

/** No secrets in any file: common key and token formats, and passwords written in clear. */
export const noSecretsCheck = defineCheck({
  name: 'no-secrets',
  title: 'No secrets in files',
  run(files) {
    const findings: Finding[] = [];
    for (const file of files) {
      if (file.text === null) continue;
      for (const { what, pattern } of SECRET_PATTERNS) {
        for (const match of file.text.matchAll(pattern)) {
          if (match[1] && PLACEHOLDER.test(match[1])) continue;
          findings.push({
            file: file.path,
            line: lineAt(file.text, match.index ?? 0),
            message: `looks like ${what}; keep secrets in the team vault or CI variables, not in files`,
          });
        }
      }
    }
    return findings;
  },
});
