/** Documents where kanjian shows its UI: real HTML pages, not XML, SVG, plain text or framesets' shells. */
export function isUiDocument(doc: Document): boolean {
  const type = doc.contentType;
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return false;
  return doc.documentElement?.localName === 'html';
}
