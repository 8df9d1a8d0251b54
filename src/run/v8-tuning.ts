/**
 * V8 settings for runs long enough to use worker threads.
 *
 * With V8's defaults, an analysing thread kept V8's helper threads busy
 * compiling for a third to a half as long as it analysed: TurboFan
 * optimises a hot function with its callees inlined, and when a later article brings an
 * object of another shape or takes a branch not seen before, the function
 * is deoptimised and compiled again, inlinees and all. That goes on long
 * after warm-up (10,000 articles: about 560 compiles in the first 300
 * files, 880 by the 3,000th). On a machine whose cores are all analysing,
 * that compiling takes turns with the analysis. Half V8's inlining budget
 * makes each compile smaller; the analysing threads ran no slower with it.
 *
 * Tried and not kept: a larger interrupt budget (optimise later, on fuller
 * feedback) cut the helpers' time by 40% but added as much to the
 * analysing threads, which then ran longer in the slower tiers.
 *
 * V8 flags belong to the process, so they are set once, before the first
 * worker starts, and apply to every thread. `STRATLENS_V8_TUNING=0` leaves
 * V8's defaults (for comparing).
 */
import { setFlagsFromString } from 'node:v8';

/** The flags; V8 11.3's default for this one is 920. */
export const V8_TUNING_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=460'];

let applied = false;

/**
 * Sets {@link V8_TUNING_FLAGS} for this process, once, unless the environment
 * says `STRATLENS_V8_TUNING=0`. Returns whether they are set.
 */
export function tuneV8ForLongRuns(env: NodeJS.ProcessEnv = process.env): boolean {
  if (applied) return true;
  if (env.STRATLENS_V8_TUNING === '0') return false;
  for (const flag of V8_TUNING_FLAGS) setFlagsFromString(flag);
  applied = true;
  return true;
}
