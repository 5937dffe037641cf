import { DOCS, FindingCode } from '../codes';
import { productName, statusEvidence, type Observation } from '../observation';
import type { Finding } from '../types';
import { caller, productErrorBody, says } from './remedies';
import type { Rule } from './rule';

/** Pages of proxies, firewalls and CDNs in front of a site: the request never reached the product. */
const INTERMEDIARY = /Proxy Authentication Required|\bproxy (?:fail|error|authentication)|Web Application Firewall|\bWAF\b|DDoS|Request (?:was )?blocked|The requested URL was rejected|Access Denied.{0,120}Reference #|cloudflare|Attention Required!|Incapsula|Sucuri/i;

/**
 * Jira and Confluence explain their own 403s (a JSON errorMessages body, XSRF, CAPTCHA): a 403 to a Data Center
 * token with none of that came from something in front of the self-hosted site.
 */
function intermediaryRefusal(o: Observation): boolean {
  if (!o.failed) return false;
  if (o.status === 407 || says(o, INTERMEDIARY)) return true;
  return (
    (o.auth === 'data-center-pat' || o.selfHostedHost) &&
    o.status === 403 &&
    !productErrorBody(o) &&
    !says(o, /XSRF|CAPTCHA|permission|not permitted|administrator/i) &&
    !o.headers.all['x-seraph-loginreason']
  );
}

/** A proxy, firewall or CDN answered instead of the product (checked before any credentials or permission reading). */
export const intermediaryRefused: Rule = (o) => (intermediaryRefusal(o) ? intermediaryPage(o) : undefined);

function intermediaryPage(o: Observation): Finding {
  return {
    code: FindingCode.HTML_ERROR_PAGE,
    severity: 'error',
    title: `A proxy or firewall in front of ${productName(o.product)} refused the request${o.status ? ` (${o.status})` : ''}`,
    explanation:
      `The answer did not come from ${productName(o.product)}: ` +
      (o.status === 407
        ? 'a proxy between the client and the site wants its own authentication. '
        : 'a proxy, firewall (WAF) or DDoS protection in front of the site refused the request before the product saw it. ') +
      'Tools often report such a refusal as an invalid or expired token; the token may be fine.',
    remedies: [
      {
        actor: caller(o),
        action: 'Try the same call with curl from the same machine: if curl works, the firewall objects to the client itself (many reject the default User-Agent of HTTP libraries); send a descriptive User-Agent.',
        channel: 'cli'
      },
      {
        actor: caller(o),
        action: o.status === 407 ? 'Configure the proxy and its credentials for the client (HTTPS_PROXY), or run it where no proxy is needed.' : 'Ask the team that runs the proxy or firewall to let token-authenticated REST calls through.'
      },
      { actor: 'site-admin', action: 'Check the firewall or proxy logs for the refused request.' }
    ],
    evidence: [statusEvidence(o), ...(o.body.htmlTitle ? [`HTML page "${o.body.htmlTitle}"`] : []), 'no error body from the product itself'],
    docs: DOCS.jiraAuth
  };
}
