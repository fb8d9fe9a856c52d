/**
 * A template once per customer, as an operator sets up many customers on one n8n: the customer's
 * credentials imported, the copy named after the customer (also in Customer Settings) and
 * pointed at them, its schedule
 * firing every few seconds so that publishing it makes production runs within a test.
 */
import {
	readTemplate,
	toApply,
	withCustomerSettings,
	withScheduleEverySeconds,
} from '../../fixtures/templates';
import type { N8nInstance } from '../n8nInstance';
import { importCredentials, importWorkflows, withCredentials, type WorkflowJson } from '../realN8n';
import type { Tenant } from './tenants';

export async function importCustomerCopies(
	main: N8nInstance,
	tenants: readonly Tenant[],
	file: string,
	options: { scheduleSeconds: number; change?: (workflow: WorkflowJson) => WorkflowJson },
): Promise<WorkflowJson[]> {
	const credentials = await importCredentials(
		main,
		tenants.flatMap((tenant) => tenant.credentials),
	);
	const change = options.change ?? ((workflow: WorkflowJson) => workflow);
	const template = withScheduleEverySeconds(
		change(toApply(readTemplate(file).workflow)),
		options.scheduleSeconds,
	);
	const copies = tenants.map((tenant) => ({
		...withCredentials(
			withCustomerSettings(template, { customer: tenant.name }),
			credentials.filter((credential) => credential.name.startsWith(`${tenant.name} `)),
		),
		name: `${tenant.name}: ${template.name}`,
	}));
	return await importWorkflows(main, copies);
}
