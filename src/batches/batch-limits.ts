/** Articles in one batch (the Message Batches API takes up to 100,000; Brief keeps responses small). */
export const MAX_BATCH_ARTICLES = 1_000;
/** The same bound as `article_id` on single summaries. */
export const MAX_ARTICLE_ID_CHARS = 200;
