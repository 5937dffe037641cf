import type * as TS from 'typescript';
import type { FunctionLike, Project, SourceUnit } from './project';
import { matchOperation } from './match-operation';
import { PathResolver, unwrap, type Env, type Part } from './resolve-path';
import { typescript } from './ts-load';
import type { CallAuth, PathPart, Product, ProductCall, SourcePosition } from './types';

const PRODUCT_METHODS: Record<string, Product> = { requestJira: 'jira', requestConfluence: 'confluence' };
const MAX_CALLERS = 40;
const MAX_WRAPPER_DEPTH = 3;

/** A call the linter sees but whose scopes it cannot know (GraphQL, Bitbucket). */
export interface OpaqueCall extends SourcePosition {
  api: string;
}

/** Internal: a product call with the nodes the rules still need. */
export interface FoundCall extends ProductCall {
  node: TS.CallExpression;
  unit: SourceUnit;
  /** Raw parts, with escaping information. */
  parts: Part[][];
}

function publicParts(alt: Part[]): PathPart[] {
  return alt.map((p) => (p.kind === 'text' ? { kind: 'text', text: p.text } : { kind: 'value', source: p.source }));
}

export class CallFinder {
  private readonly ts = typescript();
  readonly resolver: PathResolver;

  constructor(private readonly project: Project) {
    this.resolver = new PathResolver(project);
  }

  /** Where the app authenticates as: asUser(), asApp(), the bridge, or the plain `api` object. */
  authOf(expr: TS.Expression, depth = 0): CallAuth[] {
    const ts = this.ts;
    const e = unwrap(expr);
    if (depth > 4) return ['unknown'];
    if (ts.isCallExpression(e)) {
      const callee = unwrap(e.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (name === 'asUser') return ['user'];
      if (name === 'asApp') return ['app'];
      return ['unknown'];
    }
    if (ts.isConditionalExpression(e)) return [...new Set([...this.authOf(e.whenTrue, depth + 1), ...this.authOf(e.whenFalse, depth + 1)])];
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'default') return this.authOf(e.expression, depth + 1);
    if (ts.isIdentifier(e)) {
      const decl = this.project.declarationOf(e);
      if (decl?.kind === 'import') {
        if (decl.binding.module === '@forge/api') return ['plain'];
        if (decl.binding.module === '@forge/bridge') return ['bridge'];
      }
      if (decl?.kind === 'variable' && decl.decl.initializer) return this.authOf(decl.decl.initializer, depth + 1);
    }
    return ['unknown'];
  }

  /** True when the callee is a project function (a wrapper): its own inner call is the product call. */
  private isProjectWrapper(callee: TS.Expression): boolean {
    const ts = this.ts;
    if (ts.isIdentifier(callee)) {
      const decl = this.project.declarationOf(callee);
      if (!decl) return false;
      if (decl.kind === 'import') return decl.binding.resolved !== undefined;
      return decl.kind === 'function' || decl.kind === 'variable' || decl.kind === 'parameter';
    }
    return false;
  }

  find(): { calls: FoundCall[]; opaque: OpaqueCall[] } {
    const ts = this.ts;
    const calls: FoundCall[] = [];
    const opaque: OpaqueCall[] = [];
    const defined = new Map<string, boolean>();
    const definesMethod = (name: string): boolean => {
      let known = defined.get(name);
      if (known === undefined) {
        known = [...this.project.units.values()].some((u) => u.sf.text.includes(name) && this.methodDefined(u, name));
        defined.set(name, known);
      }
      return known;
    };
    for (const unit of this.project.units.values()) {
      for (const [name, product] of Object.entries(PRODUCT_METHODS)) {
        for (const node of unit.callsByName.get(name) ?? []) {
          const callee = node.expression;
          let auth: CallAuth[];
          if (ts.isIdentifier(callee)) {
            if (this.isProjectWrapper(callee)) continue;
            auth = this.authOf(callee);
          } else if (ts.isPropertyAccessExpression(callee)) {
            auth = this.authOf(callee.expression);
            if (auth.includes('unknown') && definesMethod(name)) continue;
          } else continue;
          calls.push(...this.expand(node, unit, product, auth, new Map(), { unit, node }, 0));
        }
      }
      for (const api of ['requestGraph', 'requestBitbucket', 'requestConnectedData', 'requestTeamworkGraph']) {
        for (const node of unit.callsByName.get(api) ?? []) opaque.push({ ...this.project.position(unit, node), api });
      }
    }
    return { calls, opaque };
  }

  private methodDefined(unit: SourceUnit, name: string): boolean {
    const ts = this.ts;
    let found = false;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if ((ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.name.getText(unit.sf) === name) found = true;
      else ts.forEachChild(node, visit);
    };
    visit(unit.sf);
    return found;
  }

  private method(options: TS.Expression | undefined, env: Env): { method?: string; param?: TS.ParameterDeclaration } {
    const ts = this.ts;
    if (!options) return { method: 'GET' };
    let e = unwrap(options);
    if (ts.isIdentifier(e)) {
      const decl = this.project.declarationOf(e);
      if (decl?.kind === 'parameter') {
        if (!env.has(decl.param)) return { param: decl.param };
        const bound = env.get(decl.param);
        if (!bound) return { method: 'GET' };
        return this.method(bound, env);
      }
      if (decl?.kind === 'variable' && decl.constant && decl.decl.initializer) e = unwrap(decl.decl.initializer);
    }
    if (!ts.isObjectLiteralExpression(e)) return {};
    const prop = e.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText() === 'method');
    if (!prop) return e.properties.some((p) => ts.isSpreadAssignment(p)) ? {} : { method: 'GET' };
    const value = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
    if (!value) return {};
    const alts = this.resolver.resolve(value, env);
    const texts = alts.map((a) => (a.length === 1 && a[0].kind === 'text' ? a[0].text : undefined));
    if (texts.length === 1 && texts[0]) return { method: texts[0].toUpperCase() };
    const param = alts.flat().find((p) => p.kind === 'value' && p.param);
    return param && param.kind === 'value' ? { param: param.param } : {};
  }

  /** Resolves one product call; a path or method that comes from a wrapper's parameter is followed to the wrapper's callers. */
  private expand(node: TS.CallExpression, unit: SourceUnit, product: Product, auth: CallAuth[], env: Env, site: { unit: SourceUnit; node: TS.Node }, depth: number, via?: SourcePosition & { name: string }): FoundCall[] {
    const parts = this.resolver.resolve(node.arguments[0], env);
    const method = this.method(node.arguments[1], env);
    const params = new Set<TS.ParameterDeclaration>();
    // Only a path whose beginning is unknown needs its callers: route`/rest/api/3/issue/${key}` resolves as it is.
    const needsCallers = (alt: Part[]) => {
      if (alt[0]?.kind !== 'text' || !/^(?:\/|https?:)/.test(alt[0].text)) return true;
      if (!alt.some((p) => p.kind === 'value' && p.param)) return false;
      const match = matchOperation(product, method.method ?? 'GET', publicParts(alt));
      return match.kind === 'unresolved' || match.guessed > 0;
    };
    for (const alt of parts.filter(needsCallers)) for (const p of alt) if (p.kind === 'value' && p.param && !env.has(p.param)) params.add(p.param);
    if (method.param && !env.has(method.param)) params.add(method.param);
    const make = (unresolved?: string): FoundCall => ({
      ...this.project.position(site.unit, site.node),
      product,
      auth,
      via,
      method: method.method,
      paths: unresolved ? [] : parts.map(publicParts),
      parts,
      unresolved: unresolved ?? (method.method ? undefined : 'the HTTP method is not a literal the linter can read'),
      node,
      unit
    });
    const first = [...params][0];
    if (!first) return [make()];
    const fn = first.parent as FunctionLike;
    const fnName = this.nameOf(fn);
    if (depth >= MAX_WRAPPER_DEPTH) return [make(`the path comes from parameter "${first.name.getText()}" through more than ${MAX_WRAPPER_DEPTH} wrappers`)];
    const callers = fnName ? this.callSitesOf(fn, fnName) : [];
    if (callers.length === 0) {
      return [make(`the path comes from parameter "${first.name.getText()}" of ${fnName ?? 'an anonymous function'}, and the linter found no caller`)];
    }
    const out: FoundCall[] = [];
    const here = via ?? { ...this.project.position(unit, node), name: fnName ?? 'wrapper' };
    for (const caller of callers) {
      const bound = new Map(env);
      fn.parameters.forEach((p, i) => bound.set(p, caller.node.arguments[i] ?? p.initializer));
      out.push(...this.expand(node, unit, product, auth, bound, caller, depth + 1, here));
    }
    return out;
  }

  private nameOf(fn: FunctionLike): string | undefined {
    const ts = this.ts;
    if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
    if (ts.isMethodDeclaration(fn)) return fn.name.getText();
    const parent = fn.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if (ts.isPropertyAssignment(parent)) return parent.name.getText();
    return undefined;
  }

  /** Call sites of a wrapper: by its name in its own file, in files importing it (also through re-exports), and as a method. */
  private callSitesOf(fn: FunctionLike, name: string): { unit: SourceUnit; node: TS.CallExpression }[] {
    const ts = this.ts;
    const home = this.project.unitOf(fn);
    if (!home) return [];
    const isMethod = ts.isMethodDeclaration(fn) || ts.isPropertyAssignment(fn.parent);
    const declNode: TS.Node = ts.isFunctionDeclaration(fn) ? fn : fn.parent;
    const out: { unit: SourceUnit; node: TS.CallExpression }[] = [];
    for (const unit of this.project.units.values()) {
      for (const [local, binding] of [[name, undefined] as const, ...unit.imports.entries()]) {
        let callName: string = local;
        if (binding) {
          if (!binding.resolved) continue;
          if (binding.name === '*') {
            if (this.project.resolveExport(binding.resolved, name)?.unit !== home) continue;
            callName = name;
          } else {
            const target = this.project.resolveExport(binding.resolved, binding.name);
            if (!target || target.unit !== home || target.local !== name) continue;
          }
        } else if (unit !== home && !isMethod) continue;
        for (const call of unit.callsByName.get(callName) ?? []) {
          if (out.length >= MAX_CALLERS) return out;
          const callee = call.expression;
          if (ts.isIdentifier(callee) && !isMethod) {
            if (binding) out.push({ unit, node: call });
            else {
              const decl = this.project.declarationOf(callee);
              const target = decl?.kind === 'function' ? decl.fn : decl?.kind === 'variable' ? decl.decl : undefined;
              if (target === declNode) out.push({ unit, node: call });
            }
          } else if (ts.isPropertyAccessExpression(callee) && (isMethod || (binding?.name === '*' && ts.isIdentifier(callee.expression) && callee.expression.text === local))) {
            if (!out.some((o) => o.node === call)) out.push({ unit, node: call });
          }
        }
      }
    }
    return out;
  }
}
