import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDirectory, analyzeDoc } from '../../src/analyze.ts';
import { isBoilerplate } from '../../src/ingest/boilerplate.ts';
import type { Article } from '../../src/doc/types.ts';
import { defaultStages } from '../../src/pipeline/default.ts';
import { createPipeline } from '../../src/pipeline/runner.ts';
import { CORPUS, ingestFixture, tempDir } from '../helpers.ts';

const pipeline = createPipeline(defaultStages(), { freeze: true });

async function analyzeFixture(relPath: string): Promise<Article> {
  const [doc] = await ingestFixture(relPath);
  const result = analyzeDoc(doc!, pipeline);
  if ('code' in result) throw new Error(result.message);
  return result;
}

/** Every name the article's entities carry: names, English names and mention texts. */
function namesOf(a: Article): string[] {
  return a.entities.flatMap((e) => [e.name, e.nameEn ?? '', ...e.mentions.map((m) => m.text)]).filter(Boolean);
}

/** True when a person entity carries `name` as its name or as a mention. */
const isPerson = (a: Article, name: string) =>
  a.entities.some((e) => e.type === 'person' && (e.name === name || e.nameEn === name || e.mentions.some((m) => m.text === name)));

// Issue 10: bylines (`-- By …` header lines of the wires) and credits
// (`(Reporting by …; Writing by …; Editing by …)`, `Additional reporting by`)
// name the journalists, not actors of the story. Reporters and the people
// quoted sometimes share a family name (Kim, Lee), so the check is by full name.
describe('bylines and credits are not entities; the people quoted are', () => {
  it.each([
    ['reuters/us-apple-cook-idUSBRE84T03O20120530.txt',
      // -- By Alexei Oreskovic and Poornima Gupta; (Editing by Matt Driskill and Mark Potter)
      ['Alexei Oreskovic', 'Poornima Gupta', 'Matt Driskill', 'Mark Potter'],
      ['Tim Cook']],
    ['reuters/us-samsung-investment-idUSBRE9A500U20131106.txt',
      // -- By Miyoung Kim; (Additional reporting by Hyunjoo Jin; Editing by Stephen Coates)
      ['Miyoung Kim', 'Hyunjoo Jin', 'Stephen Coates'],
      ['Kim Sung-soo', 'Lee Sang-hoon', 'Robert Yi', 'J.K. Shin']],
    ['reuters/us-tsmc-apple-idUSTRE76E0MZ20110715.txt',
      // -- By Clare Jim and Argin Chang; (Additional reporting by Miyoung Kim in SEOUL, Poornima Gupta and
      // Noel Randewich in SAN FRANCISCO and Lee Chyen Yee in HONG KONG; Editing by Jonathan Standing and Anshuman Daga)
      ['Clare Jim', 'Argin Chang', 'Miyoung Kim', 'Poornima Gupta', 'Noel Randewich', 'Lee Chyen Yee', 'Jonathan Standing', 'Anshuman Daga'],
      ['William Wang', 'Seo Won-seok', 'Bevan Yeh']],
    ['reuters/us-tsmc-idUSTRE56T1LV20090730.txt',
      // -- By Argin Chang and Kelvin Soh; (Additional reporting by Faith Hung; Writing by Lee Chyen Yee; editing by Anshuman Daga)
      ['Argin Chang', 'Kelvin Soh', 'Faith Hung', 'Lee Chyen Yee', 'Anshuman Daga'],
      ['Derek Lin']],
    ['reuters/us-update-2-lenovo-rises-as-mobile-data-idUSBRE9A60LZ20131107.txt',
      // -- By Paul Carsten; (Reporting by Paul Carsten; Editing by Kenneth Maxwell)
      ['Paul Carsten', 'Kenneth Maxwell'],
      ['Yang Yuanqing', 'Wong Wai Ming', 'Alberto Moel']],
    ['reuters/us-intel-ceo-idUSBRE95R0XK20130628.txt',
      // -- By Noel Randewich; (Reporting by Noel Randewich, additional reporting by Bill Rigby; Editing by Bernard Orr)
      ['Noel Randewich', 'Bill Rigby', 'Bernard Orr'],
      ['Renee James']],
    ['reuters/us-huawei-results-idUSBRE86N0SI20120724.txt',
      // -- By Lee Chyen Yee; (Editing by Neil Fullick)
      ['Lee Chyen Yee', 'Neil Fullick'],
      ['Michael Li', 'Scott Sykes']],
    ['reuters/us-microsoft-nokia-idUSBRE98202V20130903.txt',
      // -- By Ritsuko Ando and Bill Rigby; (Additional reporting by Terhi Kinnunen, Jussi Rosendahl and Niklas Pollard;
      // Editing by Peter Graff, Will Waterman and Tim Dobbyn)
      ['Ritsuko Ando', 'Bill Rigby', 'Terhi Kinnunen', 'Jussi Rosendahl', 'Niklas Pollard', 'Peter Graff', 'Will Waterman', 'Tim Dobbyn'],
      ['Rick Sherlund', 'Carolina Milanesi', 'Juha Varis']],
    ['reuters-2016/2016-01-26-apple-sells-fewer-iphones-than-expected-sees-china-weakness.md',
      // (Additional reporting by Anya George Tharakan in Bengaluru; Editing by Stephen R. Trousdale and <a …>Bill Rigby</a>)
      ['Anya George Tharakan', 'Stephen R. Trousdale', 'Bill Rigby'],
      ['J.J. Kinahan', 'Luca Maestri', 'Tim Cook']],
    ['reuters-2016/2016-04-28-chinas-xiaomi-aims-to-double-smart-home-device-sales-this-year-to-1-54-billion.md',
      // (Reporting by Beijing Newsroom; Writing by Yimou Lee; Editing by Kenneth Maxwell)
      ['Beijing Newsroom', 'Yimou Lee', 'Kenneth Maxwell'],
      ['Liu De']],
    ['reuters-2016/2016-05-23-to-halt-smartphone-slide-samsung-rewrites-playbook.md',
      // (Reporting by Se Young Lee, with additional reporting by Nataly Pak and Joyce Lee in SEOUL and Himank Sharma
      // in MUMBAI; Editing by Tony Munroe and Ian Geoghegan); the story itself names Jay Y. Lee
      ['Se Young Lee', 'Nataly Pak', 'Joyce Lee', 'Himank Sharma', 'Tony Munroe', 'Ian Geoghegan'],
      ['Kim Gae-youn', 'Kim Hyun-su']],
    ['reuters-2016/2016-06-08-bezos-says-amazon-to-up-india-investment-to-5-billion.md',
      // (Reporting by David Brunnstrom; Editing by Leslie Adler and Andrew Hay)
      ['David Brunnstrom', 'Leslie Adler', 'Andrew Hay'],
      ['Jeff Bezos']],
  ])('%s', async (relPath, credited, quoted) => {
    const a = await analyzeFixture(relPath);
    const names = namesOf(a).map((n) => n.toLowerCase());
    for (const reporter of credited) {
      expect(a.text, `${reporter} is left in the text`).not.toContain(reporter);
      expect(names.filter((n) => n.includes(reporter.toLowerCase())), `${reporter} became an entity`).toEqual([]);
    }
    expect(a.text).not.toMatch(/\b(?:Reporting|Writing|Editing) by\b/i);
    for (const person of quoted) expect(isPerson(a, person), `${person} is missing`).toBe(true);
  });
});

describe('bylines and credits of a wire saved as plain paragraphs', () => {
  it.each([
    // header bylines of reuters/ wires, as a line of their own
    ['By Paul Carsten', true],
    ['By Argin Chang and Kelvin Soh', true],
    ['By Alexei Oreskovic and Poornima Gupta', true],
    ['By Lee Chyen Yee', true],
    // reuters/us-alibaba-retail-…: sentences that open with By
    ['By encouraging retailers to be more Internet-savvy, and by building the networks to distribute goods nationwide, Alibaba is showing bricks and mortar rivals how to grow online without depending on its sites.', false],
    ['By building logistics and support systems around it, it\'s a way of transforming the entire retail industry and taking it to the next level," said Gartner analyst Praveen Sengar.', false],
  ])('%s is a byline: %s', (paragraph, expected) => {
    expect(isBoilerplate(paragraph)).toBe(expected);
  });

  it('drops the byline and the credit paragraph of a .txt article without the -- header', async () => {
    // reuters/us-tsmc-idUSTRE56T1LV20090730 re-laid as a plain text file: title, byline, body, credit.
    const wire = readFileSync(path.join(CORPUS, 'reuters/us-tsmc-idUSTRE56T1LV20090730.txt'), 'utf8');
    const body = wire.split('\n').filter((l) => l.trim() && !l.startsWith('-- ')).map((l) => l.trim().replace(/\s*\(Additional reporting[^()]*\)$/, ''));
    const dir = tempDir();
    writeFileSync(path.join(dir, 'tsmc.txt'), ['TSMC signals strong chips recovery', 'By Argin Chang and Kelvin Soh', ...body, '(Additional reporting by Faith Hung; Writing by Lee Chyen Yee; editing by  Anshuman Daga )'].join('\n\n'));
    const { articles, errors } = await analyzeDirectory(dir, { pipeline });
    expect(errors).toEqual([]);
    const a = articles[0]!;
    expect(a.title).toBe('TSMC signals strong chips recovery');
    expect(a.text.startsWith('TAIPEI (Reuters) - TSMC ( 2330.TW ), the world\'s largest contract chipmaker')).toBe(true);
    expect(a.text.endsWith('TSMC ended down 0.9 percent in line with the broader market.')).toBe(true);
    const names = namesOf(a).join('\n');
    for (const reporter of ['Argin Chang', 'Kelvin Soh', 'Faith Hung', 'Lee Chyen Yee', 'Anshuman Daga']) expect(names).not.toContain(reporter);
    expect(isPerson(a, 'Derek Lin')).toBe(true);
  });
});
