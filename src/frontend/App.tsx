import React, { useState } from 'react';
import { EmptyState, Inline, SectionMessage, Spinner, Stack, Text, useConfig, useProductContext } from '@forge/react';
import type { CheckedResult } from '../macro/render-result';
import { Details } from './Details';
import { invokeFailureMessage } from './invoke-failure';
import { IssueCardView } from './IssueCardView';
import { readerMessage } from './reader-message';
import { ReaderNotice } from './ReaderNotice';
import { useMacroRender, type MacroRender } from './use-macro-render';

export interface MacroConfig {
  issue?: string;
}

const Loading = ({ label }: { label: string }) => (
  <Inline space="space.100" alignBlock="center">
    <Spinner size="small" label={label} />
    <Text>{label}</Text>
  </Inline>
);

/** A checked result: the card alone when all is well; otherwise one message, and details on request. */
const Checked = ({ result, macro }: { result: CheckedResult; macro: MacroRender }) => {
  const [open, setOpen] = useState(false);
  const primary = result.findings[0];
  if (!primary && result.issue) return <IssueCardView issue={result.issue} />;
  // Never blank: a result with neither card nor finding still says something.
  const message = primary ? readerMessage(primary, result.issueKey) : invokeFailureMessage({ name: 'EMPTY_RESULT', message: '' });
  // Keys keep each part's identity when the card comes or goes, so a focused button stays focused.
  return (
    <Stack space="space.150">
      {result.issue ? <IssueCardView key="card" issue={result.issue} /> : null}
      <ReaderNotice
        key="notice"
        message={message}
        actions={{
          checking: macro.checking,
          onCheckAgain: macro.checkAgain,
          onRenewAccess: macro.renewAccess,
          details: primary ? { open, onToggle: () => setOpen((o) => !o) } : undefined
        }}
      />
      {open ? <Details key="details" result={result} /> : null}
    </Stack>
  );
};

export const App = () => {
  const context = useProductContext();
  const config = useConfig() as MacroConfig | undefined;
  // useConfig follows later edits; the product context already carries the saved config.
  const extension = context?.extension as { config?: MacroConfig; autoConvertLink?: string } | undefined;
  // A pasted Jira link that auto-converted into the macro arrives as autoConvertLink until configured.
  const issueRef = config?.issue ?? extension?.config?.issue ?? extension?.autoConvertLink;
  const macro = useMacroRender(issueRef, context !== undefined);
  const { view } = macro;

  if (context === undefined || view.kind === 'loading') {
    return <Loading label={issueRef ? `Loading ${issueRef.slice(0, 60)}…` : 'Loading Issue Doctor…'} />;
  }
  switch (view.kind) {
    case 'consent':
      // Confluence replaces the macro with its own "Allow access" prompt; the app adds no second button.
      return <Text>Confluence is asking for your permission to show this Jira issue.</Text>;
    case 'failed':
      return <ReaderNotice message={invokeFailureMessage(view.error)} actions={{ checking: macro.checking, onCheckAgain: macro.checkAgain }} />;
    case 'result':
      break;
    default:
      return assertNever(view);
  }
  const result = view.result;
  switch (result.state) {
    case 'unconfigured':
      return <EmptyState header="Choose a Jira issue" description="Edit this macro and enter a Jira issue key (PROJ-123) or paste an issue link." />;
    case 'invalid-config':
      return (
        <SectionMessage appearance="warning" title="This macro's configuration is not a Jira issue">
          <Text>{`${result.message} Ask the page author to edit the macro.`}</Text>
        </SectionMessage>
      );
    case 'checked':
      return <Checked result={result} macro={macro} />;
    default:
      return assertNever(result);
  }
};

function assertNever(value: never): never {
  throw new Error(`Unhandled render state: ${JSON.stringify(value)}`);
}
