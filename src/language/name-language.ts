import { loadEld } from './load-eld.js';

export interface DetectedLanguage {
  /** ISO 639-1 code, or `und` when nothing could be told. */
  language: string;
  reliable: boolean;
}

/** The language of a text as eld names it (n-gram based, every language of its small database). */
export function nameLanguage(text: string): DetectedLanguage {
  const result = loadEld().detect(text);
  return { language: result.language || 'und', reliable: result.isReliable() };
}
