export const HOST_PAGE_ID = '98305';

/** The product context Confluence sends with a macro's invoke. */
export function macroContext(issue: string | undefined, contentId: string = HOST_PAGE_ID, contentType: 'page' | 'blogpost' = 'page') {
  return {
    moduleKey: 'issue-doctor-macro',
    localId: 'macro-1',
    extension: { type: 'macro', content: { id: contentId, type: contentType }, space: { key: 'DOCS' }, config: issue === undefined ? undefined : { issue } }
  };
}
