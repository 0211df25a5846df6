// Preloaded (`node --require`) into every n8n process the harness starts. If the harness process dies without
// cleaning up (jest killed, SIGKILL), n8n would keep running as an orphan; this watchdog notices the parent is gone
// and takes n8n's whole process group (n8n + its task runners) down with it.
'use strict';
const parentPid = Number(process.env.N8N_HARNESS_PARENT_PID);
if (parentPid > 0) {
	const timer = setInterval(() => {
		let alive = true;
		try {
			process.kill(parentPid, 0);
		} catch {
			alive = false;
		}
		if (!alive || process.ppid !== parentPid) {
			try {
				process.kill(-process.pid, 'SIGKILL');
			} catch {
				process.exit(1);
			}
		}
	}, 1000);
	timer.unref();
}
