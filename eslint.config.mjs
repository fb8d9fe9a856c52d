// n8n's community-node rules with n8n Cloud support, exactly as `npx n8n-node cloud-support enable`
// writes them, plus one line: the test tree is not linted by them. test/ holds the simulators,
// the n8n harness and the benchmarks, which need Node's own APIs (process, fs, http) that the
// Cloud rules rightly forbid in node code; nothing under test/ is shipped (README, "Lint").
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

export default [globalIgnores(['test/']), ...config];
