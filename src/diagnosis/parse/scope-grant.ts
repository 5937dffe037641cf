/** What Atlassian's gateway says in its "missing scope grants" 403. */
export interface ScopeGrantMessage {
  /** Scopes the caller's grant holds, as listed after "granted the following scopes:". */
  granted: string[];
  /** Groups of scopes, any one of which would grant access. */
  groups: string[][];
  /** Empty entries the message contained (seed 000 has a doubled comma). */
  emptyEntries: number;
}

const GRANTED = /granted the following scopes:\s*\[([^\]]*)\]/i;
const GROUP = /^\s*\*\s*\[([^\]]*)\]/;

function splitScopeList(list: string): { scopes: string[]; empty: number } {
  if (list.trim() === '') return { scopes: [], empty: 0 };
  const parts = list.split(',').map((s) => s.trim().replace(/^["']|["']$/g, ''));
  return { scopes: parts.filter((s) => s.length > 0), empty: parts.filter((s) => s.length === 0).length };
}

/**
 * Parses "Your app was granted the following scopes: [...]. The resource can be accessed by
 * having one of these groups of scopes: * [...] * [...]". Accepts real newlines or the
 * escaped `\n` a JSON string shows when pasted. Returns undefined when the text is not such a message.
 */
export function parseScopeGrantMessage(text: string): ScopeGrantMessage | undefined {
  if (typeof text !== 'string') return undefined;
  const normalized = text.replace(/\\r\\n|\\n/g, '\n');
  const granted = GRANTED.exec(normalized);
  if (!granted) return undefined;
  const grantedList = splitScopeList(granted[1]);
  let emptyEntries = grantedList.empty;
  const groups: string[][] = [];
  const afterGranted = normalized.slice(granted.index + granted[0].length);
  for (const line of afterGranted.split(/\n|(?=\s\*\s*\[)/)) {
    const match = GROUP.exec(line);
    if (!match) continue;
    const group = splitScopeList(match[1]);
    emptyEntries += group.empty;
    if (group.scopes.length > 0) groups.push(group.scopes);
  }
  return { granted: grantedList.scopes, groups, emptyEntries };
}
