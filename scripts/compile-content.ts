// Prints content/ as JSON, or fails listing every rule it breaks.
import { loadContentFrom } from '../src/content/parse.js';
import { contentProblems } from '../src/content/validate.js';

const content = loadContentFrom(process.argv[2] ?? 'content');
const problems = contentProblems(content);
if (problems.length > 0) {
  process.stderr.write(`content/ breaks ${problems.length} rule(s):\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify(content));
