import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { afterTurnSaved, holdRepliesUntilSaved } from '../../bot/storage/heldReplies';
import { runUntilSaved } from '../../bot/storage/runUntilSaved';
import { ETagConflictError } from '../../bot/storage/storageErrors';

// The turn loop alone: a run that meets a newer state is thrown away with what it said and
// counted, and the turn runs again; anything else fails at once, having said nothing.

const FAST = { baseDelayMs: 0 };

/** Runs `logic` as one turn behind the holding middleware; returns what the person was sent. */
async function turn(logic: (context: TurnContext) => Promise<void>): Promise<{ sent: string[]; error?: Error }> {
  let error: Error | undefined;
  const adapter = new TestAdapter(logic).use(holdRepliesUntilSaved);
  adapter.onTurnError = async (context, turnError) => {
    error = turnError;
    await context.sendActivity('apology');
  };
  await adapter.receiveActivity({ type: 'message', text: 'hi' } as Partial<Activity>);
  return { sent: adapter.activeQueue.splice(0).map((activity) => activity.text ?? ''), error };
}

it('a run that meets a conflict is thrown away, replies, counts and turn state with it', async () => {
  const counted: number[] = [];
  let runs = 0;
  let reruns = 0;
  const { sent } = await turn((context) =>
    runUntilSaved(
      context,
      async () => {
        runs += 1;
        expect(context.turnState.get('from this run')).toBeUndefined();
        context.turnState.set('from this run', runs);
        await context.sendActivity(`reply of run ${runs}`);
        afterTurnSaved(context, () => counted.push(runs));
        if (runs < 3) throw new ETagConflictError('conversation');
      },
      { ...FAST, onRerun: () => (reruns += 1) },
    ),
  );
  expect(sent).toEqual(['reply of run 3']);
  expect(counted).toEqual([3]);
  expect(reruns).toBe(2);
});

it('botbuilder\'s own conflict error (MemoryStorage) counts as a conflict too', async () => {
  let runs = 0;
  const { sent } = await turn((context) =>
    runUntilSaved(
      context,
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('Storage: error writing "x" due to eTag conflict.');
        await context.sendActivity('saved');
      },
      FAST,
    ),
  );
  expect(sent).toEqual(['saved']);
});

it('gives up after maxRuns: the conflict reaches onTurnError, and only its apology is sent', async () => {
  let runs = 0;
  const { sent, error } = await turn((context) =>
    runUntilSaved(
      context,
      async () => {
        runs += 1;
        await context.sendActivity(`reply of run ${runs}`);
        throw new ETagConflictError('conversation');
      },
      { ...FAST, maxRuns: 4 },
    ),
  );
  expect(runs).toBe(4);
  expect(error).toBeInstanceOf(ETagConflictError);
  expect(sent).toEqual(['apology']);
});

it('any other error is not retried, and what the run said is not sent; the count runs for the apology', async () => {
  let runs = 0;
  const counted: string[] = [];
  const { sent, error } = await turn(async (context) => {
    try {
      await runUntilSaved(
        context,
        async () => {
          runs += 1;
          await context.sendActivity('half a turn');
          afterTurnSaved(context, () => counted.push('run'));
          throw new Error('a bug');
        },
        FAST,
      );
    } finally {
      afterTurnSaved(context, () => counted.push('after the failure'));
    }
  });
  expect(runs).toBe(1);
  expect(error?.message).toBe('a bug');
  expect(sent).toEqual(['apology']);
  expect(counted).toEqual(['after the failure']);
});
