import { parseIssueRef } from '../../src/macro/issue-ref';

describe('issue key or link', () => {
  test.each([
    ['PROJ-123', 'PROJ-123'],
    ['  proj-7 ', 'PROJ-7'],
    ['https://acme.atlassian.net/browse/PROJ-123', 'PROJ-123'],
    ['https://acme.atlassian.net/browse/PROJ-123/', 'PROJ-123'],
    ['https://acme.atlassian.net/browse/PROJ-123?focusedCommentId=1', 'PROJ-123'],
    ['https://acme.atlassian.net/jira/software/projects/PROJ/boards/4?selectedIssue=PROJ-9', 'PROJ-9'],
    ['https://acme.atlassian.net/issues/?jql=project%3DPROJ&selectedIssue=PROJ-10', 'PROJ-10'],
    ['https://acme.atlassian.net/jira/software/c/projects/AB_2/issues?selectedIssue=ab_2-1', 'AB_2-1']
  ])('%s → %s', (input, key) => {
    expect(parseIssueRef(input)).toMatchObject({ ok: true, key });
  });

  test.each([
    ['', /No Jira issue is configured/],
    ['PROJ', /not a Jira issue key/],
    ['PROJ-0', /not a Jira issue key/],
    ['../../rest/api/3/myself', /not a Jira issue key/],
    ['PROJ-1?expand=changelog', /not a Jira issue key/],
    ['PROJ-1/../../myself', /not a Jira issue key/],
    ['ＰＲＯＪ-１', /not a Jira issue key/],
    ['http://acme.atlassian.net/browse/PROJ-1', /Only https/],
    ['https://evil.example.com/browse/PROJ-1', /not an Atlassian Cloud site/],
    ['https://acme.atlassian.net.evil.com/browse/PROJ-1', /not an Atlassian Cloud site/],
    ['https://user:pw@acme.atlassian.net/browse/PROJ-1', /user name, password or port/],
    ['https://acme.atlassian.net/browse/PROJ-1/../x', /does not name an issue/],
    ['https://acme.atlassian.net/wiki/spaces/X', /does not name an issue/],
    ['A'.repeat(10_000), /10000 characters/]
  ])('%s is refused', (input, message) => {
    const result = parseIssueRef(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message.length).toBeLessThan(400);
    }
  });

  test('non-strings are refused', () => {
    expect(parseIssueRef(42).ok).toBe(false);
    expect(parseIssueRef({ key: 'PROJ-1' }).ok).toBe(false);
  });
});
