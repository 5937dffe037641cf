import { writeFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

export interface ManifestEdit {
  added: string[];
  removed: string[];
  text: string;
}

function scopeName(item: unknown): string | undefined {
  if (isScalar(item) && typeof item.value === 'string') return item.value;
  if (isMap(item)) {
    const key = item.get('key');
    return typeof key === 'string' ? key : undefined;
  }
  return undefined;
}

/**
 * Adds and removes scopes through YAML's document model, so comments, order, quoting and
 * the rest of the file stay as they were. A comment above a removed scope moves to the next line.
 */
export function editScopes(text: string, add: string[], remove: string[]): ManifestEdit {
  const doc: Document = parseDocument(text);
  const removeSet = new Set(remove);
  const removed: string[] = [];
  const added: string[] = [];
  let seq = doc.getIn(['permissions', 'scopes'], true);
  if (!isSeq(seq)) {
    if (add.length === 0) return { added, removed, text };
    if (!isMap(doc.get('permissions', true))) doc.set('permissions', doc.createNode({}));
    doc.setIn(['permissions', 'scopes'], doc.createNode([]));
    seq = doc.getIn(['permissions', 'scopes'], true);
  }
  if (!isSeq(seq)) return { added, removed, text };
  const items = seq.items as YamlNode[];
  for (let i = items.length - 1; i >= 0; i--) {
    const name = scopeName(items[i]);
    if (name === undefined || !removeSet.has(name)) continue;
    const comment = items[i].commentBefore;
    items.splice(i, 1);
    removed.unshift(name);
    if (comment) {
      const next = items[i];
      if (next) next.commentBefore = next.commentBefore ? `${comment}\n${next.commentBefore}` : comment;
      else seq.comment = seq.comment ? `${comment}\n${seq.comment}` : comment;
    }
  }
  const present = new Set(items.map(scopeName));
  for (const name of add) {
    if (present.has(name)) continue;
    items.push(doc.createNode(name) as YamlNode);
    present.add(name);
    added.push(name);
  }
  if (added.length === 0 && removed.length === 0) return { added, removed, text };
  return { added, removed, text: doc.toString({ lineWidth: 0 }) };
}

export function writeManifestEdit(file: string, edit: ManifestEdit): void {
  if (edit.added.length || edit.removed.length) writeFileSync(file, edit.text);
}
