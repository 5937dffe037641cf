import { HOST_PAGE_ID, macroContext as hostMacroContext, type MacroContextOptions } from '../../emulator/macro-context';

export { HOST_PAGE_ID };

/** The macro context for a macro configured with `issue` (undefined: not configured). */
export function macroContext(issue: string | undefined, contentId: string = HOST_PAGE_ID, contentType: 'page' | 'blogpost' = 'page', options: MacroContextOptions = {}) {
  return hostMacroContext(issue === undefined ? undefined : { issue }, { id: contentId, type: contentType }, options);
}
