/** The media type of an IPTC ninjs item, in a request body or an answer. */
export const NINJS_MEDIA_TYPE = 'application/ninjs+json';
