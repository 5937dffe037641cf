/** The page of the sample tenant that hosts the macro. */
export const HOST_PAGE_ID = '98305';

/** The sample tenant's site (emulator/tenant/sample-tenant.ts `site`). */
export const EMULATED_SITE_URL = 'https://acme.atlassian.net';

export interface HostContent {
  id: string;
  type: 'page' | 'blogpost';
}

/** `accountType` as Forge documents it for the resolver context (runtime-reference/custom-ui-resolver). */
export type AccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

export interface MacroContextOptions {
  /** Default: the emulated site. `null` leaves the field out, as a context without it would. */
  siteUrl?: string | null;
  accountType?: AccountType;
  /** The macro is open in the editor (a draft may never have been published). */
  isEditing?: boolean;
  /** The link a reader pasted that auto-converted into the macro, before any configuration was saved. */
  autoConvertLink?: string;
}

/**
 * The product context Confluence sends with a macro's invoke (and with getContext). Field names follow
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/macro/#extension-context
 * (type, content.id/type, space.key, isEditing, config, autoConvertLink) and the resolver context of
 * https://developer.atlassian.com/platform/forge/runtime-reference/custom-ui-resolver/ (accountType, cloudId,
 * localId). `siteUrl` is the field view.getContext() documents
 * (https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view/#getcontext).
 */
export function macroContext(
  config: Record<string, string> | undefined,
  content: HostContent = { id: HOST_PAGE_ID, type: 'page' },
  options: MacroContextOptions = {}
) {
  const siteUrl = options.siteUrl === undefined ? EMULATED_SITE_URL : options.siteUrl;
  return {
    moduleKey: 'issue-doctor-macro',
    localId: 'macro-1',
    accountType: options.accountType ?? 'licensed',
    ...(siteUrl === null ? {} : { siteUrl }),
    extension: {
      type: 'macro',
      content: { id: content.id, type: content.type },
      space: { key: 'DOCS' },
      isEditing: options.isEditing ?? false,
      config,
      ...(options.autoConvertLink !== undefined ? { autoConvertLink: options.autoConvertLink } : {})
    }
  };
}
