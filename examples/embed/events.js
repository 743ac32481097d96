// Shows the icp-complete events the widgets fire (statuses only, never answers).
document.addEventListener('icp-complete', (e) => {
  const line = `${e.target.id}: ${JSON.stringify(e.detail.statuses)}`;
  document.getElementById('events').textContent += line + '\n';
});
