import React from 'react';
import { Button, CodeBlock, DynamicTable, Heading, Stack, Text } from '@forge/react';
import type { CheckedResult } from '../macro/render-result';

const yesNo = (value: boolean | null) => (value === null ? 'not revealed' : value ? 'yes' : 'no');

export const DiagnosticPanel = ({ result, onCheckAgain }: { result: CheckedResult; onCheckAgain: () => void }) => (
  <Stack space="space.150">
    <Heading size="small">Diagnostic panel</Heading>
    <DynamicTable
      caption="Calls made for this render"
      head={{
        cells: ['Product', 'As', 'Call', 'Status', 'Verdict', 'Why'].map((label) => ({ key: label, content: label }))
      }}
      rows={result.probes.map((probe) => ({
        key: probe.id,
        cells: [
          { key: 'product', content: probe.product === 'jira' ? 'Jira' : 'Confluence' },
          { key: 'as', content: probe.as === 'user' ? 'you' : 'app' },
          { key: 'call', content: probe.call },
          { key: 'status', content: probe.outcome },
          { key: 'verdict', content: probe.verdict },
          { key: 'why', content: probe.purpose }
        ]
      }))}
    />
    <DynamicTable
      caption="Scopes"
      head={{ cells: ['Scope', 'In manifest', 'Installation', 'Your grant', 'Needed by'].map((label) => ({ key: label, content: label })) }}
      rows={result.scopes.map((row) => ({
        key: row.scope,
        cells: [
          { key: 'scope', content: row.scope },
          { key: 'declared', content: yesNo(row.declared) },
          { key: 'installed', content: yesNo(row.installed) },
          { key: 'grant', content: yesNo(row.inGrant) },
          { key: 'required', content: row.requiredBy.join(', ') || '-' }
        ]
      }))}
    />
    <Text>Report for a support ticket (no tokens, e-mail addresses or issue content):</Text>
    <CodeBlock text={result.report} language="text" />
    <Button onClick={onCheckAgain}>Check again</Button>
  </Stack>
);
