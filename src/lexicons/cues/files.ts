/**
 * The ten cue lexicon files and what each of their lists must satisfy, beyond
 * the field kinds: slot rules for templates and the checks that tie fields
 * of one entry, or entries of one list, together.
 */
import { BAND_QUALIFIERS, CLAIM_STATUSES, GROWTH_BASES, METRIC_DIRECTIONS, METRIC_KINDS, PRONOUN_KINDS, RANK_QUALIFIERS, REFERENTS, SCOPE_TYPES, SPEECH_ACTS } from './types.ts';
import { PATTERN, STRENGTH, TERM, req, type FileSpec, type Raw } from './schema.ts';

/**
 * Every entry's canonical must be a "zh" entry of the same list that is its own
 * canonical and agrees on `agree`. An invalid head was reported already, so its
 * dependents are not reported again.
 */
function checkCanonicals(valid: Raw[], all: Raw[], agree: string, say: (msg: string) => void): void {
  const heads = new Map(all.filter((e) => e.lang === 'zh' && e.canonical === e.term).map((e) => [e.term, e]));
  valid.forEach((e) => {
    const head = heads.get(e.canonical);
    if (head && !valid.includes(head)) return;
    if (!head) say(`${JSON.stringify(e.term)}: canonical ${JSON.stringify(e.canonical)} is not a "zh" entry that is its own canonical`);
    else if (head[agree] !== e[agree]) say(`${JSON.stringify(e.term)}: ${agree} ${JSON.stringify(e[agree])} differs from its canonical's ${JSON.stringify(head[agree])}`);
  });
}

/** Every cue lexicon file, in the order the loader reads them. */
export const FILES: FileSpec[] = [
  {
    path: 'claims/metrics.json',
    lists: [{ key: 'entries', id: 'term', fields: { ...TERM, canonical: { t: 'string', req }, kind: { t: 'enum', values: METRIC_KINDS, req }, direction: { t: 'enum', values: METRIC_DIRECTIONS, req } } }],
    check: (valid, all, say) => checkCanonicals(valid.entries ?? [], all.entries ?? [], 'kind', say),
  },
  {
    path: 'claims/modality.json',
    lists: [
      { key: 'entries', id: 'term', fields: { ...TERM, status: { t: 'enum', values: CLAIM_STATUSES, req }, strength: STRENGTH } },
      {
        key: 'horizons', id: 'pattern', fields: { ...PATTERN, horizon: { t: 'enum', values: ['years', 'until-year'], req } },
        template: { allowed: ['n', 'year', 'any'], required: [] },
        check: (e, say) => {
          const slot = e.horizon === 'years' ? '{n}' : '{year}';
          if (!(e.pattern as string).includes(slot)) say(`horizon "${e.horizon}" needs the slot ${slot}`);
        },
      },
    ],
  },
  {
    path: 'claims/sources.json',
    lists: [{ key: 'entries', id: 'pattern', fields: { ...PATTERN, status: { t: 'enum', values: CLAIM_STATUSES, req } }, template: { allowed: ['source', 'any'], required: ['source'] } }],
  },
  {
    path: 'claims/rankings.json',
    lists: [
      {
        key: 'entries', id: 'term',
        fields: { ...TERM, rank: { t: 'int', min: 1, max: 1000, req, nullable: true }, qualifier: { t: 'enum', values: RANK_QUALIFIERS, req }, cueOnly: { t: 'true' } },
        check: (e, say) => {
          if (e.cueOnly && e.rank !== null) say('a cueOnly entry carries no rank (use null)');
          if (!e.cueOnly && e.qualifier !== 'relative' && e.rank === null) say(`qualifier "${e.qualifier}" needs a rank`);
          if (e.qualifier === 'at_most' && e.rank === 1) say('"at_most" rank 1 is "exact" rank 1');
        },
      },
      { key: 'patterns', id: 'pattern', fields: { ...PATTERN, qualifier: { t: 'enum', values: ['exact', 'at_most'], req } }, template: { allowed: ['n'], required: ['n'] } },
    ],
  },
  {
    path: 'claims/scopes.json',
    lists: [
      { key: 'entries', id: 'term', fields: { ...TERM, canonical: { t: 'string', req }, type: { t: 'enum', values: SCOPE_TYPES, req } } },
      {
        key: 'priceBands', id: 'pattern', fields: { ...PATTERN, qualifier: { t: 'enum', values: BAND_QUALIFIERS, req }, currency: { t: 'string', req } },
        template: { allowed: ['n', 'm'], required: ['n'] },
        check: (e, say) => {
          if ((e.qualifier === 'range') !== (e.pattern as string).includes('{m}')) say('qualifier "range" goes with the slot {m}, and only it');
          if (!/^[A-Z]{3}$/.test(e.currency as string)) say(`"currency" must be an ISO 4217 code, got ${JSON.stringify(e.currency)}`);
        },
      },
    ],
    check: (valid, all, say) => checkCanonicals(valid.entries ?? [], all.entries ?? [], 'type', say),
  },
  {
    path: 'claims/growth.json',
    lists: [
      {
        key: 'entries', id: 'term', fields: { ...TERM, sign: { t: 'enum', values: [1, -1], req }, impliedValue: { t: 'number', min: -100, max: 10000 } },
        check: (e, say) => { if (typeof e.impliedValue === 'number' && Math.sign(e.impliedValue) !== e.sign) say('"impliedValue" must have the sign of "sign"'); },
      },
      { key: 'bases', id: 'term', fields: { ...TERM, base: { t: 'enum', values: GROWTH_BASES, req } } },
      {
        key: 'magnitudes', id: 'term', fields: { ...TERM, min: { t: 'number', min: 0, max: 100000, req }, max: { t: 'number', min: 0, max: 100000, req } },
        check: (e, say) => { if ((e.min as number) > (e.max as number)) say('"min" is greater than "max"'); },
      },
    ],
  },
  {
    path: 'quotes/speech-verbs.json',
    lists: [{
      key: 'entries', id: 'term', fields: { ...TERM, act: { t: 'enum', values: SPEECH_ACTS, req }, strength: STRENGTH },
      template: { allowed: ['gap'], required: ['gap'] },
      termTemplate: (term) => (term.includes('…') ? term.replace('…', '{gap}') : null),
      check: (e, say) => {
        const term = e.term as string;
        if (term.split('…').length > 2) say('a discontinuous verb has exactly one "…"');
        if (term.startsWith('…') || term.endsWith('…')) say('"…" stands between two parts, never at an edge');
      },
    }],
  },
  {
    path: 'quotes/document-intros.json',
    lists: [
      { key: 'documentNouns', id: 'term', fields: TERM },
      {
        key: 'entries', id: 'pattern',
        fields: { ...PATTERN, kind: { t: 'enum', values: ['document'], req }, authorSlot: { t: 'bool', req }, strength: STRENGTH },
        template: { allowed: ['author', 'doc', 'any'], required: [] },
        check: (e, say) => { if (e.authorSlot !== (e.pattern as string).includes('{author}')) say('"authorSlot" must be true exactly when the pattern has {author}'); },
      },
    ],
  },
  {
    path: 'quotes/pronouns.json',
    lists: [{
      key: 'entries', id: 'term',
      fields: { ...TERM, refersTo: { t: 'enum', values: REFERENTS, req }, kind: { t: 'enum', values: PRONOUN_KINDS, req }, gender: { t: 'enum', values: ['m', 'f'] } },
      template: { allowed: ['surname'], required: ['surname'] },
      termTemplate: (term) => (term.includes('{') ? term : null),
      check: (e, say) => {
        if ((e.kind === 'address') !== (e.term as string).includes('{surname}')) say('kind "address" goes with the slot {surname}, and only it');
        if (e.gender !== undefined && e.refersTo !== 'person') say('"gender" applies only to refersTo "person"');
      },
    }],
  },
  { path: 'quotes/titles.json', lists: [{ key: 'entries', id: 'term', fields: TERM }] },
];

/** The lexicon files, relative to the lexicon root. */
export const CUE_LEXICON_FILES: readonly string[] = FILES.map((f) => f.path);
