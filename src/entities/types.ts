import type { EntityType } from '../doc/types.ts';

/** A mention found in the text, before mentions are grouped into entities. */
export interface FoundMention {
  start: number;
  end: number;
  id: string;
  type: EntityType;
  name: string;
  nameEn: string | null;
  org: string | null;
  discovered: boolean;
  /** a reference (该公司, Cook after Tim Cook, 小米CEO) rather than a name */
  coref?: boolean;
}
