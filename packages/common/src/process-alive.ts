// Whether a process recorded in a pid file still runs. A zombie (exited, not yet reaped: its
// parent is an init that does not reap, as in some containers and VMs) counts as gone, and so does
// a live process that is not ours (pid reused after a reboot or a container restart): when
// `commandMarker` is given, the process's command line must contain it.
import { readFileSync } from 'node:fs';

export function processAlive(pid: number, commandMarker?: string): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true; // no /proc: trust kill(0)
  }
  // "pid (comm) S ...": the state follows the last ')'.
  const close = stat.lastIndexOf(')');
  if (stat.slice(close + 2, close + 3) === 'Z') return false;
  if (commandMarker === undefined) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(commandMarker);
  } catch {
    return false;
  }
}
