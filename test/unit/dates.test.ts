import { latestDateIn } from '../../src/diagnosis/parse/dates';

describe('the latest date a paste carries', () => {
  test('an HTTP Date header, a JavaScript log prefix and an ISO timestamp are read; the latest wins', () => {
    expect(latestDateIn('Date: Thu, 08 Jun 2017 13:53:40 GMT')).toBe(Date.UTC(2017, 5, 8));
    expect(latestDateIn('[Tue Feb 24 2015 14:05:55 GMT-0500 (EST)] ERROR')).toBe(Date.UTC(2015, 1, 24));
    expect(latestDateIn('2019-11-22 14:58:00 [FATAL] x\n2023-01-05T08:37:57Z y')).toBe(Date.UTC(2023, 0, 5));
  });
  test('numbers that are not timestamps are no date', () => {
    expect(latestDateIn('issue 2017-06 took 12:30 minutes; version 2018.1')).toBeUndefined();
    expect(latestDateIn('2017-13-40 10:00')).toBeUndefined();
  });
  test('only the start of a long paste is read (the cap keeps a hostile paste cheap)', () => {
    expect(latestDateIn(`${'x'.repeat(10_000)} 2017-01-01 10:00`)).toBeUndefined();
    expect(latestDateIn(`2016-01-01 10:00 ${'2017-01-01 '.repeat(10_000)}`)).toBe(Date.UTC(2016, 0, 1));
  });
});
