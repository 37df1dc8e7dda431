import { checkSummaries } from '../checks/index.js';
import { nameLanguage } from '../language/name-language.js';
import { htmlToArticleText } from '../summarize/html-to-article-text.js';
import type { CpuTasks } from './cpu-tasks.js';

/** The same steps in the calling thread, without a time limit: for tools and tests that hold no server. */
export const inThreadCpuTasks: CpuTasks = {
  checkSummaries: async (input) => checkSummaries(input),
  htmlToArticleText: async (html) => htmlToArticleText(html),
  nameLanguage: async (text) => nameLanguage(text),
  warmUp: async () => {},
  close: async () => {},
};
