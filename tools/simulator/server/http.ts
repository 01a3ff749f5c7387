/** Writing answers, and the request log entry each one updates. */
import http from 'http';

import { SimulatorRequest } from './options';

export function send(
  res: http.ServerResponse,
  entry: SimulatorRequest | null,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | number> = {},
  contentType = 'application/json',
): void {
  if (entry) entry.status = status;
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': buffer.length,
    ...headers,
  });
  res.end(buffer);
}

/** Full Content-Length, half the body, then the socket is destroyed. */
export function resetMidBody(
  res: http.ServerResponse,
  entry: SimulatorRequest,
  body: Buffer,
): void {
  entry.status = 200;
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': body.length,
  });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
    res.socket?.destroy();
  });
}

/** Splits a request target into its path and query parameters. */
export function parseTarget(target: string): {
  path: string;
  query: Record<string, string>;
} {
  const q = target.indexOf('?');
  const query: Record<string, string> = {};
  new URLSearchParams(q < 0 ? '' : target.slice(q + 1)).forEach(
    (value, key) => {
      query[key] = value;
    },
  );
  return { path: q < 0 ? target : target.slice(0, q), query };
}
