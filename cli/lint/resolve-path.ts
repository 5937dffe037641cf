import type * as TS from 'typescript';
import type { FunctionLike, Project, SourceUnit } from './project';
import type { RuleId } from './types';
import { typescript } from './ts-load';

/** A piece of a path as the resolver sees it: text, or a run-time value (maybe a wrapper's parameter). */
export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'value'; source: string; escaped: boolean; param?: TS.ParameterDeclaration };

/** Parameters of wrapper functions bound to the arguments of one call site. */
export type Env = ReadonlyMap<TS.ParameterDeclaration, TS.Expression | undefined>;

export interface ResolveNote {
  rule: RuleId;
  unit: SourceUnit;
  node: TS.Node;
  message: string;
  fix: string;
}

const MAX_ALTERNATIVES = 16;
const MAX_DEPTH = 6;

export function isRouteTag(tag: TS.Expression): boolean {
  const ts = typescript();
  return (ts.isIdentifier(tag) && tag.text === 'route') || (ts.isPropertyAccessExpression(tag) && tag.name.text === 'route');
}

function calleeName(expr: TS.Expression): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

export function unwrap(expr: TS.Expression): TS.Expression {
  const ts = typescript();
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) {
      e = e.expression;
    } else return e;
  }
}

function concat(left: Part[][], right: Part[][]): Part[][] {
  const out: Part[][] = [];
  for (const l of left) for (const r of right) if (out.length < MAX_ALTERNATIVES) out.push(merge([...l, ...r]));
  return out;
}

function merge(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + p.text };
    else if (p.kind !== 'text' || p.text !== '') out.push(p);
  }
  return out;
}

export function textOf(alt: Part[]): string | undefined {
  return alt.every((p) => p.kind === 'text') ? alt.map((p) => (p.kind === 'text' ? p.text : '')).join('') : undefined;
}

export function hasQueryBefore(parts: Part[], index: number): boolean {
  return parts.slice(0, index).some((p) => p.kind === 'text' && /[?#]/.test(p.text));
}

/** Resolves expressions to path alternatives through constants, helpers, templates and wrapper parameters. */
export class PathResolver {
  readonly notes: ResolveNote[] = [];
  private readonly ts = typescript();

  constructor(private readonly project: Project) {}

  private value(expr: TS.Expression, escaped = false, param?: TS.ParameterDeclaration): Part[][] {
    const unit = this.project.unitOf(expr);
    const source = (unit ? expr.getText(unit.sf) : 'value').replace(/\s+/g, ' ').slice(0, 60);
    return [[{ kind: 'value', source, escaped, param }]];
  }

  private note(node: TS.Node, rule: RuleId, message: string, fix: string): void {
    const unit = this.project.unitOf(node);
    if (unit && !this.notes.some((n) => n.node === node && n.rule === rule)) this.notes.push({ rule, unit, node, message, fix });
  }

  resolve(expr: TS.Expression | undefined, env: Env, depth = 0): Part[][] {
    const ts = this.ts;
    if (!expr) return [[]];
    if (depth > MAX_DEPTH) return this.value(expr);
    const e = unwrap(expr);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [[{ kind: 'text', text: e.text }]];
    if (ts.isNumericLiteral(e)) return [[{ kind: 'text', text: e.text }]];
    if (ts.isTemplateExpression(e)) return this.template(e, env, depth, false);
    if (ts.isTaggedTemplateExpression(e)) {
      if (isRouteTag(e.tag)) {
        return ts.isNoSubstitutionTemplateLiteral(e.template) ? [[{ kind: 'text', text: e.template.text }]] : this.template(e.template, env, depth, true);
      }
      return this.value(e);
    }
    if (ts.isConditionalExpression(e)) return [...this.resolve(e.whenTrue, env, depth + 1), ...this.resolve(e.whenFalse, env, depth + 1)].slice(0, MAX_ALTERNATIVES);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.resolve(e.left, env, depth + 1);
      const right = this.resolve(e.right, env, depth + 1);
      if (this.isRoute(e.left, env) || this.isRoute(e.right, env)) {
        this.note(
          e,
          'query-outside-route',
          'a Route from `route` is joined to a string with `+`: the result is a plain string ("[object Object]…"), which requestJira/requestConfluence reject',
          'put the whole path, query included, inside one route`...` template; route escapes the query values itself'
        );
      }
      return concat(left, right);
    }
    if (ts.isCallExpression(e)) return this.call(e, env, depth);
    if (ts.isIdentifier(e)) return this.identifier(e, env, depth);
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
      const object = this.constInitializer(e.expression);
      if (object && ts.isObjectLiteralExpression(object)) {
        const prop = object.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === e.name.text);
        if (prop && ts.isPropertyAssignment(prop)) return this.resolve(prop.initializer, env, depth + 1);
      }
    }
    return this.value(e);
  }

  private objectLiteral(expr: TS.Expression): TS.ObjectLiteralExpression | undefined {
    const e = unwrap(expr);
    if (this.ts.isObjectLiteralExpression(e)) return e;
    if (this.ts.isIdentifier(e)) {
      const init = this.constInitializer(e);
      return init && this.ts.isObjectLiteralExpression(unwrap(init)) ? (unwrap(init) as TS.ObjectLiteralExpression) : undefined;
    }
    return undefined;
  }

  private constInitializer(id: TS.Identifier): TS.Expression | undefined {
    const decl = this.project.declarationOf(id);
    if (decl?.kind === 'variable' && decl.constant) return decl.decl.initializer;
    if (decl?.kind === 'import') {
      const target = this.project.importTarget(decl.binding);
      if (target?.kind === 'variable' && target.constant) return target.decl.initializer;
    }
    return undefined;
  }

  private identifier(id: TS.Identifier, env: Env, depth: number): Part[][] {
    const ts = this.ts;
    const decl = this.project.declarationOf(id);
    if (!decl) return this.value(id);
    switch (decl.kind) {
      case 'parameter': {
        if (!env.has(decl.param)) return this.value(id, false, decl.param);
        const bound = env.get(decl.param);
        if (!decl.property) return bound ? this.resolve(bound, env, depth + 1) : this.value(id);
        // A destructured option: the caller's object literal, or the default.
        const object = bound ? this.objectLiteral(bound) : undefined;
        const prop = object?.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText() === decl.property?.name);
        if (prop && ts.isPropertyAssignment(prop)) return this.resolve(prop.initializer, env, depth + 1);
        if (prop && ts.isShorthandPropertyAssignment(prop)) return this.resolve(prop.name, env, depth + 1);
        if (object && !object.properties.some((p) => ts.isSpreadAssignment(p)) && decl.property.initializer) return this.resolve(decl.property.initializer, env, depth + 1);
        return this.value(id);
      }
      case 'variable':
        return decl.constant && decl.decl.initializer ? this.resolve(decl.decl.initializer, env, depth + 1) : this.value(id);
      case 'import': {
        const target = this.project.importTarget(decl.binding);
        if (target?.kind === 'variable' && target.constant && target.decl.initializer) return this.resolve(target.decl.initializer, env, depth + 1);
        return this.value(id);
      }
      case 'function':
        return this.value(id);
      default: {
        const never: never = decl;
        return never;
      }
    }
  }

  /** True when the expression evaluates to a Route (a route`` template or a helper returning one). */
  isRoute(expr: TS.Expression, env: Env, depth = 0): boolean {
    const ts = this.ts;
    const e = unwrap(expr);
    if (depth > 4) return false;
    if (ts.isTaggedTemplateExpression(e)) return isRouteTag(e.tag);
    if (ts.isCallExpression(e)) {
      const name = calleeName(e.expression);
      if (name === 'assumeTrustedRoute' || name === 'routeFromAbsolute') return true;
      const fn = this.functionOf(e.expression);
      return fn ? this.returns(fn).some((r) => this.isRoute(r, env, depth + 1)) : false;
    }
    if (ts.isIdentifier(e)) {
      const init = this.constInitializer(e);
      return init ? this.isRoute(init, env, depth + 1) : false;
    }
    return false;
  }

  private template(t: TS.TemplateExpression, env: Env, depth: number, routed: boolean): Part[][] {
    const ts = this.ts;
    let alts: Part[][] = [[{ kind: 'text', text: t.head.text }]];
    let queryMode = /[?#]/.test(t.head.text);
    for (const span of t.templateSpans) {
      const expr = unwrap(span.expression);
      let piece: Part[][];
      if (routed && this.isRoute(expr, env)) {
        piece = this.resolve(expr, env, depth + 1);
      } else if (routed) {
        const inner = this.resolve(expr, env, depth + 1);
        const constant = inner.map(textOf);
        if (!queryMode && constant.some((c) => c !== undefined && /[?#/]|\.\./.test(c))) {
          this.note(
            span.expression,
            'route-param-breaks-path',
            `route\`\` receives "${constant.find((c) => c !== undefined && /[?#/]|\.\./.test(c))}" in the path: it throws "Disallowing path manipulation attempt" for values holding ?, #, / or ..`,
            'write the literal part (and any ?query=) in the template itself and interpolate only single values'
          );
        } else if (!queryMode && this.isSearchParams(expr)) {
          this.note(
            span.expression,
            'route-param-breaks-path',
            'URLSearchParams interpolated before any "?" in route``: it is treated as a path segment, so the query is glued to the path without its "?"',
            'write route`/path?${params}`: after a literal "?" route inserts URLSearchParams as a query'
          );
        }
        piece = constant.every((c) => c !== undefined) ? inner : this.value(expr, queryMode, this.paramOf(expr));
      } else {
        const inner = this.resolve(expr, env, depth + 1);
        piece = inner.map((alt) => alt.map((p) => (p.kind === 'value' ? { ...p, escaped: p.escaped || this.isEscaped(expr) } : p)));
      }
      alts = concat(alts, piece);
      alts = concat(alts, [[{ kind: 'text', text: span.literal.text }]]);
      if (/[?#]/.test(span.literal.text)) queryMode = true;
      if (ts.isTemplateTail(span.literal)) break;
    }
    return alts;
  }

  private paramOf(expr: TS.Expression): TS.ParameterDeclaration | undefined {
    const e = unwrap(expr);
    if (!this.ts.isIdentifier(e)) return undefined;
    const decl = this.project.declarationOf(e);
    return decl?.kind === 'parameter' ? decl.param : undefined;
  }

  private isSearchParams(expr: TS.Expression): boolean {
    const ts = this.ts;
    const e = unwrap(expr);
    if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'URLSearchParams';
    if (ts.isIdentifier(e)) {
      const decl = this.project.declarationOf(e);
      const init = decl?.kind === 'variable' ? decl.decl.initializer : undefined;
      return init ? this.isSearchParams(init) : false;
    }
    return false;
  }

  /** encodeURIComponent(...), URLSearchParams: the value cannot break out of its query parameter. */
  isEscaped(expr: TS.Expression): boolean {
    const ts = this.ts;
    const e = unwrap(expr);
    if (ts.isCallExpression(e)) {
      const name = calleeName(e.expression);
      if (name === 'encodeURIComponent' || name === 'encodeURI') return true;
      if (name === 'toString' && ts.isPropertyAccessExpression(e.expression)) return this.isSearchParams(e.expression.expression);
    }
    if (ts.isNumericLiteral(e)) return true;
    return this.isSearchParams(e);
  }

  private call(e: TS.CallExpression, env: Env, depth: number): Part[][] {
    const name = calleeName(e.expression);
    if (name === 'assumeTrustedRoute' || name === 'routeFromAbsolute' || name === 'String' || name === 'decodeURIComponent') {
      return this.resolve(e.arguments[0], env, depth + 1);
    }
    if (name === 'toString' && this.ts.isPropertyAccessExpression(e.expression) && !this.isSearchParams(e.expression.expression)) {
      return this.resolve(e.expression.expression, env, depth + 1);
    }
    if (name === 'encodeURIComponent' || name === 'encodeURI') return this.value(e, true);
    const fn = this.functionOf(e.expression);
    if (!fn) return this.value(e);
    const bound = new Map(env);
    fn.parameters.forEach((p, i) => bound.set(p, e.arguments[i] ?? p.initializer));
    const out: Part[][] = [];
    for (const r of this.returns(fn)) out.push(...this.resolve(r, bound, depth + 1));
    return out.length ? out.slice(0, MAX_ALTERNATIVES) : this.value(e);
  }

  /** The project function a callee names (local, imported, or re-exported). */
  functionOf(callee: TS.Expression): FunctionLike | undefined {
    const ts = this.ts;
    const e = unwrap(callee);
    if (!ts.isIdentifier(e)) return undefined;
    let decl = this.project.declarationOf(e);
    if (decl?.kind === 'import') decl = this.project.importTarget(decl.binding);
    if (!decl) return undefined;
    if (decl.kind === 'function') return decl.fn;
    if (decl.kind === 'variable' && decl.decl.initializer) {
      const init = unwrap(decl.decl.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
    }
    return undefined;
  }

  /** The expressions a function returns (not those of functions nested in it). */
  returns(fn: FunctionLike): TS.Expression[] {
    const ts = this.ts;
    if (!fn.body) return [];
    if (!ts.isBlock(fn.body)) return [fn.body];
    const out: TS.Expression[] = [];
    const visit = (node: TS.Node): void => {
      if (ts.isReturnStatement(node)) {
        if (node.expression) out.push(node.expression);
        return;
      }
      if (ts.isFunctionLike(node)) return;
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.body, visit);
    return out;
  }
}
