import { ActivityHandler, MemoryStorage, MessageFactory, type CardAction } from 'botbuilder';
import type restify from 'restify';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/server';
import { CardSubmitMiddleware } from '../../bot/crossChannel/cardSubmitMiddleware';
import { TeamsMiddleware } from '../../bot/teams/teamsMiddleware';
import { listen } from '../sms/twilioClient';
import { FakeTeams, offersIn } from './teamsClient';

// A stand-in bot that echoes what the dialogs would read, and sends the shapes Teams must be
// given with care: many choices, markdown with a header and a tel: link.
class ShapesBot extends ActivityHandler {
  readonly texts: string[] = [];

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const { text } = context.activity;
      this.texts.push(text);
      if (text === 'choices') {
        const actions: CardAction[] = ['Me', 'My child', 'Someone else', 'Just looking'].map((title) => ({ type: 'imBack', title, value: title }));
        await context.sendActivity(MessageFactory.suggestedActions(actions, 'Who is this for?'));
      } else if (text === 'markdown') {
        await context.sendActivity('## Next step\nCall [1-888-663-3488](tel:+18886633488).');
      } else {
        await context.sendActivity(`You said: ${text}`);
      }
      await next();
    });
  }
}

describe('Teams edge (POST /api/messages, msteams personal chat)', () => {
  let server: restify.Server;
  let bot: ShapesBot;
  let teams: FakeTeams;

  beforeEach(async () => {
    // Teams signs its requests with a token for the bot's app id; here, without one, loopback plays it.
    const config = loadConfig({ ALLOW_CHANNEL_EMULATION: 'true' });
    const adapter = createAdapter(config);
    // As bot/app.ts adds them.
    adapter.use(new CardSubmitMiddleware());
    adapter.use(new TeamsMiddleware());
    bot = new ShapesBot();
    server = createServer({ config, adapter, bot, storage: new MemoryStorage() });
    teams = new FakeTeams(await listen(server));
  });

  afterEach(() => server.close());

  it.each([
    [{ answer: 'yes' }, 'yes'],
    [{ text: 'my child' }, 'my child'],
    [{ answer: 'no', msteams: { type: 'messageBack', displayText: 'No' } }, 'no'],
  ])('turns a card submit %j with no text into the text %j before the bot runs', async (value, expected) => {
    const { status, replies } = await teams.submit(value);
    expect(status).toBe(200);
    expect(bot.texts).toEqual([expected]);
    expect(replies.map((reply) => reply.text)).toEqual([`You said: ${expected}`]);
  });

  it('leaves typed text alone', async () => {
    await teams.say('fever');
    expect(bot.texts).toEqual(['fever']);
  });

  it('sends four choices as hero card imBack buttons, not suggested actions Teams would cut to three', async () => {
    const { replies } = await teams.say('choices');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.suggestedActions).toBeUndefined();
    expect(replies[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(offersIn(replies).map((offer) => offer.text)).toEqual(['Me', 'My child', 'Someone else', 'Just looking']);
  });

  it('keeps the tel: link and turns the header Teams cannot show into bold', async () => {
    const { replies } = await teams.say('markdown');
    expect(replies[0]?.text).toBe('**Next step**\n\nCall [1-888-663-3488](tel:+18886633488).');
  });

  it('reads a card submit on other channels too (Web Chat sends them the same way)', async () => {
    await teams.post({ type: 'message', text: '', value: { answer: 'yes' }, channelId: 'webchat', channelData: {} });
    expect(bot.texts).toEqual(['yes']);
  });

  it('leaves other channels\u2019 replies as the bot wrote them', async () => {
    const { replies } = await teams.post({ type: 'message', text: 'markdown', channelId: 'webchat', channelData: {} });
    expect(replies[0]?.text).toBe('## Next step\nCall [1-888-663-3488](tel:+18886633488).');
  });
});
