/** The API's error answers, and the exceptions handlers throw to give them. */
import http from 'http';

import { WireError } from '../wire';

export class HttpError extends Error {
  constructor(readonly apiError: WireError & { status: number }) {
    super(apiError.title);
  }
}

export function errorBody(
  code: number,
  title: string,
  detail: WireError['detail'] = null,
): string {
  return JSON.stringify({ errors: [{ code, title, detail }] });
}

export const validation = (detail: WireError['detail']) =>
  new HttpError({
    status: 400,
    code: 4000010,
    title: 'Validation Error',
    detail,
  });

export const notFound = (path: string) =>
  new HttpError({
    status: 404,
    code: 4040010,
    title: 'Not Found',
    detail: `No such resource: ${path}`,
  });

export const unauthorized = () =>
  new HttpError({
    status: 401,
    code: 4010010,
    title: 'Authentication Failed',
    detail: null,
  });

/** What a site user (or any token outside its scope) gets. */
export const outsideScope = () =>
  new HttpError({
    status: 403,
    code: 4030010,
    title: 'Action is not allowed to site users',
    detail: null,
  });

export const notLicensed = () =>
  new HttpError({
    status: 403,
    code: 4030020,
    title: 'Forbidden',
    detail:
      'Application Management is not licensed for this account (feature not licensed)',
  });

export const HTML_LOGIN_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in</title></head>' +
  '<body><h1>Sign in</h1><form method="post" action="/login">' +
  '<input name="username"><input name="password" type="password">' +
  '<button type="submit">Sign in</button></form></body></html>';

/** An nginx error page, as proxies in front of consoles answer. */
export function htmlError(status: number): string {
  const text = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  return (
    `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n` +
    `<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  );
}
