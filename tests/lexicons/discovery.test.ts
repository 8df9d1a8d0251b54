import { describe, expect, it } from 'vitest';
import { loadDiscoveryLexicon } from '../../src/lexicons/discovery.ts';

describe('the discovery lexicon (lexicons/discovery/names.json)', () => {
  const lex = loadDiscoveryLexicon();

  it('loads with every list filled and no word listed twice in a list', () => {
    for (const key of ['companySuffixes', 'organizationSuffixes', 'englishCorporateSuffixes', 'englishOrganizationHeads', 'chineseSurnames', 'romanizedSurnames'] as const) {
      expect(lex[key].length, key).toBeGreaterThan(0);
      expect(new Set(lex[key]).size, key).toBe(lex[key].length);
    }
  });

  it('knows East Asian family names as English writes them, and organisation head words', () => {
    for (const name of ['Wang', 'Wong', 'Kim', 'Lee', 'Tanaka', 'Nguyen']) expect(lex.romanizedSurnames).toContain(name);
    for (const head of ['Securities', 'Holdings', 'Inc', 'University']) expect(lex.englishOrganizationHeads).toContain(head);
    // capitalised as written: a family name is matched case-sensitively
    expect(lex.romanizedSurnames.every((n) => /^[A-Z][a-z]+$/.test(n))).toBe(true);
  });
});
