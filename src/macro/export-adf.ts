/**
 * The macro as exported pages (PDF, Word) show it: Atlassian Document Format built from the issue card, or one plain
 * paragraph with the key and link when the card could not be read. ADF structure:
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
import type { IssueCard } from './render-result';

export interface AdfText {
  type: 'text';
  text: string;
  marks?: ({ type: 'link'; attrs: { href: string } } | { type: 'strong' })[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: { type: 'paragraph'; content: AdfText[] }[];
}

// ADF text is plain text; control characters have no place in a printed page.
function clean(value: string, max = 300): string {
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function text(value: string, marks?: AdfText['marks']): AdfText {
  return marks ? { type: 'text', text: clean(value), marks } : { type: 'text', text: clean(value) };
}

function link(label: string, href: string): AdfText {
  return text(label, [{ type: 'link', attrs: { href } }]);
}

function doc(...content: AdfText[]): AdfDoc {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content }] };
}

/** Key (linked), summary, status: what a reader of the printed page needs to find the issue. */
export function issueCardAdf(card: IssueCard): AdfDoc {
  return doc(link(card.key, card.url), text(' '), text(card.summary, [{ type: 'strong' }]), text(` · Status: ${card.status.name}`));
}

/** The fallback: the key and its link, nothing read from Jira (the same for a hidden issue and a missing one). */
export function issueLinkAdf(key: string, url: string, note?: string): AdfDoc {
  return doc(text('Jira issue '), link(key, url), ...(note ? [text(` (${note})`)] : []));
}

/** No issue to show (unconfigured or an invalid value). */
export function noticeAdf(message: string): AdfDoc {
  return doc(text(message));
}
