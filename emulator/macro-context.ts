/** The page of the sample tenant that hosts the macro. */
export const HOST_PAGE_ID = '98305';

export interface HostContent {
  id: string;
  type: 'page' | 'blogpost';
}

/** The product context Confluence sends with a macro's invoke (and with getContext). */
export function macroContext(config: Record<string, string> | undefined, content: HostContent = { id: HOST_PAGE_ID, type: 'page' }) {
  return {
    moduleKey: 'issue-doctor-macro',
    localId: 'macro-1',
    extension: { type: 'macro', content: { id: content.id, type: content.type }, space: { key: 'DOCS' }, config }
  };
}
