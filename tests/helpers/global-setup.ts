// Runs once per vitest run, in the main process, before any test file (vitest.config.ts).
import type { TestProject } from 'vitest/node';
import { prepareOtherUser, removeOtherUser } from './other-user.js';

export default function setup(project: TestProject): () => void {
  const otherUser = prepareOtherUser();
  project.provide('otherUser', otherUser);
  return () => removeOtherUser(otherUser);
}
