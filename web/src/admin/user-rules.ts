// Mirrors the Username pattern in src/auth/schemas.ts so people see the rule while typing;
// the server checks it again.
const usernamePattern = /^[a-z][a-z0-9._-]{1,38}[a-z0-9]$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a username is not acceptable, or null. */
export function checkUsername(value: string): string | null {
  if (!value) return 'Choose a username';
  if (value.length < 3 || value.length > 40) return 'Use 3 to 40 characters';
  if (!/^[a-z]/.test(value)) return 'Start with a lower-case letter';
  if (!usernamePattern.test(value)) {
    return 'Use lower-case letters, digits, dots, dashes or underscores; end with a letter or digit';
  }
  return null;
}

/** Why an optional email is not acceptable, or null. */
export function checkEmail(value: string): string | null {
  return value && !emailPattern.test(value) ? 'This does not look like an email address' : null;
}

/** Why a display name is not acceptable, or null. */
export function checkDisplayName(value: string): string | null {
  if (!value.trim()) return 'Enter the name people know them by';
  return value.length > 200 ? 'Keep it under 200 characters' : null;
}
