/** What Atlassian's gateway says in its "missing scope grants" 403. */
export interface ScopeGrantMessage {
  /** Scopes the caller's grant holds, as listed after "granted the following scopes:". */
  granted: string[];
  /** Groups of scopes, any one of which would grant access. */
  groups: string[][];
  /** Empty entries the message contained (seed 000 has a doubled comma). */
  emptyEntries: number;
}

const PHRASE = 'granted the following scopes:';
/** Real grant messages are a few hundred characters; one listing every group of an operation stays under 16 KB. */
const MAX_TEXT = 16_000;

function splitScopeList(list: string): { scopes: string[]; empty: number } {
  if (list.trim() === '') return { scopes: [], empty: 0 };
  const parts = list.split(',').map((s) => s.trim().replace(/^["']|["']$/g, ''));
  return { scopes: parts.filter((s) => s.length > 0), empty: parts.filter((s) => s.length === 0).length };
}

/**
 * The bracketed list starting at the first `[` after `from` (only blanks before it), or undefined.
 * `lastClose` (the last `]` of the text) stops hostile input from being rescanned for a `]` that never comes.
 */
function bracketed(text: string, from: number, lastClose: number): { list: string; end: number } | undefined {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  if (text[i] !== '[' || i > lastClose) return undefined;
  const close = text.indexOf(']', i + 1);
  if (close === -1) return undefined;
  return { list: text.slice(i + 1, close), end: close + 1 };
}

/**
 * Parses "Your app was granted the following scopes: [...]. The resource can be accessed by
 * having one of these groups of scopes: * [...] * [...]". Accepts real newlines or the
 * escaped `\n` a JSON string shows when pasted. Returns undefined when the text is not such a message.
 * Linear time: one indexOf for the phrase, then a left-to-right walk over `* [...]` groups.
 */
export function parseScopeGrantMessage(text: string): ScopeGrantMessage | undefined {
  if (typeof text !== 'string') return undefined;
  const capped = text.slice(0, MAX_TEXT);
  // Most texts are not such a message: a quick look for the phrase before the slower unescaping pass (which cannot
  // make or break the phrase: it only turns `\n` escapes into line breaks).
  if (!capped.toLowerCase().includes(PHRASE)) return undefined;
  const normalized = capped.replace(/\\r\\n|\\n/g, '\n');
  const at = normalized.toLowerCase().indexOf(PHRASE);
  if (at === -1) return undefined;
  const last = normalized.lastIndexOf(']');
  const grantedList = bracketed(normalized, at + PHRASE.length, last);
  if (!grantedList) return undefined;
  const granted = splitScopeList(grantedList.list);
  let emptyEntries = granted.empty;
  const groups: string[][] = [];
  let i = grantedList.end;
  for (;;) {
    const star = normalized.indexOf('*', i);
    if (star === -1) break;
    const group = bracketed(normalized, star + 1, last);
    if (!group) {
      i = star + 1;
      continue;
    }
    const parsed = splitScopeList(group.list);
    emptyEntries += parsed.empty;
    if (parsed.scopes.length > 0) groups.push(parsed.scopes);
    i = group.end;
  }
  return { granted: granted.scopes, groups, emptyEntries };
}
