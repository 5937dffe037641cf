import { explainText } from '../../src/diagnosis/explain';
import type { ExplainOptions } from '../../src/diagnosis/explain';

/**
 * One canonical paste per kind, in Atlassian's wording where it is public (the corpus cites the threads), a few
 * constructed (the guest, maintenance and Retry-After lines). The corpus measures accuracy; this pins each kind.
 */
const probes: [string, ExplainOptions, string][] = [
  ['HTTP/1.1 401 Unauthorized\n\nBasic authentication with passwords is deprecated.  For more information, see: https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/', {}, 'BASIC_AUTH_PASSWORD'],
  ['Response: Unauthorized - <html><head><title>Unauthorized (401)</title></head></html>', { path: 'https://mycompany.atlassian.net/rest/auth/1/session' }, 'BASIC_AUTH_PASSWORD'],
  ['Response 403 ({"message":"Basic Authentication has been disabled on this instance."})', {}, 'BASIC_AUTH_PASSWORD'],
  ['Response 403 ({"message":"Basic Authentication has been disabled on this instance."})', { auth: 'basic-token' }, 'DATA_CENTER_TOKEN_ON_CLOUD'],
  ['<div class="aui-message"><p>Encountered a <code>"403 - Forbidden"</code> error while loading this page.</p><p><a href="/secure/MyJiraHome.jspa">Go to Jira home</a></p></div>', { product: 'confluence' }, 'WRONG_PRODUCT_URL'],
  ['{"message":"Current user not permitted to use Confluence","statusCode":403}', {}, 'UNLICENSED_USER'],
  ['HTTP/1.1 403 Forbidden\n\nXSRF check failed', {}, 'XSRF_CHECK_FAILED'],
  ['{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}', {}, 'OAUTH_REFRESH_TOKEN_INVALID'],
  ['{"error":"unknown_token"}', {}, 'OAUTH_REFRESH_TOKEN_INVALID'],
  ['{"error":"invalid_client","error_description":"Client authentication failed"}', {}, 'OAUTH_CLIENT_MISCONFIGURED'],
  ['{"error":"access_denied","error_description":"redirect_uri is not registered for client"}', {}, 'OAUTH_CLIENT_MISCONFIGURED'],
  ['{"code":401,"message":"Unauthorized; scope does not match"}', { auth: 'oauth2' }, 'OAUTH_SCOPE_MISSING'],
  ['{"code":401,"message":"Unauthorized; scope does not match"}', { auth: 'forge-bridge' }, 'MANIFEST_MISSING_SCOPE'],
  ['{"code":401,"message":"Unauthorized; scope does not match"}', { auth: 'basic-scoped-token' , path: 'https://api.atlassian.com/ex/jira/x/rest/api/3/myself'}, 'TOKEN_SCOPE_MISSING'],
  ['Authentication failed: Invalid JWT: query hash does not match', {}, 'CONNECT_JWT_REJECTED'],
  // atlassian-connect-express refusing a request that reached the app without a JWT (a cacheable iframe carries none).
  ['Unauthorized: Could not find authentication data on request', { auth: 'connect-jwt' }, 'CONNECT_JWT_REJECTED'],
  ['{"message":"Could not find authentication data on request"}', {}, 'CONNECT_JWT_REJECTED'],
  ['HTTP/1.1 401 Unauthorized\n\n{"message":"JWT token expired"}', { auth: 'connect-jwt' }, 'CONNECT_JWT_REJECTED'],
  ['HTTP/1.1 410 Gone\ncontent-type: application/json\n\n{"errorMessages":["The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"],"errors":{}}', {}, 'API_REMOVED'],
  ['HTTP/1.1 401 Unauthorized\n\nFailed to parse Connect Session Auth Token', { auth: 'basic-token' }, 'API_TOKEN_WRONG_SCHEME'],
  ['HTTP/1.1 401 Unauthorized\n\nFailed to parse Connect Session Auth Token', { auth: 'data-center-pat' }, 'DATA_CENTER_TOKEN_ON_CLOUD'],
  ['CURL HTTP Request Failed: Status Code : 403, URL:https://foobar.atlassian.net/rest/api/2/search Error Message : {"error": "Failed to parse Connect Session Auth Token"}', {}, 'API_TOKEN_WRONG_SCHEME'],
  ['HTTP/1.1 403 Forbidden\n\n{"error": "Failed to parse Connect Session Auth Token"}', { auth: 'data-center-pat' }, 'DATA_CENTER_TOKEN_ON_CLOUD'],
  ['{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}', { path: '/wiki/api/v2/pages/123' }, 'RESOURCE_NOT_FOUND_OR_HIDDEN'],
  ['{"errorMessages":["No project could be found with key \'ABC\'."],"errors":{}}', {}, 'RESOURCE_NOT_FOUND_OR_HIDDEN'],
  ['{"errorMessages":["null for uri: https://x.atlassian.net/rest/api/3/issuee/ABC-1"]}', {}, 'ENDPOINT_NOT_FOUND'],
  ['HTTP/1.1 405 Method Not Allowed\n\n', { path: '/rest/api/3/issue/ABC-1', method: 'PATCH' }, 'ENDPOINT_NOT_FOUND'],
  ["jira: Received unexpected response '405 Not Allowed'.", { path: 'https://acme.atlassian.net/rest/api/3/search' }, 'API_REMOVED'],
  ['HTTP/1.1 400 Bad Request\n\n{"errorMessages":["Error in the JQL Query: The character \'%\' is a reserved JQL character."],"errors":{}}', {}, 'INVALID_REQUEST'],
  ['HTTP/1.1 429 Too Many Requests\nRetry-After: 10\n\n', {}, 'RATE_LIMITED'],
  ['HTTP/1.1 503 Service Unavailable\n\n', {}, 'PRODUCT_UNAVAILABLE'],
  ['Error: connect ETIMEDOUT 104.192.141.1:443', {}, 'TIMEOUT'],
  ['Error: URL not included in the external fetch backend permissions: https://example.com. Visit go.atlassian.com/forge-egress for more information.', {}, 'EGRESS_NOT_ALLOWED'],
  ['Request jira is not allowed from confluence context.', {}, 'PRODUCT_NOT_DECLARED'],
  // Confluence Data Center 9.3's answer to a CQL search naming a space that does not exist (CONFSERVER-101465).
  ['{\n"statusCode": 400,\n"message": "parameters should not be empty",\n"reason": "Bad Request"\n}', { product: 'confluence', path: '/rest/api/search?cql=space+%3D+%27X%27' }, 'RESOURCE_NOT_FOUND_OR_HIDDEN'],
  ['{"statusCode":400,"message":"com.atlassian.confluence.api.service.exceptions.BadRequestException: Could not parse cql : space = ","reason":"Bad Request"}', { product: 'confluence' }, 'INVALID_REQUEST'],
  ['Error: Request jira is not allowed from confluence context.', {}, 'PRODUCT_NOT_DECLARED'],
  ['There was an error invoking the function - Authentication required', {}, 'CONSENT_REQUIRED'],
  ['Error: Unknown scope: read:jira-works in manifest', {}, 'UNKNOWN_SCOPE_NAME'],
  ['Error: The app "Foo" is not installed for this site', {}, 'PRODUCT_NOT_INSTALLED'],
  ['Error: Manifest validation failed: Some scopes defined are not supported: read:priority-scheme:jira', {}, 'UNKNOWN_SCOPE_NAME'],
  ['{"type": "error", "error": {"message": "This API is not accessible by this authentication mechanism"}}', {}, 'OPERATION_NOT_ALLOWED_FOR_CALLER'],
  ['{"statusCode":413,"message":"Request too large. Requests for this resource can be at most 5242880 bytes"}', {}, 'INVALID_REQUEST'],
  ['oauth_problem=consumer_key_unknown', {}, 'OAUTH_CLIENT_MISCONFIGURED'],
  ['No space with key : pages', {}, 'RESOURCE_NOT_FOUND_OR_HIDDEN'],
  ['ApiError: There is no space with the given key, or the calling user does not have permission to view the space', {}, 'RESOURCE_NOT_FOUND_OR_HIDDEN'],
  ["requests.exceptions.ConnectionError: HTTPSConnectionPool(host='jira.example.com', port=443): Max retries exceeded with url: /rest/api/2/serverInfo (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))", {}, 'PRODUCT_UNAVAILABLE'],
  ['{ "message": "Unable to decode JWT token: Error: Signature verification failed for input: <jwt> with method sha256" }', { auth: 'connect-jwt' }, 'CONNECT_JWT_REJECTED'],
  ['2024/10/05 21:51:20 {"errorMessages":["Missing \'transition\' identifier"],"errors":{}}', {}, 'INVALID_REQUEST'],
  ['2025-08-21 | INFO | 404 GET https://jira.example.org/rest/api/2/search/jql?jql=project+%3D+A', {}, 'ENDPOINT_NOT_FOUND'],
  ['I was getting 404s on <my-domain>/agile/1.0/board/15/configuration', { path: '/agile/1.0/board/15/configuration' }, 'ENDPOINT_NOT_FOUND'],
  ['http2 error: stream error received: refused stream before processing any application logic', {}, 'RATE_LIMITED'],
  // The per-project createmeta is not the removed API; its bare 400 is a project the account cannot create in.
  ['The GET /rest/api/2/issue/createmeta/10200/issuetypes also returns a 400 (Bad Request)', {}, 'PERMISSION_DENIED'],
  ['{"errorMessages":["Access denied: the user does not have \'Browse users and groups\' global permission"]}', {}, 'PERMISSION_DENIED'],
  ['  File "site-packages/atlassian/confluence.py", line 128, in get_page_by_title\nAttributeError: \'str\' object has no attribute \'get\'', { product: 'confluence' }, 'INVALID_CREDENTIALS'],
  ["AttributeError: 'str' object has no attribute 'get'", {}, 'UNKNOWN'],
  ['Page Unavailable', { product: 'confluence', baseUrl: 'https://x.atlassian.net', path: '/plugins/servlet/soap-axis1/confluenceservice-v2' }, 'WRONG_PRODUCT_URL'],
  ['<title>Atlassian Cloud Notifications - Page Unavailable</title>', { product: 'confluence', baseUrl: 'https://x.atlassian.net' }, 'SITE_UNAVAILABLE'],
  ['{"errorMessages":["The app is not installed on this instance."]}', {}, 'PRODUCT_NOT_INSTALLED'],
  ['{"code":401,"message":"Unauthorized; scope does not match"}', { auth: 'forge-as-app', path: '/ex/jira/abc/rest/api/3/myself' }, 'FORGE_EX_PATH'],
  ['{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}', {}, 'ISSUE_NOT_FOUND_OR_HIDDEN'],
  ['HTTP/1.1 403 Forbidden\n\n{"errorMessages":["You do not have permission to create issues in this project."],"errors":{}}', {}, 'PERMISSION_DENIED'],
  ['SyntaxError: Unexpected token < in JSON at position 0', {}, 'MALFORMED_RESPONSE'],
  // Older Node said it without "JSON": the stack names the parser instead.
  ['ERROR SyntaxError: Unexpected token <\n  at Object.parse (native)', {}, 'MALFORMED_RESPONSE'],
  ['HTTP/1.1 403 Forbidden\nX-Seraph-LoginReason: AUTHENTICATION_DENIED\nX-Authentication-Denied-Reason: CAPTCHA_CHALLENGE; login-url=https://jira.example.org/login.jsp\n\n', { auth: 'basic-password' }, 'LOGIN_REQUIRED'],
  ['HTTP/1.1 200 OK\nX-Seraph-LoginReason: AUTHENTICATION_DENIED\n\n{}', { auth: 'basic-password', path: 'https://jira.example.org/rest/api/2/myself' }, 'INVALID_CREDENTIALS'],
  ['HTTP/1.1 302 Found\nLocation: https://id.atlassian.com/login?continue=x\n\n', {}, 'LOGIN_REQUIRED'],
  ['<html><head><title>Atlassian Cloud Notifications - Page Unavailable</title></head><body>Your Atlassian Cloud site is currently unavailable.</body></html>', {}, 'SITE_UNAVAILABLE'],
  ['HTTP/1.1 404 Not Found\n\n', { path: 'https://x.atlassian.net/rest/api/content/123', product: 'confluence' }, 'WRONG_PRODUCT_URL'],
  ['HTTP/1.1 404 Not Found\n\n{"errorMessages":["null for uri: https://x.atlassian.net/rest/api/3/search%3Fjql=project%3DABC"]}', {}, 'QUERY_STRING_IN_PATH'],
  ['Error: NEEDS_AUTHENTICATION_ERR: Authentication required', {}, 'CONSENT_REQUIRED'],
  ['{"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}}', { auth: 'basic-token' }, 'INVALID_CREDENTIALS'],
  ['HTTP/1.1 401 Unauthorized\n\nClient must be authenticated to access this resource.', { auth: 'basic-token' }, 'INVALID_CREDENTIALS'],
  ['AxiosError: Request failed with status code 401', { auth: 'oauth2' }, 'OAUTH_ACCESS_TOKEN_EXPIRED'],
  ['HTTP/1.1 403 Forbidden\n\n{"errorMessages":["OAuth 2.0 is not enabled for this method."]}', { auth: 'oauth2', path: '/rest/api/3/announcementBanner', method: 'PUT'}, 'OPERATION_NOT_ALLOWED_FOR_CALLER'],
  ['{"message":"This user is a guest and cannot access Jira"}', {}, 'UNLICENSED_USER'],
  ['Jira is currently undergoing scheduled maintenance', {}, 'SITE_UNAVAILABLE'],
  ["Error: There are deprecated scopes 'permissions.scopes' in the manifest.yml file: 'read:jira-work'. You need to update this app to use new scopes", {}, 'UNKNOWN_SCOPE_NAME'],
  ["Endpoint module: 'x' requires 'read:jira-work' scope.", {}, 'MANIFEST_MISSING_SCOPE'],
  ['{"error":"invalid_scope","error_description":"The requested scope is invalid"}', {}, 'OAUTH_CLIENT_MISCONFIGURED'],
  // Administer Projects operations (from the catalog): a refused authenticated caller lacks that project permission,
  // which Jira may answer with 401; a 401 that names a permission is not a credentials problem.
  ['JiraError HTTP 401 url: https://x.atlassian.net/rest/api/2/project/DATA/role\n\ttext: You cannot edit the configuration of this project.', { auth: 'basic-password', path: '/rest/api/2/project/DATA/role' }, 'PERMISSION_DENIED'],
  ['java.net.SocketTimeoutException', {}, 'TIMEOUT'],
  // Operations a caller kind cannot use, in the words products give.
  ['JiraError HTTP 401 url: https://x.atlassian.net/rest/auth/1/session\n\ttext: Login failed', { auth: 'basic-token', path: '/rest/auth/1/session', method: 'POST' }, 'OPERATION_NOT_ALLOWED_FOR_CALLER'],
  ['{"errorMessages":["Only apps can access this resource."]}', { auth: 'basic-token' }, 'OPERATION_NOT_ALLOWED_FOR_CALLER'],
  ['{"errorMessages":["Webhook registration for 3LO apps is currently under development."]}', { auth: 'oauth2' }, 'OPERATION_NOT_ALLOWED_FOR_CALLER'],
  ["You don't have permission to connect via API token. Please ask your organization admin for access.", { auth: 'basic-token' }, 'OPERATION_NOT_ALLOWED_FOR_CALLER'],
  ['Incorrect request parameters', { auth: 'oauth2' }, 'OAUTH_CLIENT_MISCONFIGURED'],
  ['{"error":"jira request failed: 410"}', { path: '/rest/api/3/search', baseUrl: 'https://x.atlassian.net' }, 'API_REMOVED'],
  // Seraph's AUTHENTICATION_DENIED on a 401/403: the account must pass a CAPTCHA first (a 200 was served anonymously).
  ['Basic Authentication Faillure - Reason : AUTHENTICATION_DENIED', { auth: 'basic-password', baseUrl: 'https://jira.example.com' }, 'LOGIN_REQUIRED'],
  ['HTTP/1.1 401 Unauthorized\nX-Seraph-LoginReason: AUTHENTICATION_DENIED\nContent-Type: text/html\n\n', { auth: 'basic-password' }, 'LOGIN_REQUIRED'],
  ['error refreshing token Error: Request failed with status code 403', { auth: 'oauth2' }, 'OAUTH_REFRESH_TOKEN_INVALID'],
  ["API is experimental. You must set the header 'X-ExperimentalApi: opt-in' to opt into using this API.", {}, 'INVALID_REQUEST'],
  // Cloud's old download servlets refuse token calls; without /wiki the same download is a wrong path.
  ['401 Unauthorised', { path: '/download/attachments/1/a.png', baseUrl: 'https://x.atlassian.net/wiki', product: 'confluence', auth: 'basic-token' }, 'API_REMOVED'],
  ['HTTP 401', { path: '/secure/attachment/10000/a.png', baseUrl: 'https://x.atlassian.net', auth: 'basic-token' }, 'API_REMOVED'],
  ['Error: Request failed with status code 404', { path: '/download/attachments/1/a.png', baseUrl: 'https://x.atlassian.net', product: 'confluence', auth: 'basic-token' }, 'WRONG_PRODUCT_URL'],
  // A page naming the signed-in user where REST was expected: the site does not serve that resource.
  ['<!DOCTYPE html><html><head><title>Log into Atlassian - Service Desk</title><meta name="ajs-remote-user" content="someone"></head></html>', { path: '/rest/agile/1.0/issue/A-1', auth: 'data-center-pat', baseUrl: 'https://jira.example.com' }, 'ENDPOINT_NOT_FOUND'],
  ['<!DOCTYPE html><html><head><title>Log in - Jira</title><meta name="ajs-remote-user" content=""></head></html>', { path: '/rest/agile/1.0/issue/A-1', baseUrl: 'https://jira.example.com' }, 'LOGIN_REQUIRED'],
  ['Error during Confluence search: {"statusCode":400,"message":"com.atlassian.confluence.api.service.exceptions.BadRequestException: No field exists with the name: \'Grill\'"}', { product: 'confluence' }, 'INVALID_REQUEST'],
  // Something in front of the site answered: a proxy's 407, a WAF page, a bare 403 to a Data Center token.
  ['StatusCodeError: 407 - "<html>Proxy Authentication Required</html>"', {}, 'HTML_ERROR_PAGE'],
  ['HTTP/1.1 403 Forbidden\n\n<html><title>Attention Required! | Cloudflare</title></html>', {}, 'HTML_ERROR_PAGE'],
  ['Authentication failed for Jira API (403). Token may be expired or invalid.', { auth: 'data-center-pat' }, 'HTML_ERROR_PAGE'],
  ['HTTP/1.1 403 Forbidden\n\n{"errorMessages":["You do not have the permission to see the specified issue."],"errors":{}}', { auth: 'data-center-pat' }, 'PERMISSION_DENIED'],
  ['REQUEST [error] Error from parser jiralib--json-read: (json-readtable-error 60)', {}, 'MALFORMED_RESPONSE'],
  ['Logged as Guest. Error: HTTP status 404', { auth: 'basic-token' }, 'INVALID_CREDENTIALS'],
  ['HTTP/1.1 404 Not Found\nX-Seraph-LoginReason: AUTHENTICATED_FAILED\n\n{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}', { path: '/rest/api/3/issue/ABC-1' }, 'INVALID_CREDENTIALS'],
  ['HTTP/1.1 400 Bad Request\nX-Seraph-LoginReason: AUTHENTICATED_FAILED\n\n{"errorMessages":["Unbounded JQL queries are not allowed here."],"errors":{}}', { path: '/rest/api/3/search/jql' }, 'INVALID_CREDENTIALS'],
  // A 403 with no reason at all, to a token call: Cloud could not read the credential (a token sent as Bearer).
  ['returned status 403 Forbidden, body ""', {}, 'API_TOKEN_WRONG_SCHEME'],
  ['HTTP/1.1 403 Forbidden\n\n', { auth: 'basic-token' }, 'API_TOKEN_WRONG_SCHEME'],
  ['requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://x.atlassian.net/wiki/rest/api/content?spaceKey=ABC&type=page', {}, 'API_TOKEN_WRONG_SCHEME'],
  ['HTTP/1.1 403 Forbidden\n\n', { auth: 'oauth2' }, 'OAUTH_SCOPE_MISSING'],
  ['RestClientException{statusCode=Optional.of(403), errorCollections=[]}', { auth: 'basic-password' }, 'INVALID_CREDENTIALS'],
  // Jira 9 and Cloud removed GET /issue/createmeta: the old path now reads "createmeta" as an issue key.
  ['Invoke-JiraMethod : Issue Does Not Exist', { path: '/rest/api/2/issue/createmeta' }, 'API_REMOVED'],
  ['New-JiraIssue @parameters -Credential $Creds\nInvoke-JiraMethod : Issue Does Not Exist', {}, 'API_REMOVED'],
  ['Failed to create meta project: failed to get create meta : request failed. Status code: 404', {}, 'API_REMOVED'],
  ['{"errorMessages":["Issue Does Not Exist"],"errors":{}}', { path: '/rest/api/2/issue/ABC-1' }, 'ISSUE_NOT_FOUND_OR_HIDDEN'],
  // Workflow conditions and validators refuse a transition with a reason.
  ['transition not allowed by ProForma: Transition prevented as there are open forms attached to the issue.', {}, 'INVALID_REQUEST'],
  // accessible-resources takes any valid token: failing there means the access token itself is bad.
  ['Failed to get accessible resources', { auth: 'oauth2' }, 'OAUTH_ACCESS_TOKEN_EXPIRED'],
  // A client's 500 envelope around the product's 400: the product's status is diagnosed.
  ['{"Error":true,"Status":500,"Message":"JIRA request https://jira.example.org/rest/api/2/issue returned status 400 Bad Request, body \\"{\\\\\\"errors\\\\\\":{\\\\\\"labels\\\\\\":\\\\\\"Field \'labels\' cannot be set. It is not on the appropriate screen, or unknown.\\\\\\"}}\\""}', {}, 'INVALID_REQUEST'],
  ['{"Error":true,"Status":500,"Message":"internal error"}', {}, 'PRODUCT_UNAVAILABLE'],
  ['{"statusCode":500,"message":"java.lang.IllegalArgumentException: parameters should not be empty","reason":"Internal Server Error"}', { product: 'confluence' }, 'RESOURCE_NOT_FOUND_OR_HIDDEN'],
  ['{"statusCode":500,"message":"","reason":"Internal Server Error"}', { product: 'confluence' }, 'PRODUCT_UNAVAILABLE'],
  ['Could not create issue webhook in Jira. You do not have permission to create WebHook \'Sync\'.', {}, 'ADMIN_ONLY_ENDPOINT'],
  ['The page you were trying to reach could not be found', { product: 'confluence' }, 'ENDPOINT_NOT_FOUND'],
  ['Invalid redirect_uri This integration is misconfigured. Contact the vendor for assistance.', { auth: 'oauth2' }, 'OAUTH_CLIENT_MISCONFIGURED'],
  ['text: The request contains a next-gen issue. This operation cant add next-gen issues to epics.', {}, 'INVALID_REQUEST'],
  // Jira Service Management's own error body ({"errorMessage", "i18nErrorMessage"}).
  ['HTTP/1.1 404 Not Found\n\n{"errorMessage":"The service desk you are trying to view does not exist.","i18nErrorMessage":{"i18nKey":"sd.x","parameters":[]}}', {}, 'RESOURCE_NOT_FOUND_OR_HIDDEN'],
  ['HTTP/1.1 403 Forbidden\n\n{"errorMessages":["You do not have permission to edit issues in this project."],"errors":{}}', { auth: 'basic-token' }, 'PERMISSION_DENIED'],
  // A decoder that runs only on 2xx bodies choked on HTML: a sign-in page; Python's empty decode counts only on a GET.
  ["ERROR Invalid Usage: invalid character '<' looking for beginning of value", { auth: 'basic-token' }, 'LOGIN_REQUIRED'],
  ['json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)', { method: 'GET', path: '/rest/api/2/serverInfo' }, 'LOGIN_REQUIRED'],
  ['json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)', { method: 'POST', path: '/rest/api/2/issue/A-1/transitions' }, 'MALFORMED_RESPONSE'],
  ["failed to get boards: invalid character '<' looking for beginning of value", { baseUrl: 'https://x.atlassian.net/projects/ABC/' }, 'ENDPOINT_NOT_FOUND'],
  ['Error: timeout of 10000ms exceeded', {}, 'TIMEOUT'],
  ['401', { auth: 'basic-scoped-token' }, 'SCOPED_TOKEN_SITE_URL'],
  ['"Failed to parse Connect Session Auth Token"', { auth: 'basic-scoped-token' }, 'API_TOKEN_WRONG_SCHEME'],
  ['401', { auth: 'basic-scoped-token', path: 'https://api.atlassian.com/ex/jira/abc/rest/api/3/myself' }, 'TOKEN_SCOPE_MISSING'],
  ['HTTP/1.1 403 Forbidden\n\n{"errorMessages":["You cannot edit the configuration of this project."],"errors":{}}', { path: '/rest/api/3/project/ABC/role/10002' }, 'PERMISSION_DENIED'],
  ['HTTP/1.1 401 Unauthorized\nX-Seraph-LoginReason: OK\nX-AUSERNAME: someone\n\n{"errorMessages":["You cannot edit the configuration of this project."],"errors":{}}', { path: '/rest/api/2/project/ABC/role/10002' }, 'PERMISSION_DENIED'],
  ['HTTP/1.1 401 Unauthorized\n\n{"errorMessages":["You are not authenticated."],"errors":{}}', { path: '/rest/api/3/project/ABC/role/10002', auth: 'basic-token' }, 'INVALID_CREDENTIALS'],
  ['HTTP/1.1 403 Forbidden\n\n{"errorMessages":["You cannot edit the configuration of this project."],"errors":{}}', { path: '/rest/api/3/project/ABC' }, 'PERMISSION_DENIED'],
  ["HTTPError('You cannot edit the configuration of this project.')", {}, 'PERMISSION_DENIED'],
  // The migration API's troubleshooting guide: a refused save-token, a job for a site that is not attached.
  ['Exception in saving token.', { path: '/rest/migration/latest/cloud/save/token', method: 'POST' }, 'INVALID_CREDENTIALS'],
  ['{"data":{"status":"FINISHED","outcome":"FAILED","message":"The cloud url is either not attached through the cloud migration assistant or the Server ID: AB-CD used in the job definition is incorrect"},"links":{}}', {}, 'INVALID_REQUEST'],
];

describe('each kind of failure, pasted as people paste it', () => {
  test.each(probes.map(([text, options, code]) => [code, text.slice(0, 60).replace(/\n/g, ' '), text, options] as const))('%s ← %s', (code, _label, text, options) => {
    expect(explainText(text, options).diagnosis.primary?.code).toBe(code);
  });
});

describe('a refused personal access token: which way it went wrong', () => {
  const cases: [string, ExplainOptions, RegExp][] = [
    ['Basic Authentication Failure - Reason : AUTHENTICATED_FAILED', { auth: 'data-center-pat' }, /sent the Cloud way, as Basic/],
    ['Request failed with status code 403: <h1>HTTP Status 403 – Forbidden</h1><p><b>Message</b> Basic Auth with password is disabled by the API Token Authentication app</p>', { auth: 'data-center-pat' }, /sent the Cloud way, as Basic/],
    ['401', { auth: 'data-center-pat', baseUrl: 'https://jira.example.com' }, /sent the Cloud way, as Basic/],
    ['401', { auth: 'data-center-pat', baseUrl: 'https://x.atlassian.net' }, /sent to Atlassian Cloud/],
    ['401', { auth: 'data-center-pat' }, /sent the Cloud way, or to Cloud/],
    ['HTTP/1.1 403 Forbidden\n\nBasic Auth with password is disabled by the API Token Authentication app', { auth: 'basic-token' }, /Cloud-style call was sent to a Data Center/],
    ['<!DOCTYPE html>\n<html><head><title>Forbidden (403)</title>', { auth: 'basic-token', baseUrl: 'https://jira.example.com', path: '/rest/api/2/myself' }, /Cloud-style call was sent to a Data Center/]
  ];
  test.each(cases)('%s (%j)', (text, options, title) => {
    const primary = explainText(text, options).diagnosis.primary;
    expect(primary?.code).toBe('DATA_CENTER_TOKEN_ON_CLOUD');
    expect(primary?.title).toMatch(title);
  });

  test('a Data Center refusal that names a permission is not read as a Cloud token', () => {
    const text = 'HTTP/1.1 403 Forbidden\n\n{"errorMessages":["You do not have the permission to see the specified issue."],"errors":{}}';
    expect(explainText(text, { auth: 'basic-token', baseUrl: 'https://jira.example.com' }).diagnosis.primary?.code).not.toBe('DATA_CENTER_TOKEN_ON_CLOUD');
  });

  test('a password refused the same way is not read as a token', () => {
    expect(explainText('Basic Auth with password is disabled by the API Token Authentication app', { auth: 'basic-password' }).diagnosis.primary?.code).toBe('BASIC_AUTH_PASSWORD');
  });
});

describe('a base URL and a path', () => {
  test('a path given in full is not prefixed twice by a base URL ending in the same folder', () => {
    const options: ExplainOptions = { product: 'confluence', baseUrl: 'https://x.atlassian.net/wiki', path: '/wiki/rest/api/content' };
    expect(explainText('HTTP/1.1 404 Not Found\n\n', options).diagnosis.call.path).toBe('/wiki/rest/api/content');
    expect(explainText('HTTP/1.1 404 Not Found\n\n', { ...options, path: '/rest/api/content' }).diagnosis.call.path).toBe('/wiki/rest/api/content');
  });
});

describe('a scope the message names', () => {
  test('a relayed "Scope required" with "a 403" is an OAuth grant lacking that scope, and the remedy names it', () => {
    const primary = explainText('we get a 403 . Scope required : read:sprint:jira-software', { auth: 'oauth2', path: '/rest/agile/1.0/sprint/42' }).diagnosis.primary;
    expect(primary?.code).toBe('OAUTH_SCOPE_MISSING');
    expect(primary?.evidence).toContain('the response names the scope it needs: read:sprint:jira-software');
    expect(primary?.remedies[0].action).toContain('(read:sprint:jira-software)');
  });

  test('words that are not scope names are not named', () => {
    const primary = explainText('HTTP/1.1 403 Forbidden\n\n{"message":"Scope required: reading is fun"}', { auth: 'oauth2' }).diagnosis.primary;
    expect(primary?.evidence.join(' ')).not.toContain('names the scope');
  });
});

describe('a paste dated before Cloud stopped taking passwords', () => {
  const refused = (date: string) => `HTTP/1.1 401 Unauthorized\nDate: ${date}\nContent-Type: text/html;charset=UTF-8\n\n`;
  test('a password refused in 2017 was a wrong password, not the 2019 removal', () => {
    const primary = explainText(refused('Thu, 08 Jun 2017 13:53:40 GMT'), { auth: 'basic-password', baseUrl: 'https://x.atlassian.net' }).diagnosis.primary;
    expect(primary?.code).toBe('INVALID_CREDENTIALS');
  });
  test('the same refusal dated after June 2019 is the password removal', () => {
    expect(explainText(refused('Mon, 08 Jun 2020 13:53:40 GMT'), { auth: 'basic-password', baseUrl: 'https://x.atlassian.net' }).diagnosis.primary?.code).toBe('BASIC_AUTH_PASSWORD');
  });
  test('Atlassian saying passwords are deprecated wins over any date', () => {
    const text = '[2015-02-24 10:00:00] HTTP 401: Basic authentication with passwords is deprecated.';
    expect(explainText(text, { auth: 'basic-password' }).diagnosis.primary?.code).toBe('BASIC_AUTH_PASSWORD');
  });
});

test('an organization policy against a kind of credential sends the reader to the organization admin', () => {
  const primary = explainText("You don't have permission to connect via API token. Please ask your organization admin for access.", { auth: 'basic-token' }).diagnosis.primary;
  expect(primary?.title).toBe('The organization does not allow connecting with API tokens');
  expect(primary?.remedies[0]).toMatchObject({ actor: 'site-admin' });
  expect(primary?.remedies[0].action).toMatch(/organization admin allows connections with API tokens/);
});

describe('a bare 401 to a Forge product call', () => {
  test.each(['forge-as-app', 'forge-as-user', 'forge-bridge'] as const)('%s: the scope check with its body lost', (auth) => {
    expect(explainText('401', { auth, product: 'jira', method: 'GET' }).diagnosis.primary?.code).toBe('MANIFEST_MISSING_SCOPE');
    expect(explainText('HTTP/1.1 401 Unauthorized\n\n', { auth, path: '/rest/api/3/myself' }).diagnosis.primary?.code).toBe('MANIFEST_MISSING_SCOPE');
  });
  test('a web trigger answers external callers, not the product: a bare 401 there stays unexplained', () => {
    expect(explainText('401', { auth: 'forge-web-trigger', product: 'jira' }).diagnosis.primary?.code).not.toBe('MANIFEST_MISSING_SCOPE');
  });
  test('a 401 that says something else is read by what it says', () => {
    const text = 'HTTP/1.1 401 Unauthorized\n\n{"message":"Client must be authenticated to access this resource."}';
    expect(explainText(text, { auth: 'forge-as-app' }).diagnosis.primary?.code).not.toBe('MANIFEST_MISSING_SCOPE');
  });
});

describe('an upload refused without a reason', () => {
  const upload: ExplainOptions = { method: 'POST', path: '/rest/api/content/123/child/attachment', product: 'confluence', baseUrl: 'https://confluence.example.com' };
  test.each([
    ['Failed to upload attachment', upload],
    ['HTTP/1.1 403 Forbidden\n\n', { ...upload, path: '/rest/api/3/issue/ABC-1/attachments', product: 'jira' as const, baseUrl: 'https://x.atlassian.net' }],
    ['Error: Request failed with status code 403', { ...upload, path: '/rest/servicedeskapi/servicedesk/4/attachTemporaryFile', product: 'jira' as const, baseUrl: 'https://x.atlassian.net' }],
    ['upload failed: missing X-Atlassian-Token header', upload]
  ])('%s: the XSRF block, said to be inferred', (text, options) => {
    const primary = explainText(text, options).diagnosis.primary;
    expect(primary?.code).toBe('XSRF_CHECK_FAILED');
    expect(primary?.evidence).toContain('inferred: the refusal names no other cause');
    expect(primary?.remedies[0].action).toContain('X-Atlassian-Token: no-check');
  });
  test.each([
    ['a refusal that names a permission', 'HTTP/1.1 403 Forbidden\n\n{"errorMessages":["You do not have permission to create attachments for this issue."]}', upload],
    ['a file too large', 'HTTP/1.1 413 Payload Too Large\n\n', upload],
    ['a read of the same path', 'HTTP/1.1 403 Forbidden\n\n', { ...upload, method: 'GET' }],
    ['a refused credential', 'HTTP/1.1 401 Unauthorized\n\n', upload],
    ['a write elsewhere', 'Failed to create page', { ...upload, path: '/rest/api/content' }],
    ['a refusal over the rate limit', 'Upload refused: rate limit reached', upload],
    // Data Center explains its own 403s (the XSRF one has a body): an empty one there came from a proxy in front.
    ['an empty 403 from a self-hosted site', 'HTTP/1.1 403 Forbidden\n\n', upload]
  ])('not for %s', (_name, text, options) => {
    expect(explainText(text, options).diagnosis.primary?.code).not.toBe('XSRF_CHECK_FAILED');
  });
});

describe('a base URL copied from the browser', () => {
  test.each(['https://confluence.example.com/#get_all_updates', 'https://x.atlassian.net/jira/software/projects/ABC/boards/1', 'https://jira.example.com/?filter=1'])('%s: the API paths never reach an endpoint, and the fix names the site root', (baseUrl) => {
    const primary = explainText("AttributeError: 'str' object has no attribute 'get'", { baseUrl, path: '/rest/api/content', product: 'confluence' }).diagnosis.primary;
    expect(primary?.code).toBe('ENDPOINT_NOT_FOUND');
    expect(primary?.remedies[0].action).toMatch(/site root as its base URL/);
  });
  test('the bare site root is not blamed', () => {
    const primary = explainText("AttributeError: 'str' object has no attribute 'get'", { baseUrl: 'https://confluence.example.com', path: '/rest/api/content', product: 'confluence' }).diagnosis.primary;
    expect(primary?.code).not.toBe('ENDPOINT_NOT_FOUND');
  });
});

describe('an empty path segment', () => {
  test('a call to //rest/... that fails without a status is a path no operation has, and the fix names the slash', () => {
    const primary = explainText("TypeError: Cannot read properties of undefined (reading 'pageTitle')", { path: 'https://confluence.example.com//rest/api/content', product: 'confluence' }).diagnosis.primary;
    expect(primary?.code).toBe('ENDPOINT_NOT_FOUND');
    expect(primary?.remedies[0].action).toMatch(/exactly one slash/);
  });
  test('a base URL ending in a slash, joined by Issue Doctor, is not a double slash', () => {
    const primary = explainText('HTTP/1.1 404 Not Found\n\n', { baseUrl: 'https://jira.example.com/', path: '/rest/api/2/issue/A-1' }).diagnosis.primary;
    expect(primary?.remedies[0]?.action ?? '').not.toMatch(/exactly one slash/);
  });
  test('a refused credential on such a path is still read as the credential', () => {
    expect(explainText('HTTP/1.1 401 Unauthorized\n\n', { path: 'https://jira.example.com//rest/api/2/myself', auth: 'basic-token' }).diagnosis.primary?.code).not.toBe('ENDPOINT_NOT_FOUND');
  });
});

test('a thrown error is named once in the evidence, not "Error: Error: …"', () => {
  const primary = explainText('Error: getaddrinfo ENOTFOUND mysite.atlassian.net', {}).diagnosis.primary;
  expect(primary?.code).toBe('PRODUCT_UNAVAILABLE');
  expect(primary?.explanation).toContain('(Error: getaddrinfo ENOTFOUND mysite.atlassian.net)');
  expect(primary?.evidence.join('\n')).not.toContain('Error: Error:');
  const forge = explainText('NEEDS_AUTHENTICATION_ERR: Authentication required', { auth: 'forge-as-user' }).diagnosis.primary;
  expect(forge?.code).toBe('CONSENT_REQUIRED');
  expect(forge?.evidence[0]).toMatch(/^NEEDS_AUTHENTICATION_ERR: /);
});

describe('causes threads settled for the same words are named as "also possible", never instead', () => {
  const also = (text: string, options: ExplainOptions) => {
    const d = explainText(text, options).diagnosis;
    return { primary: d.primary?.code, also: d.alsoPossible.map((a) => a.code) };
  };
  const noProject = '{"errorMessages":["No project could be found with key \'JFAI\'."],"errors":{}}';
  test('a hidden project to a token call: the token not sent as Basic is named next to it', () => {
    expect(also(noProject, { auth: 'basic-token' })).toEqual({ primary: 'RESOURCE_NOT_FOUND_OR_HIDDEN', also: expect.arrayContaining(['API_TOKEN_WRONG_SCHEME']) });
    // The title survives redaction whole: it names no credential.
    const title = explainText(noProject, { auth: 'basic-token', product: 'jira' }).diagnosis.alsoPossible.find((a) => a.code === 'API_TOKEN_WRONG_SCHEME')?.title;
    expect(title).toBe('The API token was not sent as Basic credentials with the e-mail (it went as Bearer, alone, or not base64), so Jira answered as to an anonymous caller');
    expect(also('There is no content with the given id, or the calling user does not have permission to view the content', { auth: 'data-center-pat', product: 'confluence' }).also).toContain('INVALID_CREDENTIALS');
  });
  test('an OAuth app is not told its credentials were not applied', () => {
    expect(also(noProject, { auth: 'oauth2' }).also).not.toContain('INVALID_CREDENTIALS');
  });
  test('"must be authenticated" on a group-membership call with credentials: an administrator-only operation is named', () => {
    const text = '<status><status-code>401</status-code><message>Client must be authenticated to access this resource.</message></status>';
    const options: ExplainOptions = { auth: 'basic-password', path: '/rest/api/group/confluence-users/member', baseUrl: 'https://confluence.example.com', product: 'confluence' };
    expect(also(text, options)).toEqual({ primary: 'INVALID_CREDENTIALS', also: expect.arrayContaining(['ADMIN_ONLY_ENDPOINT']) });
    expect(also(text, { ...options, path: '/rest/api/content/1' }).also).not.toContain('ADMIN_ONLY_ENDPOINT');
  });
  test('an empty 403 to a Data Center token: the token sent as Basic is named next to the proxy', () => {
    const r = also(' ERROR  403 Client Error: Forbidden for url: https://XXXX/rest/api', { auth: 'data-center-pat', product: 'jira' });
    expect(r).toEqual({ primary: 'HTML_ERROR_PAGE', also: expect.arrayContaining(['DATA_CENTER_TOKEN_ON_CLOUD']) });
  });
  test('a page a client could not decode: a refused login is named', () => {
    expect(also("ERROR invalid character '<' looking for beginning of value", { product: 'jira', baseUrl: 'https://jira.example.com' }).also).toContain('INVALID_CREDENTIALS');
  });
  test('the macro never gets them: its calls are Forge\'s own', () => {
    expect(also(noProject, { auth: 'basic-token', channel: 'macro' }).also).not.toContain('API_TOKEN_WRONG_SCHEME');
  });
});

describe('a plain "not found" to a caller that sends its own credential: the credential check comes first', () => {
  const noProject = '{"errorMessages":["No project could be found with key \'JFAI\'."],"errors":{}}';
  const first = (text: string, options: ExplainOptions) => explainText(text, options).diagnosis.primary?.remedies[0]?.action ?? '';
  test('an API token: Basic with the e-mail, first', () => {
    expect(first(noProject, { auth: 'basic-token' })).toMatch(/^Check first that the credentials are applied at all: Basic with base64 of "e-mail:API token"/);
  });
  test('a Data Center token: as Bearer, first', () => {
    const text = 'There is no content with the given id, or the calling user does not have permission to view the content';
    expect(first(text, { auth: 'data-center-pat', product: 'confluence' })).toMatch(/personal access token sent as a Bearer token, not as a Basic password/);
  });
  test('an unknown caller: the key first, the credential check last', () => {
    const remedies = explainText(noProject, {}).diagnosis.primary?.remedies ?? [];
    expect(remedies[0]?.action).toMatch(/^Check the id or key/);
    expect(remedies[remedies.length - 1]?.action).toMatch(/^If you are sure it exists, check that the credentials are applied/);
  });
  test('an OAuth app or a Forge call gets no credential check: the platform signs those calls', () => {
    for (const auth of ['oauth2', 'forge-as-app'] as const) {
      expect(explainText(noProject, { auth }).diagnosis.primary?.remedies.map((r) => r.action).join('\n')).not.toMatch(/credentials are applied/);
    }
  });
  test('a Jira answer links to the Jira REST reference, not Confluence\'s', () => {
    expect(explainText(noProject, { product: 'jira' }).diagnosis.primary?.docs).toContain('/jira/');
  });
});

describe('every field refused as "not on the appropriate screen"', () => {
  const body = '{"errorMessages":[],"errors":{"summary":"Field \'summary\' cannot be set. It is not on the appropriate screen, or unknown.","labels":"Field \'labels\' cannot be set. It is not on the appropriate screen, or unknown."}}';
  test('is a missing Create Issues permission, and claims neither a 403 nor an authenticated call', () => {
    const primary = explainText(body, { product: 'jira' }).diagnosis.primary;
    expect(primary?.code).toBe('PERMISSION_DENIED');
    expect(primary?.title).toMatch(/refused every field/);
    expect(primary?.explanation).not.toMatch(/was authenticated/);
    expect(primary?.evidence).toEqual(['status: not in the paste', 'every field refused as not on the screen: summary, labels']);
  });
  test('leads with the credential check for an API token, with the permission after it', () => {
    const remedies = explainText(body, { product: 'jira', auth: 'basic-token' }).diagnosis.primary?.remedies ?? [];
    expect(remedies[0]?.action).toMatch(/^Check first that the credentials are applied.*exactly this refusal of every field\.$/);
    expect(remedies[1]?.action).toMatch(/Create Issues/);
  });
  test('one field refused stays a request to fix', () => {
    const one = '{"errorMessages":[],"errors":{"priority":"Field \'priority\' cannot be set. It is not on the appropriate screen, or unknown."}}';
    expect(explainText(one, { product: 'jira' }).diagnosis.primary?.code).toBe('INVALID_REQUEST');
  });
});

describe('a Connect app\'s user-impersonation assertion refused at the token endpoint', () => {
  const paste = 'oauth2: cannot fetch token: 400 Bad Request\nResponse: {"error":"invalid_grant","error_description":"Invalid aud: https://auth.atlassian.io"}';
  test('is the client\'s configuration, with a Connect app\'s remedies (the assertion\'s claims), not a 3LO app\'s', () => {
    const primary = explainText(paste, { auth: 'connect-jwt' }).diagnosis.primary;
    expect(primary?.code).toBe('OAUTH_CLIENT_MISCONFIGURED');
    expect(primary?.title).toBe('The assertion a Connect app signs to act as a user was refused');
    expect(primary?.remedies[0]?.action).toContain('aud https://oauth-2-authorization-server.services.atlassian.com');
    expect(primary?.remedies.map((r) => r.action).join('\n')).not.toMatch(/prompt=consent|redirect_uri/);
  });
  test('an OAuth 2.0 (3LO) app with the same words keeps the authorization-URL remedies', () => {
    const primary = explainText(paste, { auth: 'oauth2' }).diagnosis.primary;
    expect(primary?.title).not.toMatch(/Connect/);
    expect(primary?.remedies.map((r) => r.action).join('\n')).toMatch(/audience=api\.atlassian\.com/);
  });
  test('a Connect JWT refused by the product (not the token endpoint) stays a refused Connect JWT', () => {
    expect(explainText('HTTP/1.1 401 Unauthorized\n\n{"message":"Invalid JWT signature"}', { auth: 'connect-jwt' }).diagnosis.primary?.code).toBe('CONNECT_JWT_REJECTED');
  });
});

describe('create metadata withheld from an account that may not create issues in the project', () => {
  const code = (text: string, options: ExplainOptions) => explainText(text, options).diagnosis.primary?.code;
  test('a bare 400 from the per-project operation is the permission, not a malformed request', () => {
    expect(code('HTTP/1.1 400 Bad Request\n\n', { path: '/rest/api/2/issue/createmeta/10200/issuetypes' })).toBe('PERMISSION_DENIED');
    expect(code('HTTP/1.1 400 Bad Request\n\n', { path: '/rest/api/3/issue/createmeta/ABC/issuetypes/10001' })).toBe('PERMISSION_DENIED');
  });
  test('a client\'s own words for an empty answer', () => {
    expect(code("net.rcarz.jiraclient.JiraException: Project 'Infra' or issue type 'Task' missing from create metadata. Do you have enough permissions?", {})).toBe('PERMISSION_DENIED');
  });
  test('a 400 that names another problem, or a bare 400 elsewhere, is not read as this', () => {
    expect(code('HTTP/1.1 400 Bad Request\n\n{"errorMessages":["maxResults must be greater than 0"],"errors":{}}', { path: '/rest/api/2/issue/createmeta/ABC/issuetypes' })).toBe('INVALID_REQUEST');
    expect(code('HTTP/1.1 400 Bad Request\n\n', { path: '/rest/api/3/issue', method: 'POST' })).not.toBe('PERMISSION_DENIED');
  });
});

describe('the Admin API answers a key without the operation\'s scope with 404', () => {
  const body = 'HTTP/1.1 404 Not Found\n\n{"timestamp":"2026-03-12T23:56:28.289+00:00","path":"/api/admin/v2/orgs/ORG/directories","status":404,"error":"Not Found","message":"Not Found"}';
  test('an organization resource on api.atlassian.com: the key\'s scopes, not a missing route', () => {
    const primary = explainText(body, { path: 'https://api.atlassian.com/admin/v2/orgs/ORG/directories' }).diagnosis.primary;
    expect(primary?.code).toBe('TOKEN_SCOPE_MISSING');
    expect(primary?.remedies.map((r) => r.action).join('\n')).not.toMatch(/GET https:\/\/api\.atlassian\.com\/admin\/v1\/orgs/);
  });
  test('not for a product path, nor for another host', () => {
    expect(explainText(body, { path: 'https://api.atlassian.com/admin/v1/orgs' }).diagnosis.primary?.code).not.toBe('TOKEN_SCOPE_MISSING');
    expect(explainText(body, { path: 'https://jira.example.com/admin/v1/orgs/ORG/users' }).diagnosis.primary?.code).not.toBe('TOKEN_SCOPE_MISSING');
  });
});

describe('the api.atlassian.com gateway answers a route that does not exist with 401', () => {
  const gateway = 'https://api.atlassian.com/ex/confluence/abc';
  const code = (path: string, options: ExplainOptions = {}) =>
    explainText('Status code 401 - Unauthorized', { auth: 'oauth2', baseUrl: gateway, path, ...options }).diagnosis.primary?.code;
  test('a v1 resource in the plural, or a v3 path no operation has: the path, not the token', () => {
    expect(code('/wiki/rest/api/groups')).toBe('ENDPOINT_NOT_FOUND');
    expect(code('/rest/api/3/issuee/ABC-1', { baseUrl: 'https://api.atlassian.com/ex/jira/abc' })).toBe('ENDPOINT_NOT_FOUND');
  });
  test('a real operation, a site URL, or a 401 that names the token keep their readings', () => {
    expect(code('/wiki/rest/api/group')).not.toBe('ENDPOINT_NOT_FOUND');
    expect(code('/rest/api/3/issue/ABC-1', { baseUrl: 'https://api.atlassian.com/ex/jira/abc' })).not.toBe('ENDPOINT_NOT_FOUND');
    expect(code('/wiki/rest/api/groups', { baseUrl: 'https://x.atlassian.net/wiki' })).not.toBe('ENDPOINT_NOT_FOUND');
    expect(explainText('HTTP/1.1 401 Unauthorized\n\n{"code":401,"message":"Unauthorized; scope does not match"}', { auth: 'oauth2', baseUrl: gateway, path: '/wiki/rest/api/groups' }).diagnosis.primary?.code).not.toBe('ENDPOINT_NOT_FOUND');
  });
});

test('GitLab\'s documented words for its Jira credentials being wrong are a credential refusal, stated without a 401 the paste lacks', () => {
  const primary = explainText('An error occurred while requesting data from Jira', { product: 'jira' }).diagnosis.primary;
  expect(primary?.code).toBe('INVALID_CREDENTIALS');
  expect(primary?.explanation).toMatch(/^By the words of the answer, Jira did not accept/);
  expect(explainText('An error occurred while requesting data from the Jira service', { product: 'jira' }).diagnosis.primary?.code).not.toBe('INVALID_CREDENTIALS');
});

describe('JSON.parse choking on "<" in a client that sends Basic credentials', () => {
  const hubot = 'ERROR SyntaxError: Unexpected token <\n  at Object.parse (native)';
  const code = (text: string, options: ExplainOptions) => explainText(text, options).diagnosis.primary?.code;
  test('is the HTML 401 page for refused credentials', () => {
    // Dated before Cloud stopped taking passwords; undated, a password is read as that removal first.
    expect(code(`[Tue Feb 24 2015 14:05:55 GMT-0500 (EST)] ${hubot}`, { auth: 'basic-password' })).toBe('INVALID_CREDENTIALS');
    expect(code('SyntaxError: Unexpected token < in JSON at position 10', { auth: 'basic-token' })).toBe('INVALID_CREDENTIALS');
  });
  test('without a credential in the call it stays an undecodable answer; a status-checking SDK\'s decode error stays a sign-in page', () => {
    expect(code(hubot, {})).toBe('MALFORMED_RESPONSE');
    expect(code(hubot, { auth: 'oauth2' })).toBe('MALFORMED_RESPONSE');
    expect(code("ERROR invalid character '<' looking for beginning of value", { auth: 'basic-token', baseUrl: 'https://jira.example.com' })).toBe('LOGIN_REQUIRED');
  });
});

describe('kinds from blind set g14', () => {
  const primary = (text: string, options: ExplainOptions) => explainText(text, options).diagnosis.primary;
  test('Cloud\'s /wiki put by the client in front of a self-hosted base without it', () => {
    const text = 'Failed to fetch https://confluence.example.com/wiki/rest/api/content?spaceKey=A from Confluence: 401';
    const options: ExplainOptions = { product: 'confluence', baseUrl: 'https://confluence.example.com', path: '/wiki/rest/api/content' };
    expect(primary(text, options)?.code).toBe('ENDPOINT_NOT_FOUND');
    expect(primary(text, options)?.remedies[0]?.action).toMatch(/\/wiki is the Cloud prefix/);
    expect(primary(text, { ...options, baseUrl: 'https://confluence.example.com/wiki', path: '/rest/api/content' })?.code).not.toBe('ENDPOINT_NOT_FOUND');
    expect(primary(text, { ...options, baseUrl: 'https://x.atlassian.net' })?.code).not.toBe('ENDPOINT_NOT_FOUND');
  });
  test('aiohttp\'s ClientResponseError carries the status; words inside the URL are not the answer', () => {
    const text = "aiohttp.client_exceptions.ClientResponseError: 404, message='', url='https://confluence.example.com/rest/extender/1.0/permission/space/PE/getSpacePermissionActors/VIEWSPACE'";
    const d = explainText(text, { product: 'confluence', baseUrl: 'https://confluence.example.com' }).diagnosis;
    expect(d.status).toBe(404);
    expect(d.primary?.code).toBe('ENDPOINT_NOT_FOUND');
  });
  test('a PermissionException naming the missing view permission', () => {
    expect(primary('HTTPError: com.atlassian.confluence.api.service.exceptions.PermissionException: User x does not have view permissions on entity page: 1 v.170', { product: 'confluence' })?.code).toBe('PERMISSION_DENIED');
  });
  test('a CAPTCHA met by a personal access token: the token went as Basic, and those failed logins set it off', () => {
    const text = 'Failed to fetch Jira issue A-1: code 403 :: CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp';
    const pat = primary(text, { auth: 'data-center-pat', baseUrl: 'https://jira.example.com' });
    expect(pat?.code).toBe('DATA_CENTER_TOKEN_ON_CLOUD');
    expect(pat?.explanation).toMatch(/made the site ask for a CAPTCHA/);
    expect(primary(text, { baseUrl: 'https://jira.example.com' })?.code).toBe('LOGIN_REQUIRED');
  });
  test('424 Failed Dependency is the service failing on its own dependency', () => {
    expect(primary('Failed to send deployment information to Jira. {"timestamp":"2022-09-13T11:01:33.520+00:00","status":424,"error":"Failed Dependency"}', { product: 'jira' })?.code).toBe('PRODUCT_UNAVAILABLE');
  });
  test('a body "not processable" that names the field to fix', () => {
    expect(primary('{"message":"Request body is not processable. Please check the errors.","errors":"priority":"should be one of [ P1, P2 ]"}', {})?.code).toBe('INVALID_REQUEST');
  });
  test('a Connect JWT sent as a query parameter, or refused by the edge', () => {
    const inQuery = primary("error='403 Client Error: Forbidden for url: https://x.atlassian.net/rest/api/2/status?jwt=<token>'", { auth: 'connect-jwt' });
    expect(inQuery?.code).toBe('CONNECT_JWT_REJECTED');
    expect(inQuery?.title).toMatch(/query parameter/);
    const edge = '<status><status-code>403</status-code><message>ASAP token from issuer \'micros/edge-authenticator\' failed authorization</message></status>';
    expect(primary(edge, { auth: 'connect-jwt' })?.code).toBe('CONNECT_JWT_REJECTED');
    expect(primary("403 Client Error: Forbidden for url: https://x.atlassian.net/rest/api/2/status?jwt=abc", { auth: 'basic-token' })?.code).not.toBe('CONNECT_JWT_REJECTED');
  });
});

describe('kinds from blind set g15', () => {
  const primary = (text: string, options: ExplainOptions) => explainText(text, options).diagnosis.primary;
  test('a refusal naming the Jira Administrators global permission, though it says "Unauthorized"', () => {
    expect(primary('{"errorMessage":"Unauthorized to perform the requested action, JIRA Administrators global permission is required."}', { auth: 'basic-token', path: '/rest/servicedeskapi/customer', method: 'POST' })?.code).toBe('ADMIN_ONLY_ENDPOINT');
  });
  test('"does not exist or you do not have permission to create ..." refuses the action, "... to view" hides the thing', () => {
    expect(primary("Project with key 'XX' either does not exist or you do not have permission to create versions in it", { product: 'jira' })?.code).toBe('PERMISSION_DENIED');
    expect(primary('Issue does not exist or you do not have permission to see it.', { product: 'jira' })?.code).not.toBe('PERMISSION_DENIED');
  });
  test('a validation message in Jira\'s words, and a project value refused in German', () => {
    expect(primary('Please provide Component', { product: 'jira', method: 'POST', path: '/rest/api/3/issue' })?.code).toBe('INVALID_REQUEST');
    expect(primary('{"errorMessages":["Der Wert \'\' existiert nicht für das Feld \'project\'."]}', { product: 'jira' })?.code).toBe('RESOURCE_NOT_FOUND_OR_HIDDEN');
  });
  test('Get my permissions without its permissions parameter is the form retired in 2019', () => {
    expect(primary("requests.exceptions.HTTPError: The 'permissions' query parameter is required.", { product: 'jira' })?.code).toBe('API_REMOVED');
  });
  test('a client crashing on an absurd Retry-After is rate limiting, with the cap and the zero quota named', () => {
    const r = primary('timestamp too large to convert to C _PyTime_t', { product: 'confluence' });
    expect(r?.code).toBe('RATE_LIMITED');
    expect(r?.remedies.map((x) => x.action).join('\n')).toMatch(/quota of 0/);
    expect(primary('timestamp too large to convert to C _PyTime_t', {})?.code).not.toBe('RATE_LIMITED');
  });
  test('an expired session cookie sent beside a token', () => {
    const r = primary("os_authType was 'any' and an invalid cookie was sent.", { auth: 'data-center-pat', baseUrl: 'https://jira.example.com' });
    expect(r?.code).toBe('INVALID_CREDENTIALS');
    expect(r?.title).toMatch(/session cookie/);
  });
  test('an OAuth token request the client built wrong (invalid_request)', () => {
    expect(primary('OAuth2RequestError: invalid_request at OAuth2Client.sendTokenRequest', { auth: 'oauth2' })?.code).toBe('OAUTH_CLIENT_MISCONFIGURED');
    expect(primary('{"error":"invalid_request","error_description":"Missing query parameter"}', { auth: 'basic-token' })?.code).not.toBe('OAUTH_CLIENT_MISCONFIGURED');
  });
});

describe('kinds from blind set g16', () => {
  const primary = (text: string, options: ExplainOptions) => explainText(text, options).diagnosis.primary;
  test('Opsgenie\'s 422 "Key format is not valid!" is the key, not the request', () => {
    const r = primary('Opsgenie - bad request (422): {"message":"Key format is not valid!","took":0.0}', {});
    expect(r?.code).toBe('INVALID_CREDENTIALS');
    expect(r?.remedies.map((x) => x.action).join('\n')).toContain('GenieKey');
  });
  test('validation answers in Confluence\'s and Jira\'s words', () => {
    expect(primary('Error updating content: Version must be incremented on update. Current version is: 5', { product: 'confluence' })?.code).toBe('INVALID_REQUEST');
    expect(primary('Issue type is a sub-task but parent issue key or id not specified.', { product: 'jira' })?.code).toBe('INVALID_REQUEST');
    expect(primary('Invalid UTF-8', { product: 'jira' })?.code).toBe('INVALID_REQUEST');
  });
  test('an OAuth client without a callback URI, and Bitbucket\'s words for a missing scope', () => {
    expect(primary('{"error_description": "No callback uri defined for the OAuth client.", "error": "invalid_request"}', { auth: 'oauth2' })?.code).toBe('OAUTH_CLIENT_MISCONFIGURED');
    expect(primary('Failed to fetch user profile (status: 403 data: {"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes."}})', { auth: 'oauth2' })?.code).toBe('OAUTH_SCOPE_MISSING');
  });
});

describe('a 404 with nothing else: no path, no reason from the product', () => {
  const code = (text: string, options: ExplainOptions = { product: 'jira' }) => explainText(text, options).diagnosis.primary?.code;
  test('is read as the URL, which the product would otherwise have named', () => {
    expect(code('[WARNING] Downloading from JIRA failed. Received: [404]')).toBe('ENDPOINT_NOT_FOUND');
  });
  test('but a 404 that names the thing, or a path to a resource, keeps its reading', () => {
    expect(code('HTTP/1.1 404 Not Found\n\n{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}')).toBe('ISSUE_NOT_FOUND_OR_HIDDEN');
    expect(code('error code 404', { product: 'confluence', path: '/rest/api/space/~25156542' })).toBe('RESOURCE_NOT_FOUND_OR_HIDDEN');
    expect(code('Received: [404] for project ABC: No project could be found')).toBe('RESOURCE_NOT_FOUND_OR_HIDDEN');
  });
});

test('a long repeated run is cut before the rules read the text, so what follows it is still read', () => {
  // Without the cut, the reason would sit past the 2,000 characters the rules read.
  const body = (run: string) => `HTTP/1.1 403 Forbidden\ncontent-type: application/json\n\n{"errorMessages":["${run} XSRF check failed"],"errors":{}}`;
  expect(explainText(body('eyJ'.repeat(2000)), {}).diagnosis.primary?.code).toBe('XSRF_CHECK_FAILED');
  expect(explainText(body('x'.repeat(5000)), {}).diagnosis.primary?.code).toBe('XSRF_CHECK_FAILED');
});

test('Jira\'s other wording of the missing-or-hidden issue answer (the watchers resource) is that answer, quoted as said', () => {
  const primary = explainText('Issue is not found or the user does not have permission to view it.', { product: 'jira' }).diagnosis.primary;
  expect(primary?.code).toBe('ISSUE_NOT_FOUND_OR_HIDDEN');
  expect(primary?.evidence[0]).toBe('status: not in the paste: Issue is not found or the user does not have permission to view it');
});

test('a paste telling the reader to use the user name, not the e-mail, is from a self-hosted site, where a password still works', () => {
  const text = 'Error 401 connecting to JIRA server, your credentials are probably wrong. Note: Ensure you are using JIRA user name not your email address.';
  expect(explainText(text, { auth: 'basic-password', product: 'jira' }).diagnosis.primary?.code).toBe('INVALID_CREDENTIALS');
  expect(explainText('Error 401 connecting to JIRA server, your credentials are probably wrong.', { auth: 'basic-password', product: 'jira' }).diagnosis.primary?.code).toBe('BASIC_AUTH_PASSWORD');
});
