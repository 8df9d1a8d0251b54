import { describe, expect, it } from 'vitest';
import { normalizeDate, parseOffset } from '../../src/ingest/dates.ts';

describe('normalizeDate', () => {
  it.each([
    // Jekyll posts of finews, with and without an offset
    ['2022-02-08 20:53:15 +0800', '2022-02-08T20:53:15+08:00'],
    ['2021-12-08 10:18:31', '2021-12-08T10:18:31+08:00'],
    // Hexo posts keep the offset they state (GMT)
    ['Wed, 09 Feb 2022 03:12:00 GMT', '2022-02-09T03:12:00+00:00'],
    ['2026-06-02T10:47:16+08:00', '2026-06-02T10:47:16+08:00'],
    ['2022-02-08T12:53:15Z', '2022-02-08T12:53:15+00:00'],
    ['2022-02-08', '2022-02-08T00:00:00+08:00'],
    ['2022/2/8 9:05', '2022-02-08T09:05:00+08:00'],
    ['2022年2月8日 20:53', '2022-02-08T20:53:00+08:00'],
    // Reuters datelines
    ['Fri Dec 7, 2012 5:16am EST', '2012-12-07T05:16:00-05:00'],
    ['Wed May 30, 2012 2:45am EDT', '2012-05-30T02:45:00-04:00'],
    ['Thu Nov 7, 2013 12:22pm EST', '2013-11-07T12:22:00-05:00'],
    ['Mon Jan 7, 2013 12:05am EST', '2013-01-07T00:05:00-05:00'],
    // unix seconds from a feed's ctime, shown at the default offset
    ['1780368436', '2026-06-02T10:47:16+08:00'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input, '+08:00')).toBe(expected);
  });

  it('takes unix seconds as a number', () => {
    expect(normalizeDate(1780368436, '+08:00')).toBe('2026-06-02T10:47:16+08:00');
  });

  it('uses the default offset given by --timezone', () => {
    expect(normalizeDate('2021-12-08 10:18:31', '-05:00')).toBe('2021-12-08T10:18:31-05:00');
  });

  it('reads a Date object (gray-matter turns ISO dates into UTC Dates)', () => {
    expect(normalizeDate(new Date('2022-02-08T12:53:15Z'), '+08:00')).toBe('2022-02-08T12:53:15+00:00');
  });

  it.each(['true', 'yesterday', '2022-13-01', '2022-02-30 10:00:00', '', 'Fri Dec 7, 2012 5:16am XYZ'])('refuses %j', (input) => {
    expect(normalizeDate(input, '+08:00')).toBeNull();
  });
});

describe('parseOffset', () => {
  it.each([
    ['+08:00', '+08:00'],
    ['+0800', '+08:00'],
    ['-5', '-05:00'],
    ['EST', '-05:00'],
    ['GMT', '+00:00'],
  ])('%s → %s', (input, expected) => expect(parseOffset(input)).toBe(expected));

  it.each(['+25:00', 'Beijing', '08'])('refuses %s', (input) => expect(parseOffset(input)).toBeNull());
});
