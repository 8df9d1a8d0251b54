/**
 * Editorial boilerplate that is not part of an article's text: bylines,
 * editor lines, republication notices, copyright notices, photo credits and
 * wire credits. Chart data sources (数据来源：Canalys) are content and stay.
 */
const WHOLE_PARAGRAPH: RegExp[] = [
  // 36氪 republication notes: 本文来自微信公众号“智东西”（ID:zhidxcom），作者：…，36氪经授权发布。
  /^(?:编者按[：:])?\s*本文(?:来自|转载自|转自|首发于).{0,160}(?:授权|作者|ID)/,
  // bylines and editor lines: 文｜董洁 编辑｜乔芊, 责任编辑：朝晖, 作者：张三
  /^(?:文|作者|编辑|主编|责编|责任编辑|撰文|采写|记者|图|摄影|校对|出品|策划)\s*[｜|:：].{0,60}$/,
  // photo credits: 图片来源：华为智选, 来源 | 理想汽车官网, （图片来自：台积电官网）
  /^[（(]?(?:图片|图|照片|配图|题图|封面)(?:来源|来自)\s*[：:|｜].{0,40}[）)]?$/,
  /^来源\s*[|｜]\s*.{1,30}$/,
  // copyright notices and sourcing disclaimers
  /^版权声明[：:]/,
  /^(?:注|声明)[：:]\s*本文.{0,30}(?:来源|转载|授权)/,
  /^(?:免责声明|风险提示)[：:]/,
  // link lines to the original
  /^(?:Source|原文链接|阅读原文|查看原文)$/,
  // wire credits on their own line: (Reporting by …; Editing by …)
  /^\((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Research)\b[^)]*\)$/i,
  // English bylines on their own line: By Paul Carsten, By Argin Chang and Kelvin Soh (names only, so
  // a sentence such as “By building logistics …” stays)
  /^By\s+[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w.'’-]*){0,11}$/,
];

// A wire credit closing the last paragraph of a Reuters story.
const TRAILING_WIRE_CREDIT = /\s*\((?:Additional )?(?:Reporting|Writing|Editing)\s+by\b[^()]*\)\s*$/i;

/** True when a whole paragraph is editorial boilerplate. */
export function isBoilerplate(paragraph: string): boolean {
  return WHOLE_PARAGRAPH.some((re) => re.test(paragraph));
}

/** Removes a wire credit that closes a paragraph; returns the paragraph unchanged otherwise. */
export function stripTrailingCredit(paragraph: string): string {
  return paragraph.replace(TRAILING_WIRE_CREDIT, '');
}
