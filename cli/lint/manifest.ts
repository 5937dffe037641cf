import { readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { CliError } from '../errors';

export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface DeclaredScope {
  name: string;
  line: number;
  col: number;
}

export interface AppManifest {
  file: string;
  text: string;
  doc: Document;
  scopes: DeclaredScope[];
  /** Where `permissions.scopes` (or `permissions`, or the file) starts: where an addition is reported. */
  scopesAt: { line: number; col: number };
  /** Module types, e.g. `macro`, `jira:issuePanel`, `trigger`. */
  moduleTypes: string[];
  /** Products named under `app.compatibility`, or undefined when the key is absent. */
  compatibility?: string[];
  /** `events` of `trigger` modules, with where each is written. */
  triggerEvents: { name: string; line: number; col: number }[];
}

export function readManifest(file: string): AppManifest {
  let text: string;
  try {
    if (statSync(file).size > MAX_MANIFEST_BYTES) throw new CliError(`"${file}" is larger than 1 MiB: not a Forge manifest.`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read "${file}": no manifest.yml in this directory. Run issue-doctor lint in a Forge app's directory or pass it: issue-doctor lint APP_DIR.`);
  }
  return parseManifest(file, text);
}

export function parseManifest(file: string, text: string): AppManifest {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new CliError(`"${file}" is not valid YAML (line ${e.linePos?.[0].line ?? '?'}): ${e.message.split('\n')[0]}`);
  }
  const pos = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, col: p.col };
  };
  const scopes: DeclaredScope[] = [];
  const scopesNode = doc.getIn(['permissions', 'scopes'], true);
  if (isSeq(scopesNode)) {
    for (const item of scopesNode.items) {
      if (isScalar(item) && typeof item.value === 'string') scopes.push({ name: item.value, ...pos(item.range?.[0]) });
      else if (isMap(item)) {
        // Forge also accepts `- key: scope` objects with extra settings.
        const key = item.get('key');
        if (typeof key === 'string') scopes.push({ name: key, ...pos(item.range?.[0]) });
      }
    }
  } else if (scopesNode !== undefined && scopesNode !== null && !(isScalar(scopesNode) && scopesNode.value === null)) {
    throw new CliError(`"${file}": permissions.scopes must be a list of scope names.`);
  }
  const permissionsNode = doc.get('permissions', true);
  const anchor = isSeq(scopesNode) ? scopesNode : isMap(permissionsNode) ? permissionsNode : undefined;
  const scopesAt = anchor?.range ? pos(anchor.range[0]) : { line: 1, col: 1 };

  const modules = doc.get('modules');
  const moduleTypes = isMap(modules) ? modules.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)) : [];
  const compat = doc.getIn(['app', 'compatibility']);
  const compatibility = isMap(compat) ? compat.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)) : undefined;
  const triggerEvents: AppManifest['triggerEvents'] = [];
  const triggers = doc.getIn(['modules', 'trigger']);
  if (isSeq(triggers)) {
    for (const t of triggers.items) {
      const events = isMap(t) ? t.get('events') : undefined;
      if (isSeq(events)) for (const e of events.items) if (isScalar(e) && typeof e.value === 'string') triggerEvents.push({ name: e.value, ...pos(e.range?.[0]) });
    }
  }
  return { file, text, doc, scopes, scopesAt, moduleTypes, compatibility, triggerEvents };
}

/** The products the app's modules live in (`macro` is Confluence's, `jira:*` Jira's, …). */
export function moduleProducts(moduleTypes: string[]): Set<string> {
  const products = new Set<string>();
  for (const type of moduleTypes) {
    const prefix = /^([a-z]+):/.exec(type)?.[1];
    if (prefix) products.add(prefix);
    else if (type === 'macro' || type === 'contentBylineItem' || type === 'contentAction') products.add('confluence');
  }
  return products;
}
