import { validate } from '@forge/manifest';
import { join } from 'node:path';

describe('manifest.yml', () => {
  test('passes @forge/manifest validation', async () => {
    const result = await validate(false, join(__dirname, '..', '..', 'manifest.yml'));
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });
});
