/**
 * n8n's Data tables, in memory, for workflows run through `runWorkflow` with `dataTables`.
 *
 * n8n's own Data table node (n8n-nodes-base.dataTable) reaches its database through the proxies
 * n8n-core builds from `additionalData['data-table'].dataTableProxyProvider`; this store provides
 * them. It follows what n8n's data-table module does for the operations the node uses
 * (packages/cli/src/modules/data-table: data-table.service.ts, data-table-rows.repository.ts,
 * data-table.repository.ts, data-table-proxy.service.ts), with SQLite's behaviour where the
 * databases differ:
 * - Tables belong to a project. The aggregate name filter is n8n's: a case-insensitive
 *   substring match (`LOWER(name) LIKE LOWER('%name%')`), newest `updatedAt` first, so
 *   `take: 1` can find "people_archive" when asked for "people". Creating a second table of the
 *   same (exact) name in a project fails as n8n's DataTableNameConflictError does.
 * - Rows have the system columns `id` (auto-increment, never reused, also not after a clear),
 *   `createdAt` and `updatedAt` (Date objects, as n8n's normalizeRows returns them), then the user
 *   columns in column order; a column not given is null.
 * - Values are checked and converted with n8n-workflow's `validateFieldType` exactly as n8n's
 *   service calls it (`strict: false, parseStrings: false`): "5" goes into a number column as 5,
 *   5 into a string column as "5", "x" into a number column is an error; unknown columns are
 *   rejected with `unknown column name '…'`.
 * - Filters are n8n's SQL: `eq null` is IS NULL, `neq null` IS NOT NULL, `neq v` also matches
 *   NULL; eq/lt/lte/gt/gte never match NULL; like (case-sensitive) and ilike treat only `%` as a
 *   wildcard and get `%…%` around a value without one; isEmpty is NULL or '', isNotEmpty neither.
 *   One filter is always ANDed; several are joined by the filter's type.
 * - Without `sortBy` rows come in id order (what SQLite gives for a rowid table); with it, NULLs
 *   sort first ascending and last descending (SQLite), ties by id.
 * - Any row change touches the table's `updatedAt` (n8n does, and the name lookup sorts by it).
 */
import {
	validateFieldType,
	type AddDataTableColumnOptions,
	type CreateDataTableColumnOptions,
	type CreateDataTableOptions,
	type DataTable,
	type DataTableColumn,
	type DataTableColumnJsType,
	type DataTableColumnType,
	type DataTableFilter,
	type DataTableInsertRowsReturnType,
	type DataTableInsertRowsResult,
	type DataTableProxyProvider,
	type DataTableRow,
	type DataTableRowReturn,
	type DataTableRowReturnWithState,
	type DataTableRows,
	type DeleteDataTableRowsOptions,
	type IDataTableProjectAggregateService,
	type IDataTableProjectService,
	type INode,
	type ListDataTableOptions,
	type ListDataTableRowsOptions,
	type UpdateDataTableOptions,
	type UpdateDataTableRowOptions,
	type UpsertDataTableRowOptions,
	type Workflow,
} from 'n8n-workflow';

const SYSTEM_COLUMN_TYPES: Record<string, DataTableColumnType> = {
	id: 'number',
	createdAt: 'date',
	updatedAt: 'date',
};
const FIELD_TYPE = {
	string: 'string',
	number: 'number',
	boolean: 'boolean',
	date: 'dateTime',
} as const;
const ALLOWED_NODES = [
	'n8n-nodes-base.dataTable',
	'n8n-nodes-base.dataTableTool',
	'n8n-nodes-base.evaluationTrigger',
	'n8n-nodes-base.evaluation',
];

/** n8n's UserErrors of the data-table module carry these messages. */
export class DataTableError extends Error {
	constructor(name: string, message: string) {
		super(message);
		this.name = name;
	}
}
const validationError = (message: string) =>
	new DataTableError('DataTableValidationError', message);
const notFoundError = (id: string) =>
	new DataTableError('DataTableNotFoundError', `Could not find the data table: '${id}'`);

type Cell = DataTableColumnJsType;
interface StoredRow {
	id: number;
	createdAt: Date;
	updatedAt: Date;
	values: Record<string, Cell>;
}
interface StoredTable {
	id: string;
	name: string;
	projectId: string;
	columns: DataTableColumn[];
	createdAt: Date;
	updatedAt: Date;
	rows: StoredRow[];
	nextRowId: number;
}

/** What a `getManyRowsAndCount` read saw; given to `onRowsRead` hooks. */
export interface RowsRead {
	/** 1 for the table's first read since the hook was set, 2 for the next, … */
	call: number;
	skip: number;
	take: number | undefined;
	/** Rows matching the filter when this page was read. */
	count: number;
	returned: number;
}
export type RowsReadHook = (read: RowsRead) => void;

export interface InMemoryDataTablesOptions {
	/** The project the workflows run in (`additionalData.dataTableProjectId`). */
	projectId?: string;
	/** The clock for createdAt / updatedAt; default `new Date()`. */
	now?: () => Date;
}

const copyCell = (cell: Cell): Cell => (cell instanceof Date ? new Date(cell.getTime()) : cell);

export class InMemoryDataTables {
	readonly projectId: string;
	/** Every proxy call, counted by method name (`getManyRowsAndCount`, `upsertRow`, …). */
	readonly calls: Record<string, number> = {};
	private readonly tables = new Map<string, StoredTable>();
	private readonly readHooks = new Map<string, { hook: RowsReadHook; calls: number }>();
	private readonly now: () => Date;
	private nextTableId = 1;
	private nextColumnId = 1;

	constructor(options: InMemoryDataTablesOptions = {}) {
		this.projectId = options.projectId ?? 'test-project';
		this.now = options.now ?? (() => new Date());
	}

	/** The `dataTableProxyProvider` n8n-core expects on `additionalData['data-table']`. */
	readonly provider: DataTableProxyProvider = {
		getDataTableAggregateProxy: async (_workflow: Workflow, node: INode, projectId?: string) => {
			this.checkNode(node);
			return this.aggregateProxy(projectId ?? this.projectId);
		},
		getDataTableProxy: async (
			_workflow: Workflow,
			node: INode,
			dataTableId: string,
			projectId?: string,
		) => {
			this.checkNode(node);
			return this.tableProxy(projectId ?? this.projectId, dataTableId);
		},
	};

	// ---- test hooks (what an admin does in the editor, or what a test wants to look at) ----

	/** The table of this exact name in the store's project, or undefined. */
	table(name: string): DataTable | undefined {
		const table = this.findByName(name);
		return table && this.describe(table);
	}

	/** A table's rows as n8n returns them (id order, fresh objects). Throws if there is no such table. */
	rows(name: string): DataTableRowReturn[] {
		return this.byName(name).rows.map((row) => this.toReturn(this.byName(name), row));
	}

	/** Deletes every row, as an admin clearing the table in the editor; ids keep counting. */
	clear(name: string): number {
		return this.clearTable(this.byName(name));
	}

	/** Creates a table as an admin would in the editor. */
	createTable(name: string, columns: CreateDataTableColumnOptions[]): DataTable {
		return this.create(this.projectId, { name, columns });
	}

	/** Inserts rows as an admin (or a concurrent run) would; validated like the node's inserts. */
	insert(name: string, rows: DataTableRows): DataTableRowReturn[] {
		const table = this.byName(name);
		return this.insertInto(table, this.validateRows(rows, table.columns, false));
	}

	/**
	 * Calls `hook` after each page read of the table, before the page goes back to the node: a
	 * hook that inserts a row on `call === 1` is a concurrent run adding a row between two pages.
	 * Returns a function that removes the hook.
	 */
	onRowsRead(name: string, hook: RowsReadHook): () => void {
		const id = this.byName(name).id;
		this.readHooks.set(id, { hook, calls: 0 });
		return () => this.readHooks.delete(id);
	}

	// ---- the proxies ----

	private aggregateProxy(projectId: string): IDataTableProjectAggregateService {
		return {
			getProjectId: () => projectId,
			createDataTable: async (options: CreateDataTableOptions) => {
				this.count('createDataTable');
				return this.create(projectId, options);
			},
			getManyAndCount: async (options: ListDataTableOptions) => {
				this.count('getManyAndCount');
				return this.listTables(projectId, options);
			},
			deleteDataTableAll: async () => {
				this.count('deleteDataTableAll');
				const mine = [...this.tables.values()].filter((t) => t.projectId === projectId);
				for (const table of mine) this.tables.delete(table.id);
				return mine.length > 0;
			},
		};
	}

	private tableProxy(projectId: string, dataTableId: string): IDataTableProjectService {
		const table = () => {
			const found = this.tables.get(dataTableId);
			if (!found || found.projectId !== projectId) throw notFoundError(dataTableId);
			return found;
		};
		const unsupported = (method: string) => async (): Promise<never> => {
			this.count(method);
			throw new Error(`InMemoryDataTables does not implement ${method}`);
		};
		return {
			updateDataTable: async ({ name }: UpdateDataTableOptions) => {
				this.count('updateDataTable');
				const found = table();
				this.checkUniqueName(name, projectId);
				found.name = name;
				found.updatedAt = this.now();
				return true;
			},
			deleteDataTable: async () => {
				this.count('deleteDataTable');
				this.tables.delete(table().id);
				return true;
			},
			getColumns: async () => {
				this.count('getColumns');
				return table().columns.map((c) => ({ ...c }));
			},
			addColumn: async (options: AddDataTableColumnOptions) => {
				this.count('addColumn');
				const found = table();
				const column = this.makeColumn(found.id, options, found.columns.length);
				found.columns.push(column);
				for (const row of found.rows) row.values[column.name] = null;
				return { ...column };
			},
			moveColumn: unsupported('moveColumn'),
			deleteColumn: unsupported('deleteColumn'),
			getManyRowsAndCount: async (dto: Partial<ListDataTableRowsOptions>) => {
				this.count('getManyRowsAndCount');
				return this.getRows(table(), dto);
			},
			insertRows: async <T extends DataTableInsertRowsReturnType>(
				rows: DataTableRows,
				returnType: T,
			) => {
				this.count('insertRows');
				const found = table();
				const inserted = this.insertInto(found, this.validateRows(rows, found.columns, false));
				const result =
					returnType === 'all'
						? inserted
						: returnType === 'id'
							? inserted.map(({ id }) => ({ id }))
							: { success: true, insertedRows: inserted.length };
				return result as DataTableInsertRowsResult<T>;
			},
			updateRows: async (options: UpdateDataTableRowOptions) => {
				this.count('updateRows');
				const found = table();
				const { data, filter } = this.validateUpdate(options, found.columns);
				if (options.dryRun) return this.dryRunUpdate(found, data, filter);
				return this.update(found, data, filter);
			},
			upsertRow: async (options: UpsertDataTableRowOptions) => {
				this.count('upsertRow');
				const found = table();
				const { data, filter } = this.validateUpdate(options, found.columns);
				if (options.dryRun) {
					const updated = this.dryRunUpdate(found, data, filter);
					if (updated.length > 0) return updated;
					const now = this.now();
					const after = { id: 0, createdAt: now, updatedAt: now, ...data };
					return this.dryRunPair(null, after);
				}
				const updated = this.update(found, data, filter);
				if (updated.length > 0) return updated;
				return this.insertInto(found, [data]);
			},
			deleteRows: async (options: DeleteDataTableRowsOptions) => {
				this.count('deleteRows');
				const found = table();
				if (!options.filter?.filters || options.filter.filters.length === 0) {
					throw validationError(
						'Filter is required for delete operations to prevent accidental deletion of all data',
					);
				}
				const matches = this.matching(found, this.validateFilter(options.filter, found.columns));
				const before = matches.map((row) => this.toReturn(found, row));
				if (options.dryRun) {
					return before.flatMap((row) => this.dryRunPair(row, null)) as DataTableRowReturn[];
				}
				const gone = new Set(matches);
				found.rows = found.rows.filter((row) => !gone.has(row));
				if (gone.size > 0) found.updatedAt = this.now();
				return before;
			},
			clearRows: async () => {
				this.count('clearRows');
				return { deletedCount: this.clearTable(table()) };
			},
		};
	}

	// ---- tables ----

	private checkNode(node: INode) {
		if (!ALLOWED_NODES.includes(node.type)) {
			throw new Error('This proxy is only available for Data table nodes');
		}
	}

	private count(method: string) {
		this.calls[method] = (this.calls[method] ?? 0) + 1;
	}

	private findByName(name: string, projectId = this.projectId) {
		return [...this.tables.values()].find((t) => t.projectId === projectId && t.name === name);
	}

	private byName(name: string) {
		const table = this.findByName(name);
		if (!table) throw new Error(`No data table named "${name}" in project ${this.projectId}`);
		return table;
	}

	private checkUniqueName(name: string, projectId: string) {
		if (this.findByName(name, projectId)) {
			throw new DataTableError(
				'DataTableNameConflictError',
				`Data table with name '${name}' already exists in this project`,
			);
		}
	}

	private makeColumn(
		dataTableId: string,
		options: CreateDataTableColumnOptions,
		index: number,
	): DataTableColumn {
		if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(options.name)) {
			throw validationError(
				`Invalid column name '${options.name}': only letters, numbers and underscores, starting with a letter`,
			);
		}
		if (options.name in SYSTEM_COLUMN_TYPES || options.name === 'dryRunState') {
			throw new DataTableError(
				'DataTableSystemColumnNameConflictError',
				`Column name "${options.name}" is reserved as a system column name.`,
			);
		}
		if (!(options.type in FIELD_TYPE)) {
			throw validationError(`Unknown column type '${options.type}'`);
		}
		return {
			id: `col${this.nextColumnId++}`,
			name: options.name,
			type: options.type,
			index: options.index ?? index,
			dataTableId,
		};
	}

	private create(projectId: string, { name, columns }: CreateDataTableOptions): DataTable {
		this.checkUniqueName(name, projectId);
		const id = `dt${String(this.nextTableId++).padStart(14, '0')}`;
		const made = columns.map((column, i) => this.makeColumn(id, column, i));
		if (new Set(made.map((c) => c.name)).size !== made.length) {
			throw validationError('Column names must be unique');
		}
		made.sort((a, b) => a.index - b.index);
		const now = this.now();
		const table: StoredTable = {
			id,
			name,
			projectId,
			columns: made,
			createdAt: now,
			updatedAt: now,
			rows: [],
			nextRowId: 1,
		};
		this.tables.set(id, table);
		return this.describe(table);
	}

	private describe(table: StoredTable): DataTable {
		return {
			id: table.id,
			name: table.name,
			columns: table.columns.map((c) => ({ ...c })),
			createdAt: new Date(table.createdAt.getTime()),
			updatedAt: new Date(table.updatedAt.getTime()),
			projectId: table.projectId,
		};
	}

	/** n8n's DataTableRepository.getManyAndCount for one project (name: case-insensitive substring). */
	private listTables(projectId: string, options: ListDataTableOptions = {}) {
		const filter = options.filter ?? {};
		let found = [...this.tables.values()].filter((t) => t.projectId === projectId);
		for (const [key, wanted] of Object.entries(filter)) {
			const values = Array.isArray(wanted) ? wanted : [wanted];
			if (key === 'name') {
				for (const name of values) {
					found = found.filter((t) => likeMatches(t.name, `%${name}%`, true));
				}
			} else if (key === 'id' || key === 'projectId') {
				if (values.length === 0) continue;
				found = found.filter((t) => values.includes(key === 'id' ? t.id : t.projectId));
			}
		}
		const [field, direction] = (options.sortBy ?? 'updatedAt:desc').split(':') as [
			'name' | 'createdAt' | 'updatedAt',
			string,
		];
		const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
		found.sort((a, b) => sign * compareCells(a[field], b[field]));
		const skip = options.skip ?? 0;
		const page = found.slice(skip, options.take ? skip + options.take : undefined);
		return { count: found.length, data: page.map((t) => this.describe(t)) };
	}

	// ---- rows ----

	private toReturn(table: StoredTable, row: StoredRow): DataTableRowReturn {
		const result: DataTableRowReturn = {
			id: row.id,
			createdAt: new Date(row.createdAt.getTime()),
			updatedAt: new Date(row.updatedAt.getTime()),
		};
		for (const column of table.columns) result[column.name] = copyCell(row.values[column.name]);
		return result;
	}

	/** n8n's DataTableService.validateAndTransformRows / validateAndTransformCell. */
	private validateRows(rows: DataTableRows, columns: DataTableColumn[], withSystem: boolean) {
		const types = new Map<string, DataTableColumnType>(columns.map((c) => [c.name, c.type]));
		if (withSystem) {
			for (const [name, type] of Object.entries(SYSTEM_COLUMN_TYPES)) types.set(name, type);
		}
		return rows.map((row) => {
			const transformed: DataTableRow = {};
			for (const key of Object.keys(row)) {
				const type = types.get(key);
				if (!type) throw validationError(`unknown column name '${key}'`);
				transformed[key] = this.validateCell(row[key], key, type);
			}
			return transformed;
		});
	}

	private validateCell(cell: Cell, key: string, type: DataTableColumnType): Cell {
		if (cell === null || cell === undefined) return null;
		const result = validateFieldType(key, cell, FIELD_TYPE[type], {
			strict: false,
			parseStrings: false,
		});
		if (!result.valid) {
			throw validationError(
				`value '${String(cell)}' does not match column type '${type}': ${result.errorMessage}`,
			);
		}
		if (type === 'date') {
			const value = result.newValue as unknown as { toUTC(): { toJSDate(): Date } } | Date;
			const date = value instanceof Date ? value : value.toUTC().toJSDate();
			if (isNaN(date.getTime())) {
				throw validationError(`value '${String(cell)}' does not match column type 'date'`);
			}
			return date;
		}
		return result.newValue as Cell;
	}

	/** n8n's DataTableService.validateAndTransformFilters. */
	private validateFilter(filter: DataTableFilter, columns: DataTableColumn[]): DataTableFilter {
		const values = this.validateRows(
			filter.filters.map((f) => ({ [f.columnName]: f.value })),
			columns,
			true,
		);
		const filters = filter.filters.map((f, i) => {
			const value = values[i][f.columnName];
			if (f.condition === 'like' || f.condition === 'ilike') {
				if (value === null || value === undefined) {
					throw validationError(
						`${f.condition.toUpperCase()} filter value cannot be null or undefined`,
					);
				}
				if (typeof value !== 'string') {
					throw validationError(`${f.condition.toUpperCase()} filter value must be a string`);
				}
				return { ...f, value: value.includes('%') ? value : `%${value}%` };
			}
			if (['gt', 'gte', 'lt', 'lte'].includes(f.condition) && value === null) {
				throw validationError(
					`${f.condition.toUpperCase()} filter value cannot be null or undefined`,
				);
			}
			return { ...f, value };
		});
		return { ...filter, filters };
	}

	private validateUpdate(
		{ data, filter }: { data: DataTableRow; filter: DataTableFilter },
		columns: DataTableColumn[],
	) {
		if (columns.length === 0) {
			throw validationError('No columns found for this data table or data table not found');
		}
		if (!filter?.filters || filter.filters.length === 0) {
			throw validationError('Filter must not be empty');
		}
		if (!data || Object.keys(data).length === 0) {
			throw validationError('Data columns must not be empty');
		}
		const [transformed] = this.validateRows([data], columns, false);
		return { data: transformed, filter: this.validateFilter(filter, columns) };
	}

	private cellOf(row: StoredRow, column: string): Cell {
		if (column === 'id') return row.id;
		if (column === 'createdAt') return row.createdAt;
		if (column === 'updatedAt') return row.updatedAt;
		return row.values[column] ?? null;
	}

	private matching(table: StoredTable, filter: DataTableFilter | undefined) {
		if (!filter || filter.filters.length === 0) return [...table.rows];
		const any = filter.filters.length > 1 && filter.type === 'or';
		return table.rows.filter((row) => {
			const results = filter.filters.map((f) =>
				conditionHolds(this.cellOf(row, f.columnName), f.condition, f.value),
			);
			return any ? results.some(Boolean) : results.every(Boolean);
		});
	}

	private getRows(table: StoredTable, dto: Partial<ListDataTableRowsOptions>) {
		const filter = dto.filter ? this.validateFilter(dto.filter, table.columns) : undefined;
		const found = this.matching(table, filter);
		if (dto.sortBy) {
			const [field, direction] = dto.sortBy;
			const sign = direction === 'DESC' ? -1 : 1;
			found.sort(
				(a, b) => sign * compareCells(this.cellOf(a, field), this.cellOf(b, field)) || a.id - b.id,
			);
		}
		const skip = dto.skip ?? 0;
		const page = found.slice(skip, dto.take ? skip + dto.take : undefined);
		const result = { count: found.length, data: page.map((row) => this.toReturn(table, row)) };
		const hooked = this.readHooks.get(table.id);
		if (hooked) {
			hooked.calls++;
			hooked.hook({
				call: hooked.calls,
				skip,
				take: dto.take,
				count: result.count,
				returned: result.data.length,
			});
		}
		return result;
	}

	private insertInto(table: StoredTable, rows: DataTableRows): DataTableRowReturn[] {
		const inserted = rows.map((row) => {
			const now = this.now();
			const stored: StoredRow = {
				id: table.nextRowId++,
				createdAt: now,
				updatedAt: now,
				values: Object.fromEntries(
					table.columns.map((c) => [c.name, copyCell(row[c.name] ?? null)]),
				),
			};
			table.rows.push(stored);
			return this.toReturn(table, stored);
		});
		if (inserted.length > 0) table.updatedAt = this.now();
		return inserted;
	}

	private update(table: StoredTable, data: DataTableRow, filter: DataTableFilter) {
		const matches = this.matching(table, filter);
		const now = this.now();
		for (const row of matches) {
			for (const [key, value] of Object.entries(data)) row.values[key] = copyCell(value);
			row.updatedAt = now;
		}
		if (matches.length > 0) table.updatedAt = now;
		return matches.map((row) => this.toReturn(table, row));
	}

	private dryRunUpdate(table: StoredTable, data: DataTableRow, filter: DataTableFilter) {
		return this.matching(table, filter).flatMap((row) => {
			const before = this.toReturn(table, row);
			return this.dryRunPair(before, { ...before, ...data, updatedAt: this.now() });
		});
	}

	/** n8n's DataTableRowsRepository.toDryRunRows. */
	private dryRunPair(
		before: DataTableRowReturn | null,
		after: DataTableRowReturn | null,
	): DataTableRowReturnWithState[] {
		const template = (before ?? after)!;
		const nullRow = {
			id: null,
			createdAt: null,
			updatedAt: null,
			...Object.fromEntries(Object.keys(template).map((key) => [key, null])),
		};
		return [
			{ ...(before ?? nullRow), dryRunState: 'before' },
			{ ...(after ?? nullRow), dryRunState: 'after' },
		];
	}

	private clearTable(table: StoredTable) {
		const deletedCount = table.rows.length;
		table.rows = [];
		if (deletedCount > 0) table.updatedAt = this.now();
		return deletedCount;
	}
}

/** SQL comparison of two non-null cells of one column type (NULL sorts first, as in SQLite). */
function compareCells(a: Cell | undefined, b: Cell | undefined): number {
	if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
	if (b === null || b === undefined) return 1;
	if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	const [x, y] = [String(a), String(b)];
	return x < y ? -1 : x > y ? 1 : 0;
}

/** SQL LIKE where only `%` is a wildcard (n8n escapes `_`); `insensitive` is ILIKE / UPPER(). */
function likeMatches(text: string, pattern: string, insensitive: boolean) {
	const source = pattern
		.split('%')
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('[\\s\\S]*');
	return new RegExp(`^${source}$`, insensitive ? 'iu' : 'u').test(text);
}

/** One filter condition on one cell, with SQL's NULL semantics as n8n writes the SQL. */
function conditionHolds(
	cell: Cell,
	condition: DataTableFilter['filters'][number]['condition'],
	value: Cell,
): boolean {
	switch (condition) {
		case 'isEmpty':
			return cell === null || cell === '';
		case 'isNotEmpty':
			return cell !== null && cell !== '';
		case 'eq':
			if (value === null) return cell === null;
			return cell !== null && compareCells(cell, value) === 0;
		case 'neq':
			if (value === null) return cell !== null;
			return cell === null || compareCells(cell, value) !== 0;
		case 'lt':
			return cell !== null && compareCells(cell, value) < 0;
		case 'lte':
			return cell !== null && compareCells(cell, value) <= 0;
		case 'gt':
			return cell !== null && compareCells(cell, value) > 0;
		case 'gte':
			return cell !== null && compareCells(cell, value) >= 0;
		case 'like':
			return cell !== null && likeMatches(String(cell), String(value), false);
		case 'ilike':
			return cell !== null && likeMatches(String(cell), String(value), true);
		default:
			throw new Error(`Unsupported filter condition: ${String(condition)}`);
	}
}
