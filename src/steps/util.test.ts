import {
  MalformedRecordError,
  parseDate,
  requireId,
  stripSecrets,
} from './util';

describe('parseDate', () => {
  test('parses SentinelOne ISO dates with microseconds to epoch ms', () => {
    expect(
      parseDate('2018-02-27T04:49:26.257525Z', 'createdAt', 'agent 1'),
    ).toBe(Date.UTC(2018, 1, 27, 4, 49, 26, 257));
    expect(parseDate('2023-06-01T00:00:00Z', 'createdAt', 'agent 1')).toBe(
      Date.UTC(2023, 5, 1),
    );
    expect(parseDate('2023-06-01', 'expiration', 'site 1')).toBe(
      Date.UTC(2023, 5, 1),
    );
  });

  test('keeps epoch ms numbers', () => {
    expect(parseDate(1700000000000, 'createdAt', 'agent 1')).toBe(
      1700000000000,
    );
  });

  test.each([null, undefined, '', '   '])('%p is no date', (value) => {
    expect(parseDate(value, 'createdAt', 'agent 1')).toBeUndefined();
  });

  test.each(['not-a-date', '12345', '2023-13-45T00:00:00Z', 'yesterday'])(
    'rejects %p with a MalformedRecordError naming record, field and value',
    (value) => {
      let error: unknown;
      try {
        parseDate(value, 'createdAt', 'agent 123');
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(MalformedRecordError);
      expect((error as MalformedRecordError).message).toBe(
        `agent 123: createdAt '${value}' is not a date`,
      );
      expect((error as MalformedRecordError).recordType).toBe('agent');
      expect((error as MalformedRecordError).field).toBe('createdAt');
    },
  );

  test('rejects non-finite numbers', () => {
    expect(() => parseDate(NaN, 'createdAt', 'agent 1')).toThrow(
      MalformedRecordError,
    );
  });

  test('shortens a long value in the message', () => {
    expect(() => parseDate('x'.repeat(500), 'createdAt', 'agent 1')).toThrow(
      /^agent 1: createdAt 'x{60}…' is not a date$/,
    );
  });
});

describe('requireId', () => {
  test('answers the id', () => {
    expect(requireId({ id: '1234567890123456789' }, 'agent')).toBe(
      '1234567890123456789',
    );
    expect(requireId({ id: 42 }, 'agent')).toBe('42');
  });

  test.each([{}, { id: null }, { id: undefined }, { id: '' }, { id: '  ' }])(
    'rejects %p',
    (record) => {
      expect(() => requireId(record, 'agent')).toThrow(MalformedRecordError);
    },
  );

  test('names the record type', () => {
    expect(() => requireId({ id: null }, 'agent')).toThrow(
      'agent record without id',
    );
    expect(() => requireId(null, 'group')).toThrow('group record without id');
    expect(() => requireId({ id: { nested: 1 } }, 'site')).toThrow(
      `site record with invalid id '{"nested":1}'`,
    );
  });
});

describe('stripSecrets', () => {
  test('blanks the secret keys in place: nothing of them is serialized', () => {
    const record = { id: '1', registrationToken: 'eyJsecret', name: 'x' };
    const rawData = stripSecrets(record, ['registrationToken']);
    expect(rawData).toBe(record);
    expect(JSON.stringify(rawData)).toBe('{"id":"1","name":"x"}');
  });

  test('adds no key that was absent', () => {
    const record: { id: string; licenseKey?: string } = { id: '1' };
    expect(Object.keys(stripSecrets(record, ['licenseKey']))).toEqual(['id']);
  });
});
