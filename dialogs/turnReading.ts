import type { TurnContext } from 'botbuilder';
import type { Locale } from '../knowledge';
import { Reading } from '../check/reading';
import { selectionFrom } from './checklistCard';

// The turn's one Reading of its message (check/reading.ts), kept in turn state so the prompt
// waiting on screen reads the same Reading the interrupts did.

const READING = Symbol('reading');

/** Made by the turn runner when a message comes in. */
export function startReading(context: TurnContext, locale: Locale): Reading {
  const reading = new Reading(context.activity.text ?? '', locale, selectionFrom(context.activity.value));
  context.turnState.set(READING, reading);
  return reading;
}

/** This turn's Reading. Messages reach a dialog only through CheckRunner, which makes it first. */
export function readingOf(context: TurnContext): Reading {
  const reading = context.turnState.get(READING) as Reading | undefined;
  if (!reading) throw new Error('No Reading for this message: the check runs only through CheckRunner.runTurn.');
  return reading;
}
