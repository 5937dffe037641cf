import React, { useState, type ReactNode } from 'react';
import Badge from '@atlaskit/badge';
import Button from '@atlaskit/button/new';
import LoadingButton from '@atlaskit/button/loading-button';
import DynamicTable from '@atlaskit/dynamic-table';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Link from '@atlaskit/link';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import type { ForgeDoc } from './forge-doc';

export interface RenderHooks {
  /** A named form field (config panel) changed. */
  onFieldChange?: (name: string, value: string) => void;
  fieldValue?: (name: string) => string | undefined;
}

type Renderer = (node: ForgeDoc, children: ReactNode, hooks: RenderHooks) => ReactNode;

/* eslint-disable @typescript-eslint/no-explicit-any */
const p = (node: ForgeDoc) => node.props as Record<string, any>;

function cellsOf(row: ForgeDoc, hooks: RenderHooks) {
  return row.children
    .filter((c) => c.type === 'Cell')
    .map((cell, i) => ({ key: String(cell.props.cellKey ?? i), width: typeof cell.props.width === 'number' ? cell.props.width : undefined, content: renderChildren(cell.children, hooks) }));
}

function tableParts(node: ForgeDoc, hooks: RenderHooks) {
  const wrappers = node.children.filter((c) => c.type === 'ContentWrapper');
  const head = wrappers.find((w) => w.props.name === 'head');
  const rowWrapper = wrappers.find((w) => w.props.name !== 'head');
  return {
    head: head ? { cells: cellsOf(head, hooks) } : undefined,
    rows: (rowWrapper?.children ?? []).filter((r) => r.type === 'Row').map((row, i) => ({ key: String(row.props.rowKey ?? row.key ?? i), cells: cellsOf(row, hooks) }))
  };
}

/**
 * Macro configuration labels carry no labelFor: Confluence places each before the field that follows it
 * (add-configuration-to-a-macro-with-ui-kit.md). The host ties them together so the field has its label's name.
 */
function pairConfigLabels(children: ForgeDoc[]): ForgeDoc[] {
  return children.map((child, i) => {
    const fieldName = (node: ForgeDoc | undefined) => (node && typeof node.props.name === 'string' ? node.props.name : undefined);
    if (child.type === 'Label') {
      const name = fieldName(children.slice(i + 1).find((c) => fieldName(c) !== undefined));
      return name ? { ...child, props: { ...child.props, labelFor: `config-${name}` } } : child;
    }
    const name = fieldName(child);
    return name ? { ...child, props: { ...child.props, id: `config-${name}` } } : child;
  });
}

const COMPONENTS: Record<string, Renderer> = {
  Root: (_n, c) => <>{c}</>,
  MacroConfig: (n, _c, hooks) => <>{renderChildren(pairConfigLabels(n.children), hooks)}</>,
  Text: (n, c) => <Text as="p" size={p(n).size} weight={p(n).weight}>{c}</Text>,
  Strong: (_n, c) => <strong>{c}</strong>,
  Em: (_n, c) => <em>{c}</em>,
  Heading: (n, c) => (
    <Heading size={p(n).size ?? 'medium'} as={p(n).as}>
      {c}
    </Heading>
  ),
  Lozenge: (n, c) => <Lozenge appearance={p(n).appearance} isBold={p(n).isBold}>{c}</Lozenge>,
  Badge: (n, c) => <Badge appearance={p(n).appearance}>{c}</Badge>,
  SectionMessage: (n, c) => <SectionMessage appearance={p(n).appearance} title={p(n).title}>{c}</SectionMessage>,
  Button: (n, c) => (
    <Button appearance={p(n).appearance} onClick={() => p(n).onClick?.()} isDisabled={p(n).isDisabled} autoFocus={p(n).autoFocus} isSelected={p(n).isSelected}>
      {c}
    </Button>
  ),
  LoadingButton: (n, c) => (
    <LoadingButton appearance={p(n).appearance} onClick={() => p(n).onClick?.()} isDisabled={p(n).isDisabled} isLoading={p(n).isLoading} autoFocus={p(n).autoFocus}>
      {c}
    </LoadingButton>
  ),
  Link: (n, c) => (
    <Link href={p(n).href} target={p(n).openNewTab ? '_blank' : undefined}>
      {c}
    </Link>
  ),
  Spinner: (n) => <Spinner size={p(n).size} label={p(n).label} />,
  Stack: (n, c) => <Stack space={p(n).space} alignInline={p(n).alignInline}>{c}</Stack>,
  Inline: (n, c) => (
    <Inline space={p(n).space} alignBlock={p(n).alignBlock} shouldWrap={p(n).shouldWrap} spread={p(n).spread}>
      {c}
    </Inline>
  ),
  Box: (n, c) => <Box padding={p(n).padding}>{c}</Box>,
  Label: (n, c) => <Label htmlFor={p(n).labelFor ?? ''}>{c}</Label>,
  HelperMessage: (_n, c) => <HelperMessage>{c}</HelperMessage>,
  ErrorMessage: (_n, c) => <ErrorMessage>{c}</ErrorMessage>,
  Textfield: (n, _c, hooks) => {
    const name = String(p(n).name ?? '');
    return (
      <Textfield
        id={p(n).id}
        name={name}
        placeholder={p(n).placeholder}
        defaultValue={hooks.fieldValue?.(name) ?? p(n).defaultValue ?? ''}
        onChange={(e) => {
          const value = (e.target as HTMLInputElement).value;
          p(n).onChange?.(e);
          hooks.onFieldChange?.(name, value);
        }}
        testId={`field-${name}`}
      />
    );
  },
  DynamicTable: (n, _c, hooks) => {
    const { head, rows } = tableParts(n, hooks);
    return (
      <div className="forge-table">
        <DynamicTable caption={p(n).caption} head={head} rows={rows} />
      </div>
    );
  },
  // Atlaskit's code, list and empty-state packages are not installed by @forge/react: plain renderings.
  CodeBlock: (n) => <CodeBlock text={String(p(n).text ?? '')} />,
  Code: (_n, c) => <code className="forge-code">{c}</code>,
  // A real host resolves the account id to a name and avatar; the emulated site has no directory service.
  User: (n) => <span className="forge-user">@{String(p(n).accountId ?? 'unknown user')}</span>,
  List: (n, c) => (p(n).type === 'ordered' ? <ol>{c}</ol> : <ul>{c}</ul>),
  ListItem: (_n, c) => <li>{c}</li>,
  EmptyState: (n) => (
    <div className="forge-empty-state">
      <Heading size="small">{String(p(n).header ?? '')}</Heading>
      <Text as="p">{String(p(n).description ?? '')}</Text>
    </div>
  )
};

/** The whole text, never clipped, with a copy button that says when it copied. */
const CodeBlock = ({ text }: { text: string }) => {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    const done = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));
    done.then(
      () => setCopied('copied'),
      () => setCopied('failed')
    );
  };
  return (
    <div className="forge-codeblock">
      <div className="forge-codeblock-bar">
        <Button appearance="subtle" spacing="compact" onClick={copy} testId="copy-code">
          {copied === 'copied' ? 'Copied' : 'Copy'}
        </Button>
        <span role="status" className="forge-copy-status">
          {copied === 'copied' ? 'Copied to the clipboard' : copied === 'failed' ? 'Could not copy: select the text instead' : ''}
        </span>
      </div>
      <pre>{text}</pre>
    </div>
  );
};

function renderChildren(children: ForgeDoc[], hooks: RenderHooks): ReactNode {
  return children.map((child, i) => <React.Fragment key={child.key ?? i}>{renderNode(child, hooks)}</React.Fragment>);
}

/** Renders a ForgeDoc with real Atlaskit components; an unknown component becomes a visible, labelled placeholder. */
export function renderNode(node: ForgeDoc, hooks: RenderHooks = {}): ReactNode {
  if (!node || typeof node !== 'object') return null;
  if (node.type === 'String') return String(node.props?.text ?? '');
  const children = renderChildren(node.children ?? [], hooks);
  const renderer = COMPONENTS[node.type];
  if (!renderer) {
    return (
      <div className="forge-unknown" data-unknown-component={node.type}>
        <span className="forge-unknown-label">Unsupported component: {node.type}</span>
        {children}
      </div>
    );
  }
  return renderer(node, children, hooks);
}
