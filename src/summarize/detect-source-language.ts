import { eld } from 'eld/medium';

export interface DetectedLanguage {
  /** ISO 639-1 code, or `und` when nothing could be told. */
  language: string;
  reliable: boolean;
}

/** The language of an article (eld: n-gram based, its medium database is loaded with the module). */
export function detectSourceLanguage(text: string): DetectedLanguage {
  const result = eld.detect(text);
  return { language: result.language || 'und', reliable: result.isReliable() };
}
