import { ActivityHandler, MessageFactory, TurnContext } from 'botbuilder';

const WORDS = {
  en: { welcome: 'Welcome to the stub check.', who: 'Who is this for?', choices: ['Me', 'None of these'], feel: 'How do you feel?', call: 'Please call' },
  es: { welcome: 'Bienvenida a la revisión de prueba.', who: '¿Para quién es?', choices: ['Yo', 'Ninguno de estos'], feel: '¿Cómo se siente?', call: 'Llame al' },
} as const;

/**
 * A three-step stand-in for the real dialogs, so the widget, the page and the Direct Line edge
 * are tested on their own: greeting with buttons, one free-text question, a closing with a tel: link.
 */
export class ScriptedCheckBot extends ActivityHandler {
  private readonly steps = new Map<string, number>();

  constructor(phone: string, phoneHref: string) {
    super();
    const words = (context: TurnContext) => (context.activity.locale?.startsWith('es') ? WORDS.es : WORDS.en);
    this.onMembersAdded(async (context, next) => {
      const w = words(context);
      await context.sendActivity(w.welcome);
      await context.sendActivity(MessageFactory.suggestedActions([...w.choices], w.who));
      await next();
    });
    this.onMessage(async (context, next) => {
      const w = words(context);
      const step = (this.steps.get(context.activity.conversation.id) ?? 0) + 1;
      this.steps.set(context.activity.conversation.id, step);
      if (step === 1) await context.sendActivity(w.feel);
      else await context.sendActivity(`${w.call} [${phone}](${phoneHref}).`);
      await next();
    });
  }
}
