import { walk } from '../support/dialogWalk';

// Every button plus these typed messages, from every reachable state (see dialogWalk.ts).
const TYPED = [
  'my gums bleed and I have a fever',
  "no, I don't have a fever",
  "what's the weather like today",
  'asdf qwer zxcv',
  'yes',
  'no',
  'explain',
  'help',
  'what is ALL?',
  'español',
  'start over',
  'stop',
  'talk to a person',
  "I can't breathe",
];

it('every English conversation ends with the closing, last in its turn and not a question', async () => {
  const result = await walk('en', TYPED, 40);
  expect(result.problems).toEqual([]);
  expect(result.statesVisited).toBeGreaterThan(100);
  expect(result.closings).toBeGreaterThan(0);
}, 60_000);
