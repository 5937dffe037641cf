import { DOCS, FindingCode } from '../codes';
import { productName, statusEvidence } from '../observation';
import { caller, says } from './remedies';
import type { Rule } from './rule';

const UNLICENSED =
  /not permitted to use (?:jira|confluence)|not (?:licen[cs]ed|allowed) (?:to use|for) (?:jira|confluence|this product|the product)|(?:user|account) (?:is |has )?(?:not licen[cs]ed|unlicen[cs]ed|no (?:product )?access)|unlicen[cs]ed (?:user|access)|does not have (?:product )?access to (?:jira|confluence)|doesn't have access to (?:jira|confluence)|(?:no|without) (?:a )?(?:jira|confluence) licen[cs]e|\bguest(?:s)? (?:user|access|account)|\b(?:is|are) (?:a )?guests?\b|anonymous (?:access|user)s? (?:is |are )?not (?:allowed|permitted|enabled)|not available (?:to|for) (?:unlicensed|anonymous|guest)|unlicensedAccess|customer accounts? (?:cannot|can't|may not)|You do not have access to this (?:site|product)|product access|doesn't have access because|reached its licen[cs]e limit|You don't have access to \S{0,80}atlassian\.net/i;

export const unlicensedUser: Rule = (o) => {
  if (!o.failed || !says(o, UNLICENSED)) return undefined;
  const anonymous = says(o, /anonymous/i);
  return {
    code: FindingCode.UNLICENSED_USER,
    severity: 'error',
    title: `The ${anonymous ? 'anonymous reader' : 'user'} has no access to ${productName(o.product)}`,
    explanation:
      `${productName(o.product)} refused the user as such, not the operation: the account has no product licence (product access), is a guest or a customer account, ` +
      'or is anonymous, and Forge apps run for such users only when the app declares unlicensedAccess.',
    remedies: [
      { actor: 'site-admin', action: `Give the account product access to ${productName(o.product)} in admin.atlassian.com (Directory → Users → product access), or add it to a group that has it.` },
      { actor: caller(o), action: 'Run the call as a licensed user (the token or OAuth grant of an account with product access); for Forge apps that must serve unlicensed users, declare unlicensedAccess.' }
    ],
    evidence: [statusEvidence(o), 'the response says the account may not use the product'],
    docs: DOCS.unlicensed
  };
};
