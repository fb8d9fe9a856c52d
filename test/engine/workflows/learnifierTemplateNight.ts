/**
 * One night of workflows/admentum-to-learnifier.json through n8n's engine, against the Admentum
 * and Learnifier simulators, with n8n's Data table nodes over the given in-memory tables (kept
 * between nights by passing the same store again).
 */
import { readTemplate, withCustomerSettings } from '../../fixtures/templates';
import type { InMemoryDataTables } from '../dataTables';
import { runWorkflow, type RunResult, type WorkflowJson } from '../runWorkflow';
import { admentumCredential } from './admentumWorkflow';
import {
	ADMENTUM_CSV_PATH,
	type AdmentumSimulator,
} from '../../simulators/admentum/admentumSimulator';
import {
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	type LearnifierSimulator,
} from '../../simulators/learnifier/learnifierSimulator';

export interface LearnifierNight {
	admentum: AdmentumSimulator;
	learnifier: LearnifierSimulator;
	dataTables: InMemoryDataTables;
	/** Customer Settings besides schoolUnits (every school of the world) and mode (apply). */
	settings?: Record<string, string | number>;
	/** The admin's changes to their copy (e.g. nodes moved on the canvas). */
	change?: (workflow: WorkflowJson) => WorkflowJson;
}

export async function learnifierTemplateNight(night: LearnifierNight): Promise<RunResult> {
	const template = readTemplate('admentum-to-learnifier.json').workflow;
	const schoolUnits = night.admentum.state.world.schools.map((school) => school.id).join(',');
	const workflow = withCustomerSettings(template, {
		schoolUnits,
		mode: 'apply',
		...night.settings,
	}) as unknown as WorkflowJson;
	return await runWorkflow(night.change?.(workflow) ?? workflow, {
		credentials: {
			admentumApi: admentumCredential(night.admentum.url + ADMENTUM_CSV_PATH),
			learnifierApi: {
				baseUrl: night.learnifier.url,
				apiKey: LEARNIFIER_TEST_KEY,
				apiSecret: LEARNIFIER_TEST_SECRET,
			},
		},
		mode: 'trigger',
		dataTables: night.dataTables,
	});
}
