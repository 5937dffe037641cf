/** @jest-environment node */
import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderNode } from '../../preview/client/render-forge-doc';
import type { ForgeDoc } from '../../preview/client/forge-doc';

const text = (value: string): ForgeDoc => ({ type: 'String', props: { text: value }, children: [] });
const node = (type: string, props: Record<string, unknown>, ...children: ForgeDoc[]): ForgeDoc => ({ type, props, children });

describe('the preview host renders ForgeDoc with Atlaskit', () => {
  test('an unknown component becomes a visible labelled placeholder, its children still shown', () => {
    const html = renderToStaticMarkup(<>{renderNode(node('Root', {}, node('HoloDeck', {}, text('inside'))))}</>);
    expect(html).toContain('Unsupported component: HoloDeck');
    expect(html).toContain('data-unknown-component="HoloDeck"');
    expect(html).toContain('inside');
  });
  test('known components render their text, props and table cells', () => {
    const doc = node(
      'Root',
      {},
      node('Lozenge', { appearance: 'success' }, text('Done')),
      node('SectionMessage', { title: 'A title', appearance: 'error' }, node('Text', {}, text('Body'))),
      node('DynamicTable', { caption: 'Calls' }, node('ContentWrapper', { name: 'head' }, node('Cell', { cellKey: 'a' }, text('Head A'))), node('ContentWrapper', { name: 'rows' }, node('Row', {}, node('Cell', { cellKey: 'a' }, text('Cell A'))))),
      node('CodeBlock', { text: 'report text' })
    );
    const html = renderToStaticMarkup(<>{renderNode(doc)}</>);
    for (const expected of ['Done', 'A title', 'Body', 'Calls', 'Head A', 'Cell A', 'report text']) expect(html).toContain(expected);
    expect(html).not.toContain('Unsupported component');
  });
});
