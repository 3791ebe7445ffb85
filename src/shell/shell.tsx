import { mountShell } from './mountShell.tsx';

mountShell('tab');
