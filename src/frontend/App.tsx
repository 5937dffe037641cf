import React from 'react';
import { Button, EmptyState, Inline, SectionMessage, Spinner, Stack, Text, useConfig, useProductContext } from '@forge/react';
import { diagnose } from '../diagnosis/diagnose';
import { DiagnosticPanel } from './DiagnosticPanel';
import { FindingMessage } from './FindingMessage';
import { IssueCardView } from './IssueCardView';
import { StatusLine } from './StatusLine';
import { useMacroRender } from './use-macro-render';

export interface MacroConfig {
  issue?: string;
}

const Loading = ({ label }: { label: string }) => (
  <Inline space="space.100" alignBlock="center">
    <Spinner size="small" label={label} />
    <Text>{label}</Text>
  </Inline>
);

export const App = () => {
  const context = useProductContext();
  const config = useConfig() as MacroConfig | undefined;
  // useConfig follows later edits; the product context already carries the saved config, so the
  // first (and only) invocation need not wait for both to load.
  const extension = context?.extension as { config?: MacroConfig; autoConvertLink?: string } | undefined;
  // A pasted Jira link that auto-converted into the macro arrives as autoConvertLink until configured.
  const issueRef = config?.issue ?? extension?.config?.issue ?? extension?.autoConvertLink;
  const { state, checkAgain, allowAccess } = useMacroRender(issueRef, context !== undefined);

  if (context === undefined || state.kind === 'loading') {
    return <Loading label={issueRef ? `Checking ${issueRef.slice(0, 60)}…` : 'Loading Issue Doctor…'} />;
  }
  if (state.kind === 'consent') {
    return (
      <SectionMessage appearance="information" title="Allow access to show this Jira issue">
        <Stack space="space.100">
          <Text>This app reads the issue as you, so that you only see what Jira lets you see. Confluence needs your permission first.</Text>
          <Inline>
            <Button appearance="primary" onClick={allowAccess}>
              Allow access
            </Button>
          </Inline>
        </Stack>
      </SectionMessage>
    );
  }
  if (state.kind === 'failed') {
    // The resolver runs on Confluence's side: a failed invoke is Confluence not answering.
    const finding = diagnose({ call: { product: 'confluence', method: 'POST', path: 'invoke render', auth: 'forge-bridge' }, error: state.error }).primary;
    return (
      <Stack space="space.100">
        {finding ? <FindingMessage finding={finding} onAllowAccess={allowAccess} /> : null}
        <Button onClick={checkAgain}>Check again</Button>
      </Stack>
    );
  }
  const result = state.result;
  if (result.state === 'unconfigured') {
    return <EmptyState header="Choose a Jira issue" description="Edit this macro and enter a Jira issue key (PROJ-123) or paste an issue link." />;
  }
  if (result.state === 'invalid-config') {
    return (
      <SectionMessage appearance="error" title="This macro's configuration is not a Jira issue">
        <Text>{result.message}</Text>
      </SectionMessage>
    );
  }
  return (
    <Stack space="space.200">
      {result.issue ? <IssueCardView issue={result.issue} /> : null}
      <StatusLine status={result.status} />
      {result.findings.map((finding) => (
        <FindingMessage key={finding.code} finding={finding} onAllowAccess={allowAccess} />
      ))}
      {result.findings.length > 0 ? <DiagnosticPanel result={result} onCheckAgain={checkAgain} /> : null}
    </Stack>
  );
};
