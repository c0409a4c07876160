import { CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import { submittedText } from '../../bot/crossChannel/cardSubmit';
import { fitForTeams, markdownToTeamsCardHtml, toTeamsMarkdown } from '../../bot/teams/teamsFormat';

describe('submittedText', () => {
  it.each<[string, Partial<Activity>, string | undefined]>([
    ['an Adaptive Card submit with {answer}', { type: 'message', text: '', value: { answer: 'yes' } }, 'yes'],
    ['a submit with {text} and no text field', { type: 'message', value: { text: 'my child' } }, 'my child'],
    ['answer wins over text', { type: 'message', value: { answer: 'no', text: 'x' } }, 'no'],
    ['a messageBack with a string value', { type: 'message', value: 'fever' }, 'fever'],
    ['typed text is left alone', { type: 'message', text: 'hello', value: { answer: 'yes' } }, undefined],
    ['a value without an answer', { type: 'message', value: { other: 1 } }, undefined],
    ['a blank answer', { type: 'message', value: { answer: '  ' } }, undefined],
    ['not a message', { type: 'invoke', value: { answer: 'yes' } }, undefined],
  ])('%s', (_name, activity, expected) => {
    expect(submittedText(activity)).toBe(expected);
  });
});

describe('toTeamsMarkdown', () => {
  it.each([
    ['bold, italics and links stay', 'Call **now**: [1-888-663-3488](tel:+18886633488) _today_', 'Call **now**: [1-888-663-3488](tel:+18886633488) _today_'],
    ['a header becomes bold', '## What to do next\nCall us', '**What to do next**\n\nCall us'],
    ['a single newline is doubled, since Teams drops it', 'Line one\nLine two', 'Line one\n\nLine two'],
    ['a paragraph break stays one break', 'One\n\nTwo', 'One\n\nTwo'],
    ['a table becomes lines', '| Sign | Days |\n|---|---|\n| Fever | 3 |', 'Sign - Days\n\nFever - 3'],
    ['rules and strike-through go', 'A\n\n***\n\n~~old~~ new', 'A\n\nold new'],
    ['lists keep one item a line', '- Fever\n- Bruises', '- Fever\n\n- Bruises'],
  ])('%s', (_name, input, expected) => {
    expect(toTeamsMarkdown(input)).toBe(expected);
  });
});

describe('markdownToTeamsCardHtml', () => {
  it.each([
    ['bold and links become HTML', 'Call **now** [1-888-663-3488](tel:+18886633488)', 'Call <b>now</b> <a href="tel:+18886633488">1-888-663-3488</a>'],
    ['text is escaped, quotes are not', 'age < 5 & "fever"', 'age &lt; 5 &amp; "fever"'],
    ['breaks', 'One\nTwo', 'One<br>Two'],
  ])('%s', (_name, input, expected) => {
    expect(markdownToTeamsCardHtml(input)).toBe(expected);
  });
});

describe('fitForTeams', () => {
  const imBacks = (titles: string[]): CardAction[] => titles.map((title) => ({ type: 'imBack', title, value: title.toLowerCase() }));

  it('keeps up to three imBack suggested actions, which Teams shows', () => {
    const activity = MessageFactory.suggestedActions(imBacks(['Yes', 'No', 'Not sure']), 'Any fever?');
    expect(fitForTeams(activity)).toEqual(activity);
  });

  it('moves four or more choices onto a hero card, because Teams shows only three suggested actions', () => {
    const fitted = fitForTeams(MessageFactory.suggestedActions(imBacks(['Me', 'My child', 'Someone else', 'Just looking']), 'Who is this for?'));
    expect(fitted.suggestedActions).toBeUndefined();
    expect(fitted.text).toBeUndefined();
    expect(fitted.attachments).toEqual([
      expect.objectContaining({
        contentType: CardFactory.contentTypes.heroCard,
        content: expect.objectContaining({ text: 'Who is this for?', buttons: imBacks(['Me', 'My child', 'Someone else', 'Just looking']) }),
      }),
    ]);
  });

  it('moves non-imBack suggested actions onto a hero card', () => {
    const fitted = fitForTeams(MessageFactory.suggestedActions([{ type: 'messageBack', title: 'Yes', value: { answer: 'yes' }, text: 'yes' }], 'Bruising?'));
    expect(fitted.attachments?.[0]?.contentType).toBe(CardFactory.contentTypes.heroCard);
  });

  it('writes hero card text as the HTML Teams cards take', () => {
    const fitted = fitForTeams(MessageFactory.attachment(CardFactory.heroCard('', '**Any** fever?', [], imBacks(['Yes', 'No']))));
    expect((fitted.attachments?.[0]?.content as { text: string }).text).toBe('<b>Any</b> fever?');
  });

  it('leaves plain-text and non-message activities alone', () => {
    const plain: Partial<Activity> = { type: 'message', text: '# not a header', textFormat: 'plain' };
    expect(fitForTeams(plain)).toEqual(plain);
    expect(fitForTeams({ type: 'typing' })).toEqual({ type: 'typing' });
  });
});
