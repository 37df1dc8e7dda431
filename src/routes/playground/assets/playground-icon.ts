/** The tab icon: Brief's "B" mark, so the page needs no favicon.ico. */
export const playgroundIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><text x="16" y="23" font-family="Georgia, serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">B</text></svg>
`;
