// Three mistakes the declarations must catch (e2e/vite-app.spec.mjs expects
// exactly these three errors, at these lines).
import { mount } from 'ic-pathfinder';

await mount(document.body, { storage: 'cloud' });
document.addEventListener('icp-step', (event) => console.log(event.detail.answer));
document.createElement('ic-pathfinder').unmount();
