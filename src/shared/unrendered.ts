/** Elements whose content is never rendered as page content: no aid touches them, no reading reads them. */
export const UNRENDERED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link']);
