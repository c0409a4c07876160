import type { Next, Request, RequestHandler, Response } from 'restify';
import { inOneStep } from '../../bot/inOneStep';

// inOneStep runs several restify handlers as one, deciding as restify's chain does whether to go on.

const request = (state = 'open') => ({ connectionState: () => state }) as unknown as Request;
const response = {} as Response;

/** A handler that notes its name and then calls next with `outcome` (or not at all, when `silent`). */
const handler = (name: string, ran: string[], outcome?: unknown, silent = false): RequestHandler =>
  (_req, _res, next) => {
    ran.push(name);
    if (!silent) (next as (value?: unknown) => void)(outcome);
  };

function run(build: (ran: string[]) => RequestHandler[], req = request()) {
  const ran: string[] = [];
  const outcomes: unknown[] = [];
  const next = ((value?: unknown) => void outcomes.push(value)) as Next;
  inOneStep(...build(ran))(req, response, next);
  return { ran, outcomes };
}

describe('inOneStep', () => {
  const failure = new Error('refused');
  it.each<[string, (ran: string[]) => RequestHandler[], string[], unknown[]]>([
    ['all go on: each in order, then restify goes on', (ran) => [handler('a', ran), handler('b', ran), handler('c', ran)], ['a', 'b', 'c'], [undefined]],
    ['next(false) stops, and restify is told', (ran) => [handler('a', ran), handler('b', ran, false), handler('c', ran)], ['a', 'b'], [false]],
    ['an error stops, and restify gets it', (ran) => [handler('a', ran, failure), handler('b', ran)], ['a'], [failure]],
    ['null goes on, as in restify', (ran) => [handler('a', ran, null), handler('b', ran)], ['a', 'b'], [undefined]],
    ['a handler that answers later holds the rest back', (ran) => [handler('a', ran, undefined, true), handler('b', ran)], ['a'], []],
    ['no handlers: restify goes on', () => [], [], [undefined]],
  ])('%s', (_label, build, ran, outcomes) => {
    expect(run(build)).toEqual({ ran, outcomes });
  });

  it('runs nothing more once the connection closed, as restify does', () => {
    expect(run((ran) => [handler('a', ran), handler('b', ran)], request('close'))).toEqual({ ran: [], outcomes: [undefined] });
  });

  it('goes on when a handler calls next later', async () => {
    const ran: string[] = [];
    const outcomes: unknown[] = [];
    const later: RequestHandler = (_req, _res, next) => void setImmediate(() => next());
    inOneStep(later, handler('b', ran))(request(), response, ((value?: unknown) => void outcomes.push(value)) as Next);
    expect(ran).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect({ ran, outcomes }).toEqual({ ran: ['b'], outcomes: [undefined] });
  });
});
