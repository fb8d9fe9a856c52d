import { hardLockOperation } from './hardLockOperation';

export const { description, execute } = hardLockOperation('lock');
