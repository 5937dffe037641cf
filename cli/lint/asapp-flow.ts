import type * as TS from 'typescript';
import type { FoundCall, CallFinder } from './find-calls';
import type { FunctionLike, Project, SourceUnit } from './project';
import { unwrap } from './resolve-path';
import { typescript } from './ts-load';

/** Response fields that say whether, not what: returning them reveals no content. */
const METADATA = new Set(['status', 'ok', 'statusText', 'headers', 'length', 'size']);
const PERMISSION_PATH = /mypermissions|permissions?\/check|\/permission\b/;

export interface AsAppLeak {
  call: FoundCall;
  resolverName: string;
  unit: SourceUnit;
  returnNode: TS.Node;
}

/**
 * Finds asApp reads whose result reaches what a resolver returns to the browser, in resolvers
 * that make no permission check (an asUser call, a permissions endpoint, a *permission* helper).
 * A simple intra-function data flow, one helper level deep; an asApp read used only for its
 * status (this app's "does the issue exist?" probe) is not a leak.
 */
export class AsAppFlow {
  private readonly ts = typescript();
  private readonly sources = new Map<TS.Node, FoundCall>();

  constructor(
    private readonly project: Project,
    private readonly finder: CallFinder,
    calls: FoundCall[]
  ) {
    for (const c of calls) if (c.auth.includes('app') && (c.method === undefined || c.method === 'GET')) this.sources.set(c.node, c);
  }

  find(): AsAppLeak[] {
    const ts = this.ts;
    const leaks: AsAppLeak[] = [];
    if (this.sources.size === 0) return leaks;
    for (const unit of this.project.units.values()) {
      for (const def of unit.callsByName.get('define') ?? []) {
        const [nameArg, handler] = def.arguments;
        if (!nameArg || !handler || !ts.isStringLiteralLike(nameArg)) continue;
        const fn = this.asFunction(handler);
        if (!fn || this.checksPermission(fn, 0)) continue;
        for (const { node, sources } of this.taintedReturns(fn, 0)) {
          for (const call of sources) leaks.push({ call, resolverName: nameArg.text, unit, returnNode: node });
        }
      }
    }
    return leaks;
  }

  private asFunction(expr: TS.Expression): FunctionLike | undefined {
    const ts = this.ts;
    const e = unwrap(expr);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
    return this.finder.resolver.functionOf(e);
  }

  private checksPermission(fn: FunctionLike, depth: number): boolean {
    const ts = this.ts;
    let found = false;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (/permission/i.test(name) || name === 'asUser') found = true;
        const arg = node.arguments[0];
        if (/^request(Jira|Confluence)$/.test(name) && arg && PERMISSION_PATH.test(arg.getText())) found = true;
        const helper = depth < 1 ? this.finder.resolver.functionOf(callee) : undefined;
        if (helper && this.checksPermission(helper, depth + 1)) found = true;
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    return found;
  }

  /** Return statements of fn whose value derives from an asApp read, with the reads. */
  private taintedReturns(fn: FunctionLike, depth: number): { node: TS.Node; sources: Set<FoundCall> }[] {
    const ts = this.ts;
    const tainted = new Map<string, Set<FoundCall>>();
    const body = fn.body;
    if (!body) return [];
    const bind = (name: TS.BindingName, sources: Set<FoundCall>) => {
      if (ts.isIdentifier(name)) tainted.set(name.text, new Set([...(tainted.get(name.text) ?? []), ...sources]));
      else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bind(el.name, sources);
    };
    // Two passes reach a fixed point for the usual straight-line handler code.
    for (let pass = 0; pass < 2; pass++) {
      const visit = (node: TS.Node): void => {
        if (ts.isFunctionLike(node) && node !== fn) return;
        if (ts.isVariableDeclaration(node) && node.initializer) {
          const s = this.sourcesOf(node.initializer, tainted, depth);
          if (s.size) bind(node.name, s);
        } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
          const s = this.sourcesOf(node.right, tainted, depth);
          if (s.size) bind(node.left, s);
        }
        ts.forEachChild(node, visit);
      };
      ts.forEachChild(body, visit);
    }
    const out: { node: TS.Node; sources: Set<FoundCall> }[] = [];
    if (!ts.isBlock(body)) {
      const s = this.sourcesOf(body, tainted, depth);
      if (s.size) out.push({ node: body, sources: s });
      return out;
    }
    for (const r of this.finder.resolver.returns(fn)) {
      const s = this.sourcesOf(r, tainted, depth);
      if (s.size) out.push({ node: r, sources: s });
    }
    return out;
  }

  private sourcesOf(expr: TS.Expression, tainted: Map<string, Set<FoundCall>>, depth: number): Set<FoundCall> {
    const ts = this.ts;
    const e = unwrap(expr);
    const union = (...exprs: (TS.Expression | undefined)[]) => {
      const out = new Set<FoundCall>();
      for (const x of exprs) if (x) for (const s of this.sourcesOf(x, tainted, depth)) out.add(s);
      return out;
    };
    const source = this.sources.get(e);
    if (source) return new Set([source]);
    if (ts.isIdentifier(e)) return tainted.get(e.text) ?? new Set();
    if (ts.isPropertyAccessExpression(e)) return METADATA.has(e.name.text) ? new Set() : union(e.expression);
    if (ts.isElementAccessExpression(e)) return union(e.expression);
    if (ts.isCallExpression(e)) {
      const callee = unwrap(e.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const viaReceiver = union(callee.expression);
        if (viaReceiver.size) return viaReceiver;
      }
      const helper = depth < 1 ? this.finder.resolver.functionOf(callee) : undefined;
      if (helper) {
        const out = new Set<FoundCall>();
        for (const r of this.taintedReturns(helper, depth + 1)) for (const s of r.sources) out.add(s);
        if (out.size) return out;
      }
      if (ts.isIdentifier(callee) && /^(Boolean|Number)$/.test(callee.text)) return new Set();
      return union(...e.arguments);
    }
    if (ts.isObjectLiteralExpression(e)) {
      return union(
        ...e.properties.map((p) =>
          ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : ts.isSpreadAssignment(p) ? p.expression : undefined
        )
      );
    }
    if (ts.isArrayLiteralExpression(e)) return union(...e.elements.map((x) => (ts.isSpreadElement(x) ? x.expression : x)));
    if (ts.isSpreadElement(e)) return union(e.expression);
    if (ts.isTemplateExpression(e)) return union(...e.templateSpans.map((s) => s.expression));
    if (ts.isConditionalExpression(e)) return union(e.whenTrue, e.whenFalse);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
        return union(e.left, e.right);
      }
    }
    return new Set();
  }
}
