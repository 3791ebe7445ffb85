import { mountShell } from './mountShell.tsx';

mountShell('panel');
