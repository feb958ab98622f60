// T4: the suite must give the same results whatever host time zone the process runs under.
// Runs vitest once per zone (the default zone already ran in `npm test`).
import { execFileSync } from 'node:child_process';

const zones = ['Pacific/Kiritimati', 'America/St_Johns'];
for (const tz of zones) {
  console.log(`\n# vitest under TZ=${tz}`);
  execFileSync('npx', ['vitest', 'run', '--reporter=dot'], { stdio: 'inherit', env: { ...process.env, TZ: tz } });
}
