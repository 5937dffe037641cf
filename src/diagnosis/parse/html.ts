/**
 * A linear-time reading of an HTML page: one left-to-right pass with indexOf, no backtracking
 * patterns. When a construct is never closed (`<` without `>`, `<!--` without `-->`, `<script>`
 * without `</script>`), the rest of the text cannot close it either, so the scan stops there:
 * that is what keeps it linear on hostile input.
 */

export interface HtmlReading {
  /** Visible text, tags and scripts removed, whitespace collapsed. */
  text: string;
  title?: string;
  h1?: string;
  /** Text of each `<p>` element, in order. */
  paragraphs: string[];
}

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', amp: '&', '#39': "'", '#34': '"' };

export function decodeEntities(text: string): string {
  return text.replace(/&(quot|apos|lt|gt|nbsp|amp|#39|#34);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}

function collapse(text: string): string {
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** The tag name at `<` + offset 1 (lower-case), and whether it is a closing tag. */
function tagName(tag: string): { name: string; closing: boolean } {
  let i = 1;
  const closing = tag[i] === '/';
  if (closing) i++;
  let name = '';
  for (; i < tag.length && name.length < 16; i++) {
    const c = tag[i];
    if (!/[A-Za-z0-9!-]/.test(c)) break;
    name += c;
  }
  return { name: name.toLowerCase(), closing };
}

const MAX_PARAGRAPHS = 20;

export function readHtml(html: string): HtmlReading {
  const lower = html.toLowerCase();
  const visible: string[] = [];
  const paragraphs: string[] = [];
  let title: string | undefined;
  let h1: string | undefined;
  // The element whose text is being collected: title, h1 or p.
  let open: { name: string; parts: string[] } | undefined;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      const segment = html.slice(i, textEnd);
      visible.push(segment);
      open?.parts.push(segment);
    }
    if (lt === -1) break;
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) {
      // Never closed: the rest is text, as a browser would show it.
      const rest = html.slice(lt);
      visible.push(rest);
      open?.parts.push(rest);
      break;
    }
    const { name, closing } = tagName(html.slice(lt, Math.min(gt + 1, lt + 20)));
    i = gt + 1;
    visible.push(' ');
    open?.parts.push(' ');
    if (!closing && (name === 'script' || name === 'style')) {
      const end = lower.indexOf(`</${name}`, i);
      if (end === -1) break;
      const close = html.indexOf('>', end);
      if (close === -1) break;
      i = close + 1;
      continue;
    }
    if (name === 'title' || name === 'h1' || name === 'p') {
      if (closing && open?.name === name) {
        const value = collapse(open.parts.join(''));
        if (name === 'title') title ??= value || undefined;
        else if (name === 'h1') h1 ??= value || undefined;
        else if (value && paragraphs.length < MAX_PARAGRAPHS) paragraphs.push(value);
        open = undefined;
      } else if (!closing) {
        open = { name, parts: [] };
      }
    }
  }
  return { text: collapse(visible.join('')), title, h1, paragraphs };
}

/** Visible text of an HTML fragment, tags and scripts removed, whitespace collapsed. */
export function htmlToText(html: string): string {
  return readHtml(typeof html === 'string' ? html : '').text;
}
