import { FindingCode } from './codes';
import { observe, type Observation } from './observation';
import { redact } from './redact';
import { consentRequired, consentScreenScopes, unknownScopeInText, unknownScopeNames } from './rules/consent';
import { forgeExPath, scopedTokenAtSiteUrl } from './rules/base-url';
import { productNotDeclared, productNotInstalled } from './rules/installation';
import type { Rule } from './rules/rule';
import { installationBehindManifest, scopeRejected } from './rules/scopes';
import { egressNotAllowed, malformedResponse, productUnavailable, rateLimited, timedOut } from './rules/transport';
import { anonymousAnswer, invalidCredentials } from './rules/credentials';
import { unknownFailure } from './rules/unknown';
import { apiTokenWrongScheme, basicAuthPassword, connectJwtRejected, dataCenterTokenOnCloud, loginRequired, bearerAtSiteUrl } from './rules/auth-scheme';
import { bareForbiddenToToken } from './rules/bare-refusal';
import { clientGotTextBody, pageForSignedInUser, refusalPageParsedAsJson, webPageInsteadOfJson } from './rules/page-for-json';
import { connectImpersonationRefused, oauthAccessTokenExpired, oauthClientMisconfigured, oauthRefreshTokenInvalid } from './rules/oauth';
import { apiRemoved, doubleSlashInPath, endpointNotFound, trailingSlash, uiBaseUrl, queryStringInPath, siteUnavailable, uploadWithoutXsrfHeader, wrongProductUrl, xsrfCheckFailed } from './rules/lifecycle';
import { unlicensedUser } from './rules/account';
import { confluenceRejectedReference, resourceNotFound } from './rules/not-found';
import { knownConfusions } from './rules/confusions';
import { invalidRequest } from './rules/request';
import { operationNotAllowedForCaller } from './rules/caller';
import { adminOnlyEndpoint, htmlErrorPage, issueNotVisible, permissionDenied } from './rules/visibility';
import { intermediaryRefused } from './rules/intermediary';
import { createMetaWithheld } from './rules/create-meta';
import { adminApiKeyScope } from './rules/admin-api';
import { migrationApiRefused } from './rules/migration';
import type { ScopeAnalysis } from './scope-analysis';
import type { AuthMode, Channel, DiagnosisInput, Finding, Product } from './types';

/** Rules for the failure itself; the first that applies explains the call. Order matters: most specific first. */
const FAILURE_RULES: Rule[] = [
  consentRequired,
  productNotDeclared,
  egressNotAllowed,
  forgeExPath,
  queryStringInPath,
  siteUnavailable,
  migrationApiRefused,
  connectImpersonationRefused,
  oauthClientMisconfigured,
  oauthRefreshTokenInvalid,
  bearerAtSiteUrl,
  connectJwtRejected,
  operationNotAllowedForCaller,
  scopedTokenAtSiteUrl,
  trailingSlash,
  doubleSlashInPath,
  productNotInstalled,
  unknownScopeInText,
  scopeRejected,
  basicAuthPassword,
  dataCenterTokenOnCloud,
  apiTokenWrongScheme,
  xsrfCheckFailed,
  apiRemoved,
  wrongProductUrl,
  pageForSignedInUser,
  loginRequired,
  unlicensedUser,
  intermediaryRefused,
  uiBaseUrl,
  webPageInsteadOfJson,
  refusalPageParsedAsJson,
  rateLimited,
  timedOut,
  confluenceRejectedReference,
  productUnavailable,
  malformedResponse,
  anonymousAnswer,
  issueNotVisible,
  createMetaWithheld,
  adminApiKeyScope,
  adminOnlyEndpoint,
  resourceNotFound,
  endpointNotFound,
  oauthAccessTokenExpired,
  invalidCredentials,
  invalidRequest,
  uploadWithoutXsrfHeader,
  bareForbiddenToToken,
  htmlErrorPage,
  permissionDenied,
  clientGotTextBody,
  unknownFailure
];

/** Rules that add advice whatever happened to the call. */
const ADVISORY_RULES: Rule[] = [installationBehindManifest, unknownScopeNames, consentScreenScopes];

export interface Diagnosis {
  /** The call succeeded and nothing needs attention at error level. */
  ok: boolean;
  /** The finding that explains the failure, when the call failed. */
  primary?: Finding;
  /** Primary first, then advice. */
  findings: Finding[];
  /**
   * Other causes the same response fits (later failure rules that also matched, each a different code, at most
   * two): the text cannot rule them out, so a reader who has checked the primary one looks there next.
   */
  alsoPossible: { code: Finding['code']; title: string }[];
  status?: number;
  /** Names of the response headers (never their values). */
  headerNames: string[];
  call: { method: string; path: string; auth: AuthMode; product?: Product };
  scopes: ScopeAnalysis;
}

/** Capitalises a title that starts with an ordinary word ("the issue …"), never a file or scope name. */
function sentence(text: string): string {
  return /^[a-z]+\s/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

const MAX_EVIDENCE = 300;

/**
 * One line of evidence: redacted over a window wider than what is kept, then cut, so a cut never splits a
 * secret that redaction would have caught (and a 64 KiB message costs no more than a short one).
 */
function evidenceLine(line: string): string {
  const cut = line.length > 4 * MAX_EVIDENCE;
  // A cut window may end inside a credential: its last word is dropped, whatever redaction made of it.
  const redacted = cut ? redact(line.slice(0, 4 * MAX_EVIDENCE)).replace(/[^\s"',;]*$/, '') : redact(line);
  return redacted.length > MAX_EVIDENCE ? `${redacted.slice(0, MAX_EVIDENCE - 1)}…` : redacted;
}

/** Keeps the remedies written for the reader's channel, redacts every string, and stamps the audience. */
function finish(finding: Finding, channel: Channel): Finding {
  return {
    ...finding,
    audience: channel,
    title: sentence(redact(finding.title)),
    explanation: redact(finding.explanation),
    remedies: finding.remedies.filter((r) => !r.channel || r.channel === channel).map((r) => ({ actor: r.actor, action: redact(r.action) })),
    evidence: finding.evidence.map(evidenceLine)
  };
}

function applyRules(rules: Rule[], o: Observation): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const finding = rule(o);
    if (finding) findings.push(finish(finding, o.channel));
  }
  return findings;
}

const MAX_ALSO_POSSIBLE = 2;

/**
 * Findings that often rest on a status and the caller rather than on the product's own words: the families in
 * which public threads settled the same text differently (test/corpus/README.md). Only these get alternatives;
 * running every rule costs about 10 ms of pattern compilation on first use, which a finding read from the
 * product's own words ("granted the following scopes: []", "XSRF check failed") does not need to pay.
 */
const WEAKLY_EVIDENCED = new Set<FindingCode>([
  FindingCode.INVALID_CREDENTIALS,
  FindingCode.BASIC_AUTH_PASSWORD,
  FindingCode.LOGIN_REQUIRED,
  FindingCode.API_TOKEN_WRONG_SCHEME,
  FindingCode.DATA_CENTER_TOKEN_ON_CLOUD,
  FindingCode.SCOPED_TOKEN_SITE_URL,
  FindingCode.OAUTH_ACCESS_TOKEN_EXPIRED,
  FindingCode.RESOURCE_NOT_FOUND_OR_HIDDEN,
  FindingCode.ISSUE_NOT_FOUND_OR_HIDDEN,
  FindingCode.ENDPOINT_NOT_FOUND,
  FindingCode.MALFORMED_RESPONSE,
  FindingCode.HTML_ERROR_PAGE,
  FindingCode.PERMISSION_DENIED
]);

/** The rules behind the codes that are never alternatives: each returns only its own code. */
const CATCH_ALL_RULES = new Set<Rule>([permissionDenied, htmlErrorPage, unknownFailure]);

/**
 * One pass over the failure rules: the first that applies explains the call; for a weakly evidenced primary the
 * pass goes on from there to collect the later rules that match too. The catch-alls that answer any 403 or any
 * HTML page (PERMISSION_DENIED, HTML_ERROR_PAGE) and UNKNOWN are never alternatives: after a specific finding they
 * add only noise.
 */
function explainFailure(o: Observation): { primary?: Finding; alsoPossible: Diagnosis['alsoPossible'] } {
  let primary: Finding | undefined;
  const alsoPossible: Diagnosis['alsoPossible'] = [];
  const seen = new Set<string>([FindingCode.UNKNOWN, FindingCode.PERMISSION_DENIED, FindingCode.HTML_ERROR_PAGE]);
  for (const rule of FAILURE_RULES) {
    // Their codes are never alternatives, so once a primary is found they need not run (UNKNOWN's excerpt alone costs a 4 KB redaction).
    if (primary && CATCH_ALL_RULES.has(rule)) continue;
    const finding = rule(o);
    if (!finding) continue;
    if (!primary) {
      primary = finish(finding, o.channel);
      if (!WEAKLY_EVIDENCED.has(primary.code)) break;
      seen.add(primary.code);
      continue;
    }
    if (seen.has(finding.code)) continue;
    seen.add(finding.code);
    alsoPossible.push({ code: finding.code, title: sentence(redact(finding.title)) });
    if (alsoPossible.length >= MAX_ALSO_POSSIBLE) break;
  }
  if (!primary || !WEAKLY_EVIDENCED.has(primary.code)) return { primary, alsoPossible };
  // Causes threads settled for the same words come first: no rule matched them, so the paste alone would not name them.
  const settled = knownConfusions(o, primary)
    .filter((a) => a.code !== primary?.code && !alsoPossible.some((p) => p.code === a.code))
    .map((a) => ({ code: a.code, title: sentence(redact(a.title)) }));
  return { primary, alsoPossible: [...settled, ...alsoPossible].slice(0, MAX_ALSO_POSSIBLE) };
}

/** Explains one product call from what it returned or threw. Pure; never throws on any input. */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const o = observe(input);
  const { primary, alsoPossible } = explainFailure(o);
  const advice = applyRules(ADVISORY_RULES, o).filter(
    (f) => !(primary && f.code === primary.code && f.code === FindingCode.INSTALLATION_NOT_UPGRADED)
  );
  const findings = primary ? [primary, ...advice] : advice;
  return {
    ok: !primary,
    primary,
    findings,
    alsoPossible,
    status: o.status,
    headerNames: Object.keys(o.headers.all),
    call: { method: o.method, path: redact(o.pathAsCalled), auth: o.auth, product: o.product },
    scopes: o.scopes
  };
}
