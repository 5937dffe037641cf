/** A remedy or explanation split into plain text, commands (between backticks) and links. */
export type Segment = { kind: 'text' | 'code' | 'link'; text: string };

// One pass, no nested quantifiers: linear in the length of the text.
const TOKEN = /`([^`\n]{1,300})`|https:\/\/[^\s"'<>`()]{1,300}/g;

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    let token = match[0];
    let trailing = '';
    if (match[1] === undefined) {
      // A sentence's closing punctuation is not part of the link.
      const end = /[.,;:!?]+$/.exec(token);
      if (end) {
        trailing = end[0];
        token = token.slice(0, -trailing.length);
      }
    }
    if (index > last) out.push({ kind: 'text', text: text.slice(last, index) });
    out.push(match[1] !== undefined ? { kind: 'code', text: match[1] } : { kind: 'link', text: token });
    if (trailing) out.push({ kind: 'text', text: trailing });
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out.reduce<Segment[]>((merged, s) => {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === 'text' && s.kind === 'text') prev.text += s.text;
    else merged.push({ ...s });
    return merged;
  }, []);
}
