import React from 'react';
import { Code, CodeBlock, DynamicTable, Heading, Inline, Link, List, ListItem, Lozenge, Stack, Text } from '@forge/react';
import type { Actor, Finding } from '../diagnosis/types';
import type { CheckedResult } from '../macro/render-result';
import { checkLines } from './checks';
import { ACTOR_LABEL, ACTOR_ORDER, CHECK_APPEARANCE, CHECK_LABEL, formatDate, SEVERITY_APPEARANCE, SEVERITY_LABEL, VERDICT_APPEARANCE, yesNo } from './labels';
import { RichText } from './RichText';

const cell = (key: string, content: React.ReactNode) => ({ key, content });
const text = (value: string) => <Text>{value}</Text>;
/** Column labels with their widths in percent, so that short columns do not wrap their words. */
const head = (columns: [string, number][]) => ({ cells: columns.map(([label, width]) => ({ key: label, content: label, width })) });
const SubHeading = ({ children }: { children: string }) => (
  <Heading size="xxsmall" as="h4">
    {children}
  </Heading>
);

const FindingDetails = ({ finding }: { finding: Finding }) => {
  const byActor = new Map<Actor, string[]>();
  for (const remedy of finding.remedies) byActor.set(remedy.actor, [...(byActor.get(remedy.actor) ?? []), remedy.action]);
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Lozenge appearance={SEVERITY_APPEARANCE[finding.severity]}>{SEVERITY_LABEL[finding.severity]}</Lozenge>
        <Heading size="xsmall" as="h4">
          {finding.title}
        </Heading>
      </Inline>
      <RichText text={finding.explanation} />
      {ACTOR_ORDER.filter((actor) => byActor.has(actor)).map((actor) => (
        <Stack key={actor} space="space.050">
          <Text weight="bold">{ACTOR_LABEL[actor]}</Text>
          <List type="unordered">
            {byActor.get(actor)!.map((action, i) => (
              <ListItem key={i}>
                <RichText text={action} />
              </ListItem>
            ))}
          </List>
        </Stack>
      ))}
      <Text size="small">
        Finding <Code>{finding.code}</Code>
        {finding.docs ? (
          <>
            {' · '}
            <Link href={finding.docs} openNewTab>
              Atlassian documentation
            </Link>
          </>
        ) : null}
      </Text>
    </Stack>
  );
};

const Checks = ({ result }: { result: CheckedResult }) => (
  <Inline space="space.100" alignBlock="center" shouldWrap>
    {checkLines(result).map((line) => (
      <Lozenge key={line.label} appearance={CHECK_APPEARANCE[line.state]}>
        {`${line.label}: ${CHECK_LABEL[line.state]}`}
      </Lozenge>
    ))}
    <Text size="small">{`Checked ${formatDate(result.checkedAt)}`}</Text>
  </Inline>
);

const CallsTable = ({ result }: { result: CheckedResult }) => (
  <Stack space="space.050">
    <SubHeading>Calls made for this check</SubHeading>
    <DynamicTable
      head={head([
        ['Call', 40],
        ['Status', 10],
        ['Verdict', 12],
        ['Why', 38]
      ])}
      rows={result.probes.map((probe) => ({
        key: probe.id,
        cells: [
          cell(
            'call',
            <Stack space="space.025">
              <Text>{`${probe.product === 'jira' ? 'Jira' : 'Confluence'}, as ${probe.as === 'user' ? 'you' : 'the app'}`}</Text>
              <Code>{probe.call}</Code>
            </Stack>
          ),
          cell('status', text(probe.outcome)),
          cell('verdict', <Lozenge appearance={VERDICT_APPEARANCE[probe.verdict]}>{probe.verdict}</Lozenge>),
          cell('why', text(probe.purpose))
        ]
      }))}
    />
  </Stack>
);

const ScopeTable = ({ result }: { result: CheckedResult }) => (
  <Stack space="space.050">
    <SubHeading>Scopes</SubHeading>
    <DynamicTable
      head={head([
        ['Scope', 28],
        ['In manifest', 13],
        ['Installation', 13],
        ['Your grant', 13],
        ['Needed by', 33]
      ])}
      rows={result.scopes.map((row) => ({
        key: row.scope,
        cells: [
          cell('scope', <Code>{row.scope}</Code>),
          cell('declared', text(yesNo(row.declared))),
          cell('installed', text(yesNo(row.installed))),
          cell('grant', text(yesNo(row.inGrant))),
          cell('required', row.requiredBy.length ? <Text>{row.requiredBy.map((call, i) => <Code key={i}>{call}</Code>)}</Text> : text('-'))
        ]
      }))}
    />
  </Stack>
);

/** Everything for site admins and the app developer; shown only when the reader opens it. */
export const Details = ({ result }: { result: CheckedResult }) => (
  <Stack space="space.200">
    <Heading size="small" as="h3">
      Details for site admins and the app developer
    </Heading>
    {result.findings.map((finding) => (
      <FindingDetails key={finding.code} finding={finding} />
    ))}
    <Checks result={result} />
    <CallsTable result={result} />
    <ScopeTable result={result} />
    <Stack space="space.050">
      <SubHeading>Report for a support ticket</SubHeading>
      <Text size="small">No tokens, e-mail addresses or issue content. Copy it into your ticket.</Text>
      <CodeBlock text={result.report} language="text" />
    </Stack>
  </Stack>
);
