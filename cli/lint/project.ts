import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type * as TS from 'typescript';
import { MAX_FILE_BYTES } from './source-files';
import { typescript } from './ts-load';

/** What a local name was imported as. `name` is `default`, `*` or the exported name. */
export interface ImportBinding {
  module: string;
  name: string;
  /** The project file a relative import resolves to. */
  resolved?: string;
}

export interface SourceUnit {
  abs: string;
  rel: string;
  sf: TS.SourceFile;
  imports: Map<string, ImportBinding>;
  /** Local names exported under their public name (`export function f`, `export { a as b }`). */
  exports: Map<string, string>;
  /** `export { x } from './y'` and `export * from './y'`. */
  reexports: { name: string | '*'; as: string; from: string }[];
  /** Call expressions by the name they call (`f(...)` and `x.f(...)`). */
  callsByName: Map<string, TS.CallExpression[]>;
}

export type FunctionLike = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration;

export type Declaration =
  | { kind: 'variable'; decl: TS.VariableDeclaration; constant: boolean; unit: SourceUnit }
  | {
      kind: 'parameter';
      param: TS.ParameterDeclaration;
      fn: FunctionLike;
      index: number;
      unit: SourceUnit;
      /** For `({ method = 'GET' }) =>`: the destructured property and its default. */
      property?: { name: string; initializer?: TS.Expression };
    }
  | { kind: 'function'; fn: TS.FunctionDeclaration; unit: SourceUnit }
  | { kind: 'import'; binding: ImportBinding; unit: SourceUnit };

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];

export class Project {
  readonly units = new Map<string, SourceUnit>();
  private readonly ts = typescript();

  constructor(
    readonly appDir: string,
    files: string[]
  ) {
    for (const abs of files) {
      const unit = this.load(abs);
      if (unit) this.units.set(abs, unit);
    }
  }

  private load(abs: string): SourceUnit | undefined {
    const ts = this.ts;
    let text: string;
    try {
      if (statSync(abs).size > MAX_FILE_BYTES) return undefined;
      text = readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
    const kind = /\.tsx$/.test(abs) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(abs) ? ts.ScriptKind.TS : /\.jsx$/.test(abs) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
    const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, kind);
    const unit: SourceUnit = {
      abs,
      rel: relative(this.appDir, abs).split(sep).join('/'),
      sf,
      imports: new Map(),
      exports: new Map(),
      reexports: [],
      callsByName: new Map()
    };
    this.index(unit);
    return unit;
  }

  private resolveModule(from: string, spec: string): string | undefined {
    if (!spec.startsWith('.')) return undefined;
    const base = join(dirname(from), spec);
    const stripped = base.replace(/\.(?:[cm]?js|jsx)$/, '');
    for (const candidate of [base, ...EXTENSIONS.map((e) => stripped + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))]) {
      if (this.units.has(candidate)) return candidate;
      if (candidate !== base && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  }

  private index(unit: SourceUnit): void {
    const ts = this.ts;
    const addImport = (local: string, module: string, name: string) =>
      unit.imports.set(local, { module, name, resolved: this.resolveModule(unit.abs, module) });
    const hasExport = (node: TS.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = (node: TS.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

    for (const statement of unit.sf.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const module = statement.moduleSpecifier.text;
        const clause = statement.importClause;
        if (clause?.name) addImport(clause.name.text, module, 'default');
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) addImport(bindings.name.text, module, '*');
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) addImport(el.name.text, module, (el.propertyName ?? el.name).text);
        }
      } else if (ts.isExportDeclaration(statement)) {
        const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? this.resolveModule(unit.abs, statement.moduleSpecifier.text) : undefined;
        const clause = statement.exportClause;
        if (!clause && from) unit.reexports.push({ name: '*', as: '*', from });
        else if (clause && ts.isNamedExports(clause)) {
          for (const el of clause.elements) {
            const name = (el.propertyName ?? el.name).text;
            if (from) unit.reexports.push({ name, as: el.name.text, from });
            else unit.exports.set(el.name.text, name);
          }
        }
      } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
        unit.exports.set('default', statement.expression.text);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name && hasExport(statement)) {
        unit.exports.set(isDefault(statement) ? 'default' : statement.name.text, statement.name.text);
      } else if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name) && hasExport(statement)) unit.exports.set(decl.name.text, decl.name.text);
          this.indexRequire(unit, decl);
        }
      }
    }

    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (name) {
          const list = unit.callsByName.get(name) ?? [];
          list.push(node);
          unit.callsByName.set(name, list);
        }
      } else if (ts.isVariableDeclaration(node) && node.parent.parent && !ts.isVariableStatement(node.parent.parent)) {
        this.indexRequire(unit, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(unit.sf);
  }

  /** `const api = require('@forge/api')` and `const { route } = require('@forge/api')` (top level only). */
  private indexRequire(unit: SourceUnit, decl: TS.VariableDeclaration): void {
    const ts = this.ts;
    const init = decl.initializer;
    if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') return;
    const arg = init.arguments[0];
    if (!arg || !ts.isStringLiteral(arg)) return;
    const module = arg.text;
    const resolved = this.resolveModule(unit.abs, module);
    if (ts.isIdentifier(decl.name)) unit.imports.set(decl.name.text, { module, name: '*', resolved });
    else if (ts.isObjectBindingPattern(decl.name)) {
      for (const el of decl.name.elements) {
        if (!ts.isIdentifier(el.name)) continue;
        const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
        unit.imports.set(el.name.text, { module, name: imported, resolved });
      }
    }
  }

  private readonly lineStarts = new Map<SourceUnit, number[]>();

  /** 1-based line and column of an offset (line starts computed once per file). */
  lineCol(unit: SourceUnit, offset: number): { line: number; col: number } {
    let starts = this.lineStarts.get(unit);
    if (!starts) {
      starts = [0];
      const text = unit.sf.text;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStarts.set(unit, starts);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  }

  position(unit: SourceUnit, node: TS.Node): { file: string; line: number; col: number } {
    return { file: unit.rel, ...this.lineCol(unit, node.getStart(unit.sf)) };
  }

  unitOf(node: TS.Node): SourceUnit | undefined {
    return this.units.get(node.getSourceFile().fileName);
  }

  /** Finds what an identifier refers to by walking its lexical scopes (no type checker). */
  declarationOf(id: TS.Identifier): Declaration | undefined {
    const ts = this.ts;
    const unit = this.unitOf(id);
    if (!unit) return undefined;
    const name = id.text;
    let node: TS.Node | undefined = id.parent;
    while (node) {
      if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
        const index = node.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
        if (index >= 0) return { kind: 'parameter', param: node.parameters[index], fn: node, index, unit };
        for (const [i, p] of node.parameters.entries()) {
          if (!ts.isObjectBindingPattern(p.name)) continue;
          const el = p.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === name);
          if (el) {
            const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : name;
            return { kind: 'parameter', param: p, fn: node, index: i, unit, property: { name: prop, initializer: el.initializer } };
          }
        }
      }
      if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
        for (const statement of node.statements) {
          if (ts.isVariableStatement(statement)) {
            for (const decl of statement.declarationList.declarations) {
              if (ts.isIdentifier(decl.name) && decl.name.text === name) {
                return { kind: 'variable', decl, constant: (statement.declarationList.flags & ts.NodeFlags.Const) !== 0, unit };
              }
            }
          } else if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) {
            return { kind: 'function', fn: statement, unit };
          }
        }
      }
      if (ts.isSourceFile(node)) {
        const binding = unit.imports.get(name);
        if (binding) return { kind: 'import', binding, unit };
      }
      node = node.parent;
    }
    return undefined;
  }

  /** Follows re-exports to the unit and local name that define `name` in `abs`. */
  resolveExport(abs: string, name: string, depth = 0): { unit: SourceUnit; local: string } | undefined {
    const unit = this.units.get(abs);
    if (!unit || depth > 8) return undefined;
    const local = unit.exports.get(name);
    if (local !== undefined) return { unit, local };
    for (const re of unit.reexports) {
      if (re.as === name) return this.resolveExport(re.from, re.name, depth + 1);
      if (re.name === '*') {
        const found = this.resolveExport(re.from, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** A top-level function or const in a unit, by its local name. */
  topLevel(unit: SourceUnit, local: string): Declaration | undefined {
    const ts = this.ts;
    for (const statement of unit.sf.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === local) return { kind: 'function', fn: statement, unit };
      if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name) && decl.name.text === local) {
            return { kind: 'variable', decl, constant: (statement.declarationList.flags & ts.NodeFlags.Const) !== 0, unit };
          }
        }
      }
    }
    const binding = unit.imports.get(local);
    return binding ? { kind: 'import', binding, unit } : undefined;
  }

  /** The declaration an import refers to, across project files and re-exports. */
  importTarget(binding: ImportBinding): Declaration | undefined {
    if (!binding.resolved || binding.name === '*') return undefined;
    const found = this.resolveExport(binding.resolved, binding.name);
    return found ? this.topLevel(found.unit, found.local) : undefined;
  }
}
