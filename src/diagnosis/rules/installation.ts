import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, thrownLabel } from '../observation';
import type { Rule } from './rule';

const NOT_INSTALLED = /app is not installed on this instance|app is not installed|not installed (?:on|for|in) this (?:site|instance)|requires access to an? .{0,160} site which you don[’']t have/i;

export const productNotInstalled: Rule = (o) => {
  // OAuth 2.0 (3LO) apps are not installed on products: for them this text means the grant no longer reaches the site.
  if (o.auth === 'oauth2' || !NOT_INSTALLED.test(o.messageText)) return undefined;
  const product = productName(o.product);
  const where = o.product ? `${product} of this site` : 'the product it called, on this site';
  return {
    code: FindingCode.PRODUCT_NOT_INSTALLED,
    severity: 'error',
    title: `The app is not installed on ${where}`,
    explanation:
      `${product} answered "The app is not installed on this instance". A cross-product app must be installed on every product it calls, ` +
      `on the same site: installing it on Confluence alone does not let it read ${product}.`,
    remedies: [
      {
        actor: 'site-admin',
        action: `Install the app on ${product} of the same site: \`forge install --product ${o.product ?? 'jira'} --site <your-site>.atlassian.net\` (or connect ${product} under Manage apps).`
      },
      { actor: 'site-admin', action: 'If it is installed, upgrade both installations to the latest version (`forge install --upgrade`).' },
      { actor: 'app-developer', action: `Declare ${product} under app.compatibility in manifest.yml so it can be connected.` }
    ],
    evidence: [`status ${o.status ?? '?'}: ${o.messageText.split('\n')[0]}`, `call: ${callLabel(o)} (${o.auth})`],
    docs: DOCS.crossProduct
  };
};

export const productNotDeclared: Rule = (o) => {
  if (o.thrown?.kind !== 'product-not-allowed') return undefined;
  return {
    code: FindingCode.PRODUCT_NOT_DECLARED,
    severity: 'error',
    title: `The app may not call ${productName(o.product)} from this product`,
    explanation: `Forge refused the call before sending it: "${o.thrown.message}". The manifest does not declare ${productName(o.product)} as a product the app works with.`,
    remedies: [
      { actor: 'app-developer', action: `Add ${o.product ?? 'jira'} under app.compatibility (required: false) in manifest.yml, deploy, and install on it.` }
    ],
    evidence: [thrownLabel(o.thrown)],
    docs: DOCS.compatibility
  };
};
