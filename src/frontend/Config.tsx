import React from 'react';
import { ErrorMessage, HelperMessage, Label, Stack, Textfield, useConfig } from '@forge/react';
import { parseIssueRef } from '../macro/issue-ref';
import type { MacroConfig } from './App';

export const ISSUE_FIELD = 'issue';

export const Config = () => {
  const config = useConfig() as MacroConfig | undefined;
  const value = config?.[ISSUE_FIELD];
  const parsed = value && value.trim() ? parseIssueRef(value) : undefined;
  return (
    <Stack space="space.050">
      <Label labelFor={ISSUE_FIELD}>Jira issue key or link</Label>
      <Textfield id={ISSUE_FIELD} name={ISSUE_FIELD} placeholder="PROJ-123 or https://your-site.atlassian.net/browse/PROJ-123" />
      {parsed && !parsed.ok ? <ErrorMessage>{parsed.message}</ErrorMessage> : null}
      {parsed && parsed.ok ? <HelperMessage>Shows {parsed.key}.</HelperMessage> : null}
      {!parsed ? <HelperMessage>A key such as PROJ-123, an issue link, or a board or search link with selectedIssue=PROJ-123.</HelperMessage> : null}
    </Stack>
  );
};
