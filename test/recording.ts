import {
  Recording,
  RecordingEntry,
  setupRecording,
} from '@jupiterone/integration-sdk-testing';

export type { Recording };

/** Response fields whose values are secrets even in a simulated estate. */
const SECRET_FIELDS =
  /"(licenseKey|registrationToken|passphrase|apiToken)":"[^"]*"/g;

/**
 * Polly recordings of the simulator: replayed (never re-recorded) in CI, so a
 * missing recording fails; recorded once locally when missing. Tokens are
 * redacted from headers (by the SDK) and bodies (here); the simulator's
 * random port and the threat look-back's moving date do not take part in
 * matching.
 */
export function setupSentinelOneRecording(
  directory: string,
  name: string,
): Recording {
  return setupRecording({
    directory,
    name,
    mutateEntry: redactEntry,
    options: {
      mode: 'replay',
      recordIfMissing: !process.env.CI,
      recordFailedRequests: true,
      matchRequestsBy: {
        order: false,
        url: {
          port: false,
          query: (query: Record<string, unknown>) => {
            const { updatedAt__gt: _movingDate, ...stable } = query;
            return stable;
          },
        },
      },
    },
  });
}

export function redactEntry(entry: RecordingEntry): void {
  const request = entry.request as { postData?: { text?: string } };
  if (request.postData?.text) {
    request.postData.text = request.postData.text.replace(
      SECRET_FIELDS,
      '"$1":"[REDACTED]"',
    );
  }
  const content = entry.response.content as { text?: string };
  if (content.text) {
    content.text = content.text.replace(SECRET_FIELDS, '"$1":"[REDACTED]"');
  }
}
