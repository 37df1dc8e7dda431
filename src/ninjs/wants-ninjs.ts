import { NINJS_MEDIA_TYPE } from './ninjs-media-type.js';

export const NINJS_FORMAT = 'ninjs';

function qualityOf(accept: string, mediaType: string): number | undefined {
  for (const range of accept.split(',')) {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== mediaType) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number.parseFloat(q.slice(2));
    return Number.isFinite(quality) ? quality : 0;
  }
  return undefined;
}

/**
 * Whether the client asked for a ninjs answer: `?format=ninjs`, or an `Accept` that names
 * `application/ninjs+json` and prefers it to `application/json`.
 */
export function wantsNinjs(accept: string | undefined, format: string | undefined): boolean {
  if (format?.toLowerCase() === NINJS_FORMAT) return true;
  const ninjs = qualityOf(accept ?? '', NINJS_MEDIA_TYPE);
  if (ninjs === undefined || ninjs <= 0) return false;
  return ninjs >= (qualityOf(accept ?? '', 'application/json') ?? 0);
}
