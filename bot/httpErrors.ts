import type { Response } from 'restify';

/**
 * The one body every error answer of ours carries: `{ error: { code, message } }`, a code a
 * program can branch on and a sentence for the developer on the other end. It is the shape Direct
 * Line answers errors with, so a client of our own Direct Line reads them as it reads Azure's.
 * (Errors restify raises itself, such as a body over its limit, keep restify's `{ code, message }`.)
 */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, errorBody(code, message));
}

export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
