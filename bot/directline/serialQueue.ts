/**
 * Runs tasks one at a time in the order they were queued. Each conversation has one, so a
 * person's messages reach the dialogs in the order they were typed and never in parallel
 * (dialog state is read at the start of a turn and saved at its end).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The caller sees the task's failure through `result`; the queue itself must go on.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
