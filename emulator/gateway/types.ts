import type { Product, Tenant, User } from '../tenant/model';

/** Who is calling, as the gateway sees it. */
export type Caller =
  | { kind: 'forge-user'; user: User | undefined }
  | { kind: 'forge-app' }
  | { kind: 'token'; token: 'classic' | 'scoped'; user: User; scopes: string[] }
  /** no-credentials also covers a Forge `api.requestJira` without asUser/asApp (provider 'none'). */
  | { kind: 'anonymous'; reason: 'no-credentials' | 'bad-credentials' };

export interface GatewayRequest {
  /** forge = a Forge function via the runtime shim; site = https://<site>.atlassian.net; api-gateway = https://api.atlassian.com/ex/... */
  via: 'forge' | 'site' | 'api-gateway';
  caller: Caller;
  product: Product;
  method: string;
  /** Product path without query (`/rest/api/3/issue/DOC-42`, `/wiki/api/v2/pages/1`). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** A Forge call whose path began with /ex/{product}/{cloudId}. */
  exPath: boolean;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One gateway stage: answers (and stops the request) or passes it on with undefined. */
export type GatewayStage = (tenant: Tenant, request: GatewayRequest) => GatewayResponse | undefined;
