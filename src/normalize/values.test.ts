import fc from 'fast-check';

import {
  isAbsent,
  toBoolean,
  toEpochMs,
  toName,
  toNumber,
  toText,
  toTextList,
} from './values';

describe('toBoolean', () => {
  test.each([
    [true, true],
    [false, false],
    ['True', true],
    ['False', false],
    ['true', true],
    [' FALSE ', false],
    ['1', true],
    ['0', false],
    ['on', true],
    [' OFF', false],
  ])('%p -> %p', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });

  test.each([null, undefined, '', 'yes', 'enabled', 1, 0, {}, []])(
    '%p -> undefined',
    (value) => {
      expect(toBoolean(value)).toBeUndefined();
    },
  );
});

describe('toText', () => {
  test('trims strings and drops blanks', () => {
    expect(toText('  Finance Laptops ')).toBe('Finance Laptops');
    expect(toText('')).toBeUndefined();
    expect(toText(' \t\n')).toBeUndefined();
  });

  test('reads finite numbers as text; nothing else', () => {
    expect(toText(42)).toBe('42');
    expect(toText(NaN)).toBeUndefined();
    expect(toText(null)).toBeUndefined();
    expect(toText(undefined)).toBeUndefined();
    expect(toText(true)).toBeUndefined();
    expect(toText({ name: 'x' })).toBeUndefined();
  });
});

describe('toName', () => {
  test.each([
    'unknown',
    'Unknown',
    'N/A',
    'n/a',
    'none',
    '-',
    'To Be Filled By O.E.M.',
    'Default string',
    'System Serial Number',
    '',
  ])('%p is a placeholder', (value) => {
    expect(toName(value)).toBeUndefined();
  });

  test('keeps real names', () => {
    expect(toName(' ACME ')).toBe('ACME');
    expect(toName('WORKGROUP')).toBe('WORKGROUP');
    expect(toName('unknown-host-7')).toBe('unknown-host-7');
  });
});

describe('toNumber', () => {
  test('reads numbers and numeric strings', () => {
    expect(toNumber(7.5)).toBe(7.5);
    expect(toNumber('3930')).toBe(3930);
    expect(toNumber(' 9.8 ')).toBe(9.8);
  });

  test.each(['', ' ', 'high', null, undefined, Infinity, NaN, true])(
    '%p -> undefined',
    (value) => {
      expect(toNumber(value)).toBeUndefined();
    },
  );
});

describe('toTextList', () => {
  test('keeps the non-blank texts, trimmed and de-duplicated', () => {
    expect(toTextList([' a ', '', 'b', 'a', null, 3])).toEqual(['a', 'b', '3']);
  });

  test('is undefined for an empty list or no list', () => {
    expect(toTextList([])).toBeUndefined();
    expect(toTextList(['', ' '])).toBeUndefined();
    expect(toTextList(null)).toBeUndefined();
    expect(toTextList('CN=x')).toBeUndefined();
  });
});

describe('isAbsent', () => {
  test.each([
    [null, true],
    [undefined, true],
    ['', true],
    ['  ', true],
    ['x', false],
    [0, false],
    [false, false],
  ])('%p -> %p', (value, absent) => {
    expect(isAbsent(value)).toBe(absent);
  });
});

describe('toEpochMs', () => {
  test.each([
    ['2018-02-27T04:49:26.257525Z', Date.UTC(2018, 1, 27, 4, 49, 26, 257)],
    ['2018-02-27T04:49:26.257Z', Date.UTC(2018, 1, 27, 4, 49, 26, 257)],
    ['2018-02-27T04:49:26Z', Date.UTC(2018, 1, 27, 4, 49, 26)],
    ['2018-02-27T04:49:26+02:00', Date.UTC(2018, 1, 27, 2, 49, 26)],
    ['2023-06-01', Date.UTC(2023, 5, 1)],
    [' 2023-06-01T00:00:00Z ', Date.UTC(2023, 5, 1)],
    [1700000000000, 1700000000000],
  ])('%p -> %p', (value, expected) => {
    expect(toEpochMs(value)).toBe(expected);
  });

  test('reads a date-time without time zone as UTC, as SentinelOne means it', () => {
    // Whatever the collector's own zone: JavaScript would read it in that one.
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(toEpochMs('2018-02-27T04:49:26.257525')).toBe(
        Date.UTC(2018, 1, 27, 4, 49, 26, 257),
      );
      expect(toEpochMs('2018-02-27T04:49:26')).toBe(
        Date.UTC(2018, 1, 27, 4, 49, 26),
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test.each([
    ['2018-02-27T04:49:26.2Z', Date.UTC(2018, 1, 27, 4, 49, 26, 200)],
    ['2018-02-27T04:49:26.25Z', Date.UTC(2018, 1, 27, 4, 49, 26, 250)],
    ['2018-02-27T04:49:26.999999999Z', Date.UTC(2018, 1, 27, 4, 49, 26, 999)],
    // Past the month's end rolls over, as Date.parse reads it.
    ['2026-02-30T00:00:00Z', Date.UTC(2026, 2, 2)],
    ['2026-11-01T24:00:00Z', Date.UTC(2026, 10, 2)],
    ['0099-11-01T11:58:12Z', Date.parse('0099-11-01T11:58:12Z')],
    ['2018-02-27t04:49:26z', Date.UTC(2018, 1, 27, 4, 49, 26)],
  ])('%p -> %p, as Date.parse reads it', (value, expected) => {
    expect(toEpochMs(value)).toBe(expected);
  });

  test('reads every date-time in SentinelOne form as Date.parse reads it with Z', () => {
    const twoDigits = (min: number, max: number) =>
      fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
    const dateTime = fc
      .tuple(
        fc
          .integer({ min: 0, max: 9999 })
          .map((n) => String(n).padStart(4, '0')),
        twoDigits(1, 12),
        twoDigits(1, 31),
        twoDigits(0, 23),
        twoDigits(0, 59),
        twoDigits(0, 59),
        fc.option(
          fc.stringOf(fc.constantFrom(...'0123456789'), {
            minLength: 1,
            maxLength: 9,
          }),
        ),
        fc.boolean(),
      )
      .map(
        ([year, month, day, hour, minute, second, fraction, zulu]) =>
          `${year}-${month}-${day}T${hour}:${minute}:${second}` +
          (fraction === null ? '' : `.${fraction}`) +
          (zulu ? 'Z' : ''),
      );
    fc.assert(
      fc.property(dateTime, (text) => {
        const zulu = text.endsWith('Z') ? text : `${text}Z`;
        expect(toEpochMs(text)).toBe(Date.parse(zulu));
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    '',
    'last tuesday',
    '2026-11-01T11:58:12.Z',
    '2026-11-01T11:58:12Zx',
    '2026-11-01T11:58:60Z',
    '2026-00-01T00:00:00Z',
    '07/01/2024',
    '2024',
    '2024-13-45',
    NaN,
    null,
  ])('%p is not a date', (value) => {
    expect(toEpochMs(value)).toBeUndefined();
  });
});
