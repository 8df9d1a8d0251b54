import { describe, expect, it } from 'vitest';
import type { Article, Quote } from '../../src/doc/types.ts';
import { analyzeText } from '../pipeline/analyze-text.ts';

interface Expected {
  kind: Quote['kind'];
  text: string;
  /** the speaker's name as the text writes it, or null */
  speaker: string | null;
  cue?: string | null;
}

/** The quote with the given text, as kind, text, speaker name (or English name) and cue. */
function quoteOf(a: Article, text: string): Expected | undefined {
  const q = a.quotes.find((x) => x.text === text);
  if (!q) return undefined;
  const entity = q.speaker ? a.entities.find((e) => e.id === q.speaker!.id) : undefined;
  return { kind: q.kind, text: q.text, speaker: q.speaker ? entity?.nameEn ?? q.speaker.name : null, cue: q.cue };
}

// Passages copied from the wires in tests/fixtures/corpus/reuters* (named in
// each comment); a paragraph break is a line break, as ingest writes it. Where
// a quotation needs its speaker named first, the story's lead paragraph is put
// before it, as the article itself does.
const COOK_LEAD = 'RANCHOS PALOS VERDES, California (Reuters) - Apple Inc Chief Executive Tim Cook said technology for televisions was of "intense interest" but stressed the company\'s efforts would unfold gradually amid speculation the iPad and iPhone maker was on the brink of unveiling a revolutionary iTV.';

describe('English quotations and their speakers', () => {
  it.each<[string, string, Expected]>([
    // reuters/us-apple-cook-…: a partial quotation governed by "said"
    ['a partial quotation', COOK_LEAD,
      { kind: 'speech', text: 'intense interest', speaker: 'Tim Cook' }],
    // reuters/us-apple-cook-…: "…," Cook said, then a quotation that runs on after the attribution
    ['"…," Cook said', `${COOK_LEAD}\n"This is an area of intense interest for us," Cook said, referring to Apple's existing television set-top box product. "We're going to keep pulling this string and see where it takes us."`,
      { kind: 'speech', text: 'This is an area of intense interest for us,', speaker: 'Tim Cook', cue: 'said' }],
    ['a quotation continuing the one before', `${COOK_LEAD}\n"This is an area of intense interest for us," Cook said, referring to Apple's existing television set-top box product. "We're going to keep pulling this string and see where it takes us."`,
      { kind: 'speech', text: "We're going to keep pulling this string and see where it takes us.", speaker: 'Tim Cook' }],
    // reuters/us-apple-cook-…: "…," Cook told …
    ['"…," Cook told', `${COOK_LEAD}\nIn one of his more revealing interviews since assuming the helm of the world's most valuable company, Cook also said he hoped someday to see Apple products manufactured in the United States and outlined his approach to managing an organization long-associated with its late founder Steve Jobs. "Another thing that Steve taught us all is to not to be focused on the past," Cook told this year's All Things Digital conference, an annual gathering of A-list technology and media executives in the upscale California coastal resort town of Rancho Palos Verdes.`,
      { kind: 'speech', text: 'Another thing that Steve taught us all is to not to be focused on the past,', speaker: 'Tim Cook', cue: 'told' }],
    // reuters/us-apple-cook-…: "…," he added after a quotation Cook said
    ['"…," he added', `${COOK_LEAD}\n"There are things that can be done in the U.S., not just for the U.S. market but that can be exported for the world," Cook said. "On the assembly piece, could that be done in the U.S.? I hope so, again, one day," he added.`,
      { kind: 'speech', text: 'On the assembly piece, could that be done in the U.S.? I hope so, again, one day,', speaker: 'Tim Cook', cue: 'added' }],
    // reuters/us-apple-cook-…: he said, after another man (Jobs) was named
    ['"…," he said', `${COOK_LEAD}\nOne Jobs legacy that Cook flagged is Apple's well-known penchant for going to great lengths to keep details of new products under tight wraps, noting that he planned to "double down on secrecy" on products. But he suggested Apple would not be constrained by its past. "I love museums, but I don't want to live in one," he said.`,
      { kind: 'speech', text: "I love museums, but I don't want to live in one,", speaker: 'Tim Cook', cue: 'said' }],
    // reuters/us-apple-cook-…: a partial quotation; the cue "noted" is separated from its subject by a relative clause
    ['"Cook, who …, noted"', `${COOK_LEAD}\nCook, who has previously said the Apple TV product had a hobby status inside the company, noted the company was sticking with it despite not being known as a "hobby kind of company."`,
      { kind: 'speech', text: 'hobby kind of company.', speaker: 'Tim Cook' }],
    // reuters/us-tsmc-apple-…: "…," said <title> <name>, and the next quotation
    ['"…," said analyst William Wang', '"Apple is trying to diversify its orders but it will still maintain some kind of relationship with Samsung," said Fubon Securities analyst William Wang. "I think TSMC will get the new chip orders, the issue however is allocation. Apple won\'t give the whole 100 percent to TSMC. Maybe it\'ll allocate only 20-30 percent."',
      { kind: 'speech', text: 'Apple is trying to diversify its orders but it will still maintain some kind of relationship with Samsung,', speaker: 'William Wang', cue: 'said' }],
    ['the next quotation of William Wang', '"Apple is trying to diversify its orders but it will still maintain some kind of relationship with Samsung," said Fubon Securities analyst William Wang. "I think TSMC will get the new chip orders, the issue however is allocation. Apple won\'t give the whole 100 percent to TSMC. Maybe it\'ll allocate only 20-30 percent."',
      { kind: 'speech', text: "I think TSMC will get the new chip orders, the issue however is allocation. Apple won't give the whole 100 percent to TSMC. Maybe it'll allocate only 20-30 percent.", speaker: 'William Wang' }],
    // reuters/us-samsung-investment-…: title run between the quotation and the name
    ['"…," Chief Financial Officer Lee Sang-hoon told', '"Our management view is that our product valuation multiple does not truly reflect our earnings growth and leadership position in the IT industry," Chief Financial Officer Lee Sang-hoon told analysts at the meeting in Seoul.',
      { kind: 'speech', text: 'Our management view is that our product valuation multiple does not truly reflect our earnings growth and leadership position in the IT industry,', speaker: 'Lee Sang-hoon' }],
    // reuters/us-samsung-investment-…: the name, an apposition, then the verb
    ['"…," Robert Yi, head of …, told', '"This indicates if you help our share prices go up, dividend will go up because we got a target dividend yield. That\'s the magic of this whole formula," Robert Yi, head of Samsung\'s investor relations, told analysts.',
      { kind: 'speech', text: "This indicates if you help our share prices go up, dividend will go up because we got a target dividend yield. That's the magic of this whole formula,", speaker: 'Robert Yi' }],
    // reuters/us-samsung-investment-…: Lee (surname) and then he
    ['"…," he said, after the surname', '"Our management view is that our product valuation multiple does not truly reflect our earnings growth and leadership position in the IT industry," Chief Financial Officer Lee Sang-hoon told analysts at the meeting in Seoul. Lee said the $50 billion war chest was being prepared for "significant investment" in strategic technologies, mergers or acquisitions, suggesting the company could loosen its purse strings as it chases the next big thing in mobile technology. "I know we have been somewhat conservative in M&A but it may be different in the future. Based on this, I don\'t believe the current level of net cash balance is excessive," he said.',
      { kind: 'speech', text: "I know we have been somewhat conservative in M&A but it may be different in the future. Based on this, I don't believe the current level of net cash balance is excessive,", speaker: 'Lee Sang-hoon', cue: 'said' }],
    // reuters/us-huawei-results-…: it said — the company as speaker
    ['"…," it said in the statement', 'Huawei did not provide first-half figures on net profit or its gross profit margin. "Huawei continues to maintain robust growth momentum although the global economic situation and telecom equipment market remains a significant challenge," it said in the statement.',
      { kind: 'speech', text: 'Huawei continues to maintain robust growth momentum although the global economic situation and telecom equipment market remains a significant challenge,', speaker: 'Huawei' }],
    // reuters/us-tsmc-idUSTRE56T1LV20090730: "…," Lin said, after "Derek Lin, a fund manager at …"
    ['"…," Lin said', '"Since TSMC raised its capex, that shows it is optimistic about its outlook for the next 6-12 months," Derek Lin, a fund manager at Uni-President Asset Management. "Although second quarter results were quite good, it did not beat market expectations by too much," Lin said.',
      { kind: 'speech', text: 'Although second quarter results were quite good, it did not beat market expectations by too much,', speaker: 'Derek Lin', cue: 'said' }],
    // reuters-2016/2016-01-26-apple-…: the last of two quotations in a paragraph, after "said J.J. Kinahan"
    ['said J.J. Kinahan, then a second quotation', '"It\'s disappointing to see them miss on an already downward adjusted sales number and the fact is that with their iPhone growth slowing what was needed was a product to be excited about," said J.J. Kinahan, chief strategist at TD Ameritrade. "Pressure on the shares will continue without a well-defined plan to grow sales or a new product."',
      { kind: 'speech', text: 'Pressure on the shares will continue without a well-defined plan to grow sales or a new product.', speaker: 'J.J. Kinahan' }],
    // reuters-2016/2016-01-26-apple-…: paragraphs of their own, the second quotation one paragraph on
    ['"…," Maestri said', 'While revenue in Greater China rose 14 percent in the last quarter, Apple is beginning to see a shift in the economy, particularly in Hong Kong, Apple Chief Financial Officer Luca Maestri told Reuters in an interview.\n"As we move into the March quarter it\'s becoming more apparent that there are some signs of economic softness," Maestri said. "We are starting to see something that we have not seen before."',
      { kind: 'speech', text: "As we move into the March quarter it's becoming more apparent that there are some signs of economic softness,", speaker: 'Luca Maestri', cue: 'said' }],
  ])('%s', (_what, passage, expected) => {
    expect(quoteOf(analyzeText(passage), expected.text)).toMatchObject(expected);
  });

  it('keeps a quotation that runs over two paragraphs as one, with its speaker', () => {
    // reuters/us-update-2-lenovo-…: Moel's second quotation, laid out over two paragraphs the way wires print
    // one that continues (the first paragraph left open, the next opened again); the dataset joins them with a space.
    const passage = 'This year\'s acquisition of Brazil\'s CCE and Indianapolis-based Stoneware in 2012 provide examples, said Alberto Moel, a Hong Kong-based analyst at Sanford C. Bernstein. "They\'re under the radar, doing deals that suit their strategy, paying as little as possible, applying their product portfolio and capabilities and monetizing that," said Moel, speaking before Thursday\'s earnings were released.\n'
      + '"These are small deals, that they can pay for in cash, to meet the needs of a particular geographic coverage or particular product.\n'
      + '"On the server side they\'ll be looking for corporate server capabilities - there are some smaller companies in the server business that could be a good fit."';
    const a = analyzeText(passage);
    const text = 'These are small deals, that they can pay for in cash, to meet the needs of a particular geographic coverage or particular product.\n"On the server side they\'ll be looking for corporate server capabilities - there are some smaller companies in the server business that could be a good fit.';
    expect(quoteOf(a, text)).toMatchObject({ kind: 'speech', speaker: 'Alberto Moel' });
    expect(a.quotes.filter((q) => q.kind === 'speech').map((q) => q.text.slice(0, 20))).toEqual(["They're under the ra", 'These are small deal']);
    expect(a.messages.filter((m) => m.ruleId === 'quotes/unbalanced')).toEqual([]);
  });
});

describe('English terms and indirect speech', () => {
  it.each<[string, string, Expected]>([
    // reuters/us-autos-tesla-…: scare quotes
    ['scare quotes', 'The automaker reached its profit milestone at a time of increased difficulty for other "green" car startups, including Fisker Automotive.',
      { kind: 'term', text: 'green', speaker: null }],
    // reuters/us-byd-comeback-…: a product name in quotation marks
    ['a product name', 'As part of this refocus, BYD plans to launch "Qin," a gas-electric hybrid, in the fourth quarter, the company said in an emailed statement to Reuters.',
      { kind: 'term', text: 'Qin,', speaker: null }],
    // reuters/us-apple-cook-…: reported speech without quotation marks
    ['indirect speech', `${COOK_LEAD}\nWhen asked specifically if Apple was making a television set, Cook said he was not going to answer that question.`,
      { kind: 'indirect', text: 'he was not going to answer that question', speaker: 'Tim Cook', cue: 'said' }],
  ])('%s', (_what, passage, expected) => {
    expect(quoteOf(analyzeText(passage), expected.text)).toMatchObject(expected);
  });
});
