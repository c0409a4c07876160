import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { renderSmsReply } from '../../bot/sms/render';

const message = (fields: Partial<Activity>): Partial<Activity> => ({ type: 'message', ...fields });

describe('renderSmsReply', () => {
  it.each<[string, Partial<Activity>[], string[]]>([
    ['plain text', [message({ text: 'Hello.' })], ['Hello.']],
    ['texts of one turn join into one message', [message({ text: 'One.' }), message({ text: 'Two.' })], ['One.\n\nTwo.']],
    ['typing and events are skipped', [{ type: 'typing' }, { type: 'event', name: 'x' }, message({ text: 'Hi' })], ['Hi']],
    [
      'suggested actions become numbered lines',
      [MessageFactory.suggestedActions(['Me', 'My child'], 'Who is this for?') as Partial<Activity>],
      ['Who is this for?\n1. Me\n2. My child'],
    ],
    [
      'a hero card of imBack buttons (ChoiceFactory for Teams)',
      [MessageFactory.attachment(CardFactory.heroCard('', 'Any fever?', [], CardFactory.actions([{ type: 'imBack', title: 'Yes', value: 'yes' }, { type: 'imBack', title: 'No', value: 'no' }]))) as Partial<Activity>],
      ['Any fever?\n1. Yes\n2. No'],
    ],
    [
      'an adaptive card with Action.Submit answers',
      [
        message({
          attachments: [
            CardFactory.adaptiveCard({
              type: 'AdaptiveCard',
              version: '1.5',
              body: [{ type: 'TextBlock', text: '**Bruising?**' }],
              actions: [
                { type: 'Action.Submit', title: 'Yes', data: { answer: 'yes' } },
                { type: 'Action.Submit', title: 'Not sure', data: { text: 'not sure' } },
                { type: 'Action.OpenUrl', title: 'Call', url: 'tel:+18886633488' },
              ],
            }),
          ],
        }),
      ],
      ['Bruising?\nCall (+18886633488)\n1. Yes\n2. Not sure'],
    ],
    [
      'markdown, tel: links and curly quotes become plain GSM-7',
      [message({ text: '**Call** [1-888-663-3488](tel:+18886633488) \u2013 we\u2019re here \uD83D\uDE0A' })],
      ["Call 1-888-663-3488 - we're here"],
    ],
    [
      'each list is numbered from 1',
      [MessageFactory.suggestedActions(['A', 'B'], 'First?') as Partial<Activity>, MessageFactory.suggestedActions(['C', 'D', 'E'], 'Second?') as Partial<Activity>],
      ['First?\n1. A\n2. B\n\nSecond?\n1. C\n2. D\n3. E'],
    ],
    ['no replies, no messages', [], []],
  ])('%s', (_name, activities, messages) => {
    expect(renderSmsReply(activities)).toEqual({ messages });
  });

  it('splits a reply past 1,600 characters into several messages', () => {
    const sentence = 'Bone or joint pain that does not go away can be a sign to get checked. ';
    const reply = renderSmsReply([message({ text: sentence.repeat(40) })]);
    expect(reply.messages.length).toBe(2);
    for (const body of reply.messages) expect(body.length).toBeLessThanOrEqual(1600);
  });
});
