import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { coreErrors } from '../../core/errors.js';
import { describeShapeProblem, findShapeProblem, MAX_INPUT_DEPTH } from '../../core/input-shape.js';

/** The body limit already bounds how many values a body holds; depth and text need their own rule. */
const BODY_LIMITS = { maxDepth: MAX_INPUT_DEPTH, maxNodes: Number.POSITIVE_INFINITY, wellFormedText: true };

/** The first field whose text holds U+FFFD, where a decoder put it in place of bytes that were not UTF-8. */
function replacedField(value: unknown, path: string[] = []): string | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value === 'string' && next.value.includes('\uFFFD')) return next.path.join('.');
    if (typeof next.value !== 'object' || next.value === null) continue;
    for (const [key, child] of Object.entries(next.value)) {
      if (key.includes('\uFFFD')) return [...next.path, key].join('.');
      stack.push({ value: child, path: [...next.path, key] });
    }
  }
  return undefined;
}

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused), except that bytes which are
 * not UTF-8 are refused instead of silently replaced by U+FFFD: what is stored must be what was sent.
 */
function installJsonParser(app: FastifyInstance): void {
  const { onProtoPoisoning = 'error', onConstructorPoisoning = 'error' } = app.initialConfig;
  const parseJson = app.getDefaultJsonParser(onProtoPoisoning, onConstructorPoisoning);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    const text = bytes.toString('utf8');
    if (isUtf8(bytes)) return parseJson(request, text, done);
    parseJson(request, text, (error, value) => {
      if (error) return done(error);
      const field = replacedField(value) || '(the body)';
      const message = 'is not valid UTF-8 text; send text as UTF-8 (base64 for binary values)';
      done(coreErrors.INPUT_NOT_TEXT.create([`${field}: ${message}`], { details: [{ field, message }] }));
    });
  });
}

/**
 * Guards every route's body at once: JSON that is not UTF-8, strings that UTF-8 cannot carry (a
 * lone surrogate such as "\ud800", which the database would store as U+FFFD), and nesting deeper
 * than {@link MAX_INPUT_DEPTH} levels. JSON.parse copes with any depth, but much of what follows
 * recurses (schema validation of template parameters, `structuredClone`, template rendering) and
 * would overflow the stack into a 500; free-form fields (template parameters, job options) have
 * no schema to stop them earlier.
 */
export function installInputGuard(app: FastifyInstance): void {
  installJsonParser(app);
  app.addHook('preValidation', (request, _reply, done) => {
    const problem = findShapeProblem(request.body, BODY_LIMITS);
    if (!problem) return done();
    const detail = describeShapeProblem(problem, BODY_LIMITS);
    const error = problem.reason === 'not-text' ? coreErrors.INPUT_NOT_TEXT : coreErrors.INPUT_TOO_DEEP;
    done(error.create([`${detail.field}: ${detail.message}`], { details: [detail] }));
  });
}
