/** The words the page uses for the API's codes. */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'German' };

export const CHECK_NAMES: Record<string, string> = {
  figures: 'Figure',
  quotations: 'Quotation',
  names: 'Name',
  language: 'Language',
  limits: 'Length',
  evidence: 'Evidence',
};

export const FIELD_NAMES: Record<string, string> = {
  '/text': 'Article text',
  '/prompt_version': 'Prompt version',
  '': 'Request',
};

export const MODE_NAMES: Record<string, string> = {
  replay: 'Replay (recorded answer)',
  live: 'Live',
  record: 'Live (recording)',
};

export function checkName(check: string): string {
  return CHECK_NAMES[check] ?? check;
}

/** The `lang` of a quoted passage: the summary's language, English when unknown. */
export function quoteLanguage(language: string): 'de' | 'en' {
  return language === 'de' ? 'de' : 'en';
}
