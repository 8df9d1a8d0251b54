import type { Entity } from '../doc/types.ts';
import { lowerBound } from '../doc/spans.ts';
import { matchTemplates, type CueLexicons, type PronounEntry, type SpeechVerbEntry, type TermMatch } from '../lexicons/cues.ts';

/** A mention of a possible speaker, in text order. */
interface SpeakerMention {
  start: number;
  end: number;
  entity: Entity;
}

export interface Speaker {
  id: string;
  name: string;
}

export interface Attribution {
  speaker: Speaker | null;
  cue: string;
  /** the range the attribution covers (speaker and cue), outside the quotation */
  start: number;
  end: number;
}

const SPEAKER_TYPES = new Set(['person', 'company', 'organization']);
// Clause ends: an attribution never reaches across them.
const CLAUSE_END = /[。！？；\n]/;
const MAX_GAP = 14;

/**
 * Finds who said what: the entity just before a cue, a pronoun or title
 * resolved to the last compatible entity, or an address form (雷总) resolved
 * by surname. Built once per article from its entity layer.
 */
export class SpeakerResolver {
  private readonly mentions: SpeakerMention[];

  constructor(
    private readonly text: string,
    entities: readonly Entity[],
    private readonly cues: CueLexicons,
    private readonly lang: 'zh' | 'en',
  ) {
    this.mentions = entities
      .filter((e) => SPEAKER_TYPES.has(e.type))
      .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
      .sort((a, b) => a.start - b.start || b.end - a.end);
  }

  private toSpeaker(entity: Entity): Speaker {
    return { id: entity.id, name: entity.name };
  }

  /** The last mention before `pos` of an entity of the given kind ('person', 'organization' = company or org, or any). */
  lastBefore(pos: number, kind: 'person' | 'organization' | 'any'): Entity | null {
    for (let i = lowerBound(this.mentions, pos) - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end > pos) continue;
      if (kind === 'any' || (kind === 'person' ? m.entity.type === 'person' : m.entity.type !== 'person')) return m.entity;
    }
    return null;
  }

  private bySurname(surname: string, before: number): Entity | null {
    for (let i = lowerBound(this.mentions, before) - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.entity.type === 'person' && m.start < before && (m.entity.name.startsWith(surname) || (m.entity.nameEn ?? '').split(' ').includes(surname))) return m.entity;
    }
    return null;
  }

  private resolvePronoun(entry: PronounEntry, surname: string | undefined, at: number): Entity | null {
    if (surname) return this.bySurname(surname, at);
    return this.lastBefore(at, entry.refersTo === 'any' ? 'any' : entry.refersTo);
  }

  /** The speaker whose name or pronoun ends at most MAX_GAP characters before `cueStart`, within the clause. */
  speakerBefore(cueStart: number, floor: number): { speaker: Speaker | null; start: number } {
    const from = Math.max(floor, cueStart - 40);
    let best: { entity: Entity | null; start: number; end: number } | null = null;
    for (let k = lowerBound(this.mentions, from); k < this.mentions.length && this.mentions[k]!.start < cueStart; k++) {
      const m = this.mentions[k]!;
      if (m.end > cueStart) continue;
      if (!best || m.end > best.end || (m.end === best.end && m.start < best.start)) best = { entity: m.entity, start: m.start, end: m.end };
    }
    // Pronouns and titles (他, 该负责人, the chief executive) and address forms (雷总, Mr. Cook).
    const window = this.text.slice(from, cueStart);
    const references = [
      ...matchTemplates(this.cues.addressForms, window).map((m) => ({ start: m.start, end: m.end, entry: m.entry, surname: m.slots.surname?.text })),
      ...this.cues.pronouns.findAll(window, this.lang).map((m) => ({ start: m.start, end: m.end, entry: m.entry, surname: undefined })),
    ];
    for (const r of references) {
      const start = from + r.start;
      const end = from + r.end;
      if (best && end <= best.end) continue;
      const entity = this.resolvePronoun(r.entry, r.surname, start);
      if (entity) best = { entity, start, end };
    }
    if (!best || cueStart - best.end > MAX_GAP || CLAUSE_END.test(this.text.slice(best.end, cueStart)) || /[，,：:“”"]/.test(this.text.slice(best.end, cueStart))) {
      return (this.lang === 'en' && this.beforeRelativeClause(cueStart, floor)) || { speaker: null, start: cueStart };
    }
    return { speaker: best.entity ? this.toSpeaker(best.entity) : null, start: best.start };
  }

  /** English: the name a relative clause hangs on, the clause ending at the cue — “Cook, who has previously said …, noted”. */
  private beforeRelativeClause(cueStart: number, floor: number): { speaker: Speaker; start: number } | null {
    const m = /,\s+(?:who|which)\s[^.;:"“”\n]*,\s*$/.exec(this.text.slice(floor, cueStart));
    if (!m) return null;
    const comma = floor + m.index;
    for (let k = lowerBound(this.mentions, comma) - 1; k >= 0 && this.mentions[k]!.start >= comma - 80; k--) {
      const x = this.mentions[k]!;
      if (x.end === comma) return { speaker: this.toSpeaker(x.entity), start: x.start };
    }
    return null;
  }

  /** The speech verb that ends the text just before `pos` (allowing ：，, and spaces between), if any. */
  cueEndingAt(pos: number, floor: number): TermMatch<SpeechVerbEntry> | null {
    let end = pos;
    while (end > floor && /[：:，,\s]/.test(this.text[end - 1]!)) end--;
    for (let start = Math.max(floor, end - 12); start < end; start++) {
      const m = this.cues.speechVerbs.matchAt(this.text, start, this.lang);
      if (m && m.end === end) return m;
    }
    return null;
  }

  /** Attribution before a quotation opening at `open`: 雷军表示：“…, or 雷军：“… */
  before(open: number): Attribution | null {
    const floor = clauseStart(this.text, open);
    const cue = this.cueEndingAt(open, floor);
    if (cue) {
      const who = this.speakerBefore(cue.start, floor);
      return { speaker: who.speaker, cue: cue.text, start: who.start, end: open };
    }
    // A name followed by a colon: 魏哲家：“…
    let end = open;
    while (end > floor && /[\s]/.test(this.text[end - 1]!)) end--;
    if (/[：:]/.test(this.text[end - 1] ?? '')) {
      const who = this.speakerBefore(end - 1, floor);
      if (who.speaker) return { speaker: who.speaker, cue: this.text[end - 1]!, start: who.start, end: open };
    }
    return null;
  }

  /**
   * Attribution after a quotation closing at `close`: ”，雷军说 / ”他强调 / ," Cook said /
   * ," said Cook / ," Robert Yi, head of investor relations, told analysts. The speaker
   * must stand right after the quotation, or right after the cue that does.
   */
  after(close: number): Attribution | null {
    let limit = close;
    while (limit < this.text.length && limit - close < 60 && !CLAUSE_END.test(this.text[limit]!) && !/[“"「]/.test(this.text[limit]!)) limit++;
    let lead = close;
    while (lead < limit && /[，,\s]/.test(this.text[lead]!)) lead++;
    const first = this.mentions[lowerBound(this.mentions, lead)];
    const leading = first && first.start === lead && first.entity.type === 'person' ? first : null;
    for (let i = lead; i < limit; i++) {
      const cue = this.cues.speechVerbs.matchAt(this.text, i, this.lang);
      // the cue must start within the window; its longest form may end past it (“… investor relations, told analysts”)
      if (!cue) continue;
      // A person named first, then an apposition, then the verb.
      if (leading && leading.end <= cue.start) return { speaker: this.toSpeaker(leading.entity), cue: cue.text, start: close, end: cue.end };
      const who = this.speakerBefore(cue.start, close);
      // Titles and the employer may stand between the quotation and the name: Chief Financial Officer Lee Sang-hoon told…
      if (who.speaker && (who.start <= lead || isTitleRun(this.text.slice(lead, who.start), this.lang))) return { speaker: who.speaker, cue: cue.text, start: close, end: cue.end };
      if (cue.start > lead) return null;
      // English inversion: "…," said Cook / said Fubon Securities analyst William Wang — the last person before the comma.
      if (this.lang === 'en') {
        let stop = cue.end;
        while (stop < this.text.length && !/[,.;\n]/.test(this.text[stop]!)) stop++;
        let person: SpeakerMention | null = null;
        for (let k = lowerBound(this.mentions, cue.end); k < this.mentions.length && this.mentions[k]!.start < stop; k++) {
          if (this.mentions[k]!.entity.type === 'person' || !person) person = this.mentions[k]!;
        }
        if (person && (person.entity.type === 'person' || person.start - cue.end <= 2)) return { speaker: this.toSpeaker(person.entity), cue: cue.text, start: close, end: person.end };
      }
      return { speaker: null, cue: cue.text, start: close, end: cue.end };
    }
    return null;
  }
}

/** The speaker of a quotation inside a sentence that a speech verb governs: who Cook said spent "virtually all…", noting that he planned to "double down…". */
export function governingSpeaker(resolver: SpeakerResolver, text: string, open: number, sentenceStart: number, cues: CueLexicons, lang: 'zh' | 'en'): Attribution | null {
  for (let i = open - 1; i >= sentenceStart; i--) {
    const cue = cues.speechVerbs.matchAt(text, i, lang);
    if (!cue || cue.end > open || cue.entry.strength < 2) continue;
    const who = resolver.speakerBefore(cue.start, sentenceStart);
    if (who.speaker) return { speaker: who.speaker, cue: cue.text, start: who.start, end: cue.end };
  }
  return null;
}

/** True for a short run of title words between a quotation and its speaker (Chief Financial Officer, 乘联会秘书长). */
function isTitleRun(run: string, lang: 'zh' | 'en'): boolean {
  if (lang === 'zh') return run.length <= 12 && !/[，。；：！？“”]/.test(run);
  const words = run.trim().split(/\s+/).filter(Boolean);
  return words.length <= 6 && (run.match(/,/g)?.length ?? 0) <= 1 && !/[.;:"“”]/.test(run);
}

/** Start of the clause that contains `pos`: just after the last sentence end or line break. */
export function clauseStart(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (CLAUSE_END.test(text[i]!) || text[i] === '”') return i + 1;
  return 0;
}
