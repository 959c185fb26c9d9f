/**
 * JSON Schema validation as config/ and packs/ both use it: the validator's shape (ajv's) and
 * how its errors read. Shared here so that neither layer imports the other for it.
 */
import type { ErrorObject } from 'ajv';

/** A compiled JSON Schema validator (ajv's shape). */
export interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The most specific schema error as a dotted key (rules.repeated-word[1].allow) and one sentence. */
export function describeSchemaErrors(errors: ErrorObject[], prefix = ''): { key: string; message: string } {
  // the deepest error is the most specific; among equals, prefer one that is not a combinator
  const rank = (e: ErrorObject) => Number(['anyOf', 'oneOf', 'if', 'allOf'].includes(e.keyword));
  const best = [...errors].sort((a, b) => depth(b.instancePath) - depth(a.instancePath) || rank(a) - rank(b))[0];
  if (!best) return { key: prefix, message: 'is not valid' };
  let key = prefix;
  for (const s of best.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    key += /^\d+$/.test(s) ? `[${s}]` : key ? `.${s}` : s;
  }
  if (best.keyword === 'additionalProperties') {
    const extra = String(best.params['additionalProperty']);
    return { key: key ? `${key}.${extra}` : extra, message: 'unknown key' };
  }
  if (best.keyword === 'enum') {
    return { key, message: `must be one of ${(best.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { key, message: best.message ?? 'is not valid' };
}

function depth(instancePath: string): number {
  return instancePath === '' ? 0 : instancePath.split('/').length;
}
