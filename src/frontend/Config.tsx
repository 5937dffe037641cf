import React from 'react';
import { Label, Textfield } from '@forge/react';

export const ISSUE_FIELD = 'issue';

// @forge/react types Label for forms (labelFor required); in macro configuration it takes children only and is
// placed by order (add-configuration-to-a-macro-with-ui-kit.md, "Label").
const ConfigLabel = Label as unknown as (props: { children: string }) => React.JSX.Element;

/**
 * The classic macro configuration panel accepts only a few components (Label with children only, Textfield with
 * name/placeholder/defaultValue/isRequired, ...): add-configuration-to-a-macro-with-ui-kit.md. Anything else is not
 * rendered there, so feedback on the value is the macro's own: an invalid value renders the invalid-config message.
 */
export const Config = () => (
  <>
    <ConfigLabel>Jira issue key or link (PROJ-123, an issue link, or a board or search link with selectedIssue=PROJ-123)</ConfigLabel>
    <Textfield name={ISSUE_FIELD} isRequired placeholder="PROJ-123 or https://your-site.atlassian.net/browse/PROJ-123" />
  </>
);
