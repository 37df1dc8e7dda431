/** A new element with an optional class and text: the page never sets markup from strings. */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className?: string | null,
  text?: string | number | null,
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}
