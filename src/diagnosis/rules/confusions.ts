import { FindingCode } from '../codes';
import { productName, type Observation } from '../observation';
import type { Finding } from '../types';
import { sendsApiToken } from './remedies';

export interface Alternative {
  code: FindingCode;
  title: string;
}

/** User and group administration: operations whose refusal of a non-administrator some products word as "not authenticated". */
const ADMINISTRATION_PATH = /\/group(?:s|\/member|\/user)?(?:\/|$)|\/user(?:\/bulk)?$|\/users?\/[^/]+\/(?:manage|lifecycle)|^\/admin\//i;

type Confusion = (o: Observation, product: string) => Alternative[];

/** "No project could be found", "no content with the given id": also the answer to a caller whose credentials were not applied. */
const answeredAsAnonymous: Confusion = (o, product) => {
  if (sendsApiToken(o.auth)) {
    return [{ code: FindingCode.API_TOKEN_WRONG_SCHEME, title: `The API token was not sent as Basic credentials with the e-mail (it went as Bearer, alone, or not base64), so ${product} answered as to an anonymous caller` }];
  }
  if (o.auth === 'oauth2' || o.auth === 'connect-jwt') return [];
  return [{ code: FindingCode.INVALID_CREDENTIALS, title: `The credentials were not applied or not accepted (a stray newline in a token, an expired token), so ${product} answered as to an anonymous caller` }];
};

/** A client that could not decode a page (no status read): often the site's answer to a refused login. */
const pageForRefusedLogin: Confusion = (o) =>
  o.status === undefined && o.auth !== 'oauth2' && o.auth !== 'connect-jwt'
    ? [{ code: FindingCode.INVALID_CREDENTIALS, title: 'The page may be the site refusing the credentials (a mistyped password, user and login swapped)' }]
    : [];

/**
 * Causes public threads settled for the same words as the primary finding, which no rule can tell apart from the
 * paste (test/corpus/README.md, "What stays wrong"). A lookup, not a switch: most codes have none.
 */
const CONFUSIONS: Partial<Record<FindingCode, Confusion>> = {
  [FindingCode.RESOURCE_NOT_FOUND_OR_HIDDEN]: answeredAsAnonymous,
  [FindingCode.ISSUE_NOT_FOUND_OR_HIDDEN]: answeredAsAnonymous,
  [FindingCode.INVALID_CREDENTIALS]: (o, product) =>
    o.auth !== 'unknown' && ADMINISTRATION_PATH.test(o.pathAsCalled)
      ? [{ code: FindingCode.ADMIN_ONLY_ENDPOINT, title: `The operation needs an administrator: ${product} words some refusals of non-administrators as "not authenticated"` }]
      : [],
  [FindingCode.HTML_ERROR_PAGE]: (o) =>
    o.auth === 'data-center-pat'
      ? [{ code: FindingCode.DATA_CENTER_TOKEN_ON_CLOUD, title: 'The personal access token went as Basic (user name and token) where Data Center takes it only as a Bearer token' }]
      : [],
  [FindingCode.LOGIN_REQUIRED]: pageForRefusedLogin,
  [FindingCode.MALFORMED_RESPONSE]: pageForRefusedLogin
};

/**
 * Named next to the primary finding so that a reader who has ruled it out knows where to look; they never replace
 * it. Terminal only: the macro's calls are Forge's own.
 */
export function knownConfusions(o: Observation, primary: Finding): Alternative[] {
  if (o.channel !== 'cli' || o.isForge) return [];
  return CONFUSIONS[primary.code]?.(o, o.product ? productName(o.product) : 'the site') ?? [];
}
