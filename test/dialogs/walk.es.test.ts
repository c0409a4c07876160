import { walk } from '../support/dialogWalk';

// Every button plus these typed messages, from every reachable state (see dialogWalk.ts).
const TYPED = [
  'me sangran las encías y tengo fiebre',
  'no, no tengo fiebre',
  '¿qué tiempo hace hoy?',
  'asdf qwer zxcv',
  'sí',
  'no',
  'explique',
  'ayuda',
  '¿qué es la LLA?',
  'english',
  'empezar de nuevo',
  'salir',
  'hablar con una persona',
  'no puedo respirar',
];

it('every Spanish conversation ends with the closing, last in its turn and not a question', async () => {
  const result = await walk('es', TYPED, 40);
  expect(result.problems).toEqual([]);
  expect(result.statesVisited).toBeGreaterThan(100);
  expect(result.closings).toBeGreaterThan(0);
}, 60_000);
