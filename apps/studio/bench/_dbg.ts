import { launchBrowser, newContext } from '../e2e/harness';
import { serveBuild } from './serve';
const { server, url } = await serveBuild(process.argv[2]!);
const b = await launchBrowser(); const c = await newContext(b); const p = await c.newPage();
p.on('pageerror', (e) => console.log('ERR', e.message)); p.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
await p.goto(url); await p.waitForTimeout(5000); console.log(await p.locator('[data-testid="app"]').getAttribute('data-ready'));
await b.close(); await server.close();
