// The whole check-in, in order. Each step takes its flag or asks, and adds to the draft;
// nothing is saved until the last one is done (see commands/checkin.ts).
import type { Step } from './session.js';
import { connect } from './steps/connect.js';
import { followup } from './steps/followup.js';
import { intention } from './steps/intention.js';
import { mood } from './steps/mood.js';
import { practice } from './steps/practice.js';
import { principle } from './steps/principle.js';
import { prompts } from './steps/prompts.js';

export const STEPS: readonly Step[] = [followup, mood, principle, prompts, connect, practice, intention];
