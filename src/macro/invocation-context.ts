/**
 * What the platform says about one macro invocation, read from the resolver's `context` (never from the
 * client payload). Field names: https://developer.atlassian.com/platform/forge/runtime-reference/custom-ui-resolver/
 * and the macro's extension context, https://developer.atlassian.com/platform/forge/manifest-reference/modules/macro/#extension-context
 */
export type AccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

export interface HostContent {
  id: string;
  type: 'page' | 'blogpost';
}

export interface InvocationFacts {
  /** The saved configuration value (`extension.config.issue`), else the pasted link (`extension.autoConvertLink`). */
  configuredRef: unknown;
  /** Origin of the site the app runs on (`https://acme.atlassian.net`), when the context gives a usable one. */
  siteUrl?: string;
  /** Lower-case host of `siteUrl`. */
  siteHost?: string;
  /** Unknown values count as licensed: the platform only sends the four documented ones. */
  accountType: AccountType;
  /** The macro is open in the editor. */
  isEditing: boolean;
  /** The page or blog post hosting the macro; undefined where there is none (e.g. a space overview). */
  hostContent?: HostContent;
}

const ACCOUNT_TYPES: readonly AccountType[] = ['licensed', 'unlicensed', 'customer', 'anonymous'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An https origin without credentials or port; anything else is ignored. */
function siteOrigin(value: unknown): { url: string; host: string } | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.username || url.password || url.port || !url.hostname) return undefined;
    return { url: url.origin, host: url.hostname.toLowerCase() };
  } catch {
    return undefined;
  }
}

function hostContentOf(extension: Record<string, unknown>): HostContent | undefined {
  const content = record(extension.content);
  const id = typeof content.id === 'number' ? String(content.id) : typeof content.id === 'string' ? content.id : '';
  if (!/^\d{1,20}$/.test(id)) return undefined;
  if (content.type === 'blogpost') return { id, type: 'blogpost' };
  return content.type === undefined || content.type === 'page' ? { id, type: 'page' } : undefined;
}

export function readInvocationContext(context: unknown): InvocationFacts {
  const ctx = record(context);
  const extension = record(ctx.extension);
  const config = record(extension.config);
  const saved = config.issue;
  const hasSaved = saved !== undefined && saved !== null && !(typeof saved === 'string' && saved.trim() === '');
  const site = siteOrigin(ctx.siteUrl);
  const accountType = ACCOUNT_TYPES.find((t) => t === ctx.accountType) ?? 'licensed';
  return {
    configuredRef: hasSaved ? saved : extension.autoConvertLink,
    siteUrl: site?.url,
    siteHost: site?.host,
    accountType,
    isEditing: extension.isEditing === true,
    hostContent: hostContentOf(extension)
  };
}
