import type { FindingCode } from '../../src/diagnosis/codes';

/** Every rule the linter knows; `never`-checked where rules are described. */
export type RuleId =
  | 'missing-scope'
  | 'excess-scope'
  | 'unresolved-call'
  | 'consent-scope'
  | 'unknown-scope'
  | 'ex-path'
  | 'query-outside-route'
  | 'route-param-breaks-path'
  | 'product-not-declared'
  | 'asapp-read-returned'
  | 'tsconfig-breaks-bundler'
  | 'myself-read-me';

export type Severity = 'error' | 'warning' | 'info';

export interface LintFinding {
  rule: RuleId;
  severity: Severity;
  /** The engine's finding code, where the rule catches before deploy what the macro diagnoses at run time. */
  code?: FindingCode;
  /** Relative to the app directory, `/`-separated. */
  file: string;
  line: number;
  col: number;
  message: string;
  fix?: string;
  /** Where the request itself is written (its path argument), for a call found through a wrapper's caller. */
  request?: SourcePosition;
}

export type Product = 'jira' | 'confluence';

/** One piece of a product path: known text, or a value only known at run time. */
export type PathPart = { kind: 'text'; text: string } | { kind: 'value'; source: string };

/** How the app authenticates a product call. */
export type CallAuth = 'user' | 'app' | 'bridge' | 'plain' | 'unknown';

export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

/** One product call the linter found, with what it could learn about its path. */
export interface ProductCall extends SourcePosition {
  product: Product;
  auth: CallAuth[];
  /** The call site inside a wrapper, when this call was found through the wrapper's caller. */
  via?: SourcePosition & { name: string };
  method?: string;
  /** Alternatives (a conditional expression gives two). Empty when unresolved. */
  paths: PathPart[][];
  /** Why the path or method could not be resolved. */
  unresolved?: string;
}
