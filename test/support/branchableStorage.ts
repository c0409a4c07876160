import { MemoryStorage } from 'botbuilder';

/** A MemoryStorage whose whole content can be copied and put back, to branch a conversation. */
export class BranchableStorage extends MemoryStorage {
  snapshot(): Record<string, string> {
    return { ...(this.memory as Record<string, string>) };
  }

  restore(snapshot: Record<string, string>): void {
    this.memory = { ...snapshot };
  }
}
