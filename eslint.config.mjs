// n8n's own community-node rules, as n8n-nodes-starter uses them. The "without cloud support"
// variant is n8n's choice for packages that have runtime dependencies (we use zod and csv-parse).
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default configWithoutCloudSupport;
