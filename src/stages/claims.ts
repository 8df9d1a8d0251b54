import { buildClaims } from '../claims/build.ts';
import { defineStage } from '../pipeline/stage.ts';
import { entityResources } from './entities.ts';

/** The claims layer (CONTRACT.md `Claim`): quantities bound to metric, subject, status and source. */
export const claimsStage = defineStage({
  name: 'claims',
  requires: ['sentences', 'entities', 'quotes'],
  provides: ['claims'],
  run(doc, layers) {
    return {
      claims: buildClaims({
        text: doc.text,
        lang: doc.meta.language === 'en' ? 'en' : 'zh',
        publishedAt: doc.meta.publishedAt,
        sentences: layers.sentences,
        entities: layers.entities,
        quotes: layers.quotes,
        cues: entityResources().cues,
      }),
    };
  },
});
