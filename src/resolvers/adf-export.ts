import { issueCardAdf, issueLinkAdf, noticeAdf, type AdfDoc } from '../macro/export-adf';
import { readInvocationContext } from '../macro/invocation-context';
import { isAtlassianCloudHost, parseIssueRef } from '../macro/issue-ref';
import { browseUrl, CARD_FIELDS, toIssueCard } from './issue-card';
import { timedCall } from './product-call';
import { readIssueAsUser } from './probes';

const EXPORT_TIMEOUT_MS = 4000;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Where an export puts the macro's saved configuration. The macro module docs say only that the function gets
 * `exportType` in its payload (https://developer.atlassian.com/platform/forge/manifest-reference/modules/macro/);
 * a published Forge app's export handler reads the config from `extensionPayload.config` (PDF) or `context.config`
 * (Word), and the site from `context.siteUrl`
 * (https://github.com/ZenUml/conf-app/blob/main/src/export.js, extractExportContext).
 */
function exportContext(payload: unknown): unknown {
  const p = record(payload);
  const context = record(p.context);
  const extension = record(context.extension);
  const config = record(p.extensionPayload).config ?? context.config ?? extension.config;
  return { ...context, extension: { ...extension, config } };
}

/**
 * The macro's `adfExport` function: the issue for exported pages (PDF, Word), read as the exporting user like any
 * render. A function module gets `(payload, context)`, the context's `principal` naming the user
 * (https://developer.atlassian.com/platform/forge/function-reference/arguments/). Never throws: an export must always get a paragraph, so any failure (consent, 404, timeout) becomes the key
 * and its link, the same whatever the cause.
 */
export async function adfExport(payload: unknown, invocation?: { principal?: { accountId?: string } }): Promise<AdfDoc> {
  const facts = readInvocationContext(exportContext(payload));
  const raw = facts.configuredRef;
  if (raw === undefined || raw === null || raw === '') return noticeAdf('Issue Doctor: no Jira issue is configured.');
  const ref = parseIssueRef(raw);
  if (!ref.ok) return noticeAdf('Issue Doctor: the configured value is not a Jira issue key or link.');
  if (ref.siteHost && ref.siteHost !== facts.siteHost && !(facts.siteHost && !isAtlassianCloudHost(facts.siteHost))) {
    // Another site, or a site the export context does not name: the key is not looked up here (it could be another issue).
    return issueLinkAdf(ref.key, browseUrl(`https://${ref.siteHost}`, ref.key), facts.siteHost ? `on ${ref.siteHost}` : undefined);
  }
  const url = browseUrl(facts.siteUrl, ref.key);
  // Only a signed-in, licensed user may be read as (asUser); everyone else gets the link alone.
  if (facts.accountType !== 'licensed' || !invocation?.principal?.accountId) return issueLinkAdf(ref.key, url);
  try {
    const outcome = await timedCall('Jira', EXPORT_TIMEOUT_MS, readIssueAsUser(ref.key, CARD_FIELDS.join(',')), true);
    const card = outcome.response?.status === 200 ? toIssueCard(outcome.json, ref.key, facts.siteUrl) : undefined;
    return card ? issueCardAdf(card) : issueLinkAdf(ref.key, url);
  } catch {
    return issueLinkAdf(ref.key, url);
  }
}
