// In unicode mode a pair of surrogates is one code point; only a half on its own matches.
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Where `text` holds half of a UTF-16 surrogate pair on its own (JSON allows `"\ud800"`), or -1.
 * Such a string has no UTF-8 form: encoding replaces the half with U+FFFD, so what is stored is
 * not what was sent. It is the only way a JavaScript string can fail to round-trip through UTF-8.
 * @example loneSurrogateAt('ok\ud800') // 2
 */
export function loneSurrogateAt(text: string): number {
  return LONE_SURROGATE.exec(text)?.index ?? -1;
}

/** The code unit at `index` as a JSON escape, e.g. `\ud800`, for messages. */
export function codeUnitEscape(text: string, index: number): string {
  return `\\u${text.charCodeAt(index).toString(16).padStart(4, '0')}`;
}
