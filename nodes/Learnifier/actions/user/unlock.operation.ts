import { hardLockOperation } from './lock.operation';

export const { description, execute } = hardLockOperation('unlock');
