import type { TurnContext } from 'botbuilder';
import { DialogStateManager, type DialogContext, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';

// Every dialog context builds a DialogStateManager, which assembles its (stateless) memory scopes
// from a fresh service collection unless the turn already has them: built once here instead.
// See docs/botbuilder-workarounds.md.

/** The turn-state key botbuilder-dialogs' DialogStateManager looks its configuration up under. */
const STATE_MANAGER_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

let sharedConfiguration: DialogStateManagerConfiguration | undefined;
function stateManagerConfiguration(): DialogStateManagerConfiguration {
  // Built the library's own way, once: a manager on an empty turn state assembles the defaults.
  sharedConfiguration ??= new DialogStateManager({ context: { turnState: new Map() } } as unknown as DialogContext).configuration;
  return sharedConfiguration;
}

/** Hands this turn the one shared memory-scope configuration, before any dialog context is made. */
export function shareMemoryScopes(context: TurnContext): void {
  context.turnState.set(STATE_MANAGER_CONFIGURATION_KEY, stateManagerConfiguration());
}
