import { findOperation } from '../../catalog/operation-lookup';
import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, UNKNOWN_PATH, type Observation, statusEvidence } from '../observation';
import { caller, productErrorBody, retryLater, says, saysBesideUrls, throughGateway } from './remedies';
import type { Rule } from './rule';

const REMOVED =
  /(?:api|endpoint|resource|method|operation|version)s? (?:has|have) been (?:removed|deprecated|retired|disabled|sunset)|has been removed|is no longer (?:available|supported)|(?:api|endpoint|resource|method|operation|version|parameter)s? (?:was|were|is|are) (?:removed|retired|sunset)\b|no longer supported|please (?:use|migrate to) the (?:new|newer|enhanced)|migrate to (?:the )?\/rest\/|deprecated and (?:will be|has been) removed|CHANGE-\d{3,5}|\bGDPR strict mode\b|is not supported in GDPR|'accountId' query parameter needs to be provided|Deprecated API|will be removed (?:on|in|after)|only (?:accessible|available) (?:from|in|through) the UI/i;

/** APIs Atlassian retired whose old paths now answer 404: Confluence's RPC APIs, Jira's createmeta (Jira 9 / Cloud). */
const REMOVED_PATH = /^\/(?:wiki\/)?rpc\/(?:json-rpc|xmlrpc|soap-axis)|^\/rest\/api\/(?:2|latest)\/issue\/createmeta$|^\/rest\/prototype\/|^\/rest\/obm\/1\.0\/runbackup$/;

/**
 * Jira Cloud's issue search (GET/POST /rest/api/2|3/search) was removed for /rest/api/3/search/jql
 * (https://developer.atlassian.com/changelog/#CHANGE-2046); Data Center keeps /rest/api/2/search.
 */
function cloudSearchRemoved(o: Observation): boolean {
  const match = /^\/(?:ex\/jira\/[^/]+\/)?rest\/api\/(2|3|latest)\/search$/.exec(o.pathAsCalled);
  if (!match || !(o.status === 404 || o.status === 405 || o.status === 410)) return false;
  return match[1] === '3' || o.cloudHost;
}

/**
 * Cloud switched off the old download servlets for attachments and thumbnails: Jira's /secure/attachment and
 * /secure/thumbnail (https://github.com/andygrunwald/go-jira/issues/662) and Confluence's /wiki/download/attachments
 * (https://github.com/atlassian-api/atlassian-python-api/issues/1640), which now refuse token calls with 401.
 */
const LEGACY_DOWNLOAD = /^\/wiki\/download\/(?:attachments|thumbnails)\/|^\/secure\/(?:attachment|thumbnail)\//;

/** A 404 there is the path (Confluence's download links need /wiki); a refused credential is the switch-off. */
function cloudLegacyDownload(o: Observation): boolean {
  return o.cloudHost && LEGACY_DOWNLOAD.test(o.pathAsCalled) && (o.status === undefined || o.status === 401 || o.status === 403);
}

/**
 * Jira 9 (Data Center) and Cloud dropped GET /issue/createmeta: the old path now reads "createmeta" as an issue key,
 * so tools that create issues through it report "Issue Does Not Exist" or a failed "create meta" call.
 */
const CREATEMETA_GONE = /create ?meta\b(?!\/)[\s\S]{0,200}(?:fail|error|not found|404|does not exist)|(?:fail|error)[\s\S]{0,60}create ?meta\b(?!\/)|(?:New-JiraIssue|creat(?:e|ing) (?:an? |the )?issue)[\s\S]{0,300}Issue Does Not Exist/i;

/**
 * Get my permissions without its permissions parameter was retired: "requests without it will start being rejected
 * after 1 February 2019" (https://developer.atlassian.com/cloud/jira/platform/change-notice-get-my-permissions-requires-permissions-query-parameter).
 */
const MYPERMISSIONS_UNFILTERED = /The 'permissions' query parameter is required/i;

export const apiRemoved: Rule = (o) => {
  if (!o.failed) return undefined;
  const createmeta = says(o, CREATEMETA_GONE) && (o.status === undefined || o.status === 404);
  const unfilteredPermissions = says(o, MYPERMISSIONS_UNFILTERED) && (o.status === undefined || o.status === 400);
  const legacyDownload = cloudLegacyDownload(o);
  const gone = o.status === 410 || (REMOVED_PATH.test(o.pathAsCalled) && (o.status === 404 || o.status === undefined)) || cloudSearchRemoved(o) || createmeta || legacyDownload || unfilteredPermissions;
  const text = says(o, REMOVED);
  if (!gone && !text) return undefined;
  if (!gone && o.status !== undefined && ![400, 404, 405, 403, 501].includes(o.status)) return undefined;
  return {
    code: FindingCode.API_REMOVED,
    severity: 'error',
    title: `${o.pathAsCalled === UNKNOWN_PATH ? 'The API called' : callLabel(o)} has been removed`,
    explanation:
      `${productName(o.product)} retired this API after its deprecation period${o.status === 410 ? ' (410 Gone)' : ''}. ` +
      'Calls keep failing until the code moves to the replacement named in the deprecation notice (for example Jira search → /rest/api/3/search/jql, user names → account ids).',
    remedies: [
      ...(legacyDownload
        ? [
            {
              actor: caller(o),
              action: /^\/secure\//.test(o.pathAsCalled)
                ? 'Download through the REST API with the same credentials: GET /rest/api/3/attachment/content/{id} (thumbnails: /rest/api/3/attachment/thumbnail/{id}).'
                : 'Download through the REST API with the same credentials: GET /wiki/rest/api/content/{pageId}/child/attachment/{attachmentId}/download.'
            }
          ]
        : []),
      { actor: caller(o), action: 'Read the message and the changelog entry it names, and migrate to the replacement endpoint (mind its different paging and fields).' },
      { actor: caller(o), action: `Watch ${DOCS.changelog} for deprecation notices of the APIs you use.` }
    ],
    evidence: [
      statusEvidence(o),
      ...(text ? ['the response says the API was removed or deprecated'] : []),
      ...(createmeta ? ['GET /rest/api/2/issue/createmeta was removed (Jira 9 and Cloud): use /issue/createmeta/{projectIdOrKey}/issuetypes'] : []),
      ...(unfilteredPermissions ? ['Get my permissions without permissions=… was retired in 2019: list the permission keys you need (all of them: Get all permissions)'] : []),
      ...(legacyDownload ? ['the old download URLs (servlet paths) are switched off on Cloud'] : [])
    ],
    docs: DOCS.changelog
  };
};

export const xsrfCheckFailed: Rule = (o) => {
  if (!o.failed || !says(o, /XSRF check failed|XSRF Security Token Missing|CSRF (?:check|token) (?:failed|missing)/i)) return undefined;
  return {
    code: FindingCode.XSRF_CHECK_FAILED,
    severity: 'error',
    title: `${productName(o.product)} refused the write with "XSRF check failed"`,
    explanation:
      'Some write endpoints (attachments, multipart forms, and any request that looks like a browser form post) run an XSRF check. ' +
      'Requests from scripts must opt out with the X-Atlassian-Token header and send a JSON or multipart content type.',
    remedies: [
      { actor: caller(o), action: 'Add the header `X-Atlassian-Token: no-check` (for attachments, also send multipart/form-data with the file in a part named "file").' },
      { actor: caller(o), action: 'Send `Content-Type: application/json` on JSON writes, and do not send a browser User-Agent or Origin header from scripts.' }
    ],
    evidence: [`status ${o.status ?? '?'}: XSRF check failed`, `call: ${callLabel(o)}`],
    docs: DOCS.xsrf
  };
};

/**
 * Multipart uploads: Jira's and Confluence's attachment (and avatar, temporary-file) endpoints. "Operations that accept
 * multipart/form-data must include the X-Atlassian-Token: no-check header in requests. Otherwise the request is blocked
 * by cross-site request forgery (CSRF/XSRF) protection." (Jira Cloud platform REST reference, "Special headers").
 */
const MULTIPART_UPLOAD = /\/(?:attachments?|child\/attachment(?:\/[^/]+\/data)?|attachTemporaryFile|avatar(?:\/[^/]+)?|avatars)\/?$/i;

/** Words that name another cause; an upload refused with none of them is read as the XSRF block. */
const OTHER_CAUSE = /permission|authori[sz]|authentic|log ?in|(?<!Atlassian-)token|licen[cs]|not found|does not exist|no such|too large|size|limit|quota|disabled|virus|timed? ?out|\brate\b/i;

/**
 * A multipart upload refused without a reason (no status, or a 403 whose body was lost or says nothing): the XSRF
 * block is the documented refusal for uploads sent without the header, so it leads, stated as an inference.
 */
export const uploadWithoutXsrfHeader: Rule = (o) => {
  if (!o.failed || !/^(?:POST|PUT)$/.test(o.method) || !MULTIPART_UPLOAD.test(o.pathAsCalled)) return undefined;
  if (!(o.status === undefined || o.status === 403) || o.messageText.length > 120 || says(o, OTHER_CAUSE)) return undefined;
  return {
    code: FindingCode.XSRF_CHECK_FAILED,
    severity: 'error',
    title: `The upload to ${callLabel(o)} was most likely blocked by the XSRF check`,
    explanation:
      `${productName(o.product)} gave no reason for refusing the upload. Uploads are multipart requests, which ${productName(o.product)} blocks ` +
      'unless they carry the header `X-Atlassian-Token: no-check`; that is the usual cause when nothing else is said.',
    remedies: [
      { actor: caller(o), action: 'Send the header `X-Atlassian-Token: no-check` (exactly that value) with the upload, as multipart/form-data with the file in a part named "file".' },
      { actor: caller(o), action: 'If the header is already sent, log the full response (status and body): it names the real reason.' }
    ],
    evidence: [statusEvidence(o), `call: ${callLabel(o)} (a multipart upload)`, 'inferred: the refusal names no other cause'],
    docs: DOCS.xsrf
  };
};

/** A `?` that became part of the path: `route` escapes it to %3F when the whole path is one interpolated value. */
export const queryStringInPath: Rule = (o) => {
  if (!o.failed) return undefined;
  const raw = typeof o.input.call?.path === 'string' ? o.input.call?.path : '';
  const encoded = /%3F[^/]*=|%3F/i.test(raw.split('?')[0]) || says(o, /\/rest\/[^\s"']*%3F|\/wiki\/[^\s"']*%3F|query string.{0,40}(?:path|route)|Disallowing path manipulation|path manipulation attempt/i);
  if (!encoded) return undefined;
  return {
    code: FindingCode.QUERY_STRING_IN_PATH,
    severity: 'error',
    title: 'The query string became part of the path',
    explanation:
      'The "?" reached the product escaped as %3F (or glued into the path), so the server looked for a resource whose name contains the query, and found none. ' +
      "Forge's route tag escapes every interpolated value: a whole path-with-query passed as one value gets its ? and & escaped.",
    remedies: [
      { actor: caller(o), action: 'Write the query in the route template itself: route`/rest/api/3/search/jql?jql=${jql}&maxResults=${n}` (each value interpolated separately), or use URLSearchParams.' },
      { actor: caller(o), action: 'Outside Forge, build URLs with a URL/query builder so ? and & are not percent-encoded.' }
    ],
    evidence: [statusEvidence(o), 'an encoded "?" (%3F) in the path'],
    docs: DOCS.route
  };
};

const CONFLUENCE_V1 = /^\/rest\/(?:api\/(?:content|space|search|user|group|longtask|settings|template|audit|label|contentbody|relation)|experimental)\b/;

/** A Confluence call that went to the Cloud site's root instead of /wiki (the root serves Jira or nothing). */
function confluenceBaseWithoutWiki(o: Observation): boolean {
  const base = o.input.call?.baseUrl ?? '';
  return o.input.call?.product === 'confluence' && /^https?:\/\/[^/]+\.atlassian\.net\/?$/i.test(base) && (o.status === 404 || o.status === undefined) && !/^\/wiki\//.test(o.pathAsCalled);
}

export const wrongProductUrl: Rule = (o) => {
  if (!o.failed) return undefined;
  const path = o.pathAsCalled;
  const confluenceWithoutWiki =
    CONFLUENCE_V1.test(path) && !findOperation(o.method, path) && !o.selfHostedHost && (o.cloudHost || o.auth === 'forge-as-user' || o.auth === 'forge-as-app' || (o.product === 'confluence' && says(o, /null for uri/i)));
  const baseWithoutWiki = confluenceBaseWithoutWiki(o);
  const jiraUnderWiki = /^\/wiki\/rest\/api\/(?:2|3|latest)\/(?:issue|search|project|myself|field|jql)/.test(path);
  const exMismatch = /^\/ex\/confluence\/[^/]+\/rest\/api\/[23]\/(?:issue|search|project)/.test(path) || /^\/ex\/jira\/[^/]+\/wiki\//.test(path);
  const productMismatch = (o.input.call?.product === 'jira' && /^\/wiki\//.test(path)) || (o.input.call?.product === 'confluence' && /^\/rest\/api\/[23]\/(?:issue|search|project|myself)/.test(path));
  // A Confluence client answered by Jira's own error page ("Go to Jira home"), or the reverse.
  const confluenceAnsweredByJira = o.input.call?.product === 'confluence' && says(o, /Go to Jira home|MyJiraHome\.jspa|- JIRA$/im);
  const text =
    says(o, /(?:this|the) (?:url|site) (?:is|belongs to) (?:a )?(?:jira|confluence)|requestConfluence.{0,40}\/rest\/api\/3|requestJira.{0,40}\/wiki\//i) ||
    confluenceAnsweredByJira ||
    (o.input.call?.product === 'jira' && says(o, /Go to Confluence home|- Confluence$/im));
  if (!confluenceWithoutWiki && !jiraUnderWiki && !exMismatch && !productMismatch && !text && !baseWithoutWiki) return undefined;
  if (o.status !== undefined && ![404, 400, 405, 401, 403, 302, 301, 200].includes(o.status)) return undefined;
  const confluence = confluenceWithoutWiki || baseWithoutWiki || confluenceAnsweredByJira || /^\/ex\/jira\/[^/]+\/wiki\//.test(path) || o.input.call?.product === 'jira';
  return {
    code: FindingCode.WRONG_PRODUCT_URL,
    severity: 'error',
    title: confluence ? 'A Confluence API was called at a Jira URL (or without /wiki)' : 'A Jira API was called at a Confluence URL',
    explanation:
      'On Atlassian Cloud, Confluence REST APIs live under /wiki (https://<site>.atlassian.net/wiki/rest/api/..., /wiki/api/v2/...; ' +
      'https://api.atlassian.com/ex/confluence/{cloudId}/wiki/...) and Jira ones under /rest/api/3 at the site root or /ex/jira/{cloudId}. The other product answers 404.',
    remedies: [
      {
        actor: caller(o),
        action: confluence
          ? `Call /wiki${path.startsWith('/wiki') ? path.slice(5) : path.replace(/^\/ex\/jira\/[^/]+/, '')} (with requestConfluence in Forge, or /ex/confluence/{cloudId} through the gateway).`
          : 'Call Jira paths (/rest/api/3/...) with requestJira in Forge, or /ex/jira/{cloudId} through the gateway, without /wiki.'
      }
    ],
    evidence: [statusEvidence(o), `call: ${callLabel(o)}`],
    docs: DOCS.confluenceV2
  };
};

const NO_ENDPOINT = /null for uri|HTTP 404 Not Found|requested URL .{0,300} was not found on this server|No message available|could not find (?:a |any )?(?:resource|handler|endpoint)|(?:resource|endpoint|url|method) (?:was )?not found|no (?:such|matching) (?:endpoint|resource|operation|route)|unrecognized (?:url|path)|Method Not Allowed|HTTP method .{0,20} (?:is )?not supported|dead link|page (?:you|you're) (?:are )?looking for|page you were trying to reach (?:could not|couldn't|cannot) be found|Unsupported (?:API|endpoint)|Not Found$/im;

/** A trailing slash: the gateway matches no operation, so its scope check fails with "scope does not match" (or 404). */
export const trailingSlash: Rule = (o) => {
  if (!o.failed || !/^\/.+\/$/.test(typeof o.input.call?.path === 'string' ? o.input.call?.path.split('?')[0] : '')) return undefined;
  if (!(o.status === 404 || o.status === 405 || /scope does not match/i.test(o.messageText))) return undefined;
  return endpointFinding(o, 'the path ends with a slash, which no operation has');
};

/**
 * An empty path segment (`//rest/api/content`, from a base URL ending in / joined to a path starting with /): the
 * products route no operation there, and clients report whatever they make of the answer.
 */
export const doubleSlashInPath: Rule = (o) => {
  if (!o.failed || !(o.status === undefined || o.status === 404 || o.status === 405)) return undefined;
  if (!o.pathAsCalled.includes('//')) return undefined;
  return endpointFinding(o, 'the path has an empty segment (//)', 'Join the base URL and the path with exactly one slash (strip the trailing slash from the base URL).');
};

/** A product page (board, project, browse, space) given as the API base URL: the API paths land on the UI. */
const UI_PAGE_BASE = /^https?:\/\/[^/]+\/(?:projects|browse|jira\/software|jira\/core|secure|wiki\/spaces|display|issues)\b/i;

export const uiBaseUrl: Rule = (o) => {
  if (!o.failed) return undefined;
  const base = o.input.call?.baseUrl ?? '';
  const fix = 'Give the client the site root as its base URL (https://<your-site>.atlassian.net, or the Data Center address with its context path), not a link copied from the browser.';
  if (UI_PAGE_BASE.test(base)) return endpointFinding(o, 'the base URL is a page of the product, not its API root', fix);
  // A #fragment never reaches the server, and a client that appends API paths to it calls the site root.
  if (/^https?:\/\/[^#?\s]*[#?]/i.test(base)) return endpointFinding(o, 'the base URL carries a #fragment or ?query copied from the browser, so the API paths never reach the server', fix);
  return undefined;
};

/**
 * Paths that cannot be an operation: under a namespace the committed catalog holds whole (Jira platform v3, Confluence
 * v2) yet matching none of its operations, or a Confluence v1 resource named in the plural, which only v2 uses
 * (v1 has /wiki/rest/api/group, space, user, ...; v2 has /wiki/api/v2/spaces, pages, ...).
 */
function certainlyNoOperation(o: Observation): boolean {
  if (o.pathAsCalled === UNKNOWN_PATH || o.operation) return false;
  return /^\/(?:rest\/api\/3|wiki\/api\/v2)\/[a-z]/.test(o.catalogPath) || /^\/wiki\/rest\/api\/(?:groups|spaces|users|contents|labels|templates|relations)(?:\/|$)/.test(o.catalogPath);
}

/**
 * The api.atlassian.com gateway answers an OAuth 2.0 call to a route that does not exist with 401, not 404:
 * Atlassian's CONFCLOUD-74856 (https://jira.atlassian.com/browse/CONFCLOUD-74856: /wiki/rest/api/groups for
 * /wiki/rest/api/group). A bare 401 there says nothing about the token when the path is no operation at all.
 */
function gatewayUnknownRoute(o: Observation): boolean {
  const bare401 = o.status === 401 && !says(o, /scope|expired|invalid_token|revoked/i);
  return (o.auth === 'oauth2' || o.auth === 'basic-scoped-token') && throughGateway(o) && bare401 && certainlyNoOperation(o);
}

/**
 * Cloud serves Confluence under /wiki; a self-hosted Confluence serves it under its own context path, which is part of
 * the base URL. A client that adds /wiki on its own to a self-hosted base without it calls paths the site does not
 * have, answered 401 or 404 (https://github.com/Mintplex-Labs/anything-llm/issues/2375: fixed by a Cloud /
 * self-hosted choice that builds the path without /wiki).
 */
function cloudWikiPrefixOnSelfHosted(o: Observation): boolean {
  const base = o.input.call?.baseUrl ?? '';
  const basePath = /^https?:\/\/[^/]+(\/[^?#]*)?/i.exec(base)?.[1] ?? '';
  return (
    o.selfHostedHost &&
    base !== '' &&
    !/\/wiki\/?$/i.test(basePath) &&
    /^\/wiki\/(?:rest|api)\//.test(o.pathAsCalled) &&
    (o.status === 401 || o.status === 404 || o.status === undefined) &&
    (o.status !== undefined || says(o, /\b40[14]\b|not found|unauthori[sz]ed/i))
  );
}

/**
 * A 404 with no path and no body, as a client's summary gives it ("Received: [404]"). Jira and Confluence name what
 * they cannot find when it is a resource (an issue, a project, a space, in a JSON body); a 404 that names nothing is
 * more often a URL the site has no API at. Threads settled such pastes as a base URL or API flavour that did not
 * fit the site (https://github.com/apache/maven-changes-plugin/issues/595, https://github.com/ankitpokhrel/jira-cli/issues/626).
 */
function bare404WithoutPath(o: Observation): boolean {
  return (
    o.status === 404 &&
    o.pathAsCalled === UNKNOWN_PATH &&
    o.body.kind !== 'html' &&
    !productErrorBody(o) &&
    Object.keys(o.body.fieldErrors).length === 0 &&
    !saysBesideUrls(o, /does not exist|not found or|no (?:such )?(?:issue|project|space|page|content|user|board)|permission|could not find|cannot find/i) &&
    o.messageText.replace(/\bhttps?:\/\/\S+/g, '').length < 200
  );
}

export const endpointNotFound: Rule = (o) => {
  if (!o.failed) return undefined;
  const status = o.status;
  if (cloudWikiPrefixOnSelfHosted(o)) {
    return endpointFinding(
      o,
      'the client put Cloud\'s /wiki prefix in front of the path, and this self-hosted site\'s base URL has no /wiki',
      'On Data Center, call Confluence at the base URL as given (https://confluence.example.com/rest/api/...): /wiki is the Cloud prefix. Choose the client\'s Server / Data Center mode if it has one; if your site really lives under /wiki, put /wiki in the base URL instead.'
    );
  }
  if (bare404WithoutPath(o)) {
    return endpointFinding(
      o,
      'the paste gives a 404 and nothing else: no path, and no reason from the product, which names what it cannot find when it is a resource',
      'Log the full URL of the failing call and compare it with the REST reference: the base URL (the site root, with /wiki for Confluence Cloud, with the context path on Data Center), no trailing slash, and the API version the site has.'
    );
  }
  if (gatewayUnknownRoute(o)) {
    return endpointFinding(o, 'no documented operation matches this path, and the api.atlassian.com gateway answers a route that does not exist with 401, not 404');
  }
  // /rest/api/{2,3}/search/jql exists on Cloud only: Data Center keeps /rest/api/2/search.
  if (o.selfHostedHost && /^\/rest\/api\/(?:2|3|latest)\/search\/jql$/.test(o.pathAsCalled) && (status === 404 || status === undefined)) {
    return endpointFinding(o, '/search/jql exists on Atlassian Cloud only; a Data Center site answers at /rest/api/2/search');
  }
  if (status === 405) return endpointFinding(o, 'the path exists but not with this method');
  if (status !== 404 && status !== undefined && status !== 400) return undefined;
  const text = says(o, NO_ENDPOINT);
  const known = o.pathAsCalled !== UNKNOWN_PATH && !!o.operation;
  const notAnApiPath = o.pathAsCalled !== UNKNOWN_PATH && !/^\/(?:rest|wiki\/rest|wiki\/api|api|ex|gateway|oauth|_edge|jsd|servicedesk|plugins)\b/.test(o.catalogPath) && o.catalogPath.startsWith('/');
  const unknownApiPath =
    o.pathAsCalled !== UNKNOWN_PATH && !o.operation && (notAnApiPath || /^\/(?:rest|wiki\/rest|wiki\/api)\//.test(o.catalogPath)) && status === 404 && o.body.kind !== 'confluence' && !saysBesideUrls(o, /does not exist|not found or|permission/i);
  // A documented operation without parameters exists on every site: its 404 means the base or context path is wrong.
  if (status === 404 && o.operation && !o.operation.template.includes('{') && o.body.kind !== 'confluence' && !saysBesideUrls(o, /does not exist|not found or|permission/i)) {
    return endpointFinding(o, 'the operation exists on every site, so the base URL or context path is wrong');
  }
  if (status === undefined && !text) return undefined;
  if (status === 400 && !says(o, /null for uri|Method Not Allowed/i)) return undefined;
  if (!text && !unknownApiPath) return undefined;
  if (known && o.operation?.template.includes('{') && !says(o, /null for uri|No message available|Method Not Allowed|dead link|HTTP 404 Not Found|was not found on this server/i)) return undefined;
  return endpointFinding(o, text ? 'the response says no such resource exists at this URL' : 'no documented operation matches this path');
};

function endpointFinding(o: Observation, why: string, fix?: string) {
  return {
    code: FindingCode.ENDPOINT_NOT_FOUND,
    severity: 'error' as const,
    title: `No ${productName(o.product)} endpoint answers ${callLabel(o)}`,
    explanation:
      `The server has no operation at this URL for this method (${why}). Usual causes: a typo, the wrong API version (v2 vs v3, v1 vs /wiki/api/v2), ` +
      'the wrong base path (missing /wiki, /rest/agile/1.0 vs /rest/api), or the wrong HTTP method.',
    remedies: [
      ...(fix ? [{ actor: caller(o), action: fix }] : []),
      { actor: caller(o), action: 'Compare the method and path character for character with the REST API reference, including the version segment.' },
      { actor: caller(o), action: 'Agile (boards, sprints) lives under /rest/agile/1.0, Service Management under /rest/servicedeskapi, Confluence under /wiki.' }
    ],
    evidence: [statusEvidence(o), `call: ${callLabel(o)}`],
    docs: o.product === 'confluence' ? DOCS.confluenceV2 : DOCS.jiraRest
  };
}

const SITE_DOWN =
  /(?:site|instance|jira|confluence|product) (?:is )?(?:currently |temporarily )?(?:unavailable|under maintenance|undergoing maintenance|down for maintenance|being (?:upgraded|migrated|restored))|scheduled maintenance|maintenance (?:window|mode|in progress)|site (?:has been |was |is )?(?:deactivated|suspended|disabled|deleted|archived)|your (?:atlassian )?(?:cloud )?site is (?:unavailable|deactivated)|Unable to access your site|We're sorry, this (?:site|page) (?:is )?(?:not )?available|\bPage Unavailable\b|cloud site.{0,40}(?:unavailable|not available)|(?:instance|site) \S{0,80} is (?:suspended|deactivated|unavailable)/i;

export const siteUnavailable: Rule = (o) => {
  if (!o.failed) return undefined;
  const text = says(o, SITE_DOWN);
  if (!text) return undefined;
  // A bare "Page Unavailable" for a Confluence call made at the site root is the root's answer, not the site's state.
  if (confluenceBaseWithoutWiki(o) && !says(o, /maintenance|deactivated|suspended|site is|Cloud Notifications/i)) return undefined;
  if (o.status !== undefined && o.status < 500 && ![404, 403, 410, 401, 302].includes(o.status)) return undefined;
  // A bare "Service Unavailable" 503 JSON from one call is a transient product error, not the site.
  if (o.status === 503 && o.body.kind !== 'html' && !says(o, /maintenance|site|instance|deactivated|temporarily/i)) return undefined;
  return {
    code: FindingCode.SITE_UNAVAILABLE,
    severity: 'error',
    title: 'The site itself is unavailable (maintenance, deactivated or being restored)',
    explanation: 'The whole site answered with an unavailability page, not one failing operation: maintenance, an upgrade or migration in progress, or a deactivated (e.g. unpaid or suspended) site.',
    remedies: [
      ...retryLater('later'),
      { actor: 'site-admin', action: 'Check https://status.atlassian.com and admin.atlassian.com (billing, site status); a deactivated site must be reactivated by its admin.' }
    ],
    evidence: [statusEvidence(o), 'the response says the site is unavailable'],
    docs: DOCS.status
  };
};
