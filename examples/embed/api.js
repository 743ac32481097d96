// The JavaScript API: mount() returns a handle with unmount().
import { mount } from '../ic-pathfinder.js';

const handle = await mount(document.getElementById('widget'), {
  storageKey: 'api',
  onComplete: (statuses) => console.log('IC Pathfinder statuses', statuses),
});
window.icpHandle = handle;
document.getElementById('unmount').addEventListener('click', () => handle.unmount());
