import type { Project } from './project';
import type { SourcePosition } from './types';

/** Forge UI hooks that call a product for the app, and the scope groups they need (as @forge/lint 6.3 lists them). */
export const HOOK_SCOPES: Record<string, { classic: string[]; granular: string[] }> = {
  useContentProperty: { classic: ['read:page:confluence', 'write:page:confluence'], granular: ['read:page:confluence', 'write:page:confluence'] },
  useSpaceProperty: { classic: ['read:space:confluence', 'write:space:confluence'], granular: ['read:space:confluence', 'write:space:confluence'] },
  useIssueProperty: { classic: ['read:jira-work', 'write:jira-work'], granular: ['read:issue.property:jira'] }
};

// "Using the @forge/kvs package requires the storage:app scope" (https://developer.atlassian.com/platform/forge/storage-reference/kvs-api/).
const STORAGE_MODULES = new Set(['@forge/kvs', '@forge/storage']);

export interface PlatformUsage {
  /** Imports of Forge storage (`storage` from @forge/api, @forge/kvs): they need storage:app. */
  storage: SourcePosition[];
  hooks: (SourcePosition & { hook: string })[];
}

export function platformUsage(project: Project): PlatformUsage {
  const storage: SourcePosition[] = [];
  const hooks: (SourcePosition & { hook: string })[] = [];
  for (const unit of project.units.values()) {
    for (const [local, binding] of unit.imports) {
      if ((binding.module === '@forge/api' && binding.name === 'storage') || STORAGE_MODULES.has(binding.module)) {
        const at = unit.sf.text.indexOf(local, Math.max(0, unit.sf.text.indexOf(binding.module) - 400));
        const { line, character } = unit.sf.getLineAndCharacterOfPosition(Math.max(0, at));
        if (!storage.some((s) => s.file === unit.rel)) storage.push({ file: unit.rel, line: line + 1, col: character + 1 });
      }
      if ((binding.module === '@forge/react' || binding.module === '@forge/ui') && HOOK_SCOPES[binding.name]) {
        for (const call of unit.callsByName.get(local) ?? []) hooks.push({ ...project.position(unit, call), hook: binding.name });
      }
    }
  }
  return { storage, hooks };
}
